// DeadLettersPage on the fake cluster: paging, filters, stale pages, detail pane, read-only,
// export and the requeue dialog. Screenshots with KOPS_DLQ_SCREENSHOTS=1 (to /tmp).
#include "dlq/deadletterdetail.h"
#include "dlq/deadlettermodel.h"
#include "dlq/deadletterspage.h"
#include "dlq/payloadviewer.h"
#include "dlq/requeuedialog.h"
#include "eventloopcheck.h"
#include "fakeclusterapi.h"
#include "mainwindow.h"
#include "mockcluster.h"
#include "rdkafkaclusterapi.h"
#include "requeueengine.h"
#include "support/bigendian.h"
#include "support/windowlayout.h"
#include "widgets/statusbanner.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTabWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTimer>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QTreeWidget>

using namespace kops;
using kops::test::be32;
using kops::test::be64;
using kops::test::FakeClusterApi;

namespace {

/// A Spring stack trace of about 20 KB whose first line (the exception and its message) has no break.
QByteArray longStackTrace()
{
    QByteArray t = "com.acme.payments.settlement.ReconciliationFailedException: could not reconcile chargeback "
                   "for merchant account ";
    t += QByteArray(3000, 'M');
    t += '\n';
    for (int i = 0; t.size() < 20 * 1024; ++i)
        t += QStringLiteral("\tat com.acme.payments.settlement.internal.ReconciliationStep%1.apply"
                            "(ReconciliationStep%1.java:%2)\n")
                 .arg(i)
                 .arg(100 + i)
                 .toUtf8();
    return t;
}

} // namespace

class TestDeadLettersPage : public QObject
{
    Q_OBJECT

    std::shared_ptr<FakeClusterApi> m_fake;
    std::unique_ptr<DeadLettersPage> m_page;

    ConnectionContextPtr context(bool readOnly = false) const
    {
        auto ctx = std::make_shared<ConnectionContext>();
        ctx->profile.name = QStringLiteral("test-cluster");
        ctx->profile.bootstrapServers = QStringLiteral("fake:9092");
        ctx->profile.readOnly = readOnly;
        ctx->createApi = test::sharedFactory(m_fake);
        return ctx;
    }
    void screenshot(const char *name)
    {
        if (!qEnvironmentVariableIsSet("KOPS_DLQ_SCREENSHOTS"))
            return;
        QTest::qWait(50);
        m_page->grab().save(QStringLiteral("/tmp/dlq-%1.png").arg(QLatin1String(name)));
    }
    void loadAndWait()
    {
        QSignalSpy loaded(m_page.get(), &DeadLettersPage::pageLoaded);
        QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
    }
    void setFilter(const char *objectPlaceholder, const QString &text)
    {
        for (QLineEdit *e : m_page->findChildren<QLineEdit *>())
            if (e->placeholderText() == QLatin1String(objectPlaceholder))
                e->setText(text);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_deadletterspage"));
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void init()
    {
        m_fake = std::make_shared<FakeClusterApi>();
        m_fake->addTopic(QStringLiteral("orders.DLT"), 3);
        m_fake->addTopic(QStringLiteral("orders"), 3);
        m_fake->addTopic(QStringLiteral("other.DLT"), 1);
        for (int i = 0; i < 900; ++i)
            m_fake->append(QStringLiteral("orders.DLT"), i % 3, 1700000000000LL + i * 1000,
                           QStringLiteral("{\"order\":%1,\"items\":[{\"sku\":\"A-%1\",\"qty\":2}],\"note\":\"retry me\"}").arg(i).toUtf8(),
                           QStringLiteral("order-%1").arg(i).toUtf8(),
                           {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                            {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 3)},
                            {QStringLiteral("kafka_dlt-original-offset"), QByteArray::number(5000 + i)},
                            {QStringLiteral("kafka_dlt-exception-fqcn"),
                             i % 10 == 0 ? QByteArray("java.lang.NullPointerException")
                                         : QByteArray("org.springframework.kafka.support.serializer.DeserializationException")},
                            {QStringLiteral("kafka_dlt-exception-message"), QByteArray("failed to process order")},
                            {QStringLiteral("kafka_dlt-exception-stacktrace"), QByteArray("at com.acme.Orders.handle(Orders.java:42)")}});
        for (int i = 0; i < 5; ++i)
            m_fake->append(QStringLiteral("other.DLT"), 0, 1, "x");
        m_page = std::make_unique<DeadLettersPage>();
        m_page->resize(1400, 800);
        m_page->show();
        m_page->setConnection(context());
        m_page->setTopic(QStringLiteral("orders.DLT"));
    }

    void cleanup() { m_page.reset(); }

