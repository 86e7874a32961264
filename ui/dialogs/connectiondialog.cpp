#include "connectiondialog.h"

#include "clientconfigfile.h"

#include "passwordstore.h"
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kops {

ConnectionDialog::ConnectionDialog(ConnectionStore store, QWidget *parent, ApiFactory factory)
    : QDialog(parent), m_store(std::move(store)), m_factory(std::move(factory))
{
    setWindowTitle(tr("Connections"));
    resize(860, 560);
    if (!m_factory)
        m_factory = [](const QList<QPair<QString, QString>> &props) {
            return std::unique_ptr<ClusterApi>(std::make_unique<RdKafkaClusterApi>(props));
        };

    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("connectionList"));
    left->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("New"), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    auto *import = new QPushButton(tr("Import…"), this);
    import->setObjectName(QStringLiteral("importConnection"));
    import->setToolTip(tr("A client.properties file (Kafka's --command-config) or a librdkafka/kcat -F file"));
    listButtons->addWidget(add);
    listButtons->addWidget(import);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    layout->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_bootstrap = new QLineEdit(this);
    m_bootstrap->setObjectName(QStringLiteral("bootstrap"));
    m_bootstrap->setPlaceholderText(QStringLiteral("kafka1:9092,kafka2:9092"));
    m_protocol = new QComboBox(this);
    m_protocol->addItems(ConnectionProfile::securityProtocols());
    m_mechanism = new QComboBox(this);
    m_mechanism->addItems(ConnectionProfile::saslMechanisms());
    m_username = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("stored in the system keychain, never in the profile file"));
    m_rememberPassword = new QCheckBox(tr("Remember in the system keychain"), this);
    m_rememberPassword->setChecked(true);
    m_ca = fileField(tr("CA certificate"));
    m_cert = fileField(tr("Client certificate"));
    m_key = fileField(tr("Client key"));
    m_extra = new QPlainTextEdit(this);
    m_extra->setPlaceholderText(tr("librdkafka properties, one key=value per line"));
    m_extra->setMaximumHeight(80);
    m_readOnly = new QCheckBox(tr("Read-only: never write offsets, records or topics"), this);
    m_interval = new QSpinBox(this);
    m_interval->setRange(1, 3600);
    m_interval->setSuffix(tr(" s"));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Bootstrap servers"), m_bootstrap);
    form->addRow(tr("Security protocol"), m_protocol);
    form->addRow(tr("SASL mechanism"), m_mechanism);
    form->addRow(tr("SASL user name"), m_username);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_rememberPassword);
    form->addRow(tr("CA certificate"), m_ca->parentWidget());
    form->addRow(tr("Client certificate"), m_cert->parentWidget());
    form->addRow(tr("Client key"), m_key->parentWidget());
    form->addRow(tr("Extra properties"), m_extra);
    form->addRow(tr("Sampling interval"), m_interval);
    form->addRow(QString(), m_readOnly);
    right->addLayout(form);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_result);
    right->addStretch();

    auto *buttons = new QDialogButtonBox(this);
    m_testButton = buttons->addButton(tr("Test connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    auto *saveButton = buttons->addButton(QDialogButtonBox::Save);
    buttons->addButton(QDialogButtonBox::Close);
    right->addWidget(buttons);
    layout->addLayout(right, 3);

    connect(add, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(remove, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import connection"), QString(),
                                                          tr("Client properties (*.properties *.conf *.cfg);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_protocol, &QComboBox::currentTextChanged, this, &ConnectionDialog::updateSecurityFields);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (name.isEmpty())
            return;
        auto found = m_store.find(name);
        if (found)
            setFormProfile(found.value());
    });
    connect(&m_testWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString text = m_testWatcher.result();
        m_testOk = text.startsWith(QLatin1Char('+'));
        m_result->setText(text.mid(1));
        m_result->setStyleSheet(m_testOk ? QStringLiteral("color: #006000;") : QStringLiteral("color: #b00000;"));
        m_testButton->setEnabled(true);
        emit testFinished(m_testOk);
    });

    reload({});
    if (m_list->count() == 0)
        newProfile();
}

ConnectionDialog::~ConnectionDialog()
{
    m_testWatcher.waitForFinished(); // bounded by the client's timeout
}

QLineEdit *ConnectionDialog::fileField(const QString &title)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(box);
    auto *browse = new QToolButton(box);
    browse->setText(QStringLiteral("…"));
    row->addWidget(edit);
    row->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    return edit;
}

