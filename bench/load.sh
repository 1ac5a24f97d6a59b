#!/usr/bin/env bash
# Load check of the respondent's side, on loopback only, bounded in time.
# Starts `anketa serve` on 127.0.0.1 with a fresh database and an open run, then with wrk:
#   1. GET  /s/<slug>  for ${GET_SECONDS:-10} s, 4 connections (showing the form);
#   2. GET + POST /s/<slug> for ${POST_SECONDS:-20} s, 4 connections: each submission GETs the form for a
#      fresh form token and POSTs every answer with it (a form token is spent with its response;
#      latencies mix both requests, submissions/s counts the stored ones);
#   3. POST only, for ${POST_SECONDS:-20} s, with ${POST_CONNECTIONS:-"4 and 32"} connections: form tokens are
#      made beforehand, signed with the server's key read from the store (a form token is a nonce and
#      its HMAC, the very thing GET /s/<slug> computes, and is checked the same way), each used once,
#      so committed submissions/s is measured on its own.
# The rate limit is raised with ANKETA_RATE_LIMIT for the server (every request comes from 127.0.0.1).
# After each submitting phase it counts the responses in the store and compares them with wrk's
# successful (303) POSTs: no submission may be lost.
#
# Every acknowledged submission is forced to disk (synchronous=FULL); ANKETA_BENCH_SYNCHRONOUS=normal
# runs the server with SQLite's NORMAL instead, to measure what that guarantee costs.
#
#   bench/load.sh                                   # builds anketa in release (--scratch-path ${ANKETA_SCRATCH_PATH:-.build})
#   ANKETA_BIN=.build/release/anketa bench/load.sh
#   GET_SECONDS=5 POST_SECONDS=10 POST_CONNECTIONS="4 16 64" bench/load.sh
#   ANKETA_BENCH_SYNCHRONOUS=normal ANKETA_BIN=.build/release/anketa bench/load.sh
#   ANKETA_BENCH_PROFILE=1 …                        # perf record of the server during the POST-only phase (needs perf)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUESTIONNAIRE=${ANKETA_BENCH_QUESTIONNAIRE:-parents-satisfaction}
GET_SECONDS=${GET_SECONDS:-10}
POST_SECONDS=${POST_SECONDS:-20}
CONNECTIONS=4
POST_CONNECTIONS=${POST_CONNECTIONS:-"4 32"}

log() { printf '[load] %s\n' "$*" >&2; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
scripts/install-deps.sh

if [ -z "${ANKETA_BIN:-}" ]; then
    SCRATCH=${ANKETA_SCRATCH_PATH:-.build}
    log "building anketa in release (--scratch-path $SCRATCH)"
    swift build -c release --product anketa --scratch-path "$SCRATCH" >&2
    ANKETA_BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/anketa"
fi

# shellcheck source=../scripts/lib/test-server.sh
source "$ROOT/scripts/lib/test-server.sh"
# Every request comes from one address and one form token: the submission limits are lifted.
SYNCHRONOUS=${ANKETA_BENCH_SYNCHRONOUS:-full}
test_server_start "$ANKETA_BIN" "$ROOT" ANKETA_RATE_LIMIT=100000000 ANKETA_BENCH_SYNCHRONOUS="$SYNCHRONOUS"
WAVE="нагрузка"
test_server_create_run "$QUESTIONNAIRE" "$WAVE"

# A respondent's cookie token and a valid body of every question: the first option of every
# question, text in text fields, collected by going through the form's sections with «Далее».
FORM_JAR="$WORK/respondent.txt"
read -r TOKEN BODY < <(python3 "$ROOT/scripts/lib/form-answers.py" "$BASE$SURVEY_PATH")
# Every submission needs a form token of its own (a repeat stores nothing): each connection GETs
# the form for a token, POSTs the answers with it, and so on. Stored submissions are the 303s.
first=$(curl -s -b "anketa_csrf=$TOKEN" "$BASE$SURVEY_PATH" | sed -n 's/.*name="form" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "anketa_csrf=$TOKEN" --data "$BODY&form=$first" "$BASE$SURVEY_PATH")
[ "$status" = 303 ] || { log "the prepared form is not accepted: HTTP $status"; exit 1; }

cat >"$WORK/post.lua" <<LUA
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) tokens = {}; stored = 0 end
function request()
  local token = table.remove(tokens)
  if token then
    return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "anketa_csrf=$TOKEN"},
                      "$BODY&form=" .. token)
  end
  return wrk.format("GET", nil, {["Cookie"] = "anketa_csrf=$TOKEN"})
