#!/usr/bin/env bash
# Launches Outpost on the demo profile. With a display, the window opens as usual.
# Without one (a server, CI), it runs under Xvfb, saves a screenshot of the main
# window and says where.
set -euo pipefail
build=${1:-build/release}
demo_dir="$build/demo"
profile="$demo_dir/profile"
mkdir -p "$profile"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${CI:-}" != "true" ]; then
    exec "$build/app/outpost" --profile "$profile" --demo
fi

shot="$demo_dir/outpost-main-window.png"
echo "demo: no display here, so Outpost runs under Xvfb and saves a screenshot instead."
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
xvfb-run -a -s "-screen 0 1280x800x24" "$build/app/outpost" --profile "$profile" --demo --screenshot "$shot"
echo "demo: open $shot to see the main window."
