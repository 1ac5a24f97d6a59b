# Shared by scripts/browser-test.sh and bench/load.sh (source it; needs curl and python3).
# A throw-away anketa server on a free loopback port with an admin, and an open run made through
# the console the way an administrator would.
#
#   test_server_start BIN ROOT [VAR=value ...]   → WORK, DB, BASE, SERVER_PID (stopped on exit)
#   test_server_create_run QUESTIONNAIRE WAVE      → RUN_URL, SURVEY_PATH

TEST_SERVER_LOGIN="tester"
TEST_SERVER_PASSWORD="test-server-password"

test_server_log() { printf '[test-server] %s\n' "$*" >&2; }

test_server_cleanup() {
    if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    [ -n "${WORK:-}" ] && rm -rf "$WORK"
}

test_server_start() {
    local bin=$1 root=$2
    shift 2
    WORK=$(mktemp -d /tmp/anketa-test-server.XXXXXX)
    DB="$WORK/anketa.sqlite"
    SERVER_PID=""
    trap test_server_cleanup EXIT
    echo "$TEST_SERVER_PASSWORD" | "$bin" admin create --login "$TEST_SERVER_LOGIN" --db "$DB" >/dev/null
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    BASE="http://127.0.0.1:$port"
    # Request logging goes to a file: on a terminal it would cost more than the requests.
    env "$@" "$bin" serve --host 127.0.0.1 --port "$port" --db "$DB" --questionnaires "$root/Questionnaires" \
        >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        curl -fs -o /dev/null "$BASE/login" && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; test_server_log "server died"; exit 1; }
        sleep 0.2
    done
    curl -fs -o /dev/null "$BASE/login" || { cat "$WORK/server.log" >&2; test_server_log "server did not start"; exit 1; }
    test_server_log "server on $BASE (pid $SERVER_PID)"
}

test_server_csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1; }

test_server_create_run() {
    local questionnaire=$1 wave=$2 jar="$WORK/admin-cookies.txt" csrf status admin_csrf
    csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | test_server_csrf)
    [ -n "$csrf" ] || { test_server_log "no csrf on /login"; exit 1; }
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
        --data-urlencode "login=$TEST_SERVER_LOGIN" --data-urlencode "password=$TEST_SERVER_PASSWORD" "$BASE/login")
    [ "$status" = 303 ] || { test_server_log "sign-in: HTTP $status"; exit 1; }
    admin_csrf=$(curl -fs -b "$jar" "$BASE/admin/runs/new" | test_server_csrf)
    # The console takes dates in the organisation's time zone (Moscow unless --time-zone says otherwise).
    RUN_URL=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" --data-urlencode "csrf=$admin_csrf" \
        --data-urlencode "questionnaire=$questionnaire" --data-urlencode "wave=$wave" --data-urlencode "unit=Школа № 1" \
        --data-urlencode "opens=$(TZ=Europe/Moscow date -d '-1 hour' +%Y-%m-%dT%H:%M)" --data-urlencode "closes=$(TZ=Europe/Moscow date -d '+1 day' +%Y-%m-%dT%H:%M)" \
        "$BASE/admin/runs")
    [ -n "$RUN_URL" ] || { test_server_log "run not created"; exit 1; }
    SURVEY_PATH=$(curl -fs -b "$jar" "$RUN_URL" | grep -o '/s/[0-9a-f]\{24\}' | head -n 1)
    [ -n "$SURVEY_PATH" ] || { test_server_log "no survey link on $RUN_URL"; exit 1; }
    test_server_log "run $RUN_URL, form $BASE$SURVEY_PATH"
}
