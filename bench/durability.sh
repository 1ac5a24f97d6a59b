#!/usr/bin/env bash
# Durability check of the web store: counts the fsync/fdatasync calls `anketa serve` makes for
# ${SUBMISSIONS:-200} acknowledged submissions, with synchronous=FULL (the default) and, for
# comparison, SQLite's NORMAL (ANKETA_BENCH_SYNCHRONOUS=normal). Loopback only, bounded.
# With FULL every acknowledged submission must have been followed by at least one sync of the WAL.
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
    local mode=$1 trace wrapper
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
        for _ in $(seq 1 "$SUBMISSIONS"); do
            form=$(curl -fs -b "anketa_csrf=$token" "$BASE$SURVEY_PATH" | sed -n 's/.*name="form" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
            status=$(curl -s -o /dev/null -w '%{http_code}' -b "anketa_csrf=$token" --data "$body&form=$form" "$BASE$SURVEY_PATH")
            if [ "$status" = 303 ]; then ok=$((ok + 1)); fi
        done
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
    echo "synchronous=$mode: $(cat "$trace.ok") acknowledged submissions, $syncs fsync/fdatasync calls by the server"
    rm -f "$trace" "$trace.ok" "$wrapper"
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); binary: $ANKETA_BIN"
run_mode full
run_mode normal
