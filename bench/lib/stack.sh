# The processes of a bench run that starts its own stack: the release (or debug) executables, a private
# PostgreSQL cluster with one database, services waited for until healthy, and everything stopped on exit.
# The script sets OUT, PG_DATA, CONFIGURATION, SKIP_BUILD and SCRATCH_PATH, and keeps STARTED_PIDS,
# CHILD_PID and PG_STARTED (empty, empty, 0) before sourcing this file after deploy/lib/common.sh.

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
