#include "configlinter.h"
#include "eventloopcheck.h"
#include "fakeclusterapi.h"
#include "mainwindow.h"
#include "profileeditor.h"
#include "profilespage.h"
#include "profilestore.h"
#include "support/markingtranslator.h"
#include "support/windowlayout.h"

#include <QApplication>
#include <QClipboard>
#include <QScopeGuard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
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
    void pasteJvmCommandLine();
    void windowKeepsItsSize_data();
    void windowKeepsItsSize();
    void keyTooltipsAreTranslated();

private:
    QTemporaryDir m_tmp;
};

void TestProfilesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_profilespage"));
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
    // Off the GUI thread: while the cluster does not answer, the page keeps handling events
    // (timers fire, typing reaches the topic field) and nothing is applied yet.
    fake->setBlocking(true);
    auto release = qScopeGuard([&] { fake->setBlocking(false); });
    QTest::mouseClick(button, Qt::LeftButton);
    QString why;
    QVERIFY2(test::eventLoopRunsWhileCallsHang(*fake, &why), qPrintable(why));
    auto *name = page.findChild<QLineEdit *>(QStringLiteral("profileName"));
    QLineEdit *typed = name ? name : topic;
    const QString before = typed->text();
    QTest::keyClicks(typed, QStringLiteral("x"));
    QCOMPARE(typed->text(), before + QStringLiteral("x"));
    QTest::keyClick(typed, Qt::Key_Backspace);
    QVERIFY(!rules(page.editor()).contains(QStringLiteral("producer.unclean-election")));
    QVERIFY(fake->blockedCalls() > 0);
    fake->setBlocking(false);
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

void TestProfilesPage::pasteJvmCommandLine()
{
    ProfilesPage page;
    page.resize(1280, 800);
    page.show();
    triggerTemplate(page, QStringLiteral("producer-no-loss"));
    auto *text = child<QPlainTextEdit>(&page, QStringLiteral("jvmOptionsText"));
    QVERIFY(text);
    QVERIFY(!text->isVisible()); // JVM profiles only
    triggerTemplate(page, QStringLiteral("jvm-32g-host"));
    QVERIFY(text->isVisible());
    QVERIFY2(text->toPlainText().contains(QLatin1String("KAFKA_HEAP_OPTS=\"-Xmx6G -Xms6G\"")), qPrintable(text->toPlainText()));
    // Paste what a broker runs with (issue 15's profile) and apply it.
    text->selectAll();
    QTest::keyClick(text, Qt::Key_Delete);
    QGuiApplication::clipboard()->setText(QStringLiteral("export KAFKA_HEAP_OPTS=\"-Xmx16G -Xms16G\"\n"
                                          "export KAFKA_JVM_PERFORMANCE_OPTS=\"-Xmn10G -XX:MetaspaceSize=256M -XX:+UseG1GC "
                                          "-XX:MaxGCPauseMillis=50 -XX:G1HeapRegionSize=16M\"\n"));
    QTest::keyClick(text, Qt::Key_V, Qt::ControlModifier);
    QVERIFY2(text->toPlainText().startsWith(QLatin1String("export KAFKA_HEAP_OPTS=\"-Xmx16G")), qPrintable(text->toPlainText()));
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("jvmOptionsApply")), Qt::LeftButton);
    ProfileEditor *editor = page.editor();
    QCOMPARE(editor->profile().settings.value(QStringLiteral("-Xmx")), QStringLiteral("16G"));
    QCOMPARE(editor->profile().settings.value(QStringLiteral("-Xmn")), QStringLiteral("10G"));
    QCOMPARE(editor->profile().settings.value(QStringLiteral("-XX:MaxGCPauseMillis")), QStringLiteral("50"));
    QVERIFY(!editor->profile().settings.contains(QStringLiteral("-XX:InitiatingHeapOccupancyPercent"))); // replaced
    QCOMPARE(editor->profile().hostRam, QStringLiteral("32G"));
    QVERIFY(page.hasUnsavedChanges());
    QCOMPARE(child<QLineEdit>(&page, QStringLiteral("field:-Xmx"))->text(), QStringLiteral("16G"));
    QVERIFY(rules(editor).contains(QStringLiteral("jvm.heap-share")));
    QVERIFY(rules(editor).contains(QStringLiteral("jvm.xmn-with-g1")));
    // The heap fix leaves no impossible young generation, and the text follows the profile.
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("applyFix:jvm.heap-share")), Qt::LeftButton);
    QTRY_VERIFY(!rules(editor).contains(QStringLiteral("jvm.heap-share")));
    QVERIFY(!editor->profile().settings.contains(QStringLiteral("-Xmn")));
    QVERIFY(!ConfigLinter::hasErrors(editor->findings()));
    QVERIFY2(text->toPlainText().contains(QLatin1String("KAFKA_HEAP_OPTS=\"-Xmx6G -Xms6G\"")), qPrintable(text->toPlainText()));
    // A bare option list, as copied from `ps`, with a malformed option: applied without it, and said.
    text->setPlainText(QStringLiteral("-Xmx8G -Xms8G -Xmnlots -XX:+UseG1GC"));
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("jvmOptionsApply")), Qt::LeftButton);
    QCOMPARE(editor->profile().settings.value(QStringLiteral("-Xmx")), QStringLiteral("8G"));
    QVERIFY(!editor->profile().settings.contains(QStringLiteral("-Xmn")));
    auto *issues = child<QLabel>(&page, QStringLiteral("jvmOptionsIssues"));
    QVERIFY2(issues->isVisible() && issues->text().contains(QLatin1String("-Xmnlots")), qPrintable(issues->text()));
    // Nothing usable: the profile is left alone.
    text->setPlainText(QStringLiteral("hello"));
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("jvmOptionsApply")), Qt::LeftButton);
    QCOMPARE(editor->profile().settings.value(QStringLiteral("-Xmx")), QStringLiteral("8G"));
    QVERIFY2(issues->text().contains(QLatin1String("hello")), qPrintable(issues->text()));
}

