#!/usr/bin/env bash
# The reference implementations the tests compare against, from PyPI: HF `tokenizers`;
# `transformers` with `jinja2` for apply_chat_template; `torch` for transformers' models (the model
# goldens; PyPI's Linux wheel is the CUDA build, about 5 GB installed with its CUDA libraries, used
# here on the CPU). In a virtual environment of their own under build/pyref, so that Debian's
# python3 stays untouched (PEP 668). Installs only what is missing; safe to re-run. Without network
# the tests that need a reference skip with a message, so a failed pip install warns instead of
# stopping the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=build/pyref
PKGS=(tokenizers==0.23.3 transformers==5.25.0 jinja2==3.1.6)
TORCH=torch==2.15.0
mkdir -p build
if [ ! -x "$VENV/bin/python3" ]; then
  python3 -m venv "$VENV"
fi
pip_install() {   # what, import test, packages...
  local what=$1 test=$2
  shift 2
  if "$VENV/bin/python3" -c "$test" 2>/dev/null; then
    echo "install-python-refs: $what present in $VENV"
  elif ! "$VENV/bin/python3" -m pip install -q --disable-pip-version-check "$@"; then
    echo "install-python-refs: WARNING: pip could not install $*; the comparisons that need $what will skip" >&2
  fi
}
pip_install "${PKGS[*]}" "import tokenizers, transformers, jinja2" "${PKGS[@]}"
pip_install "$TORCH" "import torch" "$TORCH"