void ConnectionDialog::reload(const QString &select)
{
    m_list->blockSignals(true);
    m_list->clear();
    auto all = m_store.load();
    if (!all) {
        m_result->setText(all.error().toString());
        m_result->setStyleSheet(QStringLiteral("color: #b00000;"));
    } else {
        for (const ConnectionProfile &p : all.value())
            m_list->addItem(p.name);
    }
    m_list->blockSignals(false);
    if (m_list->count() > 0)
        selectProfile(select);
}

void ConnectionDialog::selectProfile(const QString &name)
{
    const auto items = m_list->findItems(name, Qt::MatchExactly);
    m_list->setCurrentItem(items.isEmpty() ? m_list->item(0) : items.first());
}

QString ConnectionDialog::selectedProfile() const
{
    return m_editingName;
}

bool ConnectionDialog::importFile(const QString &path)
{
    auto imported = importConnection(path);
    if (!imported) {
        m_result->setText(imported.error().message);
        return false;
    }
    m_list->clearSelection();
    setFormProfile(imported.value().profile);
    m_editingName.clear();
    m_password->setText(imported.value().password);
    QString note = tr("Imported from %1. Review, test and save.").arg(path);
    if (!imported.value().ignoredKeys.isEmpty())
        note += QLatin1Char(' ') + tr("Ignored (no librdkafka equivalent): %1.").arg(imported.value().ignoredKeys.join(QStringLiteral(", ")));
    m_result->setText(note);
    return true;
}

void ConnectionDialog::newProfile()
{
    ConnectionProfile p;
    p.bootstrapServers = QStringLiteral("localhost:9092");
    m_list->clearSelection();
    setFormProfile(p);
    m_editingName.clear();
    m_name->setFocus();
}

void ConnectionDialog::deleteProfile()
{
    if (m_editingName.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete connection"), tr("Delete the connection '%1'?").arg(m_editingName))
        != QMessageBox::Yes)
        return;
    m_store.remove(m_editingName);
    PasswordStore::remove(m_editingName);
    m_editingName.clear();
    reload({});
    emit profilesChanged();
}

void ConnectionDialog::updateSecurityFields()
{
    const QString protocol = m_protocol->currentText();
    const bool sasl = protocol.startsWith(QLatin1String("SASL"));
    const bool ssl = protocol.endsWith(QLatin1String("SSL"));
    for (QWidget *w : {static_cast<QWidget *>(m_mechanism), static_cast<QWidget *>(m_username),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_rememberPassword)})
        w->setEnabled(sasl);
    for (QLineEdit *e : {m_ca, m_cert, m_key})
        e->parentWidget()->setEnabled(ssl);
}

ConnectionProfile ConnectionDialog::formProfile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.bootstrapServers = m_bootstrap->text().trimmed();
    p.securityProtocol = m_protocol->currentText();
    p.saslMechanism = m_mechanism->currentText();
    p.saslUsername = m_username->text().trimmed();
    p.caLocation = m_ca->text().trimmed();
    p.certificateLocation = m_cert->text().trimmed();
    p.keyLocation = m_key->text().trimmed();
    const QStringList lines = m_extra->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QPair<QString, QString> kv;
        if (!line.trimmed().startsWith(QLatin1Char('#')) && parseProperty(line, &kv))
            p.extraProperties.append(kv);
    }
    p.readOnly = m_readOnly->isChecked();
    p.sampleIntervalSeconds = m_interval->value();
    return p;
}

