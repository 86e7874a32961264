#!/usr/bin/env bash
# Installs the build dependencies (Debian bookworm packages only), configures and builds
# Kafka Ops Console into ./build. Safe to run again: apt and cmake skip what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    librdkafka-dev libspdlog-dev zlib1g-dev qtkeychain-qt6-dev libjemalloc-dev
    xvfb xauth python3-prometheus-client
    dbus gnome-keyring openssl
    fonts-noto-cjk qt6-translations-l10n
)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update
    $SUDO apt-get install -y -o DPkg::Lock::Timeout=120 "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
cmake --build build -j"$(nproc)"
