#!/usr/bin/env bash
# Session resolution, the call the gateway makes for every request that carries a token, measured on
# the real processes and set beside PostgreSQL's own read throughput at the same client count.
# Writes bench/out/sessions.md.
#
# Rows (load generators: wrk with Lua scripts, pgbench):
#   resolve        POST /internal/sessions/resolve on auth directly, a random one of SESSIONS tokens
#                  per request: one primary-key SELECT in PostgreSQL, plus an UPDATE sliding the expiry
#                  at most once a minute per session (uncached)
#   pgbench        pgbench -S -M prepared: a prepared primary-key SELECT, the ceiling of one database
#                  round trip per request (the target: resolve >= 70% of it)
#   gateway-cached GET /api/user/area/tree?tier=1&token=… (O2O, the 34 provinces) on the gateway: decode, session from the
#                  gateway's cache (SESSION_CACHE_MS, default 2 s), forward to content, encode
#   gateway-nocache the same on a second gateway started with SESSION_CACHE_MS=0: every request asks auth
#
# Environment: DURATION (20s), RUNS (3), CONNECTIONS (16: wrk connections = pgbench clients),
# THREADS (2: wrk threads = pgbench -j), SESSIONS (10000), PGBENCH_SCALE (10), CONFIGURATION
# (release; debug reuses the debug build for a quick check of the script), SKIP_BUILD (0),
# SCRATCH_PATH (.build), DATABASE_SERVER_URL (empty: a private PostgreSQL under .data/; else a server
# on which the script creates two databases of its own and drops them at the end).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/lib/common.sh
source "$ROOT/deploy/lib/common.sh"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"

DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
SESSIONS="${SESSIONS:-10000}"
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"
DATABASE_SERVER_URL="${DATABASE_SERVER_URL:-}"

OUT="$ROOT/bench/out"
PG_DATA="$ROOT/.data/bench-sessions-postgres"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
STARTED_PIDS=()
CHILD_PID=""
PG_STARTED=0
CREATED_DATABASES=()
SERVER_URL=""
GATEWAY_ANSWER=""
PGBENCH_TPS=""
declare -A PORTS=() PIDS=()
RESULT_ROWS=()

# ---------------------------------------------------------------------------------------------
# Helpers

seconds_of() {
    case "$1" in
        *s) echo "${1%s}" ;;
        *m) echo "$(( ${1%m} * 60 ))" ;;
        *) echo "$1" ;;
    esac
}




# Row: name | what | figure | unit | p50 ms | p99 ms | note
record() {
    RESULT_ROWS+=("$1|$2|$3|$4|$5|$6|$7")
}

psql_on() {
    psql -X -q -v ON_ERROR_STOP=1 "$@"
}

# A URL of the same server as $1 naming database $2.
database_url() {
    python3 - "$1" "$2" <<'PYTHON'
import sys, urllib.parse
parts = urllib.parse.urlsplit(sys.argv[1])
print(urllib.parse.urlunsplit(parts._replace(path="/" + sys.argv[2])))
PYTHON
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$CHILD_PID" ]; then
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    fi
    local pid
    for pid in "${STARTED_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do
        local waited=0
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    local name
    for name in "${CREATED_DATABASES[@]}"; do
        psql_on "$SERVER_URL" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
    done
    if [ "$PG_STARTED" -eq 1 ]; then stop_private_pg "$PG_DATA" || true; fi
    exit "$status"
}

# ---------------------------------------------------------------------------------------------
# Setup

build() {
    local options=(--scratch-path "$SCRATCH_PATH")
    [ "$CONFIGURATION" = "release" ] && options+=(-c release)
    if [ "$SKIP_BUILD" = "1" ]; then
        say "SKIP_BUILD=1: using the $CONFIGURATION binaries in $SCRATCH_PATH"
    else
        say "building ($CONFIGURATION)"
        swift build "${options[@]}" --product auth
        swift build "${options[@]}" --product gateway
        swift build "${options[@]}" --product content
    fi
    BIN="$(swift build "${options[@]}" --show-bin-path)"
    local product
    for product in auth gateway content; do
        [ -x "$BIN/$product" ] || { fail_msg "missing $BIN/$product (run without SKIP_BUILD=1)"; exit 1; }
    done
}

