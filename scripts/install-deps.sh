#!/usr/bin/env bash
# Installs the Debian 12 packages the build and tests need, only those missing. Safe to re-run.
set -euo pipefail
PKGS=(
  cmake ninja-build g++ pkg-config ccache python3 python3-venv
  libtorch-dev libgloo-dev libopenblas0-openmp libsentencepiece-dev nlohmann-json3-dev zlib1g-dev libonig-dev libicu-dev libpcre2-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6svg6
  libqcustomplot-dev libqcustomplot2.1-qt6 libgl1-mesa-dev libxkbcommon-dev
  xvfb xauth fonts-dejavu-core poppler-utils
  dpkg-dev fakeroot appstream lintian fonts-wqy-microhei
  clang libclang-rt-14-dev
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
