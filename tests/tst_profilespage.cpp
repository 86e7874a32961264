#include "configlinter.h"
#include "fakeclusterapi.h"
#include "profileeditor.h"
#include "profilespage.h"
#include "profilestore.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace kops;

namespace {

QStringList rules(const ProfileEditor *e)
{
    QStringList r;
    for (const LintFinding &f : e->findings())
        r << f.rule;
    return r;
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

void triggerTemplate(ProfilesPage &page, const QString &name)
{
    auto *button = child<QToolButton>(&page, QStringLiteral("newButton"));
    QAction *action = button->menu()->findChild<QAction *>(QStringLiteral("template:") + name);
    QVERIFY(action);
    action->trigger();
}

} // namespace

class TestProfilesPage final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void emptyStateAndTitle();
    void typingUpdatesFindingsAndFixButtonRemovesThem();
    void importJvmExampleAndFixIt();
    void topicProfileCrossCheckAndTopicFix();
    void liveCrossCheckOffTheGuiThread();
    void switchingProfilesKeepsEdits();
    void diffAndAdvisor();
    void exportWritesProperties();
    void screenshots();

private:
    QTemporaryDir m_tmp;
};

void TestProfilesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
}

void TestProfilesPage::init()
{
    QDir(ProfileStore().directory()).removeRecursively();
}

void TestProfilesPage::emptyStateAndTitle()
{
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    QCOMPARE(page.title(), QStringLiteral("Profiles"));
    auto *stack = page.findChild<QStackedWidget *>(QStringLiteral("editorStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QVERIFY(!child<QPushButton>(&page, QStringLiteral("deleteButton"))->isEnabled());
    page.setConnection(nullptr);
    QVERIFY(!child<QPushButton>(&page, QStringLiteral("liveCheckButton"))->isEnabled());
    QVERIFY(child<QLabel>(&page, QStringLiteral("liveNote"))->text().contains(QLatin1String("Not connected")));
}

void TestProfilesPage::typingUpdatesFindingsAndFixButtonRemovesThem()
{
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    triggerTemplate(page, QStringLiteral("producer-no-loss"));
    ProfileEditor *editor = page.editor();
    QCOMPARE(editor->profile().name, QStringLiteral("producer-no-loss"));
    QVERIFY(editor->findings().isEmpty());

    // Type acks=1 into the form: the finding appears as you type.
    auto *acks = child<QComboBox>(&page, QStringLiteral("field:acks"));
    QVERIFY(acks);
    acks->setCurrentIndex(acks->findData(QStringLiteral("1")));
    emit acks->activated(acks->currentIndex());
    QVERIFY(rules(editor).contains(QStringLiteral("producer.acks-loss")));
    auto *linger = child<QLineEdit>(&page, QStringLiteral("field:linger.ms"));
    linger->clear();
    QTest::keyClicks(linger, QStringLiteral("x"));
    QVERIFY(rules(editor).contains(QStringLiteral("config.invalid-value")));
    QTest::keyClick(linger, Qt::Key_Backspace);
    QTest::keyClicks(linger, QStringLiteral("10"));
    QVERIFY(!rules(editor).contains(QStringLiteral("config.invalid-value")));
    QCOMPARE(editor->profile().settings.value(QStringLiteral("linger.ms")), QStringLiteral("10"));
    QVERIFY(page.hasUnsavedChanges());
    // The table shows the same value.
    auto *table = child<QTableWidget>(&page, QStringLiteral("settingsTable"));
    bool inTable = false;
    for (int r = 0; r < table->rowCount(); ++r)
        inTable |= table->item(r, 0)->text() == QLatin1String("linger.ms") && table->item(r, 1)->text() == QLatin1String("10");
    QVERIFY(inTable);

    // Apply the fix with its button.
    auto *fix = child<QPushButton>(&page, QStringLiteral("applyFix:producer.acks-loss"));
    QVERIFY(fix && fix->isEnabled());
    QTest::mouseClick(fix, Qt::LeftButton);
    QTRY_VERIFY(!rules(editor).contains(QStringLiteral("producer.acks-loss")));
    QCOMPARE(editor->profile().settings.value(QStringLiteral("acks")), QStringLiteral("all"));
    QCOMPARE(acks->currentData().toString(), QStringLiteral("all"));

    // Save and find it on disk.
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(!page.hasUnsavedChanges());
    QCOMPARE(ProfileStore().load(QStringLiteral("producer-no-loss")).value().settings.value(QStringLiteral("linger.ms")),
             QStringLiteral("10"));
}

void TestProfilesPage::importJvmExampleAndFixIt()
{
    const QString path = m_tmp.filePath(QStringLiteral("broker-jvm.env"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("export KAFKA_HEAP_OPTS=\"-Xmx16G -Xms16G\"\n"
            "export KAFKA_JVM_PERFORMANCE_OPTS=\"-Xmn10G -XX:MetaspaceSize=256M -XX:+UseG1GC -XX:MaxGCPauseMillis=50 "
            "-XX:G1HeapRegionSize=16M\"\n");
    f.close();
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    QSignalSpy status(&page, &ProfilesPage::statusMessage);
    QVERIFY(page.importFile(path));
    QVERIFY(status.last().first().toString().contains(QLatin1String("jvm profile")));
    ProfileEditor *editor = page.editor();
    QCOMPARE(editor->profile().type, ProfileType::Jvm);
    QVERIFY(rules(editor).contains(QStringLiteral("jvm.xmn-with-g1")));
    QVERIFY(!rules(editor).contains(QStringLiteral("jvm.heap-share"))); // host RAM not known yet
    auto *ram = child<QLineEdit>(&page, QStringLiteral("hostRamEdit"));
    QVERIFY(ram->isVisible());
    QTest::keyClicks(ram, QStringLiteral("32G"));
    QVERIFY(rules(editor).contains(QStringLiteral("jvm.heap-share")));
    QVERIFY(child<QLabel>(&page, QStringLiteral("findingsSummary"))
                ->text()
                .contains(QLatin1String("Memory split: 32 GB host: heap 16 GB, page cache ~14 GB")));
    auto *tree = child<QTreeWidget>(&page, QStringLiteral("findingsTree"));
    bool explained = false;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        explained |= tree->topLevelItem(i)->text(2).contains(QLatin1String("14 GB is left to the page cache"));
    QVERIFY(explained);
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("applyFix:jvm.xmn-with-g1")), Qt::LeftButton);
    QTRY_VERIFY(!rules(editor).contains(QStringLiteral("jvm.xmn-with-g1")));
    QVERIFY(!editor->profile().settings.contains(QStringLiteral("-Xmn")));
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("applyFix:jvm.heap-share")), Qt::LeftButton);
    QTRY_VERIFY(!rules(editor).contains(QStringLiteral("jvm.heap-share")));
    QCOMPARE(child<QLineEdit>(&page, QStringLiteral("field:-Xmx"))->text(), QStringLiteral("6G"));
}

