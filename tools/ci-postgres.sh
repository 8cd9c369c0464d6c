#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the store's PostgreSQL test suite and prints its
# URL on stdout (everything else goes to stderr). Installs PostgreSQL from Debian (apt-get) when no server
# binaries are present. The cluster lives in its own directory and port, so it never touches a system
# cluster. Reuses a running instance.
#
#   export STATIONKEEPER_TEST_PG_URL="$(tools/ci-postgres.sh)"   # start (or reuse) and get the URL
#   npx vitest run packages/data apps/cli                         # PostgreSQL halves now run
#   tools/ci-postgres.sh --stop                                   # stop it
#
# Environment: STATIONKEEPER_PG_DIR (default /tmp/stationkeeper-pg), STATIONKEEPER_PG_PORT (default 55432).
set -euo pipefail

DIR="${STATIONKEEPER_PG_DIR:-/tmp/stationkeeper-pg}"
PORT="${STATIONKEEPER_PG_PORT:-55432}"
DB_USER=stationkeeper
DB_PASS=stationkeeper
DB_NAME=stationkeeper
log() { echo "ci-postgres: $*" >&2; }

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
  log "installing postgresql from Debian (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BINDIR="$(find_bindir)"
fi

# initdb and postgres refuse to run as root: use the postgres system user then.
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  RUN=(runuser -u postgres --)
else
  RUN=()
fi

DATA="$DIR/data"
if [ "${1:-}" = "--stop" ]; then
  if [ -f "$DATA/postmaster.pid" ]; then "${RUN[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m fast stop >&2; fi
  exit 0
fi

mkdir -p "$DIR"
if [ "$(id -u)" = "0" ]; then chown postgres "$DIR"; fi

if ! "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initdb in $DATA"
    "${RUN[@]}" "$BINDIR/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
  fi
  log "starting on 127.0.0.1:$PORT"
  # fsync off: a disposable test cluster; durability is not what these tests measure.
  "${RUN[@]}" "$BINDIR/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
fi

PSQL=("${RUN[@]}" "$BINDIR/psql" -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]; then
  "${PSQL[@]}" -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASS'" >&2
fi
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
fi
echo "postgres://$DB_USER:$DB_PASS@127.0.0.1:$PORT/$DB_NAME"
