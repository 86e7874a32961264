#pragma once

#include "configprofile.h"

namespace kops {

/// One key that differs between two profiles (effective values: defaults filled in).
struct ProfileDifference
{
    enum class Kind { Added, Removed, Changed };
    QString key;
    Kind kind = Kind::Changed;
    QString left;  ///< explicit value, or "default: x"
    QString right;
};

/// Key-by-key comparison of two profiles; the intent and type count as keys too.
QList<ProfileDifference> diffProfiles(const ConfigProfile &left, const ConfigProfile &right);

} // namespace kops
