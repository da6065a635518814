#!/usr/bin/env bash
# Builds the services in release mode and runs all of them on this machine, behind the gateway on
# http://127.0.0.1:8080. Without DATABASE_URL it runs a private PostgreSQL cluster in .data/postgres
# (kept between runs). Ctrl-C stops everything it started.
#
# Environment: DATABASE_URL (use an existing database), PG_PORT (private cluster port, 55433),
# PLATFORM_BIN_DIR (run these executables instead of building), HEALTH_TIMEOUT (seconds, 90),
# STOP_TIMEOUT (seconds, 15), and every service variable listed in deploy/config/example.env.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=deploy/lib/common.sh
source deploy/lib/common.sh

data_dir="$repo_root/.data"
log_dir="$data_dir/logs"
pg_data="$data_dir/postgres"
health_timeout="${HEALTH_TIMEOUT:-90}"
stop_timeout="${STOP_TIMEOUT:-15}"

# Start order: the gateway comes last because it checks its upstreams.
services=(auth user orders merchants exchange content gateway)
declare -A default_ports=(
    [gateway]=8080 [auth]=8101 [user]=8102 [orders]=8103 [merchants]=8104 [exchange]=8105 [content]=8106
)

upper() {
    echo "$1" | tr '[:lower:]' '[:upper:]'
}

# The port of a service: <SVC>_PORT, else its default. Each is exported explicitly below, so a bare
# PORT in the environment cannot put every service on the same port.
service_port() {
    local variable
    variable="$(upper "$1")_PORT"
    echo "${!variable:-${default_ports[$1]}}"
}

# Prints a database URL with its password replaced by ***.
redacted_url() {
    echo "$1" | sed -E 's#(//[^:/@]*):[^@/]*@#\1:***@#'
}

declare -A pids=()
private_pg_started=false
cleaned_up=false

stop_everything() {
    $cleaned_up && return 0
    cleaned_up=true
    local name pid running=()
    for name in gateway auth user orders merchants exchange content; do
        pid="${pids[$name]:-}"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            running+=("$pid")
        fi
    done
    if [ "${#running[@]}" -gt 0 ]; then
        say "stopping services (up to ${stop_timeout}s)"
        local deadline=$((SECONDS + stop_timeout)) alive
        while :; do
            alive=()
            for pid in "${running[@]}"; do
                kill -0 "$pid" 2>/dev/null && alive+=("$pid")
            done
            [ "${#alive[@]}" -eq 0 ] && break
            if [ "$SECONDS" -ge "$deadline" ]; then
                say "killing services that did not stop: ${alive[*]}"
                kill -KILL "${alive[@]}" 2>/dev/null || true
                break
            fi
            sleep 0.2
        done
        wait 2>/dev/null || true
    fi
    if $private_pg_started; then
        stop_private_pg "$pg_data" || true
    fi
}

on_signal() {
    echo >&2
    say "received $1, shutting down"
    stop_everything
    [ "$1" = INT ] && exit 130
    exit 143
}

trap stop_everything EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM

show_log_tail() {
    local name="$1"
    echo "----- last lines of $log_dir/$name.log -----" >&2
    tail -n 30 "$log_dir/$name.log" >&2 || true
    echo "-----" >&2
}

ensure_packages

if [ -n "${PLATFORM_BIN_DIR:-}" ]; then
    bin_dir="$PLATFORM_BIN_DIR"
    say "using the executables in $bin_dir"
else
    say "building release executables (swift build -c release)"
    swift build -c release
    bin_dir="$(swift build -c release --show-bin-path)"
fi
for name in "${services[@]}"; do
    if [ ! -x "$bin_dir/$name" ]; then
        fail_msg "executable $bin_dir/$name is missing"
        exit 1
    fi
done

for name in "${services[@]}"; do
    port="$(service_port "$name")"
    if port_in_use "$port"; then
        fail_msg "port $port (for $name) is already in use; stop what listens there or set $(upper "$name")_PORT"
        exit 1
    fi
done

mkdir -p "$log_dir"
if [ -z "${DATABASE_URL:-}" ]; then
    pg_port="${PG_PORT:-55433}"
    PG_LOG_FILE="$log_dir/postgres.log" start_private_pg "$pg_data" "$pg_port"
    private_pg_started=true
    psql_bin="$(pg_bin_dir)/psql"
    admin_url="postgres://postgres@127.0.0.1:$pg_port/postgres"
    if [ "$("$psql_bin" "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = 'platform'")" != "1" ]; then
        say "creating database platform"
        "$psql_bin" "$admin_url" -q -c "CREATE DATABASE platform"
    fi
    export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/platform"
else
    say "using the database given by DATABASE_URL"
fi

for name in "${services[@]}"; do
    export "$(upper "$name")_PORT=$(service_port "$name")"
done
for name in auth user orders merchants exchange content; do
    variable="$(upper "$name")_URL"
    export "$variable=${!variable:-http://127.0.0.1:$(service_port "$name")}"
done

for name in "${services[@]}"; do
    port="$(service_port "$name")"
    say "starting $name on port $port"
    "$bin_dir/$name" >"$log_dir/$name.log" 2>&1 </dev/null &
    pids[$name]=$!
    deadline=$((SECONDS + health_timeout))
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null; do
        if ! kill -0 "${pids[$name]}" 2>/dev/null; then
            status=0
            wait "${pids[$name]}" || status=$?
            fail_msg "$name exited with status $status while starting"
            show_log_tail "$name"
            exit 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            fail_msg "$name did not answer /health on port $port within ${health_timeout}s"
            show_log_tail "$name"
            exit 1
        fi
        sleep 0.3
    done
done

gateway_port="$(service_port gateway)"
cat <<EOF

Platform is up.
  Gateway:  http://127.0.0.1:$gateway_port
  Logs:     $log_dir/<service>.log
  Database: $(redacted_url "$DATABASE_URL")
Press Ctrl-C to stop.
EOF

while :; do
    finished=""
    wait -n "${pids[@]}" || true
    for name in "${services[@]}"; do
        if ! kill -0 "${pids[$name]}" 2>/dev/null; then
            finished="$name"
            break
        fi
    done
    if [ -n "$finished" ]; then
        fail_msg "$finished stopped unexpectedly; stopping everything"
        show_log_tail "$finished"
        exit 1
    fi
done
