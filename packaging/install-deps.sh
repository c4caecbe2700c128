#!/usr/bin/env bash
# Installs every Debian package that building, testing and running the demo need.
# Idempotent: asks apt only for what is missing, and runs `apt-get update` only then.
set -euo pipefail

PACKAGES=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config make
    # Qt 6.4 as Debian 12 ships it
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev qt6-svg-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # keychain: QtKeychain loads libsecret at run time, nothing else pulls it in
    qtkeychain-qt6-dev libsecret-1-0
    libssl-dev libgl1-mesa-dev sqlite3 libsqlite3-dev
    # local dates: Qt reads the time zones from the system's database
    tzdata
    # headless tests and the demo: X server, private session bus, Secret Service
    xvfb xauth dbus-x11 gnome-keyring libsecret-tools
    fonts-dejavu-core fonts-wqy-microhei fonts-lohit-deva
)

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' "${PACKAGES[@]}"
    exit 0
fi

if [ ! -r /etc/debian_version ] || ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: this script installs Debian packages and this system is not Debian." >&2
    echo "install-deps: install the equivalents of these packages yourself, then run make again:" >&2
    printf '  %s\n' "${PACKAGES[@]}" >&2
    exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present."
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-deps: missing packages and not root (no sudo): ${missing[*]}" >&2
        exit 1
    fi
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
