#!/usr/bin/env bash
# Launches Outpost on the demo profile. With a display, the window opens as usual.
# Without one (a server, CI), it runs under Xvfb, saves a screenshot of the main
# window and says where.
set -euo pipefail
build=$(realpath "${1:-build/release}")
demo_dir="$build/demo"
profile="$demo_dir/profile"
mkdir -p "$profile"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${CI:-}" != "true" ]; then
    exec "$build/app/outpost" --profile "$profile" --demo
fi

shot="$demo_dir/outpost-main-window.png"
echo "demo: no display here, so Outpost runs under Xvfb and saves a screenshot instead."
# A private session bus with an unlocked keyring stands in for the desktop's:
# the demo's key goes to a keychain, as every workspace's key does.
profile=$(realpath "$profile")
shot=$(realpath -m "$shot")
"$(dirname "$0")/../tests/run-headless.sh" "$build/app/outpost" --profile "$profile" --demo --screenshot "$shot"
echo "demo: open $shot to see the main window."
