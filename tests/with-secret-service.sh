#!/bin/sh
# Runs a test inside its own D-Bus session with a fresh, unlocked gnome-keyring as the
# Secret Service, so the keychain round trip is exercised on any machine (CI included)
# without touching the user's keyrings.
set -e
dir=$(mktemp -d "${TMPDIR:-/tmp}/kops-keyring.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run" XDG_CONFIG_HOME="$dir/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
    printf "kops-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"
' sh "$@"
