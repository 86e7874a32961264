#pragma once

#include <QString>

#include <optional>

namespace kops {

/// Connection passwords in the system keychain (QtKeychain). Never written to disk
/// by us: when no keychain is available the caller asks for the password each time.
class PasswordStore final
{
public:
    enum class Outcome { Ok, NotFound, Unavailable };

    struct Lookup
    {
        Outcome outcome = Outcome::Unavailable;
        QString password;
        QString error; ///< why the keychain could not be used
    };

    /// Blocks on a local event loop for at most a few seconds.
    static Lookup read(const QString &connectionName);
    static Outcome write(const QString &connectionName, const QString &password, QString *error = nullptr);
    static Outcome remove(const QString &connectionName, QString *error = nullptr);
};

} // namespace kops
