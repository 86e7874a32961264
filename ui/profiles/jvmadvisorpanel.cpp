#include "jvmadvisorpanel.h"

#include "jvmadvisor.h"
#include "jvmoptions.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kops {

/// Three coloured segments: heap, page cache, OS, proportional to their share of RAM.
class MemoryBar final : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(kops::MemoryBar) // tr() in the context lupdate files it under
public:
    explicit MemoryBar(QWidget *parent) : QWidget(parent) { setMinimumHeight(28); }
    void setSplit(const MemorySplit &s)
    {
        m_split = s;
        update();
    }
    static QColor heapColor() { return QColor(0xd9, 0x73, 0x2b); }
    static QColor cacheColor() { return QColor(0x3a, 0x86, 0xc8); }
    static QColor osColor() { return QColor(0x9e, 0x9e, 0x9e); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QRect r = rect().adjusted(0, 0, -1, -1);
        if (m_split.ram <= 0) {
            p.drawText(r, Qt::AlignCenter, tr("Enter the host RAM"));
            return;
        }
        const struct { qint64 bytes; QColor color; QString label; } parts[3] = {
            {m_split.heap, heapColor(), tr("heap %1").arg(formatMemory(m_split.heap))},
            {m_split.pageCache, cacheColor(), tr("page cache %1").arg(formatMemory(m_split.pageCache))},
            {m_split.osReserve, osColor(), tr("OS %1").arg(formatMemory(m_split.osReserve))},
        };
        const double total = double(std::max<qint64>(m_split.ram, m_split.heap + m_split.osReserve));
        double x = r.left();
        for (const auto &part : parts) {
            const double w = double(r.width()) * double(part.bytes) / total;
            const QRectF seg(x, r.top(), w, r.height());
            p.fillRect(seg, part.color);
            p.setPen(Qt::white);
            if (p.fontMetrics().horizontalAdvance(part.label) < w - 4)
                p.drawText(seg, Qt::AlignCenter, part.label);
            x += w;
        }
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(r);
    }

private:
    MemorySplit m_split;
};

JvmAdvisorPanel::JvmAdvisorPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_ram = new QLineEdit(QStringLiteral("32G"), this);
    m_ram->setObjectName(QStringLiteral("advisorRam"));
    m_ram->setToolTip(tr("RAM of the broker host, e.g. 32G or 64 GB."));
    m_mbps = new QDoubleSpinBox(this);
    m_mbps->setObjectName(QStringLiteral("advisorMbps"));
    m_mbps->setRange(0, 10000);
    m_mbps->setValue(50);
    m_mbps->setSuffix(tr(" MB/s"));
    m_mbps->setToolTip(tr("Data produced into this broker, leaders and followers together."));
    m_minutes = new QDoubleSpinBox(this);
    m_minutes->setObjectName(QStringLiteral("advisorMinutes"));
    m_minutes->setRange(0, 24 * 60);
    m_minutes->setDecimals(0);
    m_minutes->setValue(10);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setToolTip(tr("How far back lagging consumers re-read; that much recent data should stay in the page cache."));
    form->addRow(tr("Host RAM:"), m_ram);
    form->addRow(tr("Write throughput:"), m_mbps);
    form->addRow(tr("Consumers re-read:"), m_minutes);
    layout->addLayout(form);
    m_bar = new MemoryBar(this);
    m_bar->setObjectName(QStringLiteral("memoryBar"));
    layout->addWidget(m_bar);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("advisorLegend"));
    m_legend->setWordWrap(true);
    layout->addWidget(m_legend);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("advisorOutput"));
    m_output->setReadOnly(true);
    layout->addWidget(m_output, 1);
    m_create = new QPushButton(tr("Create JVM profile from this advice"), this);
    m_create->setObjectName(QStringLiteral("advisorCreate"));
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(m_create);
    layout->addLayout(row);

    connect(m_ram, &QLineEdit::textChanged, this, &JvmAdvisorPanel::recompute);
    connect(m_mbps, &QDoubleSpinBox::valueChanged, this, &JvmAdvisorPanel::recompute);
    connect(m_minutes, &QDoubleSpinBox::valueChanged, this, &JvmAdvisorPanel::recompute);
    connect(m_create, &QPushButton::clicked, this, [this] { emit profileCreated(m_advice); });
    recompute();
}

void JvmAdvisorPanel::recompute()
{
    const auto ram = parseMemorySize(m_ram->text());
    if (!ram || *ram < (1LL << 30)) {
        m_bar->setSplit({});
        m_legend->setText(tr("Enter the host RAM (at least 1 GB), e.g. 32G."));
        m_output->clear();
        m_create->setEnabled(false);
        return;
    }
    const JvmAdvisor::Advice a = JvmAdvisor::advise({*ram, m_mbps->value(), m_minutes->value()});
    m_bar->setSplit(a.split);
    m_legend->setText(tr("<span style='color:%1'>&#9632;</span> heap %2 &nbsp; <span style='color:%3'>&#9632;</span> "
                         "page cache %4 &nbsp; <span style='color:%5'>&#9632;</span> OS and off-heap %6%7")
                          .arg(MemoryBar::heapColor().name(), formatMemory(a.split.heap), MemoryBar::cacheColor().name(),
                               formatMemory(a.split.pageCache), MemoryBar::osColor().name(),
                               formatMemory(a.split.osReserve),
                               a.pageCacheShort ? tr(" &mdash; <b>page cache too small for the re-read window</b>")
                                                : QString()));
    QString text = JvmOptions::toEnv(a.settings) + QLatin1Char('\n');
    for (const QString &r : a.reasons)
        text += QStringLiteral("\u2022 ") + r + QLatin1Char('\n');
    m_output->setPlainText(text);
    m_advice = ConfigProfile{};
    m_advice.name = QStringLiteral("jvm-%1-host").arg(formatJvmSize(*ram).toLower());
    m_advice.type = ProfileType::Jvm;
    m_advice.intent = ProfileIntent::NoLoss;
    m_advice.settings = a.settings;
    m_advice.hostRam = m_ram->text().trimmed();
    m_advice.description = tr("From the JVM advisor: %1 MB/s, %2 min re-read.").arg(m_mbps->value()).arg(m_minutes->value());
    m_create->setEnabled(true);
}

} // namespace kops
