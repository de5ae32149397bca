#!/usr/bin/env bash
# Makes a folder of Debian 12's packages that a GPU machine without them needs to build core and
# the CLI (GUI off): sentencepiece (the plug-in) with its protobuf-lite, nlohmann/json, Oniguruma and
# ICU (tokenizer.json). Downloaded with apt-get (no root needed), unpacked with dpkg-deb, trimmed
# (static archives, docs, man pages) so that the `device` tool can carry it (about 46 MB of its
# 64 MiB); the -dev packages bring the unversioned .so links. Then:
#   cmake -DRAPIDUN_DEPS_ROOT=$(realpath DIR) ...   (scripts/device-check.sh does it)
# usage: bash scripts/make-deps-folder.sh [DIR=build/deps]
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-build/deps}
PKGS=(libsentencepiece-dev libsentencepiece0 libprotobuf-lite32 nlohmann-json3-dev libonig-dev libonig5 libicu-dev libicu72)
rm -rf "$DIR" && mkdir -p "$DIR/debs"
(cd "$DIR/debs" && apt-get download "${PKGS[@]}")
for deb in "$DIR"/debs/*.deb; do dpkg-deb -x "$deb" "$DIR"; done
rm -rf "$DIR/debs" "$DIR/usr/share/doc" "$DIR/usr/share/man" "$DIR/usr/share/lintian" "$DIR/usr/bin" "$DIR/usr/sbin"
find "$DIR" -name '*.a' -delete
du -sh "$DIR"