prepare_databases() {
    if [ -n "$DATABASE_SERVER_URL" ]; then
        SERVER_URL="$DATABASE_SERVER_URL"
    else
        local port
        port="$(free_port)"
        PG_STARTED=1
        # Every measured query is a read or a sliding-expiry write of a row that stays; durability
        # settings only make the runs independent of the disk.
        start_private_pg "$PG_DATA" "$port" --no-fsync
        SERVER_URL="postgres://postgres@127.0.0.1:$port/postgres"
    fi
    local suffix="$$"
    SERVICES_DB="bench_sessions_$suffix"
    PGBENCH_DB="bench_pgbench_$suffix"
    for name in "$SERVICES_DB" "$PGBENCH_DB"; do
        psql_on "$SERVER_URL" -c "CREATE DATABASE $name" >/dev/null
        CREATED_DATABASES+=("$name")
    done
    SERVICES_URL="$(database_url "$SERVER_URL" "$SERVICES_DB")"
    PGBENCH_URL="$(database_url "$SERVER_URL" "$PGBENCH_DB")"
}

start_services() {
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    local name
    for name in auth content gateway gateway_nocache; do PORTS[$name]="$(free_port)"; done
    local common=(APP_ENV=development LOG_LEVEL=warning DATABASE_URL="$SERVICES_URL" INTERNAL_KEY="$INTERNAL_KEY"
        AUTH_URL="http://127.0.0.1:${PORTS[auth]}" CONTENT_URL="http://127.0.0.1:${PORTS[content]}"
        GATEWAY_RATE_LIMIT_PER_ADDRESS=1000000 GATEWAY_RATE_LIMIT_PER_USER=1000000)
    start_one auth auth "${common[@]}" AUTH_PORT="${PORTS[auth]}"
    start_one content content "${common[@]}" CONTENT_PORT="${PORTS[content]}"
    start_one gateway gateway "${common[@]}" GATEWAY_PORT="${PORTS[gateway]}"
    start_one gateway_nocache gateway "${common[@]}" GATEWAY_PORT="${PORTS[gateway_nocache]}" GATEWAY_SESSION_CACHE_MS=0
    for name in auth content gateway gateway_nocache; do wait_for_health "$name"; done
    say "up: $(for name in "${!PORTS[@]}"; do printf '%s:%s ' "$name" "${PORTS[$name]}"; done)"
}

start_one() {
    local name="$1" executable="$2"
    shift 2
    env "$@" "$BIN/$executable" >"$OUT/sessions-$name.log" 2>&1 &
    PIDS[$name]=$!
    STARTED_PIDS+=("$!")
}

wait_for_health() {
    local name="$1" _
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${PORTS[$name]}/health" 2>/dev/null && return 0
        if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
            fail_msg "$name exited during start-up:"
            tail -n 20 "$OUT/sessions-$name.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    fail_msg "$name did not answer /health within 60 s (log: $OUT/sessions-$name.log)"
    exit 1
}

# SESSIONS live O2O sessions, one account each; token i is md5('bench-session-' || i).
make_sessions() {
    psql_on "$SERVICES_URL" <<SQL
INSERT INTO auth.sessions (token_hash, account_id, dialect, app, open_id, expires_at)
SELECT sha256(convert_to(md5('bench-session-' || i), 'UTF8')), i, 'o2o', 'wxdevo2o', 'bench-open-id-' || i,
       now() + interval '30 days'
  FROM generate_series(1, $SESSIONS) AS i;
ANALYZE auth.sessions;
SQL
    psql_on "$SERVICES_URL" -tAc "SELECT md5('bench-session-' || i) FROM generate_series(1, $SESSIONS) AS i" \
        >"$OUT/sessions-tokens.txt"
}

