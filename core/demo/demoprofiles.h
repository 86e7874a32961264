#pragma once

#include "configprofile.h"
#include "kafkaerror.h"

#include <QList>
#include <QString>

namespace kops::demo {

/// Example configuration profiles that belong to the demo's story: the producers of `orders` and
/// `payments`, the consumers of `shipping-service` and `billing-service`, the `payments` topic and
/// a broker JVM. Some carry the risks operators meet in practice (acks=1 without idempotence,
/// auto-commit with offset reset latest, min.insync.replicas=1), so the Profiles page shows its
/// findings and fixes; `payments-producer` looks right alone and is only caught by the live
/// cross-check against the demo's `payments` topic (min.insync.replicas=1 there).
QList<ConfigProfile> demoProfiles();

/// Writes demoProfiles() into directory, replacing what the previous demo left there: demo data
/// lives apart from the user's own profiles and is never mixed with them.
Status seedDemoProfiles(const QString &directory);

} // namespace kops::demo
