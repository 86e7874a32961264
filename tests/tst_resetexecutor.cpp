#include "fakeclusterapi.h"
#include "forwardingclusterapi.h"
#include "replay/resetexecutor.h"
#include "replay/resetpreview.h"

#include <QStandardPaths>

#include <functional>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

/// Forwards to the fake, with hooks to script what happens around the guard and the write.
class ScriptedApi final : public kops::test::ForwardingClusterApi
{
public:
    explicit ScriptedApi(std::shared_ptr<FakeClusterApi> fake) : ForwardingClusterApi(*fake), m_fake(std::move(fake)) {}
    int describes = 0;
    std::function<void(int describeCall)> onDescribe;
    std::function<std::optional<KafkaError>()> onAlter; ///< an error fails the whole request

    Result<QList<GroupDescription>> describeGroups(const QStringList &g) override
    {
        if (onDescribe)
            onDescribe(++describes);
        return m_fake->describeGroups(g);
    }
    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &g, const QList<PartitionOffset> &o) override
    {
        if (onAlter)
            if (auto error = onAlter())
                return *error;
        return m_fake->alterGroupOffsets(g, o);
    }

private:
    std::shared_ptr<FakeClusterApi> m_fake;
};

} // namespace

class TestResetExecutor final : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<FakeClusterApi> m_fake;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ResetJournal> m_journal;
    ConnectionProfile m_profile;

    ResetPlan planFor(const ResetStrategy &strategy, const QString &topic = QStringLiteral("orders"))
    {
        ResetScope scope;
        scope.topics = {{topic, {}}};
        auto p = prepareResetPlan(*m_fake, QStringLiteral("g"), scope, strategy, 0);
        if (!p.ok())
            qFatal("plan failed: %s", qPrintable(p.error().message));
        return p.value();
    }
    QMap<TopicPartition, qint64> committed() const { return m_fake->group(QStringLiteral("g")).committed; }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_journal = std::make_unique<ResetJournal>(m_dir->filePath(QStringLiteral("journal.sqlite")));
        m_profile = ConnectionProfile{};
        m_profile.name = QStringLiteral("test");
        m_fake = std::make_shared<FakeClusterApi>();
        m_fake->addTopic(QStringLiteral("orders"), 2);
        for (int i = 0; i < 20; ++i) {
            m_fake->append(QStringLiteral("orders"), 0, 1000 * (i + 1));
            m_fake->append(QStringLiteral("orders"), 1, 1000 * (i + 1));
        }
        FakeClusterApi::Group g;
        g.committed.insert({QStringLiteral("orders"), 0}, 15);
        g.committed.insert({QStringLiteral("orders"), 1}, 18);
        m_fake->setGroup(QStringLiteral("g"), g);
    }

    void guardListsActiveMembers()
    {
        FakeClusterApi::Group g = m_fake->group(QStringLiteral("g"));
        g.state = QStringLiteral("Stable");
        g.members = {{QStringLiteral("consumer-1-abc"), QStringLiteral("billing-svc"), QStringLiteral("/10.1.2.3"), {},
                      {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}}}};
        m_fake->setGroup(QStringLiteral("g"), g);
        const ResetPlan plan = planFor(ResetStrategy::toEarliest());
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(plan);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("NON_EMPTY_GROUP"));
        QCOMPARE(r.error().details.size(), 1);
        const QString member = r.error().details.first();
        QVERIFY2(member.contains(QStringLiteral("consumer-1-abc")) && member.contains(QStringLiteral("billing-svc"))
                     && member.contains(QStringLiteral("/10.1.2.3")) && member.contains(QStringLiteral("orders-0 orders-1")),
                 qPrintable(member));
        QCOMPARE(m_fake->alterCalls(), 0);
        QCOMPARE(m_journal->list().value().size(), 0);
        QCOMPARE(committed().value({QStringLiteral("orders"), 0}), qint64(15));
    }

    void secondGuardRightBeforeWrite()
    {
        const ResetPlan plan = planFor(ResetStrategy::toEarliest());
        ScriptedApi api(m_fake);
        api.onDescribe = [this](int call) {
            if (call != 2)
                return; // a consumer joins between the first check and the one right before the write
            FakeClusterApi::Group group = m_fake->group(QStringLiteral("g"));
            group.state = QStringLiteral("Stable");
            group.members = {{QStringLiteral("late-1"), QStringLiteral("late-client"), QStringLiteral("/10.0.0.9"), {}, {}}};
            m_fake->setGroup(QStringLiteral("g"), group);
        };
        ResetExecutor ex(api, *m_journal, m_profile);
        auto r = ex.apply(plan);
        QVERIFY(!r.ok());
        QVERIFY(r.error().details.first().contains(QStringLiteral("late-client")));
        QCOMPARE(m_fake->alterCalls(), 0);
        const auto history = m_journal->list().value();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().outcome, QStringLiteral("refused"));
    }

    void applyJournalAndUndo()
    {
        const ResetPlan plan = planFor(ResetStrategy::shiftBy(-10));
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(plan);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r.value().complete());
        QCOMPARE(committed().value({QStringLiteral("orders"), 0}), qint64(5));
        QCOMPARE(committed().value({QStringLiteral("orders"), 1}), qint64(8));

        auto entry = m_journal->entry(r.value().journalId);
        QVERIFY(entry.ok());
        QCOMPARE(entry.value().outcome, QStringLiteral("applied"));
        QCOMPARE(entry.value().group, QStringLiteral("g"));
        QCOMPARE(entry.value().connection, QStringLiteral("test"));
        QCOMPARE(entry.value().strategy, QStringLiteral("--shift-by -10"));
        QCOMPARE(entry.value().offsets.at(0).oldOffset, std::optional<qint64>(15));
        QCOMPARE(entry.value().offsets.at(0).newOffset, qint64(5));

        // Someone moves one partition in between: undo still restores exactly the recorded offsets.
        m_fake->alterGroupOffsets(QStringLiteral("g"), {PartitionOffset{QStringLiteral("orders"), 1, 11, {}, {}}});
        auto u = ex.undo(r.value().journalId);
        QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message));
        QCOMPARE(committed().value({QStringLiteral("orders"), 0}), qint64(15));
        QCOMPARE(committed().value({QStringLiteral("orders"), 1}), qint64(18));
        auto undoEntry = m_journal->entry(u.value().journalId);
        QCOMPARE(undoEntry.value().undoOf, std::optional<qint64>(r.value().journalId));
        QCOMPARE(undoEntry.value().offsets.at(1).oldOffset, std::optional<qint64>(11));
        QCOMPARE(undoEntry.value().outcome, QStringLiteral("applied"));
    }

    // Undo after the consumers moved on would rewind their progress: the preview measures it
    // against the offsets committed now and says how many records come round again.
    void undoPreviewCountsWhatConsumersProcessAgain()
    {
        for (int i = 0; i < 10; ++i)
            m_fake->append(QStringLiteral("orders"), 0, 100000 + i); // log end 30 on partition 0
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(planFor(ResetStrategy::toOffset(20)));     // 15 -> 20, 18 -> 20
        QVERIFY(r.ok() && r.value().complete());
        auto entry = m_journal->entry(r.value().journalId);
        QVERIFY(entry.ok());

        // Nothing moved yet: undoing only brings back what the reset skipped, nothing again.
        auto still = previewUndo(*m_fake, entry.value());
        QVERIFY(still.ok());
        QCOMPARE(still.value().reprocessTotal(), 0);
        QCOMPARE(still.value().movedOnWarning(), QString());

        // The consumers process 6 more records on partition 0.
        m_fake->alterGroupOffsets(QStringLiteral("g"), {PartitionOffset{QStringLiteral("orders"), 0, 26, {}, {}}});
        auto moved = previewUndo(*m_fake, entry.value());
        QVERIFY(moved.ok());
        const UndoPreview &p = moved.value();
        QCOMPARE(p.partitions.size(), 2);
        QCOMPARE(p.partitions.at(0).current, std::optional<qint64>(26));
        QCOMPARE(p.partitions.at(0).atReset, qint64(20));
        QCOMPARE(p.partitions.at(0).restoreTo, qint64(15));
        QCOMPARE(p.partitions.at(0).reprocess(), qint64(6));
        QCOMPARE(p.partitions.at(1).reprocess(), qint64(0));
        QCOMPARE(p.reprocessTotal(), qint64(6));
        QCOMPARE(p.movedOnTotal(), qint64(6));
        QCOMPARE(p.movedOnWarning(),
                 QStringLiteral("The consumers of 'g' have processed 6 records since reset %1: undoing it makes them "
                                "process 6 records again.")
                     .arg(r.value().journalId));
        QCOMPARE(m_fake->alterCalls(), 2); // the preview wrote nothing (the reset and the move above)
    }

    void undoUnderGuard()
    {
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(planFor(ResetStrategy::toLatest()));
        QVERIFY(r.ok());
        FakeClusterApi::Group g = m_fake->group(QStringLiteral("g"));
        g.members = {{QStringLiteral("m1"), QStringLiteral("c1"), QStringLiteral("/h1"), {}, {}}};
        g.state = QStringLiteral("Stable");
        m_fake->setGroup(QStringLiteral("g"), g);
        auto u = ex.undo(r.value().journalId);
        QVERIFY(!u.ok());
        QCOMPARE(u.error().code, QStringLiteral("NON_EMPTY_GROUP"));
        QCOMPARE(committed().value({QStringLiteral("orders"), 0}), qint64(20));
    }

    void undoOfPartitionWithoutCommitWarns()
    {
        FakeClusterApi::Group g = m_fake->group(QStringLiteral("g"));
        g.committed.remove({QStringLiteral("orders"), 1});
        m_fake->setGroup(QStringLiteral("g"), g);
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(planFor(ResetStrategy::toEarliest()));
        QVERIFY(r.ok());
        auto u = ex.undo(r.value().journalId);
        QVERIFY(u.ok());
        QCOMPARE(u.value().offsets.size(), 1);
        QCOMPARE(u.value().warnings.size(), 1);
        QVERIFY(u.value().warnings.first().contains(QStringLiteral("orders-1 had no committed offset")));
        QCOMPARE(committed().value({QStringLiteral("orders"), 0}), qint64(15));
    }

    void readOnlyRefused()
    {
        m_profile.readOnly = true;
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(planFor(ResetStrategy::toEarliest()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("READ_ONLY"));
        QVERIFY(r.error().message.contains(QStringLiteral("read-only")));
        QVERIFY(!ex.undo(1).ok());
        QCOMPARE(m_fake->alterCalls(), 0);
    }

    void perPartitionErrorsReported()
    {
        ResetPlan plan = planFor(ResetStrategy::toEarliest());
        // A partition that vanished after the preview: the broker refuses that one only.
        PlannedPartition ghost = plan.partitions.first();
        ghost.topic = QStringLiteral("gone");
        ghost.current.reset();
        plan.partitions.append(ghost);
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(plan);
        QVERIFY(r.ok());
        QCOMPARE(r.value().failedCount(), 1);
        QCOMPARE(r.value().outcome(), QStringLiteral("partial"));
        QCOMPARE(r.value().offsets.last().errorCode, QStringLiteral("UNKNOWN_TOPIC_OR_PART"));
        QCOMPARE(m_journal->entry(r.value().journalId).value().outcome, QStringLiteral("partial"));
    }

    void offsetsChangedSincePreview()
    {
        const ResetPlan plan = planFor(ResetStrategy::shiftBy(-1));
        m_fake->alterGroupOffsets(QStringLiteral("g"), {PartitionOffset{QStringLiteral("orders"), 0, 3, {}, {}}});
        const int calls = m_fake->alterCalls();
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        auto r = ex.apply(plan);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("OFFSETS_CHANGED"));
        QVERIFY(r.error().details.first().contains(QStringLiteral("orders-0: previewed 15, now 3")));
        QCOMPARE(m_fake->alterCalls(), calls);
    }

    void clusterDownBeforeWriteChangesNothing()
    {
        const ResetPlan plan = planFor(ResetStrategy::toEarliest());
        ResetExecutor ex(*m_fake, *m_journal, m_profile);
        const int calls = m_fake->alterCalls();
        const auto offsetsBefore = m_fake->group(plan.group).committed;
        const auto journalBefore = m_journal->list();
        QVERIFY(journalBefore.ok());
        m_fake->setDown(true);
        auto r = ex.apply(plan);
        QVERIFY(!r.ok()); // the first guard cannot reach the cluster: nothing written
        QCOMPARE(r.error().code, QStringLiteral("_TRANSPORT"));
        m_fake->setDown(false);
        QCOMPARE(m_fake->alterCalls(), calls);                            // no write attempted
        QCOMPARE(m_fake->group(plan.group).committed, offsetsBefore);   // offsets unchanged
        QCOMPARE(m_journal->list().value().size(), journalBefore.value().size()); // nothing journalled
    }

    void journalIsWrittenBeforeTheWrite()
    {
        ScriptedApi api(m_fake);
        QString outcomeDuringWrite;
        api.onAlter = [this, &outcomeDuringWrite]() -> std::optional<KafkaError> {
            const auto entries = m_journal->list().value();
            outcomeDuringWrite = entries.isEmpty() ? QStringLiteral("none") : entries.first().outcome;
            return std::nullopt;
        };
        ResetExecutor ex(api, *m_journal, m_profile);
        QVERIFY(ex.apply(planFor(ResetStrategy::toEarliest())).ok());
        QCOMPARE(outcomeDuringWrite, QStringLiteral("pending"));
    }

    void failedRequestIsReportedPerPartitionAndJournaled()
    {
        ScriptedApi api(m_fake);
        api.onAlter = [] { return std::optional<KafkaError>(KafkaError::make(QStringLiteral("_TIMED_OUT"), QStringLiteral("No answer in 8 s."))); };
        ResetExecutor ex(api, *m_journal, m_profile);
        auto r = ex.apply(planFor(ResetStrategy::toEarliest()));
        QVERIFY(r.ok()); // a write was attempted: the outcome, not an error, tells what happened
        QCOMPARE(r.value().failedCount(), 2);
        QCOMPARE(r.value().outcome(), QStringLiteral("failed"));
        for (const JournalOffset &o : r.value().offsets)
            QCOMPARE(o.errorCode, QStringLiteral("_TIMED_OUT"));
        const JournalEntry e = m_journal->entry(r.value().journalId).value();
        QCOMPARE(e.outcome, QStringLiteral("failed"));
        QVERIFY(e.outcomeDetail.contains(QStringLiteral("No answer")));
        QVERIFY(!ex.undo(e.id).ok()); // nothing was written, so nothing to undo
    }

    void journalUnavailableRefuses()
    {
        ResetJournal broken(QStringLiteral("/proc/nope/journal.sqlite"));
        ResetExecutor ex(*m_fake, broken, m_profile);
        auto r = ex.apply(planFor(ResetStrategy::toEarliest()));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("Nothing was changed")));
        QCOMPARE(m_fake->alterCalls(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResetExecutor)
#include "tst_resetexecutor.moc"
