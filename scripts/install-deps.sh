#!/usr/bin/env bash
# Installs every Debian package mamori builds, tests and benchmarks with.
# Run as root on Debian 12. Idempotent: installed packages are skipped fast.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mapfile -t pkgs < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/packages.txt" | grep -v '^$')

# Skip apt entirely when every package is already there (fast CI reruns).
missing=()
for spec in "${pkgs[@]}"; do
  name="${spec%%=*}"
  dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" || missing+=("$spec")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# Postfix asks where mail goes; our tests configure their own instance.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