    void firstPageThenMoreOnDemand()
    {
        loadAndWait();
        QCOMPARE(m_page->model()->rowCount(), 200);
        QVERIFY(!m_page->atEnd());
        QSignalSpy loaded(m_page.get(), &DeadLettersPage::pageLoaded);
        m_page->table()->scrollToBottom(); // reaching the bottom fetches the next page
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->rowCount(), 400);
        QSignalSpy finished(m_page.get(), &DeadLettersPage::browseFinished);
        m_page->scanToEnd();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_page->model()->rowCount(), 900);
        QVERIFY(m_page->statusText().contains(QStringLiteral("900 of 900")));
        QCOMPARE(m_page->errorClassTable()->rowCount(), 2);
        screenshot("browse");
    }

    // The tests above read through the fake's ClusterApi::read; production reads through the
    // streaming consumer (PartitionStream over RdKafkaClusterApi). The same browse, filter, scan
    // and export over librdkafka's mock cluster take that production path.
    void browseFilterScanAndExportOverTheProductionStream()
    {
        kops::test::MockCluster mock(1);
        mock.createTopic(QStringLiteral("orders.DLT"), 3, 1);
        const auto props = mock.clientProperties();
        {
            RdKafkaClusterApi seed(props);
            QList<OutgoingRecord> batch;
            for (int i = 0; i < 900; ++i) {
                OutgoingRecord r;
                r.topic = QStringLiteral("orders.DLT");
                r.partition = i % 3;
                r.key = QStringLiteral("order-%1").arg(i).toUtf8();
                r.value = QStringLiteral("{\"order\":%1}").arg(i).toUtf8();
                r.headers = {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                             {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 3)},
                             {QStringLiteral("kafka_dlt-original-offset"), QByteArray::number(5000 + i)},
                             {QStringLiteral("kafka_dlt-exception-fqcn"),
                              i % 10 == 0 ? QByteArray("java.lang.NullPointerException") : QByteArray("com.acme.Boom")}};
                batch.append(r);
            }
            auto reports = seed.produce(batch);
            QVERIFY(reports.ok());
            for (const DeliveryReport &d : reports.value())
                QVERIFY2(d.errorCode.isEmpty(), qPrintable(d.errorMessage));
        }
        auto ctx = std::make_shared<ConnectionContext>();
        ctx->profile.name = QStringLiteral("mock");
        ctx->profile.bootstrapServers = mock.bootstrapServers();
        ctx->createApi = [props] { return std::unique_ptr<ClusterApi>(std::make_unique<RdKafkaClusterApi>(props)); };
        m_page->setConnection(ctx);
        m_page->setTopic(QStringLiteral("orders.DLT"));

        loadAndWait();
        QCOMPARE(m_page->model()->rowCount(), 200);
        QSignalSpy finished(m_page.get(), &DeadLettersPage::browseFinished);
        m_page->scanToEnd();
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_page->model()->rowCount(), 900);
        QSet<QString> seen;
        for (int r = 0; r < 900; ++r) {
            const DeadLetterRecord &d = m_page->model()->record(r);
            const int i = d.record.key->mid(6).toInt();
            QCOMPARE(d.record.partition, i % 3);
            QCOMPARE(d.record.offset, qint64(i / 3));
            QCOMPARE(*d.record.value, QStringLiteral("{\"order\":%1}").arg(i).toUtf8());
            QCOMPARE(d.info.originalTopic, QStringLiteral("orders"));
            seen.insert(QString::fromUtf8(*d.record.key));
        }
        QCOMPARE(seen.size(), 900); // each record once
        QCOMPARE(m_page->errorClassTable()->rowCount(), 2);

        setFilter("error class", QStringLiteral("NullPointer"));
        loadAndWait();
        if (!m_page->atEnd()) {
            QSignalSpy done(m_page.get(), &DeadLettersPage::browseFinished);
            m_page->scanToEnd();
            QVERIFY(done.wait(20000));
        }
        QCOMPARE(m_page->model()->rowCount(), 90);
        for (int r = 0; r < 90; ++r)
            QCOMPARE(m_page->model()->record(r).info.errorClass, QStringLiteral("java.lang.NullPointerException"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("npe.jsonl"));
        QSignalSpy exported(m_page.get(), &DeadLettersPage::exportFinished);
        m_page->exportTo(path, false);
        QVERIFY(exported.wait(20000));
        QVERIFY(exported.first().first().toBool());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int lines = 0;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QStringLiteral("key")).toString().mid(6).toInt() % 10, 0);
            ++lines;
        }
        QCOMPARE(lines, 90);
        m_page.reset(); // its readers close before the mock cluster does
    }

    void filtersAndErrorClassCounts()
    {
        setFilter("error class", QStringLiteral("NullPointer"));
        loadAndWait();
        QSignalSpy finished(m_page.get(), &DeadLettersPage::browseFinished);
        if (!m_page->atEnd()) {
            m_page->scanToEnd();
            QVERIFY(finished.wait(10000));
        }
        QCOMPARE(m_page->model()->rowCount(), 90);
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            QCOMPARE(m_page->model()->record(r).info.errorClass, QStringLiteral("java.lang.NullPointerException"));
        QCOMPARE(m_page->errorClassTable()->rowCount(), 1);
        QCOMPARE(m_page->errorClassTable()->item(0, 1)->text(), QStringLiteral("90"));
    }

    void timeRangeFilter()
    {
        // Records are at 1700000000000 + i s; 2023-11-14T22:15:00 (UTC) is i = 100.
        setFilter("from time (UTC)", QStringLiteral("2023-11-14T22:15:00"));
        setFilter("until time (UTC)", QStringLiteral("1700000200000"));
        loadAndWait();
        QSignalSpy finished(m_page.get(), &DeadLettersPage::browseFinished);
        if (!m_page->atEnd()) {
            m_page->scanToEnd();
            QVERIFY(finished.wait(10000));
        }
        QCOMPARE(m_page->model()->rowCount(), 100);
        for (int r = 0; r < m_page->model()->rowCount(); ++r) {
            const qint64 ts = m_page->model()->record(r).record.timestampMs;
            QVERIFY(ts >= 1700000100000LL && ts < 1700000200000LL);
        }
    }

    void malformedTimeIsNamedNotReadAsZero()
    {
        setFilter("until time (UTC)", QStringLiteral("yesterday"));
        QSignalSpy shown(m_page.get(), &DeadLettersPage::statusMessage);
        QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
        // Validation answers during the click: a browse that started would already be busy.
        QVERIFY(shown.count() == 1 || shown.wait(10000));
        QCOMPARE(m_page->model()->rowCount(), 0);
        QVERIFY(!m_page->isBusy());
        auto *banner = m_page->findChild<StatusBanner *>();
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("'yesterday' is not a time")), qPrintable(banner->text()));
    }

    void invalidRegexIsShownNotLoaded()
    {
        setFilter("value contains", QStringLiteral("(oops"));
        for (QCheckBox *c : m_page->findChildren<QCheckBox *>())
            c->setChecked(true);
        QSignalSpy shown(m_page.get(), &DeadLettersPage::statusMessage);
        QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
        QVERIFY(shown.count() == 1 || shown.wait(10000));
        QCOMPARE(m_page->model()->rowCount(), 0);
        QVERIFY(!m_page->isBusy());
        auto *banner = m_page->findChild<StatusBanner *>();
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("(oops")), qPrintable(banner->text()));
        QCOMPARE(shown.first().first().toString(), banner->text());
    }

    void stalePagesNeverLand()
    {
        QSignalSpy loaded(m_page.get(), &DeadLettersPage::pageLoaded);
        m_page->load(); // orders.DLT...
        m_page->setTopic(QStringLiteral("other.DLT"));
        m_page->load(); // ...replaced at once
        QVERIFY(loaded.wait(10000));
        // One fetch thread, and pages are posted in order: by the time the new browse's first
        // page lands, the replaced browse has finished and anything it posted was delivered.
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(m_page->model()->rowCount(), 5);
        for (int r = 0; r < 5; ++r)
            QCOMPARE(m_page->model()->record(r).record.topic, QStringLiteral("other.DLT"));
    }

    void detailPane()
    {
        loadAndWait();
        m_page->table()->selectRow(0);
        QCOMPARE(m_page->valueViewer()->kind(), PayloadView::Kind::Json);
        QVERIFY(m_page->valueViewer()->jsonTree()->topLevelItemCount() == 1);
        QCOMPARE(m_page->keyViewer()->kind(), PayloadView::Kind::Text);
        QCOMPARE(m_page->headersTable()->rowCount(), 6);
        screenshot("detail");
    }

    void emptyStateSaysWhatToDoAndReturnLoads()
    {
        auto labelWith = [this](const char *text) {
            for (QLabel *l : m_page->findChildren<QLabel *>())
                if (l->isVisible() && l->text().contains(QLatin1String(text)))
                    return true;
            return false;
        };
        QVERIFY(labelWith("Choose a topic and press Load."));
        m_page->setConnection(nullptr);
        QVERIFY(labelWith("Not connected"));
        m_page->setConnection(context());
        // Typing a topic and pressing Return loads it, as in the filter fields.
        auto *topic = m_page->findChild<QComboBox *>();
        QVERIFY(topic && topic->isEditable());
        topic->lineEdit()->setText(QStringLiteral("other.DLT"));
        QSignalSpy loaded(m_page.get(), &DeadLettersPage::pageLoaded);
        QTest::keyClick(topic->lineEdit(), Qt::Key_Return);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_page->model()->rowCount(), 5);
    }

    // The topic list leads with the dead-letter topics and, with none chosen, offers the first.
    void deadLetterTopicsAreOfferedFirst()
    {
        DeadLettersPage page;
        page.setConnection(context());
        auto *topic = page.findChild<QComboBox *>();
        QTRY_COMPARE_WITH_TIMEOUT(topic->count(), 3, 5000);
        QCOMPARE(topic->itemText(0), QStringLiteral("orders.DLT"));
        QCOMPARE(topic->itemText(1), QStringLiteral("other.DLT"));
        QCOMPARE(topic->itemText(2), QStringLiteral("orders"));
        QCOMPARE(topic->currentText(), QStringLiteral("orders.DLT"));
        // A topic already chosen (typed, or opened from elsewhere) is kept.
        DeadLettersPage chosen;
        chosen.setTopic(QStringLiteral("orders"));
        chosen.setConnection(context());
        auto *other = chosen.findChild<QComboBox *>();
        QTRY_COMPARE_WITH_TIMEOUT(other->count(), 3, 5000);
        QCOMPARE(other->currentText(), QStringLiteral("orders"));
    }

    void binaryHeadersAsHexWithTheirNumber()
    {
        // Spring writes the original partition as 4 bytes and offset/timestamp as 8.
        m_fake->append(QStringLiteral("other.DLT"), 0, 7, "v", QByteArray("k"),
                       {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                        {QStringLiteral("kafka_dlt-original-partition"), be32(2)},
                        {QStringLiteral("kafka_dlt-original-offset"), be64(5000)},
                        {QStringLiteral("kafka_dlt-original-timestamp"), be64(1700000000000LL)},
                        {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray("java.lang.IllegalStateException")}});
        m_page->setTopic(QStringLiteral("other.DLT"));
        loadAndWait();
        QCOMPARE(m_page->model()->rowCount(), 6);
        m_page->table()->selectRow(5);
        QTableWidget *headers = m_page->headersTable();
        QCOMPARE(headers->rowCount(), 5);
        QCOMPARE(headers->item(1, 1)->text(), QStringLiteral("0x00000002 (2)"));
        QCOMPARE(headers->item(2, 1)->text(), QStringLiteral("0x0000000000001388 (5000)"));
        QVERIFY2(headers->item(3, 1)->text().endsWith(QLatin1String("(1700000000000 = 2023-11-14T22:13:20.000Z)")),
                 qPrintable(headers->item(3, 1)->text()));
        QCOMPARE(headers->item(4, 1)->text(), QStringLiteral("java.lang.IllegalStateException"));
        // The name column fits the longest name.
        const int longest = headers->fontMetrics().horizontalAdvance(QStringLiteral("kafka_dlt-original-timestamp"));
        QVERIFY2(headers->columnWidth(0) >= longest, qPrintable(QStringLiteral("%1 < %2").arg(headers->columnWidth(0)).arg(longest)));
    }

    void detailFollowsTheTable()
    {
        loadAndWait();
        m_page->table()->selectRow(3);
        QVERIFY(m_page->detail()->hasRecord());
        QCOMPARE(m_page->headersTable()->rowCount(), 6);
        QCOMPARE(m_page->valueViewer()->kind(), PayloadView::Kind::Json);
        // A filter that hides the record: the detail pane no longer shows it.
        setFilter("error class", QStringLiteral("NullPointer"));
        loadAndWait();
        QVERIFY(!m_page->table()->selectionModel()->currentIndex().isValid());
        QVERIFY(!m_page->detail()->hasRecord());
        QCOMPARE(m_page->headersTable()->rowCount(), 0);
        QCOMPARE(m_page->valueViewer()->kind(), PayloadView::Kind::Null);
        QCOMPARE(m_page->keyViewer()->kind(), PayloadView::Kind::Null);
        // Another topic: nothing of the previous one stays.
        setFilter("error class", QString());
        loadAndWait();
        m_page->table()->selectRow(1);
        QCOMPARE(m_page->headersTable()->rowCount(), 6);
        m_page->setTopic(QStringLiteral("other.DLT"));
        loadAndWait();
        QCOMPARE(m_page->model()->rowCount(), 5);
        QCOMPARE(m_page->headersTable()->rowCount(), 0);
        QCOMPARE(m_page->valueViewer()->kind(), PayloadView::Kind::Null);
        for (QTextBrowser *t : m_page->findChildren<QTextBrowser *>())
            QVERIFY2(t->toPlainText().isEmpty(), qPrintable(t->toPlainText()));
        for (QLabel *l : m_page->findChildren<QLabel *>())
            QVERIFY2(!l->text().contains(QLatin1String("Format:")), qPrintable(l->text()));
    }

    // A scan over a broker that stops answering runs off the GUI thread: the page keeps
    // handling events and its Cancel button works while the read hangs.
    void hangingScanLeavesThePageResponsiveAndCancellable()
    {
        loadAndWait();
        const int firstPage = m_page->model()->rowCount();
        QVERIFY(firstPage > 0 && firstPage < 900);
        m_fake->setBlocking(true);
        auto release = qScopeGuard([&] { m_fake->setBlocking(false); });
        QSignalSpy loaded(m_page.get(), &DeadLettersPage::pageLoaded);
        m_page->scanToEnd();
        QString why;
        QVERIFY2(kops::test::eventLoopRunsWhileCallsHang(*m_fake, &why), qPrintable(why));
        QVERIFY(m_page->isBusy());
        QPushButton *cancel = nullptr;
        for (QPushButton *b : m_page->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Cancel"))
                cancel = b;
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(m_fake->blockedCalls() > 0); // still hanging when the click was handled
        m_fake->setBlocking(false);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!m_page->isBusy());
        QVERIFY2(m_page->model()->rowCount() < 900, qPrintable(QString::number(m_page->model()->rowCount())));
    }

    void rateIsRecordsOverReadingTime()
    {
        // 200 records, a pause while the operator looks at them, then the rest: the pause is not reading.
        QElapsedTimer wall;
        wall.start();
        loadAndWait();
        qint64 reading = wall.elapsed();
        QTest::qWait(1500);
        QSignalSpy finished(m_page.get(), &DeadLettersPage::browseFinished);
        wall.restart();
        m_page->scanToEnd();
        QVERIFY(finished.wait(10000));
        reading += wall.elapsed();
        const QString status = m_page->statusText();
        QVERIFY2(status.startsWith(QStringLiteral("900 of 900")), qPrintable(status));
        const auto m = QRegularExpression(QStringLiteral("([0-9][0-9,]*) records/s")).match(status);
        QVERIFY2(m.hasMatch(), qPrintable(status));
        const qint64 shown = QLocale().toLongLong(m.captured(1));
        // The page read for at most `reading` ms of the test's clock, so it read at least this fast.
        const qint64 atLeast = qRound64(900 * 1000.0 / double(std::max<qint64>(1, reading)));
        QVERIFY2(shown >= atLeast, qPrintable(QStringLiteral("%1 (read for at most %2 ms: at least %3/s)")
                                                  .arg(status).arg(reading).arg(atLeast)));
    }

    void windowKeepsItsSizeWithHugeRecords_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<qreal>("fontScale");
        QTest::newRow("1280x800") << QSize(1280, 800) << 1.0;
        QTest::newRow("1366x768") << QSize(1366, 768) << 1.0;
        QTest::newRow("1280x800 at 125%") << QSize(1280, 800) << 1.25; // a scaled desktop
    }

    void windowKeepsItsSizeWithHugeRecords()
    {
        QFETCH(QSize, size);
        QFETCH(qreal, fontScale);
        const QFont appFont = QApplication::font();
        const auto restoreFont = qScopeGuard([&] { QApplication::setFont(appFont); });
        kops::test::scaleAppFont(fontScale);
        const QString topic = QStringLiteral("payments.settlement.eu-west-1.reconciliation.retry-after-chargeback."
                                             "merchant-accounts.dead-letters.v2.DLT");
        m_fake->addTopic(topic, 1);
        const QString original = QStringLiteral("payments.settlement.eu-west-1.reconciliation.retry-after-chargeback."
                                                "merchant-accounts");
        for (int i = 0; i < 30; ++i) {
            const bool huge = i == 0;
            m_fake->append(topic, 0, 1700000000000LL + i,
                           huge ? QByteArray(10 * 1024 * 1024, 'z') : QByteArray("{\"id\":1}"),
                           QByteArray("key-") + QByteArray::number(i),
                           {{QStringLiteral("kafka_dlt-original-topic"), original.toUtf8()},
                            {QStringLiteral("kafka_dlt-original-partition"), be32(i % 4)},
                            {QStringLiteral("kafka_dlt-original-offset"), be64(123456789 + i)},
                            {QStringLiteral("kafka_dlt-exception-fqcn"),
                             QByteArray("com.acme.payments.settlement.ReconciliationFailedException")},
                            {QStringLiteral("kafka_dlt-exception-message"), QByteArray(600, 'E')},
                            {QStringLiteral("kafka_dlt-exception-stacktrace"), longStackTrace()},
                            {QStringLiteral("x-acme-tracing-context-propagation-header-with-a-rather-long-name"),
                             QByteArray(300, 't')}});
        }
        MainWindow w(nullptr, [fake = m_fake](const ConnectionProfile &, const QString &) { return test::sharedFactory(fake); });
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ConnectionProfile profile;
        profile.name = QStringLiteral("layout");
        profile.bootstrapServers = QStringLiteral("fake:9092");
        w.connectTo(profile);
        w.showPage(QStringLiteral("Dead letters"));
        auto *page = w.findChild<DeadLettersPage *>();
        QVERIFY(page && page->isVisible());
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QTest::qWait(100); // the topic list arrives
        auto settle = [&] { kops::test::settleLayouts(w); };
        settle();
        QCOMPARE(w.size(), size);
        const int navWidth = nav->width();
        const int tableWidth = page->table()->width();
        QVERIFY2(tableWidth * 2 > page->width(), "the table has at least half of the page");
        auto unchanged = [&](const char *step) {
            settle();
            const QString where = QStringLiteral("%1: window %2x%3, navigation %4, table %5 of %6")
                                      .arg(QLatin1String(step)).arg(w.width()).arg(w.height())
                                      .arg(nav->width()).arg(page->table()->width()).arg(page->width());
            return std::make_pair(w.size() == size && nav->width() == navWidth && page->table()->width() == tableWidth,
                                  where);
        };
        auto shot = [&](const QString &step) {
            if (qEnvironmentVariableIsSet("KOPS_DLQ_SCREENSHOTS"))
                w.grab().save(QStringLiteral("/tmp/dlq-window-%1x%2-%3-%4.png")
                                  .arg(size.width()).arg(size.height()).arg(qRound(fontScale * 100)).arg(step));
        };
        shot(QStringLiteral("empty"));

        page->setTopic(topic);
        QSignalSpy loaded(page, &DeadLettersPage::pageLoaded);
        QTest::mouseClick(page->loadButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(page->model()->rowCount(), 30);
        auto [same, where] = unchanged("loaded");
        QVERIFY2(same, qPrintable(where));
        QTableView *table = page->table();
        auto *detail = page->findChild<QTabWidget *>(QStringLiteral("deadLetterDetail"));
        QVERIFY(detail);
        for (int row : {0, 1, 2}) {
            const QRect cell = table->visualRect(table->model()->index(row, DeadLetterModel::OffsetColumn));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
            QCOMPARE(table->selectionModel()->currentIndex().row(), row);
            for (int tab = 0; tab < detail->count(); ++tab) {
                detail->setCurrentIndex(tab);
                auto [ok, at] = unchanged(qPrintable(QStringLiteral("row %1, tab %2").arg(row).arg(detail->tabText(tab))));
                QVERIFY2(ok, qPrintable(at));
                if (row == 0)
                    shot(QStringLiteral("row0-tab%1").arg(tab));
            }
        }
        // The decoded columns are in view without scrolling sideways.
        for (int c : {int(DeadLetterModel::ErrorClassColumn), int(DeadLetterModel::OriginalTopicColumn)}) {
            const int right = table->columnViewportPosition(c) + table->columnWidth(c);
            QVERIFY2(table->columnViewportPosition(c) >= 0 && right <= table->viewport()->width(),
                     qPrintable(QStringLiteral("column %1 at %2..%3 of %4").arg(c).arg(table->columnViewportPosition(c))
                                    .arg(right).arg(table->viewport()->width())));
            QVERIFY(table->columnWidth(c) >= 60);
        }
        // An error with a long topic name in the banner.
        page->setTopic(QStringLiteral("no.such.topic.") + QString(200, QLatin1Char('n')));
        QTest::mouseClick(page->loadButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        auto [afterError, errorWhere] = unchanged("error");
        QVERIFY2(afterError, qPrintable(errorWhere));
        shot(QStringLiteral("error"));
        w.close();
    }

    void sortingTheWindowKeepsTheDetailRight()
    {
        loadAndWait();
        m_page->table()->sortByColumn(DeadLetterModel::OffsetColumn, Qt::DescendingOrder);
        const QModelIndex top = m_page->table()->model()->index(0, DeadLetterModel::OffsetColumn);
        const qint64 topOffset = top.data(Qt::DisplayRole).toLongLong();
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            QVERIFY(m_page->model()->record(r).record.offset <= topOffset);
        m_page->table()->selectRow(0);
        QVERIFY2(m_page->valueViewer()->shownText().contains(QStringLiteral("\"sku\": \"A-")), "detail shows the sorted row");
        const int order = QJsonDocument::fromJson(m_page->valueViewer()->shownText().toUtf8()).object().value(QStringLiteral("order")).toInt();
        QCOMPARE(QStringLiteral("order-%1").arg(order), top.siblingAtColumn(DeadLetterModel::KeyColumn).data().toString());
    }

    void hugeAndBinaryRecordsDoNotFreeze()
    {
        QList<RecordHeader> headers;
        for (int i = 0; i < 3000; ++i)
            headers.append({QStringLiteral("h%1").arg(i), QByteArray::number(i)});
        m_fake->append(QStringLiteral("other.DLT"), 0, 2, QByteArray(10 * 1024 * 1024, 'z'), std::nullopt, headers);
        m_fake->append(QStringLiteral("other.DLT"), 0, 3, QByteArray("\x00\xff\x10", 3), QByteArray("\xc3\x28", 2));
        m_page->setTopic(QStringLiteral("other.DLT"));
        loadAndWait();
        QCOMPARE(m_page->model()->rowCount(), 7);
        QElapsedTimer t;
        t.start();
        m_page->table()->selectRow(5);
        QCOMPARE(m_page->headersTable()->rowCount(), 3000);
        QVERIFY(m_page->valueViewer()->summary().contains(QStringLiteral("beginning")));
        qInfo() << "10 MB value with 3000 headers shown in" << t.elapsed() << "ms";
        m_page->table()->selectRow(6);
        QCOMPARE(m_page->valueViewer()->kind(), PayloadView::Kind::Binary);
        QCOMPARE(m_page->keyViewer()->kind(), PayloadView::Kind::Binary);
        QVERIFY(m_page->valueViewer()->shownText().startsWith(QStringLiteral("00000000  00 ff 10")));
    }

    void inHouseHeaderRule()
    {
        m_fake->append(QStringLiteral("other.DLT"), 0, 9, "v", QByteArray("k"),
                       {{QStringLiteral("acme-src"), QByteArray("inventory")}, {QStringLiteral("acme-err"), QByteArray("Stock")}});
        m_page->setTopic(QStringLiteral("other.DLT"));
        setFilter("in-house headers: topic=NAME,partition=NAME,error-class=NAME", QStringLiteral("topic=acme-src,error-class=acme-err"));
        setFilter("error class", QStringLiteral("Stock"));
        loadAndWait();
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(m_page->model()->record(0).info.format, DeadLetterFormat::Custom);
        QCOMPARE(m_page->model()->index(0, DeadLetterModel::OriginalTopicColumn).data().toString(), QStringLiteral("inventory"));

        // The rule is remembered for the connection.
        DeadLettersPage again;
        again.setConnection(context());
        bool remembered = false;
        for (QLineEdit *e : again.findChildren<QLineEdit *>())
            remembered = remembered || e->text() == QLatin1String("topic=acme-src,error-class=acme-err");
        QVERIFY(remembered);
        QSettings().remove(QStringLiteral("deadLetters"));
    }

    void readOnlyDisablesRequeue()
    {
        m_page->setConnection(context(true));
        m_page->setTopic(QStringLiteral("orders.DLT"));
        loadAndWait();
        m_page->table()->selectRow(0);
        QVERIFY(!m_page->requeueSelectedButton()->isEnabled());
        QVERIFY(!m_page->requeueMatchingButton()->isEnabled());
        m_page->setConnection(context(false));
        m_page->setTopic(QStringLiteral("orders.DLT"));
        loadAndWait();
        m_page->table()->selectRow(0);
        QVERIFY(m_page->requeueSelectedButton()->isEnabled());
        QVERIFY(m_page->requeueMatchingButton()->isEnabled());
    }

    void exportSelected()
    {
        loadAndWait();
        m_page->table()->selectionModel()->select(m_page->table()->model()->index(3, 0),
                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_page->table()->selectionModel()->select(m_page->table()->model()->index(7, 0),
                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sel.jsonl"));
        QSignalSpy done(m_page.get(), &DeadLettersPage::exportFinished);
        m_page->exportTo(path, true);
        QVERIFY(done.wait(10000));
        QVERIFY(done.first().first().toBool());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // Exactly the two selected records, in table order, each with its key, value and position.
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < 2; ++i) {
            const ConsumedRecord &want = m_page->model()->record(i == 0 ? 3 : 7).record;
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
            QVERIFY2(!o.isEmpty(), lines.at(i).constData());
            QCOMPARE(o.value(QStringLiteral("topic")).toString(), want.topic);
            QCOMPARE(o.value(QStringLiteral("partition")).toInt(), want.partition);
            QCOMPARE(o.value(QStringLiteral("offset")).toInteger(), want.offset);
            QCOMPARE(o.value(QStringLiteral("key")).toString(), QString::fromUtf8(*want.key));
            QCOMPARE(o.value(QStringLiteral("value")).toString(), QString::fromUtf8(*want.value));
        }
        const QString all = dir.filePath(QStringLiteral("all.jsonl"));
        m_page->exportTo(all, false);
        QVERIFY(done.wait(10000));
        QFile g(all);
        QVERIFY(g.open(QIODevice::ReadOnly));
        // Every record of the browse (not only the rows on screen), each once.
        QSet<QString> positions;
        for (const QByteArray &line : g.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QStringLiteral("topic")).toString(), QStringLiteral("orders.DLT"));
            positions.insert(QStringLiteral("%1/%2").arg(o.value(QStringLiteral("partition")).toInt())
                                 .arg(o.value(QStringLiteral("offset")).toInteger()));
        }
        QCOMPARE(positions.size(), 900);
        for (int p = 0; p < 3; ++p)
            for (int o = 0; o < 300; ++o)
                QVERIFY(positions.contains(QStringLiteral("%1/%2").arg(p).arg(o)));
    }

    void resumeACancelledRequeueFromTheJournal()
    {
        // A requeue cancelled after 20 records (as if the operator pressed Cancel)...
        qint64 id = 0;
        {
            RequeueJournal journal;
            RequeueEngine engine(*m_fake, journal);
            RequeueSpec spec;
            spec.sourceTopic = QStringLiteral("orders.DLT");
            spec.ranges = {{0, 0, 300}};
            spec.options.target = RequeueOptions::Target::Topic;
            spec.options.targetTopic = QStringLiteral("orders");
            spec.options.batchSize = 10;
            RequeueEngine::Control control;
            auto out = engine.start(spec, QStringLiteral("test"), &control, [&](const RequeueProgress &p) {
                if (p.sent >= 20)
                    control.cancel = true;
            });
            QCOMPARE(out.value().state, QStringLiteral("cancelled"));
            id = out.value().journalId;
        }
        m_page->refreshJournal(); // an earlier refresh (from setConnection) may answer first: wait for this one
        QTRY_VERIFY_WITH_TIMEOUT(m_page->journalTable()->rowCount() == 1
                                     && m_page->journalTable()->item(0, 0)->text() == QString::number(id), 10000);
        m_page->journalTable()->selectRow(0);
        QVERIFY(m_page->resumeButton()->isEnabled());
        // ...is resumed from its journal entry: the operator clicks Resume, the dialog opens on
        // that job, and its Resume button runs it to the end.
        std::optional<RequeueOutcome> outcome;
        bool done = false;
        QString dialogError;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<RequeueDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                dialogError = QStringLiteral("no requeue dialog opened");
                return;
            }
            QPushButton *resume = nullptr;
            for (QPushButton *b : dialog->findChildren<QPushButton *>())
                if (b->text() == QLatin1String("Resume"))
                    resume = b;
            if (!resume || !resume->isEnabled()) {
                dialogError = QStringLiteral("the dialog has no enabled Resume button");
                dialog->reject();
                return;
            }
            QSignalSpy finished(dialog, &RequeueDialog::finished);
            QTest::mouseClick(resume, Qt::LeftButton);
            if (!finished.wait(20000))
                dialogError = QStringLiteral("the resumed requeue did not finish");
            else
                done = finished.first().first().toBool();
            outcome = dialog->outcome();
            dialog->reject();
        });
        QTest::mouseClick(m_page->resumeButton(), Qt::LeftButton); // returns when the dialog closes
        QVERIFY2(dialogError.isEmpty(), qPrintable(dialogError));
        QVERIFY(done && outcome);
        QCOMPARE(outcome->journalId, id);
        QCOMPARE(outcome->progress.alreadySent, 60); // the cancel let the pages in flight arrive
        QCOMPARE(outcome->progress.sent, 240);
        int inOrders = 0;
        for (int p = 0; p < 3; ++p)
            inOrders += int(m_fake->read({QStringLiteral("orders"), p}, 0, 1000, 0).value().size());
        QCOMPARE(inOrders, 300);
    }

    void requeueDialogPreviewsThenRequeues()
    {
        RequeueDialog::Source source;
        source.selection.topic = QStringLiteral("orders.DLT");
        source.filter.errorClass = QStringLiteral("NullPointer");
        RequeueDialog dialog(context(), source);
        dialog.show();
        QSignalSpy previewed(&dialog, &RequeueDialog::previewReady);
        dialog.preview();
        QVERIFY(previewed.wait(10000));
        QVERIFY2(dialog.previewText().contains(QStringLiteral("90 → orders")), qPrintable(dialog.previewText()));
        if (qEnvironmentVariableIsSet("KOPS_DLQ_SCREENSHOTS"))
            dialog.grab().save(QStringLiteral("/tmp/dlq-requeue-preview.png"));
        QSignalSpy finished(&dialog, &RequeueDialog::finished);
        dialog.execute();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(dialog.outcome()->progress.sent, 90);
        int inOrders = 0;
        for (int p = 0; p < 3; ++p)
            inOrders += int(m_fake->read({QStringLiteral("orders"), p}, 0, 1000, 0).value().size());
        QCOMPARE(inOrders, 90);
        if (qEnvironmentVariableIsSet("KOPS_DLQ_SCREENSHOTS"))
            dialog.grab().save(QStringLiteral("/tmp/dlq-requeue-done.png"));
        m_page->refreshJournal();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->journalTable()->rowCount() >= 1
                                     && m_page->journalTable()->item(0, 3)->text() == QLatin1String("done"), 10000);
        m_page->journalTable()->selectRow(0);
        QVERIFY(!m_page->resumeButton()->isEnabled()); // nothing to resume in a finished requeue
    }

    void requeueToAMissingTopicOnlyWhenAskedToCreateIt()
    {
        RequeueDialog::Source source;
        source.selection.topic = QStringLiteral("orders.DLT");
        source.filter.errorClass = QStringLiteral("NullPointer");
        RequeueDialog dialog(context(), source);
        dialog.show();
        auto *target = dialog.findChildren<QComboBox *>().value(0);
        auto *topic = dialog.findChild<QLineEdit *>();
        QVERIFY(target && topic);
        target->setCurrentIndex(1);
        topic->setText(QStringLiteral("orders.retry"));
        QSignalSpy previewed(&dialog, &RequeueDialog::previewReady);
        dialog.preview();
        QVERIFY(previewed.wait(10000));
        QVERIFY2(dialog.previewText().contains(QStringLiteral("orders.retry (does not exist)")), qPrintable(dialog.previewText()));
        QPushButton *requeue = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text().startsWith(QStringLiteral("Requeue")))
                requeue = b;
        QVERIFY(requeue && !requeue->isEnabled()); // never created silently
        QCheckBox *create = nullptr;
        for (QCheckBox *c : dialog.findChildren<QCheckBox *>())
            if (c->text().startsWith(QStringLiteral("Create missing")))
                create = c;
        QVERIFY(create);
        create->setChecked(true);
        QVERIFY(!requeue->isEnabled()); // options changed: preview again
        dialog.preview();
        QVERIFY(previewed.wait(10000));
        QVERIFY2(dialog.previewText().contains(QStringLiteral("it will be created")), qPrintable(dialog.previewText()));
        QVERIFY(requeue->isEnabled());
        if (qEnvironmentVariableIsSet("KOPS_DLQ_SCREENSHOTS")) {
            QApplication::processEvents(); // the layout answers the new texts first
            dialog.grab().save(QStringLiteral("/tmp/dlq-requeue-create.png"));
        }
        QVERIFY(!m_fake->metadata().value().topic(QStringLiteral("orders.retry"))); // the preview created nothing
        QSignalSpy finished(&dialog, &RequeueDialog::finished);
        dialog.execute();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(m_fake->metadata().value().topic(QStringLiteral("orders.retry"))->partitions.size(), 3); // as the source
        int moved = 0;
        for (int p = 0; p < 3; ++p)
            moved += int(m_fake->read({QStringLiteral("orders.retry"), p}, 0, 1000, 0).value().size());
        QCOMPARE(moved, 90);
    }
};

QTEST_MAIN(TestDeadLettersPage)
#include "tst_deadletterspage.moc"
