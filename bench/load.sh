#!/usr/bin/env bash
# Load check of the respondent's side, on loopback only, bounded in time.
# Starts `anketa serve` on 127.0.0.1 with a fresh database and an open run, then with wrk:
#   1. GET  /s/<slug>  for ${GET_SECONDS:-10} s, 4 connections (showing the form);
#   2. GET + POST /s/<slug> for ${POST_SECONDS:-20} s, 4 connections: each submission GETs the form for a
#      fresh form token and POSTs every answer with it (a form token is spent with its response;
#      latencies mix both requests, submissions/s counts the stored ones).
# The rate limit is raised with ANKETA_RATE_LIMIT for the server (every request comes from 127.0.0.1).
# Afterwards it counts the responses in the store and compares them with wrk's successful POSTs.
#
# Every acknowledged submission is forced to disk (synchronous=FULL); ANKETA_BENCH_SYNCHRONOUS=normal
# runs the server with SQLite's NORMAL instead, to measure what that guarantee costs.
#
#   bench/load.sh                                   # builds anketa in release (--scratch-path ${ANKETA_SCRATCH_PATH:-.build})
#   ANKETA_BIN=.build/release/anketa bench/load.sh
#   ANKETA_BENCH_SYNCHRONOUS=normal ANKETA_BIN=.build/release/anketa bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUESTIONNAIRE=${ANKETA_BENCH_QUESTIONNAIRE:-parents-satisfaction}
GET_SECONDS=${GET_SECONDS:-10}
POST_SECONDS=${POST_SECONDS:-20}
CONNECTIONS=4

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
log "POST $SURVEY_PATH for ${POST_SECONDS}s, $CONNECTIONS connections"
before=$(($("$ANKETA_BIN" export "$QUESTIONNAIRE" --wave "$WAVE" --db "$DB" -o "$WORK/before.csv" >/dev/null && wc -l <"$WORK/before.csv") - 1))
wrk -t 2 -c "$CONNECTIONS" -d "${POST_SECONDS}s" --timeout 5s --latency -s "$WORK/post.lua" "$BASE$SURVEY_PATH" | tee "$WORK/post.txt" >&2
sleep 1
"$ANKETA_BIN" export "$QUESTIONNAIRE" --wave "$WAVE" --db "$DB" -o "$WORK/after.csv" >/dev/null
after=$(($(wc -l <"$WORK/after.csv") - 1))

get=$(grep '^RESULT' "$WORK/get.txt")
post=$(grep '^RESULT' "$WORK/post.txt")
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<" $1"; }
post_ok=$(field "$post" posts)
stored=$((after - before))
echo "date:        $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine:     $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "binary:      $ANKETA_BIN"
echo "durability:  synchronous=$SYNCHRONOUS"
echo "questionnaire: $QUESTIONNAIRE ($(tr '&' '\n' <<<"$BODY" | wc -l) form fields, $(wc -c <<<"$BODY") bytes)"
echo "GET  /s/<slug>: $(awk -v r="$(field "$get" requests)" -v s="$(field "$get" seconds)" 'BEGIN { printf "%.0f", r / s }') req/s, p50 $(field "$get" p50_ms) ms, p99 $(field "$get" p99_ms) ms, failed $(field "$get" failed)"
echo "GET+POST /s/<slug>: $(awk -v r="$post_ok" -v s="$(field "$post" seconds)" 'BEGIN { printf "%.0f", r / s }') submissions/s, p50 $(field "$post" p50_ms) ms, p99 $(field "$post" p99_ms) ms, failed $(field "$post" failed)"
echo "successful POSTs (wrk): $post_ok; responses stored during the POST run: $stored"
if [ "$stored" -ne "$post_ok" ]; then
    # wrk stops with up to one request in flight per connection: the server may still store those.
    diff=$((stored - post_ok))
    if [ "$diff" -lt 0 ] || [ "$diff" -gt "$CONNECTIONS" ]; then
        log "MISMATCH: $post_ok successful POSTs but $stored responses stored"; exit 1
    fi
    echo "note: $diff request(s) were in flight when wrk stopped (stored, not counted by wrk)"
fi
