#!/usr/bin/env bash
# README command 1: install packages, build, and scan the bundled samples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target mamori
# Exit status 1 only means "findings at or above --fail-on": the samples have them.
status=0
build/mamori scan --format text --exclude "*.py" samples/ || status=$?
[ "$status" -le 1 ]