# Lua scripts for wrk: both pick a random token per request and count answers that are not the
# expected kind, reported at the end.
write_scripts() {
    local tokens
    tokens="$(awk '{printf "\"%s\",", $1}' "$OUT/sessions-tokens.txt")"
    local counting='
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) unexpected = 0; math.randomseed(os.time() + math.floor(os.clock() * 1000000)) end
function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get("unexpected") end
    io.write(string.format("unexpected answers: %d\n", total))
end'
    cat >"$OUT/sessions-resolve.lua" <<LUA
local tokens = {$tokens}
$counting
function request()
    local body = '{"dialect":"o2o","token":"' .. tokens[math.random(#tokens)] .. '"}'
    return wrk.format("POST", "/internal/sessions/resolve",
        {["Content-Type"] = "application/json", ["X-Internal-Key"] = "$INTERNAL_KEY"}, body)
end
function response(status, headers, body)
    if status ~= 200 or not string.find(body, '"kind":"ok"', 1, true) then unexpected = unexpected + 1 end
end
LUA
    cat >"$OUT/sessions-gateway.lua" <<LUA
local tokens = {$tokens}
$counting
function request()
    return wrk.format("GET", "/api/user/area/tree?tier=1&appid=wxdevo2o&token=" .. tokens[math.random(#tokens)])
end
function response(status, headers, body)
    if status ~= 200 or string.find(body, '"code":1000[37]') then unexpected = unexpected + 1 end
end
LUA
}

check_answers() {
    local token answer
    token="$(head -n 1 "$OUT/sessions-tokens.txt")"
    answer="$(curl -sS --max-time 5 -H 'Content-Type: application/json' -H "X-Internal-Key: $INTERNAL_KEY" \
        --data "{\"dialect\":\"o2o\",\"token\":\"$token\"}" \
        "http://127.0.0.1:${PORTS[auth]}/internal/sessions/resolve")"
    [[ "$answer" == *'"kind":"ok"'* ]] || { fail_msg "auth did not resolve a bench token: $answer"; exit 1; }
    local name
    for name in gateway gateway_nocache; do
        local url="http://127.0.0.1:${PORTS[$name]}/api/user/area/tree?tier=1&appid=wxdevo2o&token=$token"
        answer="$(curl -sS --max-time 5 "$url")"
        if [[ "$answer" == *'"code":10007'* || "$answer" == *'"code":10003'* ]]; then
            fail_msg "$name refused a bench token: $answer"
            exit 1
        fi
        GATEWAY_ANSWER="$answer"
    done
}

# ---------------------------------------------------------------------------------------------
# Measurements

measure_wrk() {
    local name="$1" what="$2" url="$3" script="$4"
    local rates=() p50s=() p99s=() unexpected=() run file
    say "($name) wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s ${script#"$ROOT"/} $url"
    for run in $(seq 1 "$RUNS"); do
        file="$OUT/sessions-$name-$run.txt"
        run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" >"$file" 2>&1
        rates+=("$(awk '/^Requests\/sec:/ {print $2}' "$file")")
        p50s+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
        p99s+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
        unexpected+=("$(awk '/^unexpected answers:/ {print $3}' "$file")")
        printf '    run %s: %s req/s, p50 %s ms, p99 %s ms, unexpected answers %s\n' \
            "$run" "${rates[-1]}" "${p50s[-1]}" "${p99s[-1]}" "${unexpected[-1]:-?}" >&2
    done
    local median
    median="$(median_of "${rates[@]}")"
    record "$name" "$what" "${rates[$median]}" "req/s" "${p50s[$median]}" "${p99s[$median]}" \
        "median of $RUNS x $DURATION, -t$THREADS -c$CONNECTIONS, unexpected answers ${unexpected[$median]:-?}"
}

measure_pgbench() {
    say "(pgbench) pgbench -i -s $PGBENCH_SCALE"
    run_child pgbench -i -q -s "$PGBENCH_SCALE" "$PGBENCH_URL" >"$OUT/sessions-pgbench-init.txt" 2>&1
    local seconds tps=() latency=() run file
    seconds="$(seconds_of "$DURATION")"
    say "(pgbench) pgbench -S -M prepared -c$CONNECTIONS -j$THREADS -T $seconds"
    for run in $(seq 1 "$RUNS"); do
        file="$OUT/sessions-pgbench-$run.txt"
        run_child pgbench -S -M prepared -c"$CONNECTIONS" -j"$THREADS" -T "$seconds" "$PGBENCH_URL" >"$file" 2>&1
        tps+=("$(awk '/^tps = / {print $3; exit}' "$file")")
        latency+=("$(awk '/^latency average = / {print $4; exit}' "$file")")
        printf '    run %s: %s tps, average latency %s ms\n' "$run" "${tps[-1]}" "${latency[-1]}" >&2
    done
    local median
    median="$(median_of "${tps[@]}")"
    record "pgbench" "pgbench -S -M prepared, $CONNECTIONS clients" "${tps[$median]}" "tps" "" "" \
        "median of $RUNS x ${seconds}s, -j$THREADS, average latency ${latency[$median]} ms"
    PGBENCH_TPS="${tps[$median]}"
}

write_report() {
    local resolve="" ratio
    local row name what figure unit p50 p99 note
    for row in "${RESULT_ROWS[@]}"; do
        IFS='|' read -r name _ figure _ <<<"$row"
        if [ "$name" = "resolve" ]; then resolve="$figure"; fi
    done
    ratio="$(awk -v a="$resolve" -v b="$PGBENCH_TPS" \
        'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }')"
    local verdict
    verdict="$(awk -v r="$ratio" 'BEGIN { print (r + 0 >= 0.70) ? "met" : "missed" }')"
    {
        echo "# Session resolution"
        echo
        echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $CONFIGURATION build, $SESSIONS sessions."
        echo "Load generators: wrk $( (wrk -v 2>&1 || true) | head -n 1 | awk '{print $2}'), $(pgbench --version)."
        echo
        echo "| row | what | figure | p50 ms | p99 ms | note |"
        echo "|---|---|---|---|---|---|"
        for row in "${RESULT_ROWS[@]}"; do
            IFS='|' read -r name what figure unit p50 p99 note <<<"$row"
            echo "| $name | $what | $figure $unit | ${p50:--} | ${p99:--} | $note |"
        done
        echo
        echo "Uncached resolve / pgbench -S: **$ratio** (target 0.70: $verdict)."
        echo "The gateway rows forward to content, which answered: \`${GATEWAY_ANSWER:0:160}…\`."
    } >"$OUT/sessions.md"
    cat "$OUT/sessions.md"
}

main() {
    mkdir -p "$OUT"
    trap cleanup EXIT INT TERM
    for tool in wrk pgbench psql curl python3; do
        command -v "$tool" >/dev/null 2>&1 || { fail_msg "$tool is needed (Debian: wrk, postgresql-client)"; exit 1; }
    done
    build
    prepare_databases
    start_services
    make_sessions
    write_scripts
    check_answers
    measure_pgbench
    measure_wrk resolve "auth POST /internal/sessions/resolve, uncached" \
        "http://127.0.0.1:${PORTS[auth]}/internal/sessions/resolve" "$OUT/sessions-resolve.lua"
    measure_wrk gateway-cached "gateway O2O area/tree (tier 1) with a token, session cached" \
        "http://127.0.0.1:${PORTS[gateway]}" "$OUT/sessions-gateway.lua"
    measure_wrk gateway-nocache "gateway O2O area/tree (tier 1) with a token, SESSION_CACHE_MS=0" \
        "http://127.0.0.1:${PORTS[gateway_nocache]}" "$OUT/sessions-gateway.lua"
    write_report
}

main "$@"