void TestProfilesPage::topicProfileCrossCheckAndTopicFix()
{
    ConfigProfile topic;
    topic.name = QStringLiteral("orders");
    topic.type = ProfileType::Topic;
    topic.settings = {{QStringLiteral("replication.factor"), QStringLiteral("3")},
                      {QStringLiteral("min.insync.replicas"), QStringLiteral("1")}};
    QVERIFY(ProfileStore().save(topic).ok());
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    triggerTemplate(page, QStringLiteral("producer-ordered"));
    auto *combo = child<QComboBox>(&page, QStringLiteral("topicProfileCombo"));
    QVERIFY(combo->isVisible());
    combo->setCurrentIndex(combo->findText(QStringLiteral("orders")));
    QVERIFY(rules(page.editor()).contains(QStringLiteral("producer.min-isr-loss")));
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("applyFix:producer.min-isr-loss")), Qt::LeftButton);
    QTRY_VERIFY(!rules(page.editor()).contains(QStringLiteral("producer.min-isr-loss")));
    QCOMPARE(ProfileStore().load(QStringLiteral("orders")).value().settings.value(QStringLiteral("min.insync.replicas")),
             QStringLiteral("2"));
}

void TestProfilesPage::liveCrossCheckOffTheGuiThread()
{
    auto fake = std::make_shared<test::FakeClusterApi>();
    fake->addTopic(QStringLiteral("payments"), 3, 3);
    fake->setTopicConfig(QStringLiteral("payments"), QStringLiteral("unclean.leader.election.enable"), QStringLiteral("true"));
    fake->setTopicConfig(QStringLiteral("payments"), QStringLiteral("min.insync.replicas"), QStringLiteral("2"));
    auto ctx = std::make_shared<ConnectionContext>();
    ctx->profile.name = QStringLiteral("fake");
    ctx->createApi = test::sharedFactory(fake);
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    page.setConnection(ctx);
    triggerTemplate(page, QStringLiteral("producer-no-loss"));
    auto *topic = child<QLineEdit>(&page, QStringLiteral("liveTopicEdit"));
    auto *button = child<QPushButton>(&page, QStringLiteral("liveCheckButton"));
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(topic, QStringLiteral("payments"));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(rules(page.editor()).contains(QStringLiteral("producer.unclean-election")));
    QVERIFY(child<QLabel>(&page, QStringLiteral("liveNote"))->text().contains(QLatin1String("live topic 'payments'")));
    // An unknown topic is reported, not crashed on.
    topic->clear();
    QTest::keyClicks(topic, QStringLiteral("nope"));
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(&page, QStringLiteral("liveNote"))->text().contains(QLatin1String("failed")));
    QVERIFY(!rules(page.editor()).contains(QStringLiteral("producer.unclean-election")));
    page.setConnection(nullptr);
    QVERIFY(!button->isEnabled());
}

