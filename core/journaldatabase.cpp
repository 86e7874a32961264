#include "journaldatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace kops {

namespace {

QAtomicInteger<quint64> s_instances;

} // namespace

JournalDatabase::JournalDatabase(QString path, const QString &connectionPrefix)
    : m_path(std::move(path)),
      m_connectionName(QStringLiteral("%1-%2").arg(connectionPrefix).arg(s_instances.fetchAndAddRelaxed(1)))
{
}

JournalDatabase::~JournalDatabase()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Status JournalDatabase::open(std::initializer_list<const char *> statements, const ErrorText &error, const Migrate &migrate)
{
    if (m_open)
        return Done{};
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return error(Step::CreateFolder, QSqlError(QStringLiteral("cannot create its folder"), {}, QSqlError::ConnectionError));
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open())
        return error(Step::Open, db.lastError());
    QSqlQuery q(db);
    for (const char *s : statements)
        if (!q.exec(QString::fromLatin1(s)))
            return error(Step::Prepare, q.lastError());
    if (migrate)
        if (Status m = migrate(db); !m)
            return m;
    m_open = true;
    return Done{};
}

QSqlDatabase JournalDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName);
}

} // namespace kops
