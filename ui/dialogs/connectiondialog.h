#pragma once

#include "clusterapi.h"
#include "connectionprofile.h"
#include "connectionstore.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace kops {

/// New / edit / delete / test connection profiles. Passwords go to the keychain only.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    using ApiFactory = std::function<std::unique_ptr<ClusterApi>(const QList<QPair<QString, QString>> &)>;

    explicit ConnectionDialog(ConnectionStore store, QWidget *parent = nullptr, ApiFactory factory = {});
    ~ConnectionDialog() override;

    /// Selects a profile by name (or the first).
    void selectProfile(const QString &name);
    QString selectedProfile() const;
    /// The profile as currently typed in the form.
    ConnectionProfile formProfile() const;
    void setFormProfile(const ConnectionProfile &p);

    /// Fills the form with a new profile read from a Java client .properties file (as given to
    /// Kafka's tools with --command-config) or a librdkafka one (kcat -F). False, with the
    /// reason shown, when the file cannot be used.
    bool importFile(const QString &path);

    void testConnection();
    bool save();
    QString testResult() const;

signals:
    void profilesChanged();
    void testFinished(bool ok);

private:
    void reload(const QString &select);
    void newProfile();
    void deleteProfile();
    void updateSecurityFields();
    QLineEdit *fileField(const QString &title);

    ConnectionStore m_store;
    ApiFactory m_factory;
    QString m_editingName; ///< name of the profile the form was loaded from ("" = new)
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_bootstrap = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_mechanism = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_rememberPassword = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QPlainTextEdit *m_extra = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_testButton = nullptr;
    QFutureWatcher<QString> m_testWatcher;
    bool m_testOk = false;
};

} // namespace kops
