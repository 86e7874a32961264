#pragma once

#include "rdkafkaclusterapi.h"

#include <QDebug>
#include <QSet>
#include <QStringList>
#include <QUuid>

namespace kops::test {

/// The topics and consumer groups a real-broker test made, deleted from the broker when
/// run() is called (cleanupTestCase) or, at the latest, when the object goes away: a test
/// that fails half way (a QVERIFY returns early) leaves nothing behind on a shared broker.
/// Names that turn out not to exist (a name used only as a group, a topic never created)
/// are not errors.
class BrokerCleanup final
{
public:
    BrokerCleanup() = default;
    explicit BrokerCleanup(QString bootstrap) : m_bootstrap(std::move(bootstrap)) {}
    BrokerCleanup(const BrokerCleanup &) = delete;
    BrokerCleanup &operator=(const BrokerCleanup &) = delete;
    ~BrokerCleanup()
    {
        QString error;
        if (!run(&error))
            qWarning("broker cleanup: %s", qPrintable(error));
    }

    void setBootstrap(const QString &bootstrap) { m_bootstrap = bootstrap; }

    QString topic(const QString &name)
    {
        m_topics.insert(name);
        return name;
    }
    QString group(const QString &name)
    {
        m_groups.insert(name);
        return name;
    }
    /// prefix-<random>, to be deleted both as a topic and as a group (tests use such names for either).
    QString unique(const QString &prefix, int length = 12)
    {
        const QString name = prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(length);
        topic(name);
        group(name);
        return name;
    }

    /// Deletes the groups (their members must have left), then the topics. False with the
    /// reasons when something registered still exists afterwards.
    bool run(QString *error = nullptr)
    {
        if (m_bootstrap.isEmpty() || (m_topics.isEmpty() && m_groups.isEmpty()))
            return true;
        RdKafkaClusterApi api({{QStringLiteral("bootstrap.servers"), m_bootstrap}}, RdKafkaClusterApi::Options{8000, 8000});
        QStringList problems;
        if (!m_groups.isEmpty()) {
            const auto deleted = api.deleteGroups(QStringList(m_groups.cbegin(), m_groups.cend()));
            if (!deleted.ok())
                problems << deleted.error().toString();
            else
                for (const GroupDeletion &d : deleted.value())
                    if (!d.errorCode.isEmpty() && d.errorCode != QLatin1String("GROUP_ID_NOT_FOUND"))
                        problems << QStringLiteral("group %1: %2 %3").arg(d.groupId, d.errorCode, d.errorMessage);
        }
        if (!m_topics.isEmpty()) {
            const auto deleted = api.deleteTopics(QStringList(m_topics.cbegin(), m_topics.cend()));
            if (!deleted.ok())
                problems << deleted.error().toString();
            else
                for (const TopicDeletion &d : deleted.value())
                    if (!d.errorCode.isEmpty() && d.errorCode != QLatin1String("UNKNOWN_TOPIC_OR_PART"))
                        problems << QStringLiteral("topic %1: %2 %3").arg(d.topic, d.errorCode, d.errorMessage);
        }
        if (problems.isEmpty()) {
            m_topics.clear();
            m_groups.clear();
        }
        if (error)
            *error = problems.join(QStringLiteral("; "));
        return problems.isEmpty();
    }

private:
    QString m_bootstrap;
    QSet<QString> m_topics;
    QSet<QString> m_groups;
};

/// The one BrokerCleanup of a test program: every name its tests make is deleted from the
/// broker afterwards (as a topic and as a group). Its tests set the bootstrap in initTestCase
/// and run it in cleanupTestCase.
inline BrokerCleanup &cleanup()
{
    static BrokerCleanup c;
    return c;
}

/// A fresh name, `prefix` and `length` random characters, deleted with cleanup().
inline QString unique(const QString &prefix, int length = 12)
{
    return cleanup().unique(prefix, length);
}

} // namespace kops::test
