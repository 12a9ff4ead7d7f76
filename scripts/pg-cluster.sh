#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a loopback port for tests and prints
# its URL. Used by .ci/run and by developers:
#   eval "$(bash scripts/pg-cluster.sh start)"   # exports TEST_POSTGRES_URL
#   bash scripts/pg-cluster.sh stop
# initdb refuses to run as root, so as root the cluster runs as user postgres.
set -euo pipefail
PORT="${PIECEWORK_PG_PORT:-54329}"
DIR="${PIECEWORK_PG_DIR:-/tmp/piecework-pg-$PORT}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$PGBIN" ]; then PGBIN="$(dirname "$(command -v initdb)")"; fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = "0" ] && { id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres; chown postgres "$DIR"; }
      as_owner "'$PGBIN/initdb' -D '$DIR/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$DIR/initdb.log' 2>&1"
    fi
    if ! as_owner "'$PGBIN/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; then
      as_owner "'$PGBIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
    fi
    echo "export TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_owner "'$PGBIN/pg_ctl' -D '$DIR/data' -m fast stop" >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
