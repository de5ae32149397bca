#!/usr/bin/env bash
# Installs what is missing, builds, and starts RapidUn Studio on its embedded default.
# Without a display (no DISPLAY / WAYLAND_DISPLAY) it renders under Xvfb, saves a screenshot to
# build/studio-screenshot.png and exits, so the command also works on a headless machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh rapidun-studio rapidun
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/bin/rapidun-studio "$@"
fi
echo "studio.sh: no display found; rendering under Xvfb to build/studio-screenshot.png"
xvfb-run -a -s "-screen 0 1400x900x24" build/bin/rapidun-studio --screenshot build/studio-screenshot.png "$@"
echo "studio.sh: wrote build/studio-screenshot.png"
