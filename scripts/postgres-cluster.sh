#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the store tests' PostgreSQL leg (sourced by
# scripts/test.sh; also usable by hand: `source scripts/postgres-cluster.sh && start_throwaway_postgres`).
#
# Uses Debian's server binaries (package postgresql, /usr/lib/postgresql/<version>/bin): initdb into
# a new temporary folder, the server on a free port of 127.0.0.1 with its Unix socket in that folder,
# one database `anketa` for user `anketa` (trust authentication: loopback only, and gone at exit).
# As root, the cluster runs as the `postgres` system user (initdb refuses root), created if missing.
# On success it exports ANKETA_TEST_POSTGRES_URL and ANKETA_PG_DIR; stop_throwaway_postgres stops the
# server and deletes the folder.

find_postgres_bin() {
    if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/initdb" ]]; then echo "$PG_BIN"; return 0; fi
    local dir
    for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    return 1
}

start_throwaway_postgres() {
    local bin port dir as=()
    bin=$(find_postgres_bin) || { echo "PostgreSQL server binaries not found (apt-get install postgresql)"; return 1; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/anketa-pg.XXXXXX")
    # The server's tools run in the cluster's folder (the postgres user may not enter the checkout's).
    as=(env -C "$dir")
    if [[ "$(id -u)" -eq 0 ]]; then
        id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres || { rm -rf "$dir"; return 1; }
        chown postgres: "$dir"
        as=(runuser -u postgres -- env -C "$dir")
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') || { rm -rf "$dir"; return 1; }
    if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U anketa --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
        echo "initdb failed:"; tail -5 "$dir/initdb.log"; rm -rf "$dir"; return 1
    fi
    # fsync off: a test cluster is thrown away, durability is not what the tests check
    # (ANKETA_PG_DURABLE=1 keeps the server's default, for bench/postgres.sh).
    local durability="-c fsync=off"
    [[ "${ANKETA_PG_DURABLE:-}" == 1 ]] && durability=""
    if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=200" start >/dev/null; then
        echo "the server did not start:"; tail -5 "$dir/server.log"; rm -rf "$dir"; return 1
    fi
    if ! "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U anketa anketa; then
        "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; return 1
    fi
    export ANKETA_PG_DIR="$dir" ANKETA_PG_BIN="$bin" ANKETA_PG_AS="${as[*]}"
    export ANKETA_TEST_POSTGRES_URL="postgres://anketa@127.0.0.1:$port/anketa?sslmode=disable"
}

stop_throwaway_postgres() {
    [[ -n "${ANKETA_PG_DIR:-}" && -d "$ANKETA_PG_DIR" ]] || return 0
    local as=()
    [[ -n "${ANKETA_PG_AS:-}" ]] && read -r -a as <<<"$ANKETA_PG_AS"
    "${as[@]}" "$ANKETA_PG_BIN/pg_ctl" -D "$ANKETA_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$ANKETA_PG_DIR"
    unset ANKETA_PG_DIR
}