void TestProfilesPage::windowKeepsItsSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("fontScale");
    QTest::newRow("1280x800") << QSize(1280, 800) << 1.0;
    QTest::newRow("1366x768") << QSize(1366, 768) << 1.0;
    // Desktops scaled to 125 % and 150 % (1280x800 laptops): the same texts need more room.
    QTest::newRow("1280x800 at 125%") << QSize(1280, 800) << 1.25;
    QTest::newRow("1280x800 at 150%") << QSize(1280, 800) << 1.5;
}

void TestProfilesPage::windowKeepsItsSize()
{
    QFETCH(QSize, size);
    QFETCH(qreal, fontScale);
    const QFont appFont = QApplication::font();
    const auto restoreFont = qScopeGuard([&] { QApplication::setFont(appFont); });
    const QFont scaled = kops::test::scaleAppFont(fontScale);
    // A topic profile with a long name (it lands in the cross-check combo box).
    ConfigProfile topic;
    topic.name = QStringLiteral("payments-settlement-eu-west-1-reconciliation-retry-after-chargeback-merchant-accounts-v2");
    topic.type = ProfileType::Topic;
    topic.settings = {{QStringLiteral("replication.factor"), QStringLiteral("3")}};
    QVERIFY(ProfileStore().save(topic).ok());
    MainWindow w;
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showPage(QStringLiteral("Profiles"));
    auto *page = w.findChild<ProfilesPage *>();
    QVERIFY(page && page->isVisible());
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    auto *list = child<QTreeWidget>(page, QStringLiteral("profileList"));
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("profileTabs"));
    auto settle = [&] { kops::test::settleLayouts(w); };
    settle();
    QCOMPARE(w.size(), size);
    QCOMPARE(page->font().pointSizeF(), scaled.pointSizeF());
    const int navWidth = nav->width();
    const int listWidth = list->width();
    const int tabsWidth = tabs->width();
    auto check = [&](const QString &step) {
        settle();
        const QString where = QStringLiteral("%1: window %2x%3, navigation %4, list %5, editor %6")
                                  .arg(step).arg(w.width()).arg(w.height()).arg(nav->width()).arg(list->width())
                                  .arg(tabs->width());
        return std::make_pair(w.size() == size && nav->width() == navWidth && list->width() == listWidth
                                  && tabs->width() == tabsWidth,
                              where);
    };
    for (const char *name : {"jvm-32g-host", "producer-no-loss", "jvm-16g-host"}) {
        page->createFromTemplate(QString::fromLatin1(name));
        auto [same, where] = check(QString::fromLatin1(name));
        QVERIFY2(same, qPrintable(where));
    }
    // Every finding of a troubled JVM profile selected in turn (its details below the list).
    auto *text = child<QPlainTextEdit>(page, QStringLiteral("jvmOptionsText"));
    QVERIFY(text);
    text->setPlainText(QStringLiteral("export KAFKA_HEAP_OPTS=\"-Xmx40G -Xms2G -Xmn30G\"\nexport KAFKA_JVM_PERFORMANCE_OPTS="
                                      "\"-XX:+UseParallelGC -XX:G1HeapRegionSize=3M -XX:MaxGCPauseMilis=20 ")
                       + QString(400, QLatin1Char('D')) + QStringLiteral("\"\n"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("jvmOptionsApply")), Qt::LeftButton);
    auto *tree = child<QTreeWidget>(page, QStringLiteral("findingsTree"));
    QVERIFY(tree->topLevelItemCount() >= 4);
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        tree->setCurrentItem(tree->topLevelItem(i));
        auto [same, where] = check(QStringLiteral("finding %1").arg(i));
        QVERIFY2(same, qPrintable(where));
    }
    for (int t = 0; t < tabs->count(); ++t) {
        tabs->setCurrentIndex(t);
        auto [same, where] = check(tabs->tabText(t));
        QVERIFY2(same, qPrintable(where));
    }
    w.close();
}

void TestProfilesPage::keyTooltipsAreTranslated()
{
    kops::test::MarkingTranslator zh;
    QVERIFY(QCoreApplication::installTranslator(&zh));
    const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    ProfilesPage page;
    page.resize(1200, 800);
    page.show();
    triggerTemplate(page, QStringLiteral("producer-no-loss"));
    // The form: field and label tooltips.
    auto *acks = child<QComboBox>(&page, QStringLiteral("field:acks"));
    QVERIFY(acks);
    QVERIFY2(acks->toolTip().startsWith(QLatin1String("[zh] How many replicas must acknowledge a write")),
             qPrintable(acks->toolTip()));
    QVERIFY(acks->toolTip().contains(QLatin1String("[zh] Values: all, -1, 0, 1.")));
    // The settings table: the key column's tooltip.
    auto *table = child<QTableWidget>(&page, QStringLiteral("settingsTable"));
    QVERIFY(table);
    QVERIFY(table->rowCount() > 0);
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString key = table->item(row, 0)->text();
        QVERIFY2(table->item(row, 0)->toolTip().startsWith(QLatin1String("[zh] ")), qPrintable(key));
    }
}

QTEST_MAIN(TestProfilesPage)
#include "tst_profilespage.moc"
