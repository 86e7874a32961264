#pragma once

#include "clusterapi.h"
#include "connectionprofile.h"

#include <memory>

namespace kops {

namespace demo {
class DemoCluster;
}

/// The connection a console session works against: its profile (with the read-only
/// switch) and a factory that makes a fresh ClusterApi for whichever worker thread
/// needs one. Shared read-only between pages as std::shared_ptr<const ConnectionContext>.
struct ConnectionContext
{
    ConnectionProfile profile;
    ClusterApiFactory createApi;
    /// Set only for the demo cluster: its own controls (stop a group's consumers...).
    std::shared_ptr<demo::DemoCluster> demo;

    bool readOnly() const { return profile.readOnly; }
};

using ConnectionContextPtr = std::shared_ptr<const ConnectionContext>;

} // namespace kops
