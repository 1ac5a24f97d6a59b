#!/usr/bin/env bash
# Runs the whole test suite (installs libcsv-dev first if it is missing).
#
# The store's tests run on SQLite and, when PostgreSQL can be started, on PostgreSQL too: without
# ANKETA_TEST_POSTGRES_URL this starts a throwaway cluster from Debian's server binaries
# (scripts/postgres-cluster.sh) and removes it at exit. If it cannot, the PostgreSQL leg is skipped
# with a note — unless ANKETA_REQUIRE_POSTGRES=1 (.ci/run), which makes that an error.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ -z "${ANKETA_TEST_POSTGRES_URL:-}" ]]; then
    source scripts/postgres-cluster.sh
    why=$(mktemp)
    if start_throwaway_postgres >"$why" 2>&1; then
        rm -f "$why"
        trap stop_throwaway_postgres EXIT
        echo "PostgreSQL for the store tests: $ANKETA_TEST_POSTGRES_URL" >&2
    else
        reason=$(tail -3 "$why" | tr '\n' ' '); rm -f "$why"
    fi
    if [[ -n "${ANKETA_TEST_POSTGRES_URL:-}" ]]; then
        :
    elif [[ "${ANKETA_REQUIRE_POSTGRES:-}" == 1 ]]; then
        echo "error: could not start PostgreSQL for the store tests: $reason" >&2
        exit 1
    else
        echo "note: PostgreSQL could not be started ($reason); the store tests' PostgreSQL leg is skipped." >&2
    fi
fi
swift test "$@"