void TestProfilesPage::switchingProfilesKeepsEdits()
{
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    triggerTemplate(page, QStringLiteral("topic-no-loss"));
    triggerTemplate(page, QStringLiteral("consumer-no-loss"));
    QCOMPARE(page.editor()->profile().name, QStringLiteral("consumer-no-loss"));
    // Rename and edit the consumer, then click the topic profile in the list.
    auto *name = child<QLineEdit>(&page, QStringLiteral("nameEdit"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("billing-consumer"));
    auto *reset = child<QComboBox>(&page, QStringLiteral("field:auto.offset.reset"));
    reset->setCurrentIndex(reset->findData(QStringLiteral("latest")));
    emit reset->activated(reset->currentIndex());
    QVERIFY(page.hasUnsavedChanges());
    auto *list = child<QTreeWidget>(&page, QStringLiteral("profileList"));
    const auto items = list->findItems(QStringLiteral("topic-no-loss"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(items.size(), 1);
    list->scrollToItem(items.first());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.first()).center());
    QCOMPARE(page.editor()->profile().name, QStringLiteral("topic-no-loss"));
    QVERIFY(!page.hasUnsavedChanges());
    const auto saved = ProfileStore().load(QStringLiteral("billing-consumer"));
    QVERIFY(saved.ok());
    QCOMPARE(saved.value().settings.value(QStringLiteral("auto.offset.reset")), QStringLiteral("latest"));
    QVERIFY(!ProfileStore().load(QStringLiteral("consumer-no-loss")).ok()); // renamed, not copied
    QCOMPARE(list->findItems(QStringLiteral("billing-consumer"), Qt::MatchExactly | Qt::MatchRecursive).size(), 1);
}

void TestProfilesPage::diffAndAdvisor()
{
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    auto *diffTable = child<QTableWidget>(&page, QStringLiteral("diffTable"));
    auto *left = child<QComboBox>(&page, QStringLiteral("diffLeft"));
    auto *right = child<QComboBox>(&page, QStringLiteral("diffRight"));
    left->setCurrentIndex(left->findText(QStringLiteral("producer-throughput (producer)")));
    right->setCurrentIndex(right->findText(QStringLiteral("producer-no-loss (producer)")));
    QVERIFY(diffTable->rowCount() > 3);
    bool acksRow = false;
    for (int r = 0; r < diffTable->rowCount(); ++r)
        acksRow |= diffTable->item(r, 0)->text() == QLatin1String("acks") && diffTable->item(r, 1)->text() == QLatin1String("1")
                   && diffTable->item(r, 2)->text() == QLatin1String("all");
    QVERIFY(acksRow);

    auto *ram = child<QLineEdit>(&page, QStringLiteral("advisorRam"));
    ram->clear();
    QTest::keyClicks(ram, QStringLiteral("64G"));
    auto *out = child<QPlainTextEdit>(&page, QStringLiteral("advisorOutput"));
    QVERIFY(out->toPlainText().contains(QLatin1String("-Xmx6G -Xms6G")));
    QVERIFY(child<QLabel>(&page, QStringLiteral("advisorLegend"))->text().contains(QLatin1String("page cache")));
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("advisorCreate")), Qt::LeftButton);
    QCOMPARE(page.editor()->profile().name, QStringLiteral("jvm-64g-host"));
    QVERIFY(page.editor()->findings().isEmpty());
}

void TestProfilesPage::exportWritesProperties()
{
    ProfilesPage page;
    triggerTemplate(page, QStringLiteral("consumer-no-loss"));
    const QString path = m_tmp.filePath(QStringLiteral("consumer.properties"));
    QVERIFY(page.exportCurrent(path, ProfileIo::Format::Properties).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("enable.auto.commit=false\n"));
    QVERIFY(text.contains("auto.offset.reset=earliest\n"));
}

void TestProfilesPage::screenshots()
{
    const QString dir = qEnvironmentVariable("KOPS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set KOPS_SCREENSHOT_DIR to write screenshots");
    ProfilesPage page;
    page.resize(1280, 800);
    page.show();
    QVERIFY(page.grab().save(dir + QStringLiteral("/profiles-empty.png")));
    const QString path = m_tmp.filePath(QStringLiteral("producer.properties"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("acks=1\nretries=3\nenable.idempotence=false\nlinger.ns=5\n");
    f.close();
    QVERIFY(page.importFile(path));
    QVERIFY(page.grab().save(dir + QStringLiteral("/profiles-producer.png")));
    triggerTemplate(page, QStringLiteral("jvm-32g-host"));
    QVERIFY(child<QLineEdit>(&page, QStringLiteral("field:-Xmx"))->isVisible());
    QCoreApplication::processEvents();
    QVERIFY(page.grab().save(dir + QStringLiteral("/profiles-jvm.png")));
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("profileTabs"));
    tabs->setCurrentIndex(1);
    QVERIFY(page.grab().save(dir + QStringLiteral("/profiles-diff.png")));
    tabs->setCurrentIndex(2);
    QVERIFY(page.grab().save(dir + QStringLiteral("/profiles-advisor.png")));
}

QTEST_MAIN(TestProfilesPage)
#include "tst_profilespage.moc"
