#pragma once

#include "configlinter.h"
#include "configprofile.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;
class QWidget;

namespace kops {

/// Edits one profile: a form for the important keys, a table of all keys, and the
/// lint findings (updated as you type) with a button per finding that applies its fix.
class ProfileEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget *parent = nullptr);

    void setProfile(const ConfigProfile &profile);
    const ConfigProfile &profile() const { return m_profile; }
    /// Topic facts (from a topic profile or the live topic) for the rules that need them.
    void setContext(const LintContext &context);
    const QList<LintFinding> &findings() const { return m_findings; }
    /// Applies the fix of findings()[index]; fixes for the topic are handed on via topicFixRequested.
    void applyFix(int index);
    /// JVM profiles: replaces the options with those in the command-line field (KAFKA_HEAP_OPTS /
    /// KAFKA_JVM_PERFORMANCE_OPTS lines or a bare option list); unusable parts are named, not applied.
    void applyJvmCommandLine();

signals:
    /// The user changed the profile (any field, the table, or a fix).
    void profileEdited();
    /// A finding's fix changes the topic profile, not this one.
    void topicFixRequested(const kops::ConfigFix &fix);

private:
    void buildForm();
    void refreshForm();
    void refreshTable();
    void relint();
    void setSetting(const QString &key, const QString &value);
    void edited();
    void applyConfigFix(const kops::ConfigFix &fix);
    void showDetails();
    /// The command-line field follows the profile, unless it holds text not applied yet (or force).
    void refreshJvmText(bool force = false);

    ConfigProfile m_profile;
    LintContext m_context;
    QList<LintFinding> m_findings;
    bool m_updating = false;

    QLineEdit *m_name = nullptr;
    QComboBox *m_intent = nullptr;
    QLabel *m_typeLabel = nullptr;
    QLabel *m_hostRamLabel = nullptr;
    QLineEdit *m_hostRam = nullptr;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    QHash<QString, QWidget *> m_fields;
    QTableWidget *m_table = nullptr;
    QTreeWidget *m_findingsTree = nullptr;
    QLabel *m_summary = nullptr;
    QTextBrowser *m_details = nullptr;
    QWidget *m_jvmBox = nullptr;
    QPlainTextEdit *m_jvmText = nullptr;
    QLabel *m_jvmIssues = nullptr;
};

} // namespace kops
