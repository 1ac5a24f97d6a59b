#!/usr/bin/env bash
# Durability check of the web store: counts the fsync/fdatasync calls `anketa serve` makes for
# ${SUBMISSIONS:-200} acknowledged submissions, with synchronous=FULL (the default) and, for
# comparison, SQLite's NORMAL (ANKETA_BENCH_SYNCHRONOUS=normal). Loopback only, bounded.
# Sent one after another, every acknowledged submission with FULL is followed by a sync of the WAL
# of its own; sent ${PARALLEL:-8} at a time, submissions that arrive together share a commit and its
# sync (group commit), so there are fewer syncs than submissions.
#
#   ANKETA_BIN=.build/debug/anketa bench/durability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SUBMISSIONS=${SUBMISSIONS:-200}
QUESTIONNAIRE=${ANKETA_BENCH_QUESTIONNAIRE:-parents-satisfaction}
: "${ANKETA_BIN:=.build/debug/anketa}"
ANKETA_BIN=$(realpath "$ANKETA_BIN")
command -v strace >/dev/null || { echo "needs strace (apt-get install strace)" >&2; exit 1; }

# shellcheck source=../scripts/lib/test-server.sh
source "$ROOT/scripts/lib/test-server.sh"

run_mode() {
    local mode=$1 parallel=$2 trace wrapper
    trace=$(mktemp /tmp/anketa-strace.XXXXXX)
    wrapper=$(mktemp /tmp/anketa-wrapper.XXXXXX)
    cat >"$wrapper" <<SH
#!/usr/bin/env bash
if [ "\$1" = serve ]; then exec strace -f -qq -c -o "$trace" -e trace=fsync,fdatasync "$ANKETA_BIN" "\$@"; fi
exec "$ANKETA_BIN" "\$@"
SH
    chmod +x "$wrapper"
    (
        test_server_start "$wrapper" "$ROOT" ANKETA_RATE_LIMIT=100000000 ANKETA_BENCH_SYNCHRONOUS="$mode"
        test_server_create_run "$QUESTIONNAIRE" "durability-$mode"
        ok=0
        # The answers to every question, gathered once by going through the sections (a few draft
        # writes, counted below with the rest); then each submission opens the form for a fresh form
        # token and sends the answers with it.
        read -r token body < <(python3 "$ROOT/scripts/lib/form-answers.py" "$BASE$SURVEY_PATH" "Проверка записи на диск")
        submit_one() {
            local form
            form=$(curl -fs -b "anketa_csrf=$1" "$3" | sed -n 's/.*name="form" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
            curl -s -o /dev/null -w '%{http_code}\n' -b "anketa_csrf=$1" --data "$2&form=$form" "$3"
        }
        export -f submit_one
        seq 1 "$SUBMISSIONS" | xargs -P "$parallel" -I{} bash -c 'submit_one "$0" "$1" "$2"' "$token" "$body" "$BASE$SURVEY_PATH" \
            >"$trace.statuses"
        ok=$(grep -c '^303$' "$trace.statuses" || true)
        echo "$ok" >"$trace.ok"
        # Stop the server itself (strace's child) so that strace writes its summary and exits.
        server=$(pgrep -P "$SERVER_PID" || true)
        [ -n "$server" ] && kill -TERM "$server"
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    ) || true
    sleep 1
    local syncs
    syncs=$(awk '$NF == "fsync" || $NF == "fdatasync" { n += $4 } END { print n + 0 }' "$trace")
    echo "synchronous=$mode, $parallel at a time: $(cat "$trace.ok") acknowledged submissions, $syncs fsync/fdatasync calls by the server"
    if [ "$mode" = full ] && [ "$parallel" = 1 ] && [ "$syncs" -lt "$(cat "$trace.ok")" ]; then
        echo "FAILED: fewer syncs than submissions acknowledged one at a time" >&2; rm -f "$trace" "$trace.ok" "$trace.statuses" "$wrapper"; exit 1
    fi
    rm -f "$trace" "$trace.ok" "$trace.statuses" "$wrapper"
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); binary: $ANKETA_BIN"
run_mode full 1
run_mode full "${PARALLEL:-8}"
run_mode normal 1
