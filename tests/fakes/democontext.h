#pragma once
// Shared by the GUI tests on the demo cluster (core/demo): one started per test program, and
// connections to it made as the console's --demo makes them.

#include "connectioncontext.h"
#include "democluster.h"

#include <memory>

namespace kops::test {

/// The demo cluster with its scheduled rewind turned off, so that nothing moves the offsets
/// under a test; `tickMs` as in DemoCluster::Options.
inline Result<std::shared_ptr<demo::DemoCluster>> startDemo(int tickMs = demo::DemoCluster::Options{}.tickMs)
{
    demo::DemoCluster::Options options;
    options.tickMs = tickMs;
    options.rewindAfterSecs = 0;
    return demo::DemoCluster::start(options);
}

/// A connection to the demo cluster: its name and address, its client factory and its controls.
inline ConnectionContextPtr demoConnection(const std::shared_ptr<demo::DemoCluster> &demo, bool readOnly)
{
    auto c = std::make_shared<ConnectionContext>();
    c->profile.name = demo::DemoCluster::name();
    c->profile.bootstrapServers = demo->bootstrapServers();
    c->profile.readOnly = readOnly;
    c->createApi = demo::DemoCluster::apiFactory(demo);
    c->demo = demo;
    return c;
}

} // namespace kops::test
