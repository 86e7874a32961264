#pragma once

#include "kafkaerror.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <initializer_list>

class QSqlError;

namespace kops {

/// The SQLite file behind a journal (requeue, relay, reset): a Qt SQL connection of its own
/// per instance, opened on first use with the journal's schema statements, closed and removed
/// with the instance. One instance per thread, like the connections Qt SQL hands out.
class JournalDatabase final
{
public:
    /// What failed, for the journal to word its own error.
    enum class Step { CreateFolder, Open, Prepare };
    using ErrorText = std::function<KafkaError(Step step, const QSqlError &error)>;
    using Migrate = std::function<Status(QSqlDatabase &db)>;

    JournalDatabase(QString path, const QString &connectionPrefix);
    ~JournalDatabase();
    JournalDatabase(const JournalDatabase &) = delete;
    JournalDatabase &operator=(const JournalDatabase &) = delete;

    const QString &path() const { return m_path; }
    bool isOpen() const { return m_open; }

    /// Creates the folder, opens the file and runs `statements` in order (pragmas, CREATE ...
    /// IF NOT EXISTS), then `migrate` for changes an older file needs. Done at once when open.
    Status open(std::initializer_list<const char *> statements, const ErrorText &error, const Migrate &migrate = {});
    /// The open connection (open() first).
    QSqlDatabase database() const;

private:
    QString m_path;
    QString m_connectionName;
    bool m_open = false;
};

} // namespace kops