end
function response(status, headers, body)
  if status == 303 then stored = stored + 1 return end
  local token = body:match('name="form" value="(%x+)"')
  if token then table.insert(tokens, token) end
end
done = function(summary, latency, requests)
  local posts = 0
  for _, thread in ipairs(threads) do posts = posts + thread:get("stored") end
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d failed=%d non2xx3xx=%d timeouts=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f posts=%d\n",
    summary.requests, failed, summary.errors.status, summary.errors.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, posts))
end
LUA
cat >"$WORK/get.lua" <<LUA
wrk.headers["Cookie"] = "anketa_csrf=$TOKEN"
done = function(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d failed=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, failed, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

log "GET $SURVEY_PATH for ${GET_SECONDS}s, $CONNECTIONS connections"
wrk -t 2 -c "$CONNECTIONS" -d "${GET_SECONDS}s" --timeout 5s --latency -s "$WORK/get.lua" "$BASE$SURVEY_PATH" | tee "$WORK/get.txt" >&2
count_stored() {
    "$ANKETA_BIN" export "$QUESTIONNAIRE" --wave "$WAVE" --db "$DB" -o "$WORK/count.csv" >/dev/null
    echo $(($(wc -l <"$WORK/count.csv") - 1))
}
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<" $1"; }
# Compares the responses stored during a phase with wrk's 303s: wrk stops with up to one request in
# flight per connection, which the server may still store (and wrk does not count).
check_stored() {
    local name=$1 acknowledged=$2 stored=$3 connections=$4 diff
    echo "$name: successful POSTs (wrk): $acknowledged; responses stored: $stored"
    [ "$stored" -eq "$acknowledged" ] && return 0
    diff=$((stored - acknowledged))
    if [ "$diff" -lt 0 ] || [ "$diff" -gt "$connections" ]; then
        log "MISMATCH ($name): $acknowledged successful POSTs but $stored responses stored"; exit 1
    fi
    echo "$name: $diff request(s) were in flight when wrk stopped (stored, not counted by wrk)"
}

log "GET+POST $SURVEY_PATH for ${POST_SECONDS}s, $CONNECTIONS connections"
before=$(count_stored)
wrk -t 2 -c "$CONNECTIONS" -d "${POST_SECONDS}s" --timeout 5s --latency -s "$WORK/post.lua" "$BASE$SURVEY_PATH" | tee "$WORK/post.txt" >&2
sleep 1
after=$(count_stored)
post=$(grep '^RESULT' "$WORK/post.txt")

cat >"$WORK/post-only.lua" <<LUA
local threads = {}
local count = 0
function setup(thread) thread:set("id", count); count = count + 1; table.insert(threads, thread) end
function init(args)
  tokens = {}; stored = 0; index = 0
  local line = 0
  for token in io.lines("$WORK/tokens.txt") do
    if line % 2 == id then table.insert(tokens, token) end
    line = line + 1
  end
end
function request()
  index = index + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "anketa_csrf=$TOKEN"},
                    "$BODY&form=" .. (tokens[index] or "spent"))
end
function response(status, headers, body)
  if status == 303 then stored = stored + 1 end
end
done = function(summary, latency, requests)
  local posts = 0
  for _, thread in ipairs(threads) do posts = posts + thread:get("stored") end
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d failed=%d non2xx3xx=%d timeouts=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f posts=%d\n",
    summary.requests, failed, summary.errors.status, summary.errors.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, posts))
