#pragma once

#include <QString>

class QWidget;

namespace kops {

/// The About text: version (from project(VERSION)), librdkafka and Qt versions, license.
QString aboutText();
/// Shows it in a dialog.
void showAboutDialog(QWidget *parent);

} // namespace kops
