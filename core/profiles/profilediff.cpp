#include "profilediff.h"

#include <QCoreApplication>

#include "configkeys.h"

#include <QSet>

namespace kops {

namespace {

// What a side means for a key it does not set: the Java default, when there is one.
QString shown(const ConfigProfile &p, const QString &key, bool *present)
{
    if (const auto v = p.value(key)) {
        *present = true;
        return *v;
    }
    *present = false;
    const KeyInfo *k = ConfigKeys::find(p.type, key);
    return k && !k->defaultValue.isEmpty() ? QCoreApplication::translate("kops::Profiles", "(default: %1)").arg(k->defaultValue) : QCoreApplication::translate("kops::Profiles", "(not set)");
}

} // namespace

QList<ProfileDifference> diffProfiles(const ConfigProfile &left, const ConfigProfile &right)
{
    QList<ProfileDifference> out;
    if (left.type != right.type)
        out.append({QStringLiteral("(type)"), ProfileDifference::Kind::Changed, profileTypeName(left.type),
                    profileTypeName(right.type)});
    if (left.intent != right.intent)
        out.append({QStringLiteral("(intent)"), ProfileDifference::Kind::Changed, profileIntentName(left.intent),
                    profileIntentName(right.intent)});
    if (left.hostRam != right.hostRam)
        out.append({QCoreApplication::translate("kops::Profiles", "(host RAM)"), ProfileDifference::Kind::Changed, left.hostRam, right.hostRam});
    QStringList keys = left.settings.keys() + right.settings.keys();
    keys.sort();
    keys.removeDuplicates();
    for (const QString &key : keys) {
        bool inLeft = false, inRight = false;
        const QString l = shown(left, key, &inLeft);
        const QString r = shown(right, key, &inRight);
        if (inLeft && inRight && l == r)
            continue;
        const auto kind = !inLeft ? ProfileDifference::Kind::Added
                          : !inRight ? ProfileDifference::Kind::Removed
                                     : ProfileDifference::Kind::Changed;
        out.append({key, kind, l, r});
    }
    return out;
}

} // namespace kops
