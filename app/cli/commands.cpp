#include "commands.h"

namespace kops::cli {

QList<CliCommand> allCommands()
{
    QList<CliCommand> all;
    all << clusterCommands();
    all << lagCommands();
    all << lagHistoryCommands();
    all << serveCommands();
    all << resetCommands();
    all << consumerGroupsCommands();
    all << dlqCommands();
    all << toolCommands();
    all << perfCommands();
    all << auditCommands();
    all << profileCommands();
    return all;
}

} // namespace kops::cli
