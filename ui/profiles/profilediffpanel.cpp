#include "profilediffpanel.h"

#include "profilediff.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kops {

ProfileDiffPanel::ProfileDiffPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_left = new QComboBox(this);
    m_left->setObjectName(QStringLiteral("diffLeft"));
    m_right = new QComboBox(this);
    m_right->setObjectName(QStringLiteral("diffRight"));
    for (QComboBox *c : {m_left, m_right}) {
        // Saved profiles may have long names: the boxes keep their width, the lists show names whole.
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(16);
    }
    row->addWidget(new QLabel(tr("Compare"), this));
    row->addWidget(m_left, 1);
    row->addWidget(new QLabel(tr("with"), this));
    row->addWidget(m_right, 1);
    layout->addLayout(row);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Left"), tr("Right")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    connect(m_left, &QComboBox::currentIndexChanged, this, &ProfileDiffPanel::recompute);
    connect(m_right, &QComboBox::currentIndexChanged, this, &ProfileDiffPanel::recompute);
}

void ProfileDiffPanel::setProfiles(const QList<ConfigProfile> &profiles)
{
    const QString l = m_left->currentText(), r = m_right->currentText();
    m_profiles = profiles;
    for (QComboBox *c : {m_left, m_right}) {
        const QSignalBlocker block(c);
        c->clear();
        for (const ConfigProfile &p : profiles)
            c->addItem(QStringLiteral("%1 (%2)").arg(p.name, profileTypeName(p.type)));
    }
    m_left->setCurrentIndex(std::max(0, int(m_left->findText(l))));
    m_right->setCurrentIndex(std::max(0, int(m_right->findText(r))));
    if (m_right->currentIndex() == m_left->currentIndex() && m_right->count() > 1)
        m_right->setCurrentIndex((m_left->currentIndex() + 1) % m_right->count());
    recompute();
}

void ProfileDiffPanel::select(const QString &left, const QString &right)
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles[i].name == left)
            m_left->setCurrentIndex(int(i));
        if (m_profiles[i].name == right)
            m_right->setCurrentIndex(int(i));
    }
    recompute();
}

void ProfileDiffPanel::recompute()
{
    m_table->setRowCount(0);
    const int l = m_left->currentIndex(), r = m_right->currentIndex();
    if (l < 0 || r < 0 || l >= m_profiles.size() || r >= m_profiles.size()) {
        m_summary->setText(tr("Save or create two profiles to compare them."));
        return;
    }
    const auto diffs = diffProfiles(m_profiles[l], m_profiles[r]);
    m_summary->setText(diffs.isEmpty() ? tr("The two profiles are identical.")
                                       : tr("%n difference(s); a side that does not set a key shows the Java default.",
                                            nullptr, int(diffs.size())));
    for (const ProfileDifference &d : diffs) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QColor tint = d.kind == ProfileDifference::Kind::Added     ? QColor(0xe3, 0xf4, 0xe1)
                            : d.kind == ProfileDifference::Kind::Removed ? QColor(0xfb, 0xe3, 0xe3)
                                                                         : QColor(0xff, 0xf4, 0xd6);
        const QStringList cells{d.key, d.left, d.right};
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setBackground(tint);
            item->setForeground(QColor(0x20, 0x20, 0x20));
            m_table->setItem(row, c, item);
        }
    }
}

} // namespace kops
