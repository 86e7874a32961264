#include "requeuespec.h"

#include <QJsonArray>

namespace kops {

namespace {

QJsonObject textMatchJson(const TextMatch &m)
{
    return {{QStringLiteral("pattern"), m.pattern}, {QStringLiteral("regex"), m.regex}};
}

TextMatch textMatchFrom(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return {o.value(QStringLiteral("pattern")).toString(), o.value(QStringLiteral("regex")).toBool()};
}

// Offsets travel as strings: JSON numbers are doubles.
QJsonValue num(qint64 n)
{
    return QString::number(n);
}

qint64 numFrom(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

} // namespace

QJsonObject RequeueSpec::toJson() const
{
    QJsonArray rangesJson;
    for (const SourceRange &r : ranges)
        rangesJson.append(QJsonObject{{QStringLiteral("partition"), r.partition},
                                      {QStringLiteral("start"), num(r.start)},
                                      {QStringLiteral("end"), num(r.end)}});
    QJsonArray recordsJson;
    for (const auto &r : records)
        recordsJson.append(QJsonArray{r.first, num(r.second)});
    QJsonObject f{{QStringLiteral("key"), textMatchJson(filter.key)},
                  {QStringLiteral("value"), textMatchJson(filter.value)},
                  {QStringLiteral("headerName"), filter.headerName},
                  {QStringLiteral("headerValue"), textMatchJson(filter.headerValue)},
                  {QStringLiteral("errorClass"), filter.errorClass},
                  {QStringLiteral("originalTopic"), filter.originalTopic}};
    if (filter.fromTimeMs)
        f.insert(QStringLiteral("fromTime"), num(*filter.fromTimeMs));
    if (filter.toTimeMs)
        f.insert(QStringLiteral("toTime"), num(*filter.toTimeMs));
    const QJsonObject opt{
        {QStringLiteral("target"), options.target == RequeueOptions::Target::Original ? QStringLiteral("original")
                                                                                     : QStringLiteral("topic")},
        {QStringLiteral("targetTopic"), options.targetTopic},
        {QStringLiteral("strip"), options.stripDeadLetterHeaders},
        {QStringLiteral("partitionPolicy"), int(options.partitionPolicy)},
        {QStringLiteral("timestampPolicy"), int(options.timestampPolicy)},
        {QStringLiteral("rate"), options.ratePerSecond},
        {QStringLiteral("batchSize"), options.batchSize}};
    QJsonArray rules;
    for (const HeaderMappingRule &r : headerRules)
        rules.append(headerMappingRuleText(r));
    return {{QStringLiteral("sourceTopic"), sourceTopic}, {QStringLiteral("ranges"), rangesJson},
            {QStringLiteral("headerRules"), rules},
            {QStringLiteral("records"), recordsJson},     {QStringLiteral("filter"), f},
            {QStringLiteral("options"), opt}};
}

RequeueSpec RequeueSpec::fromJson(const QJsonObject &o)
{
    RequeueSpec s;
    s.sourceTopic = o.value(QStringLiteral("sourceTopic")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("ranges")).toArray()) {
        const QJsonObject r = v.toObject();
        s.ranges.append({r.value(QStringLiteral("partition")).toInt(), numFrom(r.value(QStringLiteral("start"))),
                         numFrom(r.value(QStringLiteral("end")))});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("records")).toArray())
        s.records.append({v.toArray().at(0).toInt(), numFrom(v.toArray().at(1))});
    const QJsonObject f = o.value(QStringLiteral("filter")).toObject();
    s.filter.key = textMatchFrom(f.value(QStringLiteral("key")));
    s.filter.value = textMatchFrom(f.value(QStringLiteral("value")));
    s.filter.headerName = f.value(QStringLiteral("headerName")).toString();
    s.filter.headerValue = textMatchFrom(f.value(QStringLiteral("headerValue")));
    s.filter.errorClass = f.value(QStringLiteral("errorClass")).toString();
    s.filter.originalTopic = f.value(QStringLiteral("originalTopic")).toString();
    if (f.contains(QStringLiteral("fromTime")))
        s.filter.fromTimeMs = numFrom(f.value(QStringLiteral("fromTime")));
    if (f.contains(QStringLiteral("toTime")))
        s.filter.toTimeMs = numFrom(f.value(QStringLiteral("toTime")));
    const QJsonObject opt = o.value(QStringLiteral("options")).toObject();
    s.options.target = opt.value(QStringLiteral("target")).toString() == QLatin1String("topic")
                           ? RequeueOptions::Target::Topic
                           : RequeueOptions::Target::Original;
    s.options.targetTopic = opt.value(QStringLiteral("targetTopic")).toString();
    s.options.stripDeadLetterHeaders = opt.value(QStringLiteral("strip")).toBool();
    s.options.partitionPolicy = RequeueOptions::PartitionPolicy(opt.value(QStringLiteral("partitionPolicy")).toInt());
    s.options.timestampPolicy = RequeueOptions::TimestampPolicy(opt.value(QStringLiteral("timestampPolicy")).toInt());
    s.options.ratePerSecond = opt.value(QStringLiteral("rate")).toDouble();
    s.options.batchSize = opt.value(QStringLiteral("batchSize")).toInt(5000);
    for (const QJsonValue &v : o.value(QStringLiteral("headerRules")).toArray())
        if (auto r = parseHeaderMappingRule(v.toString()))
            s.headerRules.append(r.value());
    return s;
}

Result<RequeueSpec> RequeueSpec::resolve(ClusterApi &api, const BrowseSelection &selection,
                                         const RecordFilterSpec &filter, const RequeueOptions &options,
                                         const QList<HeaderMappingRule> &headerRules)
{
    DeadLetterReader reader(api, selection);
    if (auto opened = reader.open(); !opened)
        return opened.error();
    RequeueSpec s;
    s.sourceTopic = selection.topic;
    for (const PartitionCursor &c : reader.cursors())
        s.ranges.append({c.partition, c.start, c.end});
    s.filter = filter;
    s.options = options;
    s.headerRules = headerRules;
    return s;
}

} // namespace kops
