#!/usr/bin/env bash
# The reference implementations the tests compare against (PyPI: HF `tokenizers`, and
# `transformers` with `jinja2` for apply_chat_template; no torch), in a virtual
# environment of their own under build/pyref, so that Debian's python3 stays untouched (PEP 668).
# Installs only what is missing; safe to re-run. Without network the tests that need a reference
# skip with a message, so a failed pip install warns instead of stopping the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=build/pyref
PKGS=(tokenizers==0.23.3 transformers==5.25.0 jinja2==3.1.6)
IMPORTS="import tokenizers, transformers, jinja2"
if [ -x "$VENV/bin/python3" ] && "$VENV/bin/python3" -c "$IMPORTS" 2>/dev/null; then
  echo "install-python-refs: ${PKGS[*]} present in $VENV"
  exit 0
fi
mkdir -p build
if [ ! -x "$VENV/bin/python3" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python3" -m pip install -q --disable-pip-version-check "${PKGS[@]}"; then
  echo "install-python-refs: WARNING: pip could not install ${PKGS[*]}; the reference comparisons will skip" >&2
fi
