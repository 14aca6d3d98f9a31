# A throwaway PostgreSQL server for end-to-end tests: initdb in a temp dir,
# listening on 127.0.0.1 (free port) and a unix socket in that dir, trust
# authentication, run as user postgres when the test runs as root.
#
#   source "$SOURCE_DIR/tests/e2e/pg.sh"
#   pg_start                       # exports MAMORI_PG_URL, PG_PORT, PG_DIR
#   pg_psql -c 'CREATE DATABASE shop'
#   pg_url shop                    # postgresql://mamori@127.0.0.1:PORT/shop
#   pg_stop                        # also runs on exit (chained to the EXIT trap)
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR=""

_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_url() { echo "postgresql://mamori@127.0.0.1:$PG_PORT/${1:-postgres}"; }

# psql against the test server (database postgres unless -d or a URI says otherwise).
pg_psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$MAMORI_PG_URL" "$@"; }

pg_start() {
  PG_DIR="$(mktemp -d /tmp/mamori-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; fi
  _pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U mamori --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  PG_PORT="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  local prev
  prev="$(trap -p EXIT)"; prev="${prev#trap -- \'}"; prev="${prev%\' EXIT}"
  # shellcheck disable=SC2064  # expand the previous trap now
  trap "pg_stop; $prev" EXIT
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PG_PORT PG_DIR
  MAMORI_PG_URL="$(pg_url)"
  export MAMORI_PG_URL
}

pg_stop() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
  PG_DIR=""
}
