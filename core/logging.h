#pragma once

#include <QString>

namespace kops {

/// spdlog setup. The GUI logs to a rotating file in the user's state directory;
/// the CLI logs to stderr, and only with -v.
namespace logging {

QString stateDirectory();
/// Rotating file (5 x 2 MB) at <state dir>/kafka-ops-console.log. Returns the path.
QString initFileLogging();
void initStderrLogging(bool verbose);

} // namespace logging
} // namespace kops
