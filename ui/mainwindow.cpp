#include "mainwindow.h"

namespace kops {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}

} // namespace kops
