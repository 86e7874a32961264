#pragma once

#include <QString>
#include <QStringList>

/// Languages of both programs: the built-in English and the catalogues compiled in from
/// resources/translations (":/i18n/kafka-ops-console_<lang>.qm"), plus Qt's own qtbase ones.
namespace kops::i18n {

/// Language codes that can be asked for with --lang or the setting: "en", "zh_CN".
QStringList availableLanguages();

/// The language name of `code` written in that language ("English", "简体中文").
QString nativeName(const QString &code);

/// The language saved in the settings ("" = follow the system locale).
QString savedLanguage();
void saveLanguage(const QString &code);

/// What to use: `requested` (--lang) if given, else the saved setting, else the system locale
/// (LANG=zh_CN.UTF-8 picks zh_CN; any locale without a catalogue is English).
QString chooseLanguage(const QString &requested = {});

/// Installs the catalogues of `code` on the running application and makes QLocale's default
/// follow it (numbers, dates). "en" removes any installed. False for an unknown code.
bool install(const QString &code);

/// The code installed by the last install() ("en" before any).
QString current();

/// Takes `--lang CODE` / `--lang=CODE` out of `args`; `code` receives its value (empty if absent).
/// False when the option has no value.
bool takeLangOption(QStringList &args, QString *code);

} // namespace kops::i18n