void ConnectionDialog::setFormProfile(const ConnectionProfile &p)
{
    m_editingName = p.name;
    m_name->setText(p.name);
    m_bootstrap->setText(p.bootstrapServers);
    m_protocol->setCurrentText(p.securityProtocol);
    m_mechanism->setCurrentText(p.saslMechanism);
    m_username->setText(p.saslUsername);
    m_password->clear();
    m_ca->setText(p.caLocation);
    m_cert->setText(p.certificateLocation);
    m_key->setText(p.keyLocation);
    QStringList extra;
    for (const auto &kv : p.extraProperties)
        extra << kv.first + QLatin1Char('=') + kv.second;
    m_extra->setPlainText(extra.join(QLatin1Char('\n')));
    m_readOnly->setChecked(p.readOnly);
    m_interval->setValue(p.sampleIntervalSeconds);
    m_result->clear();
    updateSecurityFields();
}

void ConnectionDialog::testConnection()
{
    const ConnectionProfile p = formProfile();
    QStringList problems = p.validate();
    const QString nameProblem = QCoreApplication::translate("kops::Cluster", "The connection needs a name.");
    problems.removeIf([&](const QString &s) { return s == nameProblem; });
    const QStringList lines = m_extra->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QPair<QString, QString> kv;
        if (!line.trimmed().startsWith(QLatin1Char('#')) && !parseProperty(line, &kv))
            problems << tr("Extra property '%1' is not key=value.").arg(line.trimmed());
    }
    if (!problems.isEmpty()) {
        m_result->setText(problems.join(QLatin1Char('\n')));
        m_result->setStyleSheet(QStringLiteral("color: #b00000;"));
        emit testFinished(false);
        return;
    }
    QString password = m_password->text();
    if (password.isEmpty() && p.usesSasl() && !m_editingName.isEmpty()) {
        const auto stored = PasswordStore::read(m_editingName);
        if (stored.outcome == PasswordStore::Outcome::Ok)
            password = stored.password;
    }
    m_testButton->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1…").arg(p.bootstrapServers));
    const auto props = p.clientProperties(password);
    ApiFactory factory = m_factory;
    m_testWatcher.setFuture(QtConcurrent::run([factory, props]() -> QString {
        QElapsedTimer timer;
        timer.start();
        auto api = factory(props);
        auto md = api->metadata();
        if (!md)
            return QLatin1Char('-') + md.error().toString();
        return QLatin1Char('+')
               + tr("Connected in %1 ms: cluster %2, %3 broker(s), %4 topic(s).")
                     .arg(timer.elapsed())
                     .arg(md.value().clusterId.isEmpty() ? tr("(no id)") : md.value().clusterId)
                     .arg(md.value().brokers.size())
                     .arg(md.value().topics.size());
    }));
}

QString ConnectionDialog::testResult() const
{
    return m_result->text();
}

bool ConnectionDialog::save()
{
    const ConnectionProfile p = formProfile();
    const QStringList problems = p.validate();
    if (!problems.isEmpty()) {
        m_result->setText(problems.join(QLatin1Char('\n')));
        m_result->setStyleSheet(QStringLiteral("color: #b00000;"));
        return false;
    }
    const Status saved = m_store.upsert(p, m_editingName);
    if (!saved.ok()) {
        m_result->setText(saved.error().toString());
        m_result->setStyleSheet(QStringLiteral("color: #b00000;"));
        return false;
    }
    QString note = tr("Saved.");
    if (p.usesSasl() && !m_password->text().isEmpty()) {
        if (m_rememberPassword->isChecked()) {
            QString error;
            if (PasswordStore::write(p.name, m_password->text(), &error) != PasswordStore::Outcome::Ok)
                note = tr("Saved. No system keychain is available (%1): the password will be asked for at each "
                          "connection.")
                           .arg(error);
            else
                note = tr("Saved; the password is in the system keychain.");
        }
    }
    if (!m_editingName.isEmpty() && m_editingName != p.name)
        PasswordStore::remove(m_editingName);
    reload(p.name);
    m_result->setText(note);
    m_result->setStyleSheet(QString());
    emit profilesChanged();
    return true;
}

} // namespace kops
