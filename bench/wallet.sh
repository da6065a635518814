#!/usr/bin/env bash
# Wallet debit throughput of the user service beside pgbench's default TPC-B-like run, on one machine.
#
#   w      POST /internal/wallet.debit on the user service (wrk + Lua, -c64): each request debits 1 fen from
#          a random one of ACCOUNTS wallets under a fresh Idempotency-Key, so each is a real transaction
#          that changes the wallet, writes its ledger row and records the key
#   w-ref  pgbench -c64 -j2 (the default TPC-B-like script: three updates, a select and an insert in one
#          transaction) on the same PostgreSQL cluster
#
# Afterwards the script checks that every answered debit wrote exactly one ledger row and that the ledger
# still balances (sum of balances + frozen = sum of the ledger), and prints w/w-ref (target: at least 0.60).
#
# Environment: DURATION (20s), RUNS (3), CONNECTIONS (64), THREADS (2), WARMUP (2s), ACCOUNTS (10000),
# PGBENCH_SCALE (10), DB_POOL (16: the user service's pool), NO_FSYNC (0: durable commits, as pgbench
# gets them too; 1 turns fsync off for both), CONFIGURATION (release), SKIP_BUILD (0), SCRATCH_PATH (.build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/lib/common.sh
source "$ROOT/deploy/lib/common.sh"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"

DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-2s}"
ACCOUNTS="${ACCOUNTS:-10000}"
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"
DB_POOL="${DB_POOL:-16}"
NO_FSYNC="${NO_FSYNC:-0}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

OUT="$ROOT/bench/out/wallet"
PG_DATA="$ROOT/.data/bench-wallet-postgres"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
USER_PID=""
CHILD_PID=""
PG_STARTED=0

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$CHILD_PID" ]; then
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    fi
    if [ -n "$USER_PID" ]; then
        kill -TERM "$USER_PID" 2>/dev/null || true
        wait "$USER_PID" 2>/dev/null || true
    fi
    if [ "$PG_STARTED" -eq 1 ]; then
        stop_private_pg "$PG_DATA" || true
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM





psql_run() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

build() {
    if [ "$SKIP_BUILD" = "1" ]; then
        say "SKIP_BUILD=1: using the $CONFIGURATION binaries already in $SCRATCH_PATH"
    else
        say "building $CONFIGURATION (swift build -c $CONFIGURATION --product user --scratch-path $SCRATCH_PATH)"
        swift build -c "$CONFIGURATION" --product user --scratch-path "$SCRATCH_PATH"
    fi
    BIN="$(swift build -c "$CONFIGURATION" --scratch-path "$SCRATCH_PATH" --show-bin-path)"
    [ -x "$BIN/user" ] || { fail_msg "missing $BIN/user (run without SKIP_BUILD=1)"; exit 1; }
}

start_postgres() {
    PG_BIN="$(pg_bin_dir)"
    PG_PORT="$(free_port)"
    PG_STARTED=1
    if [ "$NO_FSYNC" = "1" ]; then
        start_private_pg "$PG_DATA" "$PG_PORT" --no-fsync
    else
        start_private_pg "$PG_DATA" "$PG_PORT"
    fi
    local name
    for name in wallet pgbench; do
        psql_run -d postgres -c "DROP DATABASE IF EXISTS $name"
        psql_run -d postgres -c "CREATE DATABASE $name"
    done
}

start_user_service() {
    USER_PORT="$(free_port)"
    env APP_ENV=development LOG_LEVEL=warning INTERNAL_KEY="$INTERNAL_KEY" USER_PORT="$USER_PORT" \
        DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/wallet" DB_POOL_SIZE="$DB_POOL" \
        "$BIN/user" >"$OUT/user.log" 2>&1 &
    USER_PID=$!
    local _
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$USER_PORT/ready" 2>/dev/null && return 0
        if ! kill -0 "$USER_PID" 2>/dev/null; then
            fail_msg "user exited during start-up; last lines of $OUT/user.log:"
            tail -n 20 "$OUT/user.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    fail_msg "user did not become ready (log: $OUT/user.log)"
    exit 1
}

# ACCOUNTS wallets with a balance no run can exhaust, each credited through a ledger row so the
# ledger balances from the start.
seed_wallets() {
    say "seeding $ACCOUNTS wallets"
    psql_run -d wallet <<SQL
INSERT INTO users.profiles (account_id) SELECT g FROM generate_series(1, $ACCOUNTS) AS g;
INSERT INTO users.wallets (account_id, balance) SELECT g, 100000000000 FROM generate_series(1, $ACCOUNTS) AS g;
INSERT INTO users.wallet_ledger (account_id, kind, balance_change, frozen_change, balance_after, frozen_after,
    reason, actor)
SELECT g, 'credit', 100000000000, 0, 100000000000, 0, 'bench seed', 'service' FROM generate_series(1, $ACCOUNTS) AS g;
ANALYZE;
SQL
}

