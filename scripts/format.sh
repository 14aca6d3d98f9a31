#!/usr/bin/env bash
# Formats the C++ sources with clang-format (.clang-format at the top).
# --check: change nothing, list what is not formatted, exit 1 if anything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h' 2>/dev/null || find src include tools fuzz bench -name '*.cc' -o -name '*.h')
if [[ "${1:-}" == "--check" ]]; then
  clang-format --dry-run --Werror "${files[@]}"
else
  clang-format -i "${files[@]}"
fi
