#include "topicaudit.h"

#include "deadletterreader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace kops {

int AuditSpec::passesFor(qint64 records) const
{
    if (digestLimit <= 0 || records <= digestLimit)
        return 1;
    // A little headroom: slices are as even as the hash, not exactly even.
    return int(std::ceil(double(records) * 1.05 / double(digestLimit)));
}

QJsonObject AuditReport::toJson() const
{
    QJsonArray ex;
    for (const AuditFinding &f : examples)
        ex.append(f.toJson(topic));
    QJsonObject o{{QStringLiteral("topic"), topic},
                  {QStringLiteral("clean"), clean()},
                  {QStringLiteral("scanned"), scanned},
                  {QStringLiteral("duplicates"), duplicates},
                  {QStringLiteral("orderBreaks"), orderBreaks},
                  {QStringLiteral("keysInSeveralPartitions"), keysInSeveralPartitions},
                  {QStringLiteral("withoutId"), withoutId},
                  {QStringLiteral("withoutSequence"), withoutSequence},
                  {QStringLiteral("passes"), passes},
                  {QStringLiteral("seconds"), seconds},
                  {QStringLiteral("recordsPerSecond"), recordsPerSecond},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("examples"), ex}};
    if (!idSource.isEmpty())
        o.insert(QStringLiteral("id"), idSource);
    if (!seqSource.isEmpty())
        o.insert(QStringLiteral("seq"), seqSource);
    return o;
}

QByteArray AuditReport::toJsonLines() const
{
    QByteArray out;
    for (const AuditFinding &f : examples) {
        out += QJsonDocument(f.toJson(topic)).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

Result<AuditReport> TopicAudit::runPasses(const AuditSpec &spec, qint64 total, const ScanFn &scan, const ProgressFn &progress)
{
    AuditReport report;
    report.topic = spec.topic;
    report.idSource = spec.id.text();
    report.seqSource = spec.seq.text();
    report.total = total;
    report.passes = spec.passesFor(total);
    QElapsedTimer clock;
    clock.start();
    QList<AuditFinding> dups, breaks, keys;
    for (int pass = 0; pass < report.passes; ++pass) {
        AuditEngine engine({spec.id, spec.seq, spec.maxExamples, pass, report.passes, total});
        QElapsedTimer passClock;
        passClock.start();
        auto visit = [&](const RecordView &r) {
            if (spec.untilTimeMs && r.timestampMs >= *spec.untilTimeMs)
                return;
            engine.add(r);
        };
        auto tick = [&](qint64 scanned) {
            if (!progress)
                return;
            const AuditCounts &c = engine.counts();
            AuditProgress p;
            p.pass = pass + 1;
            p.passes = report.passes;
            p.scanned = scanned;
            p.total = total;
            p.recordsPerSecond = double(scanned) * 1000.0 / double(std::max<qint64>(1, passClock.elapsed()));
            p.duplicates = report.duplicates + c.duplicates;
            p.orderBreaks = report.orderBreaks + c.orderBreaks;
            p.keysInSeveralPartitions = report.keysInSeveralPartitions + c.keysInSeveralPartitions;
            progress(p);
        };
        auto done = scan(visit, tick);
        if (!done)
            return done.error();
        const AuditCounts &c = engine.counts();
        if (pass == 0) {
            report.scanned = c.scanned;
            report.withoutId = c.withoutId;
            report.withoutSequence = c.withoutSequence;
        }
        report.duplicates += c.duplicates;
        report.orderBreaks += c.orderBreaks;
        report.keysInSeveralPartitions += c.keysInSeveralPartitions;
        report.distinctRecords += c.distinctRecords;
        report.tableBytes = std::max(report.tableBytes, c.tableBytes);
        for (const AuditFinding &f : engine.examples()) {
            QList<AuditFinding> &list = f.kind == AuditFindingKind::Duplicate ? dups
                                        : f.kind == AuditFindingKind::OrderBreak ? breaks
                                                                                 : keys;
            list.append(f);
        }
        if (!done.value()) {
            report.cancelled = true;
            break;
        }
    }
    // Several passes find examples slice by slice: keep the earliest per kind.
    for (QList<AuditFinding> *list : {&dups, &breaks, &keys}) {
        std::stable_sort(list->begin(), list->end(), [](const AuditFinding &a, const AuditFinding &b) {
            return std::pair(a.timestampMs, a.offset) < std::pair(b.timestampMs, b.offset);
        });
        report.examples += list->mid(0, spec.maxExamples);
    }
    report.seconds = double(clock.elapsed()) / 1000.0;
    report.recordsPerSecond = report.seconds > 0 ? double(report.scanned) * report.passes / report.seconds : 0;
    return report;
}

Result<AuditReport> TopicAudit::run(ClusterApi &api, const AuditSpec &spec, const std::atomic<bool> *cancel,
                                    const ProgressFn &progress)
{
    if (spec.topic.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("Choose a topic to audit."));
    BrowseSelection selection;
    selection.topic = spec.topic;
    if (spec.fromTimeMs) {
        selection.start.mode = BrowseStart::Mode::Time;
        selection.start.value = *spec.fromTimeMs;
    }
    // The size of the selection decides the passes before the first one.
    qint64 total = 0;
    {
        DeadLetterReader probe(api, selection);
        if (auto opened = probe.open(); !opened)
            return opened.error();
        total = probe.total();
    }
    auto scan = [&](const std::function<void(const RecordView &)> &visit,
                    const std::function<void(qint64)> &tick) -> Result<bool> {
        DeadLetterReader reader(api, selection);
        if (auto opened = reader.open(); !opened)
            return opened.error();
        qint64 scanned = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        while (!reader.atEnd()) {
            if (cancel && cancel->load())
                return false;
            auto shown = reader.visit(5000, 2000, [&](const RecordView &r) {
                ++scanned;
                visit(r);
            });
            if (!shown)
                return shown.error();
            if (sinceTick.elapsed() >= 200) {
                sinceTick.restart();
                tick(scanned);
            }
        }
        tick(scanned);
        return true;
    };
    return runPasses(spec, total, scan, progress);
}

} // namespace kops