# A wrk script posting debits with keys unique to this run, thread and request.
write_debit_script() {
    local run="$1"
    cat >"$OUT/debit.lua" <<LUA
local counter = 0
local threads = {}
function setup(thread)
    thread:set("tag", "$run-" .. #threads)
    table.insert(threads, thread)
end
function init(args)
    math.randomseed(os.time() + #tag * 7919 + string.byte(tag, -1))
end
function request()
    counter = counter + 1
    local body = '{"account_id":' .. math.random(1, $ACCOUNTS) .. ',"amount":1,"reference":"bench"}'
    return wrk.format("POST", "/internal/wallet.debit", {
        ["Content-Type"] = "application/json",
        ["X-Internal-Key"] = "$INTERNAL_KEY",
        ["Idempotency-Key"] = "bench-" .. tag .. "-" .. counter,
    }, body)
end
function response(status, headers, body)
    if status ~= 200 or not string.find(body, '"kind":"ok"', 1, true) then
        failures = (failures or 0) + 1
    end
end
function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
    io.write(string.format("debit-failures: %d\n", failed))
end
LUA
}

ledger_rows() {
    psql_run -d wallet -tAc "SELECT count(*) FROM users.wallet_ledger WHERE reference = 'bench'"
}

measure_debits() {
    local url="http://127.0.0.1:$USER_PORT/internal/wallet.debit"
    say "(w) warm-up $WARMUP"
    write_debit_script "warmup"
    run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/debit.lua" "$url" \
        >"$OUT/wrk-warmup.txt" 2>&1 || true
    local rates=() p50s=() p99s=() notes=() run file before after requests failures
    for run in $(seq 1 "$RUNS"); do
        file="$OUT/wrk-$run.txt"
        write_debit_script "run$run-$RANDOM"
        before="$(ledger_rows)"
        run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$OUT/debit.lua" "$url" >"$file" 2>&1
        after="$(ledger_rows)"
        requests="$(awk '/requests in/ {print $1; exit}' "$file")"
        failures="$(awk '/^debit-failures:/ {print $2}' "$file")"
        rates+=("$(awk '/^Requests\/sec:/ {print $2}' "$file")")
        p50s+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
        p99s+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
        local note="$requests requests, $failures not ok, $((after - before)) ledger rows written"
        notes+=("$note (with the requests still in flight at the end)")
        printf '    run %s: %s debits/s, p50 %s ms, p99 %s ms (%s)\n' \
            "$run" "${rates[-1]}" "${p50s[-1]}" "${p99s[-1]}" "${notes[-1]}" >&2
    done
    local median
    median="$(median_of "${rates[@]}")"
    W_RATE="${rates[$median]}"
    W_P50="${p50s[$median]}"
    W_P99="${p99s[$median]}"
    W_NOTE="${notes[$median]}"
}

measure_pgbench() {
    local seconds
    seconds="$(duration_seconds "$DURATION")"
    say "(w-ref) pgbench -i -s $PGBENCH_SCALE"
    run_child "$PG_BIN/pgbench" -i -q -s "$PGBENCH_SCALE" -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench \
        >"$OUT/pgbench-init.txt" 2>&1
    local tps=() latency=() run file
    for run in $(seq 1 "$RUNS"); do
        file="$OUT/pgbench-$run.txt"
        run_child "$PG_BIN/pgbench" -c"$CONNECTIONS" -j"$THREADS" -T "$seconds" -h 127.0.0.1 -p "$PG_PORT" -U postgres \
            pgbench >"$file" 2>&1
        tps+=("$(awk '/^tps = / {print $3; exit}' "$file")")
        latency+=("$(awk '/^latency average = / {print $4; exit}' "$file")")
        printf '    pgbench run %s: %s tps, average latency %s ms\n' "$run" "${tps[-1]}" "${latency[-1]}" >&2
    done
    local median
    median="$(median_of "${tps[@]}")"
    REF_TPS="${tps[$median]}"
    REF_LATENCY="${latency[$median]}"
}

check_ledger() {
    LEDGER="$(psql_run -d wallet -tAc "
        SELECT CASE WHEN (SELECT sum(balance + frozen) FROM users.wallets)
                       = (SELECT sum(balance_change + frozen_change) FROM users.wallet_ledger)
                    THEN 'balanced' ELSE 'NOT BALANCED' END")"
}

write_report() {
    local ratio verdict durability
    ratio="$(awk -v a="$W_RATE" -v b="$REF_TPS" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }')"
    verdict="$(awk -v r="$ratio" 'BEGIN { print (r + 0 >= 0.60) ? "met" : "missed" }')"
    durability="fsync on"
    [ "$NO_FSYNC" = "1" ] && durability="fsync off"
    {
        echo "### Wallet run of $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))," \
            "kernel $(uname -r)"
        echo "- PostgreSQL: $("$PG_BIN/postgres" --version) (private cluster, $durability);" \
            "user service $CONFIGURATION build, DB_POOL_SIZE=$DB_POOL; wrk $(wrk -v 2>&1 | head -n 1 | awk '{print $2}')"
        echo
        echo "| Scenario | What | Throughput | p50 (ms) | p99 (ms) | Notes |"
        echo "| --- | --- | ---: | ---: | ---: | --- |"
        echo "| w | POST /internal/wallet.debit, $ACCOUNTS wallets, -c$CONNECTIONS | $W_RATE debits/s |" \
            "$W_P50 | $W_P99 | median of $RUNS x $DURATION; $W_NOTE; ledger $LEDGER |"
        echo "| w-ref | pgbench TPC-B-like, scale $PGBENCH_SCALE, -c$CONNECTIONS -j$THREADS | $REF_TPS tps |" \
            "- | - | median of $RUNS x $DURATION; average latency $REF_LATENCY ms |"
        echo
        echo "- w/w-ref: $ratio (target: at least 0.60; $verdict)"
        echo
        echo "Commands: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/out/wallet/debit.lua" \
            "http://127.0.0.1:<user port>/internal/wallet.debit\` and \`pgbench -c$CONNECTIONS -j$THREADS -T" \
            "$(duration_seconds "$DURATION") pgbench\`."
    } >"$OUT/latest.md"
    cat "$OUT/latest.md"
}

mkdir -p "$OUT"
command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
if ! command -v pgbench >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
    PLATFORM_PACKAGES+=(postgresql-contrib)
fi
ensure_packages
build
start_postgres
start_user_service
seed_wallets
measure_debits
check_ledger
measure_pgbench
write_report
