# The processes of a bench run that starts its own stack: the release (or debug) executables, a private
# PostgreSQL cluster with its databases (optionally pg_stat_statements), the services started in order and waited
# for until healthy, and everything stopped on exit. The script sets OUT, PG_DATA, DATABASE, CONFIGURATION,
# SKIP_BUILD and SCRATCH_PATH (and, for start_services, SERVICES and INTERNAL_KEY; NO_FSYNC and PG_STATEMENTS
# are read when set), keeps STARTED_PIDS, CHILD_PID and PG_STARTED (empty, empty, 0) and `declare -A PORTS PIDS`
# before sourcing this file after deploy/lib/common.sh.

# Stops the run's load generator, the started services and the private cluster; the EXIT trap.
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$CHILD_PID" ]; then
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    fi
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$PG_STARTED" -eq 1 ]; then
        stop_private_pg "$PG_DATA" || true
    fi
    exit "$status"
}

# build_products PRODUCT...: builds them (unless SKIP_BUILD=1) and sets BIN to where they are.
build_products() {
    local product
    if [ "$SKIP_BUILD" = "1" ]; then
        say "SKIP_BUILD=1: using the $CONFIGURATION binaries already in $SCRATCH_PATH"
    else
        say "building $CONFIGURATION (swift build -c $CONFIGURATION --scratch-path $SCRATCH_PATH)"
        for product in "$@"; do
            swift build -c "$CONFIGURATION" --product "$product" --scratch-path "$SCRATCH_PATH"
        done
    fi
    BIN="$(swift build -c "$CONFIGURATION" --scratch-path "$SCRATCH_PATH" --show-bin-path)"
    for product in "$@"; do
        [ -x "$BIN/$product" ] || { fail_msg "missing $BIN/$product (run without SKIP_BUILD=1)"; exit 1; }
    done
}

# start_bench_postgres DATABASE: a private cluster on a free port (PG_BIN, PG_PORT) with DATABASE made anew.
# Durability settings are off: they only slow the set-up, and every measured request is a read.
start_bench_postgres() {
    local database="$1"
    PG_BIN="$(pg_bin_dir)"
    PG_PORT="$(free_port)"
    PG_STARTED=1
    start_private_pg "$PG_DATA" "$PG_PORT" --no-fsync
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database"
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $database"
}

# wait_for_health NAME PID: until the service on PORTS[NAME] answers /health; fails when PID exits first.
wait_for_health() {
    local name="$1" pid="$2" _
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${PORTS[$name]}/health" 2>/dev/null && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            fail_msg "$name exited during start-up; last lines of $OUT/$name.log:"
            tail -n 20 "$OUT/$name.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    fail_msg "$name did not answer /health (log: $OUT/$name.log)"
    exit 1
}

# psql_on DATABASE ARGS...: psql on the run's cluster as postgres, stopping at the first error.
psql_on() {
    local database="$1"
    shift
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$database" "$@"
}

# psql_bench ARGS...: psql on the run's DATABASE.
psql_bench() {
    psql_on "$DATABASE" "$@"
}

# Starts the private cluster of PG_DATA on PG_PORT: durable commits unless NO_FSYNC=1.
start_cluster() {
    if [ "${NO_FSYNC:-0}" = "1" ]; then
        start_private_pg "$PG_DATA" "$PG_PORT" --no-fsync
    else
        start_private_pg "$PG_DATA" "$PG_PORT"
    fi
}

# start_postgres DATABASE...: a private cluster on a free port (PG_BIN, PG_PORT), durable commits unless
# NO_FSYNC=1 (for runs whose measured requests write), with every DATABASE made anew; then configure_statements
# on the first.
start_postgres() {
    PG_BIN="$(pg_bin_dir)"
    PG_PORT="$(free_port)"
    PG_STARTED=1
    start_cluster
    local name
    for name in "$@"; do
        psql_on postgres -c "DROP DATABASE IF EXISTS $name"
        psql_on postgres -c "CREATE DATABASE $name"
    done
    configure_statements "$1"
}

