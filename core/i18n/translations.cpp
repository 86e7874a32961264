#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace kops::i18n {

namespace {

const QString kSettingKey = QStringLiteral("ui/language");

std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

QString normalized(const QString &code)
{
    QString c = code.trimmed();
    c.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (c.compare(QLatin1String("zh_CN"), Qt::CaseInsensitive) == 0 || c.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("zh_CN");
    if (c.compare(QLatin1String("en"), Qt::CaseInsensitive) == 0 || c.startsWith(QLatin1String("en_"), Qt::CaseInsensitive)
        || c == QLatin1String("C"))
        return QStringLiteral("en");
    return c;
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString savedLanguage()
{
    const QString code = normalized(QSettings().value(kSettingKey).toString());
    return availableLanguages().contains(code) ? code : QString();
}

void saveLanguage(const QString &code)
{
    const QString c = normalized(code);
    if (availableLanguages().contains(c))
        QSettings().setValue(kSettingKey, c);
    else
        QSettings().remove(kSettingKey);
}

QString chooseLanguage(const QString &requested)
{
    if (!requested.isEmpty())
        return normalized(requested);
    const QString saved = savedLanguage();
    if (!saved.isEmpty())
        return saved;
    // QLocale::system() reads LC_ALL / LC_MESSAGES / LANG as the C library does.
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool install(const QString &code)
{
    const QString c = normalized(code);
    if (!availableLanguages().contains(c))
        return false;
    for (const auto &t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();
    currentCode() = c;
    if (c == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    const QLocale locale(c);
    QLocale::setDefault(locale);
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/kafka-ops-console_%1.qm").arg(c)))
        return false;
    QCoreApplication::installTranslator(own.get());
    installed().push_back(std::move(own));
    // Qt's own strings (standard dialog buttons, QCommandLineParser's --help/--version) when
    // the qt6-translations-l10n package is installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    return true;
}

QString current()
{
    return currentCode();
}

bool takeLangOption(QStringList &args, QString *code)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--lang") || a == QLatin1String("-lang")) {
            if (i + 1 >= args.size())
                return false;
            *code = args.at(i + 1);
            args.remove(i, 2);
            return true;
        }
        if (a.startsWith(QLatin1String("--lang="))) {
            *code = a.mid(7);
            args.remove(i);
            return true;
        }
    }
    return true;
}

} // namespace kops::i18n
