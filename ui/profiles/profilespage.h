#pragma once

#include "configlinter.h"
#include "consolepage.h"
#include "kafkaerror.h"
#include "profileio.h"
#include "profilestore.h"

#include <QFutureWatcher>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace kops {

class JvmAdvisorPanel;
class ProfileDiffPanel;
class ProfileEditor;

/// Producer, consumer, topic and broker-JVM profiles: list, editor with live lint
/// findings and one-click fixes, import/export, diff, JVM advisor, and a cross-check
/// of producer profiles against a topic profile or the live topic.
class ProfilesPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit ProfilesPage(QWidget *parent = nullptr);
    ~ProfilesPage() override;

    QString title() const override { return tr("Profiles"); }
    void setConnection(ConnectionContextPtr connection) override;
    void activated() override;

    /// Imports a .properties / JVM env / JSON file as a new saved profile (what the Import button does
    /// after its file dialog). Parse problems are reported through statusMessage.
    bool importFile(const QString &path);
    /// Writes the profile being edited (what Export does after its dialog).
    Status exportCurrent(const QString &path, ProfileIo::Format format);
    /// Creates and selects a saved copy of a built-in template.
    void createFromTemplate(const QString &templateName);
    bool selectProfile(const QString &name);
    ProfileEditor *editor() const { return m_editor; }
    bool hasUnsavedChanges() const { return m_dirty; }
    bool save();

private:
    struct LiveOutcome
    {
        quint64 generation = 0;
        bool ok = false;
        LintContext context;
        KafkaError error;
    };

    void reloadList(const QString &select = {});
    /// Writes the edited profile to the store (renaming its file if the name changed), without touching the list.
    bool storeCurrent();
    void showProfile(const ConfigProfile &profile);
    void currentItemChanged();
    void updateContext();
    void updateLiveControls();
    void startLiveCheck();
    void liveCheckFinished();
    void topicFixRequested(const ConfigFix &fix);
    void deleteCurrent();
    void importClicked();
    void exportClicked();
    QString uniqueName(const QString &base) const;

    ProfileStore m_store;
    QString m_userStoreDirectory; ///< the user's own profiles while the demo's are shown
    ConnectionContextPtr m_connection;
    QString m_originalName; ///< name on disk of the profile being edited
    bool m_dirty = false;
    bool m_loading = false;
    std::optional<LintContext> m_liveContext;
    quint64 m_liveGeneration = 0;
    QFutureWatcher<LiveOutcome> m_liveWatcher;

    QTreeWidget *m_list = nullptr;
    QToolButton *m_newButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_stack = nullptr;
    ProfileEditor *m_editor = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_dirtyLabel = nullptr;
    QWidget *m_checkRow = nullptr;
    QComboBox *m_topicProfile = nullptr;
    QLineEdit *m_liveTopic = nullptr;
    QPushButton *m_liveButton = nullptr;
    QLabel *m_liveNote = nullptr;
    ProfileDiffPanel *m_diff = nullptr;
    JvmAdvisorPanel *m_advisor = nullptr;
};

} // namespace kops