# configure_statements DATABASE: PG_STATEMENTS=1 loads pg_stat_statements (the cluster restarts when that
# changes; a later run without it unloads it again) and creates the extension in DATABASE, so the statements of
# the measured runs can be listed by the time they took (write_statements).
configure_statements() {
    local wanted="" current
    [ "${PG_STATEMENTS:-0}" = "1" ] && wanted="pg_stat_statements"
    current="$(psql_on postgres -tAc "SHOW shared_preload_libraries")"
    if [ "$current" != "$wanted" ]; then
        if [ -n "$wanted" ]; then
            psql_on postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
        else
            psql_on postgres -c "ALTER SYSTEM RESET shared_preload_libraries"
        fi
        stop_private_pg "$PG_DATA"
        start_cluster
    fi
    [ -z "$wanted" ] || psql_on "$1" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
}

# reset_statements: with PG_STATEMENTS=1, forgets the statements so far (after the warm-up).
reset_statements() {
    [ "${PG_STATEMENTS:-0}" = "1" ] || return 0
    psql_bench -c "SELECT pg_stat_statements_reset()" >/dev/null
}

# write_statements COUNT UNIT: with PG_STATEMENTS=1, the 25 statements of DATABASE that took the most time since
# reset_statements, with their time per UNIT over COUNT of them (us_per_UNIT), into OUT/statements.txt.
write_statements() {
    [ "${PG_STATEMENTS:-0}" = "1" ] || return 0
    local count="$1" unit="$2"
    psql_bench >"$OUT/statements.txt" <<SQL
SELECT calls, round(total_exec_time::numeric, 0) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
       round((total_exec_time / greatest($count, 1) * 1000)::numeric, 1) AS us_per_$unit,
       rows, shared_blks_hit AS hit, shared_blks_read AS read, wal_records,
       regexp_replace(left(query, 160), '\s+', ' ', 'g') AS query
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
 WHERE d.datname = '$DATABASE'
 ORDER BY total_exec_time DESC LIMIT 25;
SQL
    say "statements of the measured runs by total time: $OUT/statements.txt"
}

# start_services [NAME=VALUE...]: each of SERVICES on a free port of its own, started in the order given and
# waited for until healthy (so a service's schema is migrated before a later one calls it), its output in
# OUT/NAME.log. Every service gets APP_ENV=development, LOG_LEVEL=warning, the run's INTERNAL_KEY, DATABASE_URL
# on DATABASE, every started service's URL, the gateway's rate limits raised and the variables given. All load
# comes from 127.0.0.1 and a few callers: both rate limits are raised so a run measures answers, not refusals
# (the limiter still runs on every dialect call). Sets PORTS and PIDS.
start_services() {
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    local name taken=" "
    for name in "${SERVICES[@]}"; do
        PORTS[$name]="$(free_port)"
        while [[ "$taken" == *" ${PORTS[$name]} "* ]]; do PORTS[$name]="$(free_port)"; done
        taken+="${PORTS[$name]} "
    done
    local common=(APP_ENV=development LOG_LEVEL=warning INTERNAL_KEY="$INTERNAL_KEY"
        DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$DATABASE"
        GATEWAY_RATE_LIMIT_PER_ADDRESS=1000000 GATEWAY_RATE_LIMIT_PER_USER=1000000 "$@")
    for name in "${SERVICES[@]}"; do common+=("${name^^}_URL=http://127.0.0.1:${PORTS[$name]}"); done
    for name in "${SERVICES[@]}"; do
        env "${common[@]}" "${name^^}_PORT=${PORTS[$name]}" "$BIN/$name" >"$OUT/$name.log" 2>&1 &
        PIDS[$name]=$!
        STARTED_PIDS+=("$!")
        wait_for_health "$name" "${PIDS[$name]}"
    done
    say "services up: $(for name in "${SERVICES[@]}"; do printf '%s %s, ' "$name" "${PORTS[$name]}"; done)"
}
