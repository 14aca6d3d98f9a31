#!/usr/bin/env bash
# Load benchmark of the mail gate: N messages (a third with attachments: a
# harmless text file, a 60-row customer CSV, or card data) through a real
# Postfix with mamori-milter on loopback, THREADS SMTP sessions in parallel.
# Every message is accounted for: delivered (at the sink), held (Postfix's
# hold queue) or rejected (550); any other outcome is reported as lost.
# Prints messages/s and the milter's peak RSS (VmHWM).
#
#   bench/run_milter_load.sh [build/mamori-milter] [N=1200] [THREADS=4]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MILTER_BIN="$(realpath "${1:-$here/../build/mamori-milter}")"
N="${2:-1200}"
THREADS="${3:-4}"
MW="$(mktemp -d)"
source "$here/../tests/e2e/milter_lib.sh"
trap 'mw_stop; [ -n "${KEEP:-}" ] || rm -rf "$MW"' EXIT

"$PY" "$E2E_DIR/milter_mails.py" load "$MW/mails" "$N"
mw_start
mw_start_milter
send_seconds="$("$PY" "$here/milter_load_send.py" "$MW/mails" "$SMTP_PORT" "$THREADS" "$MW/results")"
peak_kb="$(awk '/VmHWM/ {print $2}' "/proc/$MILTER_PID/status")"
mw_wait_delivered || echo "warning: Postfix still delivering after 120 s" >&2

# Accounting: each accepted queue id must be at the sink or in the hold queue.
grep -h -o 'ESMTP id [0-9A-F]*' "$MW"/sink/*.eml 2>/dev/null | awk '{print $3}' | sort >"$MW/delivered.ids"
(cd "$MW/queue/hold" && ls) | sort >"$MW/held.ids"
awk '$2 == 250 {print $3}' "$MW/results" | sort >"$MW/accepted.ids"
sent=$(wc -l <"$MW/results")
rejected=$(awk '$2 == 550' "$MW/results" | wc -l)
tempfailed=$(awk '$2 >= 400 && $2 < 500' "$MW/results" | wc -l)
accepted=$(wc -l <"$MW/accepted.ids")
delivered=$(comm -12 "$MW/accepted.ids" "$MW/delivered.ids" | wc -l)
held=$(comm -12 "$MW/accepted.ids" "$MW/held.ids" | wc -l)
lost=$((sent - rejected - tempfailed - delivered - held))
attachments=$(grep -l 'Content-Disposition: attachment' "$MW"/mails/*.eml | wc -l)
verdicts="$(grep -o ' verdict=[a-z]*' "$MW/milter.log" | sort | uniq -c | awk '{printf "%s%s:%s", sep, substr($2, 9), $1; sep=", "}')"

echo "messages: $sent sent ($attachments with attachments), $THREADS parallel SMTP sessions"
echo "outcome: $delivered delivered, $held held, $rejected rejected, $tempfailed tempfailed, $lost lost"
echo "milter verdicts: $verdicts"
awk -v n="$sent" -v s="$send_seconds" 'BEGIN {printf "throughput: %.1f messages/s (%d in %.2f s, SMTP accept incl. milter scan)\n", n / s, n, s}'
awk -F'seconds=' '/ verdict=/ {split($2, a, " "); t += a[1]; if (a[1] > m) m = a[1]; n++}
  END {printf "milter time per message (MAIL FROM to verdict): mean %.1f ms, max %.1f ms\n", 1000 * t / n, 1000 * m}' \
  "$MW/milter.log"
echo "milter peak RSS: $((peak_kb / 1024)) MiB (VmHWM ${peak_kb} kB)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$lost" -eq 0 ] && [ "$tempfailed" -eq 0 ]
