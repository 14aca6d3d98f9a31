# Sourced by the bench scripts: strict mode, the repository root as the
# working directory, Debian's Python, and the mamori binary under test
# (the script's first argument, default build/mamori) as an absolute path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
MAMORI="$(realpath -m "${1:-build/mamori}")"  # -m: a missing binary is reported by the script
