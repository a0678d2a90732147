#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a temporary folder, on a free local port, for the tests
# marked `postgres`. Source it (it exports DRAGOMAN_TEST_DB_URL and sets a trap that stops the
# cluster and removes the folder on exit), or run it with a command:
#     scripts/throwaway_postgres.sh python -m pytest -m postgres -rs
# When no server can be started it says why, leaves DRAGOMAN_TEST_DB_URL unset and returns 0,
# so the postgres tests skip and everything else still runs.

_pg_bin_dir() {
    # Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<version>/bin.
    local found; found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -n "$found" ] && { echo "$found"; return; }
    command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

_pg_start() {
    local bin; bin="$(_pg_bin_dir)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "throwaway postgres: no initdb found (apt-get install postgresql); postgres tests will skip"; return 1
    fi
    DRAGOMAN_PG_DIR="$(mktemp -d -t dragoman-pg.XXXXXX)"
    local runas=()
    if [ "$(id -u)" = 0 ]; then
        # initdb refuses to run as root: the cluster belongs to the postgres user (or a new one).
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres 2>/dev/null \
            || { echo "throwaway postgres: running as root and cannot create a postgres user"; return 1; }
        chown postgres "$DRAGOMAN_PG_DIR"; chmod 700 "$DRAGOMAN_PG_DIR"
        runas=(su postgres -s /bin/sh -c)
    else
        runas=(sh -c)
    fi
    local port; port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    local data="$DRAGOMAN_PG_DIR/data"
    if ! "${runas[@]}" "'$bin/initdb' -D '$data' -U dragoman --auth=trust -E UTF8 --locale=C.UTF-8 >'$DRAGOMAN_PG_DIR/initdb.log' 2>&1"; then
        echo "throwaway postgres: initdb failed:"; tail -5 "$DRAGOMAN_PG_DIR/initdb.log"; return 1
    fi
    if ! "${runas[@]}" "'$bin/pg_ctl' -D '$data' -l '$DRAGOMAN_PG_DIR/server.log' -w -t 30 \
            -o \"-p $port -k $DRAGOMAN_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50\" start >/dev/null"; then
        echo "throwaway postgres: the server did not start:"; tail -5 "$DRAGOMAN_PG_DIR/server.log"; return 1
    fi
    DRAGOMAN_PG_STOP=("${runas[@]}" "'$bin/pg_ctl' -D '$data' -m fast stop >/dev/null")
    # initdb's own "postgres" database is enough: the cluster lives only as long as this shell.
    export DRAGOMAN_TEST_DB_URL="postgresql+psycopg://dragoman@127.0.0.1:$port/postgres"
    echo "throwaway postgres: $DRAGOMAN_TEST_DB_URL (data in $DRAGOMAN_PG_DIR)"
}

_pg_stop() {
    [ -n "${DRAGOMAN_PG_STOP[*]:-}" ] && "${DRAGOMAN_PG_STOP[@]}" 2>/dev/null
    [ -n "${DRAGOMAN_PG_DIR:-}" ] && rm -rf "$DRAGOMAN_PG_DIR"
    DRAGOMAN_PG_STOP=(); DRAGOMAN_PG_DIR=""
    return 0
}

trap _pg_stop EXIT
_pg_start || _pg_stop

if [ "${BASH_SOURCE[0]}" = "$0" ] && [ $# -gt 0 ]; then
    "$@"
fi
