// The zh_CN catalogue is complete, and every page of the console shows it: no visible text of a
// label, button, action, tab, header, placeholder or tooltip is left as the English source.
#include "mainwindow.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextDocumentFragment>
#include <QXmlStreamReader>

using namespace kops;

namespace {

/// Entries of a .ts that are not finished translations: unfinished, obsolete/vanished, or empty.
QStringList unfinishedEntries(const QByteArray &ts)
{
    QStringList out;
    QXmlStreamReader xml(ts);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!type.isEmpty())
                out << QStringLiteral("%1: %2").arg(type, source);
            else if (text.trimmed().isEmpty())
                out << QStringLiteral("empty: %1").arg(source);
        }
    }
    if (xml.hasError())
        out << QStringLiteral("XML error: %1").arg(xml.errorString());
    return out;
}

/// A text still in English: it holds no CJK character but an English word. Product and
/// Kafka names, identifiers and data stay as they are in every language.
bool looksEnglish(QString text)
{
    if (text.contains(QLatin1Char('<')))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.remove(QLatin1Char('&'));
    static const QRegularExpression cjk(QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
    if (cjk.match(text).hasMatch())
        return false;
    // Language names are written in their own language (View > Language).
    static const QStringList keep{QStringLiteral("Kafka Ops Console"), QStringLiteral("Broker JVM"), QStringLiteral("English"),
                                  QStringLiteral("Broker"), QStringLiteral("JSON"), QStringLiteral("CSV"),
                                  QStringLiteral("JVM")};
    for (const QString &k : keep)
        text.remove(k);
    // Names (profile templates such as producer-no-loss, topics, hosts) are not sentences.
    static const QRegularExpression identifier(QStringLiteral("^[\\w.:/-]*[-_.:/][\\w.:/-]*$"));
    if (identifier.match(text.trimmed()).hasMatch())
        return false;
    static const QRegularExpression word(QStringLiteral("\\b[A-Za-z][a-z]{2,}\\b"));
    return word.match(text).hasMatch();
}

/// Visible texts of `root` and its children that are not hidden (a page in a stack counts as
/// shown), each as "Class objectName: text".
QStringList englishTexts(QWidget *root)
{
    QStringList out;
    const auto check = [&](QObject *o, const QString &what, const QString &text) {
        if (!text.isEmpty() && looksEnglish(text))
            out << QStringLiteral("%1 %2 (%3): %4").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName(), what, text);
    };
    const auto shown = [root](QWidget *w) {
        for (QWidget *p = w; p && p != root; p = p->parentWidget())
            if (p->isHidden() && !qobject_cast<QMenu *>(p))
                return false;
        return true;
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!shown(w))
            continue;
        check(w, QStringLiteral("tooltip"), w->toolTip());
        if (auto *l = qobject_cast<QLabel *>(w))
            check(w, QStringLiteral("text"), l->text());
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            check(w, QStringLiteral("text"), b->text());
        if (auto *e = qobject_cast<QLineEdit *>(w))
            check(w, QStringLiteral("placeholder"), e->placeholderText());
        if (auto *e = qobject_cast<QPlainTextEdit *>(w))
            check(w, QStringLiteral("placeholder"), e->placeholderText());
        if (auto *g = qobject_cast<QGroupBox *>(w))
            check(w, QStringLiteral("title"), g->title());
        if (auto *t = qobject_cast<QTabWidget *>(w))
            for (int i = 0; i < t->count(); ++i) {
                check(w, QStringLiteral("tab"), t->tabText(i));
                check(w, QStringLiteral("tab tooltip"), t->tabToolTip(i));
            }
        if (auto *h = qobject_cast<QHeaderView *>(w); h && h->model())
            for (int i = 0; i < h->count(); ++i) {
                check(w, QStringLiteral("header"), h->model()->headerData(i, h->orientation()).toString());
                check(w, QStringLiteral("header tooltip"), h->model()->headerData(i, h->orientation(), Qt::ToolTipRole).toString());
            }
        if (auto *list = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i)
                check(w, QStringLiteral("item"), list->item(i)->text());
        if (auto *c = qobject_cast<QComboBox *>(w); c && !c->isEditable())
            for (int i = 0; i < c->count(); ++i)
                check(w, QStringLiteral("item"), c->itemText(i));
        for (QAction *a : w->actions()) {
            if (a->isSeparator())
                continue;
            check(a, QStringLiteral("action"), a->text());
            check(a, QStringLiteral("action tooltip"), a->toolTip());
        }
    }
    out.removeDuplicates();
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("kafka-ops-console-test"));
    }

    void catalogueIsComplete()
    {
        QFile ts(QStringLiteral(KOPS_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray xml = ts.readAll();
        QVERIFY(xml.count("<message") > 1000);
        const QStringList unfinished = unfinishedEntries(xml);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
    }

    void checkerFindsUnfinishedEntries()
    {
        const QByteArray ts = "<TS language=\"zh_CN\"><context><name>X</name>"
                              "<message><source>Done</source><translation>完成</translation></message>"
                              "<message><source>Open</source><translation type=\"unfinished\"></translation></message>"
                              "<message><source>Gone</source><translation type=\"vanished\">没了</translation></message>"
                              "<message><source>Blank</source><translation></translation></message>"
                              "</context></TS>";
        QCOMPARE(unfinishedEntries(ts),
                 QStringList({QStringLiteral("unfinished: Open"), QStringLiteral("vanished: Gone"), QStringLiteral("empty: Blank")}));
    }

    void languageComesFromOptionSettingOrLocale()
    {
        QStringList args{QStringLiteral("prog"), QStringLiteral("cluster"), QStringLiteral("--lang"), QStringLiteral("zh_CN")};
        QString code;
        QVERIFY(i18n::takeLangOption(args, &code));
        QCOMPARE(code, QStringLiteral("zh_CN"));
        QCOMPARE(args, QStringList({QStringLiteral("prog"), QStringLiteral("cluster")}));
        QStringList noValue{QStringLiteral("prog"), QStringLiteral("--lang")};
        QVERIFY(!i18n::takeLangOption(noValue, &code));
        QCOMPARE(i18n::chooseLanguage(QStringLiteral("en")), QStringLiteral("en"));
        i18n::saveLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(i18n::chooseLanguage(), QStringLiteral("zh_CN"));
        i18n::saveLanguage(QString());
        QCOMPARE(i18n::savedLanguage(), QString());
        QVERIFY(!i18n::install(QStringLiteral("fr")));
    }

    void checkerFindsEnglishText()
    {
        QWidget page;
        auto *ok = new QLabel(QStringLiteral("消费者组"), &page);
        auto *english = new QLabel(QStringLiteral("Consumer groups"), &page);
        english->setObjectName(QStringLiteral("english"));
        Q_UNUSED(ok);
        QCOMPARE(englishTexts(&page).size(), 1);
        QVERIFY(englishTexts(&page).first().contains(QLatin1String("Consumer groups")));
    }

    void everyPageShowsChinese()
    {
        QVERIFY(i18n::install(QStringLiteral("zh_CN")));
        QCOMPARE(QCoreApplication::translate("kops::Health", "caught up"), QStringLiteral("已追上"));
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QStringList english = englishTexts(&window); // the welcome page
        auto *nav = window.findChild<QListWidget *>();
        QVERIFY(nav);
        QVERIFY(nav->count() >= 6);
        QStringList titles;
        for (int i = 0; i < nav->count(); ++i)
            titles << nav->item(i)->text();
        for (const QString &title : titles) {
            window.showPage(title);
            QCoreApplication::processEvents();
            QCOMPARE(nav->currentItem()->text(), title);
            english += englishTexts(&window);
        }
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
            english += englishTexts(menu);
        english.removeDuplicates();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        QVERIFY(i18n::install(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
