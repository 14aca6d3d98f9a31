# A throwaway mail system on loopback for the mail-gate test and load bench:
# a real Postfix (own config and queue directories under $MW), mamori-milter
# as its smtpd_milters, and a capturing SMTP sink (smtp_sink.py) as the next
# hop. Source it, set MW (a fresh directory) and MILTER_BIN, call mw_start.
# Postfix runs its daemons as the "postfix" user: $MW is made traversable.
E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
MILTER_PID=""
SINK_PID=""
POSTFIX_UP=""

mw_free_port() {
  "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (up to 30 s) until something listens on 127.0.0.1:$1.
mw_wait_port() {
  "$PY" - "$1" <<'PYEOF'
import socket, sys, time
for _ in range(300):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PYEOF
}

# mw_start_milter [CONFIG]: starts mamori-milter; its log is $MW/milter.log.
# MILTER_SOCKET=unix puts it on a unix socket instead of loopback TCP.
mw_start_milter() {
  local config=()
  [ -n "${1:-}" ] && config=(--config "$1")
  if [ "${MILTER_SOCKET:-inet}" = unix ]; then
    # smtpd runs as "postfix": the socket must be writable by it.
    (umask 0; exec "$MILTER_BIN" --listen "unix:$MW/milter.sock" "${config[@]}" >>"$MW/milter.log" 2>&1) &
    MILTER_PID=$!
    for _ in $(seq 1 300); do [ -S "$MW/milter.sock" ] && return 0; sleep 0.1; done
  else
    "$MILTER_BIN" --listen "inet:$MILTER_PORT@127.0.0.1" "${config[@]}" >>"$MW/milter.log" 2>&1 &
    MILTER_PID=$!
    mw_wait_port "$MILTER_PORT" && return 0
  fi
  echo "mamori-milter did not start:" >&2
  cat "$MW/milter.log" >&2
  return 1
}

mw_stop_milter() {
  if [ -n "$MILTER_PID" ]; then
    kill "$MILTER_PID" 2>/dev/null || true
    wait "$MILTER_PID" 2>/dev/null || true
    MILTER_PID=""
  fi
}

mw_start() {
  chmod 755 "$MW"
  mkdir -p "$MW/conf" "$MW/queue" "$MW/data" "$MW/sink"
  chown postfix "$MW/data"
  SMTP_PORT=$(mw_free_port)
  MILTER_PORT=$(mw_free_port)
  SINK_PORT=$(mw_free_port)
  "$PY" "$E2E_DIR/smtp_sink.py" "$SINK_PORT" "$MW/sink" 2>"$MW/sink.log" &
  SINK_PID=$!
  cat >"$MW/conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $MW/queue
data_directory = $MW/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mamori-test.localdomain
mydomain = localdomain
myorigin = localdomain
mydestination =
alias_maps =
local_recipient_maps =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtpd_peername_lookup = no
relayhost = [127.0.0.1]:$SINK_PORT
smtp_dns_support_level = disabled
smtpd_milters = $([ "${MILTER_SOCKET:-inet}" = unix ] && echo "unix:$MW/milter.sock" || echo "inet:127.0.0.1:$MILTER_PORT")
milter_default_action = tempfail
message_size_limit = 104857600
maillog_file_prefixes = $MW
maillog_file = $MW/maillog
CF
  cat >"$MW/conf/master.cf" <<CF
127.0.0.1:$SMTP_PORT inet n - n - - smtpd
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
proxymap  unix - - n - - proxymap
smtp      unix - - n - - smtp
relay     unix - - n - - smtp
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
CF
  postfix -c "$MW/conf" start >"$MW/postfix-start.log" 2>&1 || {
    cat "$MW/postfix-start.log" "$MW/maillog" >&2 2>/dev/null
    return 1
  }
  POSTFIX_UP=1
  mw_wait_port "$SMTP_PORT" && mw_wait_port "$SINK_PORT"
}

mw_stop() {
  mw_stop_milter
  [ -n "$POSTFIX_UP" ] && postfix -c "$MW/conf" stop >/dev/null 2>&1 || true
  POSTFIX_UP=""
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  SINK_PID=""
}

# mw_send FILE [swaks options]: sends FILE (a whole message) from the
# envelope in the options; swaks_out and swaks_rc hold what happened.
mw_send() {
  local file="$1"
  shift
  set +e
  swaks_out="$(swaks --server "127.0.0.1:$SMTP_PORT" --data "@$file" --suppress-data "$@" 2>&1)"
  swaks_rc=$?
  set -e
}

# The queue id Postfix gave the last message swaks sent ("" if none).
mw_queue_id() { sed -n 's/.*queued as \([0-9A-Za-z]*\).*/\1/p' <<<"$swaks_out" | tail -1; }

# Messages in one Postfix queue (hold, deferred, active, incoming).
mw_queue_count() { find "$MW/queue/$1" -type f 2>/dev/null | wc -l; }

# Waits (up to 120 s) until Postfix has nothing left to deliver.
mw_wait_delivered() {
  local i
  for i in $(seq 1 600); do
    if [ "$(mw_queue_count incoming)" -eq 0 ] && [ "$(mw_queue_count active)" -eq 0 ]; then return 0; fi
    sleep 0.2
  done
  return 1
}

# Messages the sink stored so far.
mw_sink_count() { find "$MW/sink" -name '*.eml' | wc -l; }
