#!/usr/bin/env bash
# Runs a command (the test suite) the way CI and every developer must run it:
# a throw-away HOME and runtime dir, a private D-Bus session with an unlocked
# gnome-keyring (the real Secret Service), and an Xvfb display. Nothing touches
# the user's own keyring, profile or screen.
#
#   tests/run-headless.sh ctest --test-dir build/asan --output-on-failure
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

for tool in xvfb-run dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "run-headless: $tool is missing; run packaging/install-deps.sh" >&2
        exit 1
    }
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/outpost-headless.XXXXXX")
cleanup() { rm -rf "$sandbox"; }
trap cleanup EXIT

export HOME="$sandbox/home"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"

# The inner script starts the keyring inside the private bus, runs the command,
# and stops the keyring again so nothing outlives the run.
inner='
set -u
eval "$(printf "ci-password" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL
"$@"
status=$?
[ -n "${GNOME_KEYRING_PID:-}" ] && kill "$GNOME_KEYRING_PID" 2>/dev/null
exit $status
'
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c "$inner" run-headless "$@"
