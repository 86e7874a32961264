#include "commands.h"

namespace kops::cli {

QList<CliCommand> allCommands()
{
    QList<CliCommand> all;
    all << clusterCommands();
    all << resetCommands();
    return all;
}

} // namespace kops::cli
