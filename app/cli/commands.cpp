#include "commands.h"

namespace kops::cli {

QList<CliCommand> allCommands()
{
    QList<CliCommand> all;
    all << profileCommands();
    all << clusterCommands();
    all << resetCommands();
    return all;
}

} // namespace kops::cli