end
LUA
# POST only: form tokens signed beforehand with the server's key (the `setting` table), one per
# submission and new for each run, enough for 12 000 submissions/s; each wrk thread takes every
# second line.
make_tokens() {
python3 - "$DB" "$WORK/tokens.txt" "$((POST_SECONDS * 12000))" <<'PY'
import hashlib, hmac, secrets, sqlite3, sys
db, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
key = bytes.fromhex(sqlite3.connect(db).execute("SELECT value FROM setting WHERE name = 'form-token-key'").fetchone()[0])
with open(path, "w") as out:
    for _ in range(count):
        nonce = secrets.token_hex(16)
        out.write(nonce + hmac.new(key, nonce.encode(), hashlib.sha256).digest()[:16].hex() + "\n")
PY
}
only_results=()
for connections in $POST_CONNECTIONS; do
    log "POST only $SURVEY_PATH for ${POST_SECONDS}s, $connections connections"
    only_before=$(count_stored)
    make_tokens
    if [ -n "${ANKETA_BENCH_PROFILE:-}" ]; then
        perf record -e cpu-clock -F 999 --call-graph dwarf,16384 -o "$WORK/perf-$connections.data" -p "$SERVER_PID" -- sleep "$((POST_SECONDS / 2))" \
            >/dev/null 2>&1 &
        PERF_PID=$!
    fi
    wrk -t 2 -c "$connections" -d "${POST_SECONDS}s" --timeout 5s --latency -s "$WORK/post-only.lua" "$BASE$SURVEY_PATH" \
        | tee "$WORK/post-only-$connections.txt" >&2
    if [ -n "${ANKETA_BENCH_PROFILE:-}" ]; then
        wait "$PERF_PID" || true
        mkdir -p "${ANKETA_BENCH_PROFILE_DIR:-/tmp}"
        cp "$WORK/perf-$connections.data" "${ANKETA_BENCH_PROFILE_DIR:-/tmp}/anketa-post-only-$connections.perf.data"
    fi
    sleep 1
    only_results+=("$connections $(grep '^RESULT' "$WORK/post-only-$connections.txt") before=$only_before after=$(count_stored)")
done

get=$(grep '^RESULT' "$WORK/get.txt")
post_ok=$(field "$post" posts)
echo "date:        $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine:     $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary:      $ANKETA_BIN"
echo "durability:  synchronous=$SYNCHRONOUS"
echo "questionnaire: $QUESTIONNAIRE ($(tr '&' '\n' <<<"$BODY" | wc -l) form fields, $(wc -c <<<"$BODY") bytes)"
echo "GET  /s/<slug>: $(awk -v r="$(field "$get" requests)" -v s="$(field "$get" seconds)" 'BEGIN { printf "%.0f", r / s }') req/s, p50 $(field "$get" p50_ms) ms, p99 $(field "$get" p99_ms) ms, failed $(field "$get" failed)"
echo "GET+POST /s/<slug>, $CONNECTIONS connections: $(awk -v r="$post_ok" -v s="$(field "$post" seconds)" 'BEGIN { printf "%.0f", r / s }') submissions/s, p50 $(field "$post" p50_ms) ms, p99 $(field "$post" p99_ms) ms, failed $(field "$post" failed)"
check_stored "GET+POST" "$post_ok" "$((after - before))" "$CONNECTIONS"
for result in "${only_results[@]}"; do
    connections=${result%% *}
    only_ok=$(field "$result" posts)
    echo "POST only /s/<slug>, $connections connections: $(awk -v r="$only_ok" -v s="$(field "$result" seconds)" 'BEGIN { printf "%.0f", r / s }') committed submissions/s, p50 $(field "$result" p50_ms) ms, p99 $(field "$result" p99_ms) ms, max $(field "$result" max_ms) ms, failed $(field "$result" failed)"
    check_stored "POST only, $connections connections" "$only_ok" "$(($(field "$result" after) - $(field "$result" before)))" "$connections"
done
