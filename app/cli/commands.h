#pragma once

#include "clicontext.h"

namespace kops::cli {

/// Every sub-command of kafka-ops, in the order --help lists them.
/// Feature areas add their command lists here.
QList<CliCommand> allCommands();

} // namespace kops::cli
