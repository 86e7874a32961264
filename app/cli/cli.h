#pragma once

#include "clusterapi.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace kops::cli {

/// What the CLI needs from the outside world; tests replace the cluster with a fake.
struct Environment
{
    using ApiFactory = std::function<std::unique_ptr<ClusterApi>(const QList<QPair<QString, QString>> &props)>;
    ApiFactory apiFactory; ///< default: RdKafkaClusterApi
    bool stderrIsTerminal = false; ///< progress is rewritten in place on a terminal, printed as lines elsewhere
};

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitProblemsFound = 2, ExitUsage = 64 };

/// Runs `kafka-ops` with args (args[0] is the program name). Never throws.
int run(const QStringList &args, QTextStream &out, QTextStream &err, const Environment &env = {});

} // namespace kops::cli
