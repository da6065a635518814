#!/usr/bin/env bash
# Measures the real service processes on this machine and writes bench/out/latest.md.
#
# Scenarios (see bench/RESULTS.md for what each one means):
#   a      GET /health on the auth service, keep-alive                      (wrk)
#   a-ref  nginx serving a static 100-byte JSON file on loopback            (wrk)
#   e      GET /services/auth/health on the gateway: gateway -> auth /health (wrk; compared with a)
#   e-nginx nginx proxy_pass to auth /health over warm keep-alive upstream connections (wrk)
#   f      a signed yaf system.init POST / on the gateway: the full dialect path -> content (wrk + Lua)
#   b      GET /services/auth/ready on the gateway: gateway -> auth -> PostgreSQL (wrk)
#   b2     GET /ready on the auth service directly: auth -> PostgreSQL      (wrk)
#   c      pool-bench prepared single-row select vs pgbench -S -M prepared
#   d      10,000 idle keep-alive connections held on the auth service      (bench/idle_connections.py)
#
# Environment: DURATION (20s), RUNS (3), CONNECTIONS (64), THREADS (2), WARMUP (2s),
# IDLE_CONNECTIONS (10000), POOL_WORKERS (16), PGBENCH_SCALE (10), SCENARIOS ("a a-ref e e-nginx f b b2 c d"),
# SKIP_BUILD (0: build release first), SCRATCH_PATH (.build).
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
IDLE_CONNECTIONS="${IDLE_CONNECTIONS:-10000}"
POOL_WORKERS="${POOL_WORKERS:-16}"
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"
SCENARIOS="${SCENARIOS:-a a-ref e e-nginx f b b2 c d}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

OUT="$ROOT/bench/out"
PG_DATA="$ROOT/.data/bench-postgres"
SERVICES=(gateway auth user orders merchants exchange content)

STARTED_PIDS=()
declare -A PORTS=() PIDS=()
CHILD_PID=""
NGINX_PID=""
NGINX_PROXY_PORT=""
PG_STARTED=0
RESULT_ROWS=()
COMMANDS=()

# ---------------------------------------------------------------------------------------------
# Small helpers

wants() {
    [[ " $SCENARIOS " == *" $1 "* ]]
}

needs_services() {
    wants a || wants e || wants e-nginx || wants f || wants b || wants b2 || wants d
}

needs_nginx() {
    wants a-ref || wants e-nginx
}

needs_postgres() {
    needs_services || wants c
}


# Index of the median of RUNS values once sorted (the lower middle one for an even count).
median_index() {
    echo "$(( ($1 - 1) / 2 ))"
}

# Prints "value index" lines sorted by value; used to pick the median run.
pick_median_run() {
    local -n values_ref="$1"
    local count="${#values_ref[@]}" position
    position="$(median_index "$count")"
    for index in "${!values_ref[@]}"; do
        printf '%s %s\n' "${values_ref[$index]}" "$index"
    done | sort -g | sed -n "$((position + 1))p" | awk '{print $2}'
}



# Microseconds from milliseconds A to milliseconds B, signed: +74.
difference_microseconds() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.0f", (b - a) * 1000 }'
}

# "met" when the awk condition on x holds, else "missed".
verdict() {
    awk -v x="$1" "BEGIN { print (($2) ? \"met\" : \"missed\") }"
}

thousands() {
    awk -v v="$1" 'BEGIN {
        s = sprintf("%.0f", v); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        print s out
    }'
}

# ---------------------------------------------------------------------------------------------
# Setup and teardown

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # A signal can arrive while a measuring command's output is redirected to a file: report on the console.
    exec 1>&8 2>&9
    if [ -n "$CHILD_PID" ]; then
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    fi
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    local waited=0
    for pid in "${STARTED_PIDS[@]}"; do
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$PG_STARTED" -eq 1 ]; then
        stop_private_pg "$PG_DATA" || true
    fi
    exit "$status"
}

ensure_bench_packages() {
    command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || PLATFORM_PACKAGES+=(nginx-light)
    command -v python3 >/dev/null 2>&1 || PLATFORM_PACKAGES+=(python3)
    if ! command -v pgbench >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
        PLATFORM_PACKAGES+=(postgresql-contrib)
    fi
    ensure_packages
}

build_release() {
    if [ "$SKIP_BUILD" = "1" ]; then
        say "SKIP_BUILD=1: using the release binaries already in $SCRATCH_PATH"
    else
        say "building release (swift build -c release --scratch-path $SCRATCH_PATH)"
        swift build -c release --scratch-path "$SCRATCH_PATH"
    fi
    BIN="$(swift build -c release --scratch-path "$SCRATCH_PATH" --show-bin-path)"
    local product
    for product in "${SERVICES[@]}" pool-bench; do
        if [ ! -x "$BIN/$product" ]; then
            fail_msg "missing release binary $BIN/$product (run without SKIP_BUILD=1)"
            exit 1
        fi
    done
}

psql_admin() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

ensure_database() {
    local name="$1"
    if [ "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
        psql_admin -d postgres -c "CREATE DATABASE $name"
    fi
}

start_postgres() {
    PG_BIN="$(pg_bin_dir)"
    PG_PORT="$(free_port)"
    PG_STARTED=1
    # Every measured query is a read; durability settings only speed up table creation.
    start_private_pg "$PG_DATA" "$PG_PORT" --no-fsync
    ensure_database platform
    DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/platform"
}

start_services() {
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    local name upper
    # All load comes from 127.0.0.1, one address for the gateway's per-address limits: raise the rate so
    # that scenario (f) measures answered calls, not refusals, and lift the connection cap for the idle
    # connections of scenario (d).
    local environment=(DATABASE_URL="$DATABASE_URL" APP_ENV=development LOG_LEVEL=warning
        GATEWAY_RATE_LIMIT_PER_ADDRESS=1000000 HTTP_MAX_CONNECTIONS_PER_ADDRESS=0)
    # Scenario (f) signs with a secret of this run only, for an appid of its own.
    YAF_BENCH_APPID="bench_app"
    YAF_BENCH_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    environment+=("GATEWAY_YAF_APP_SECRETS=$YAF_BENCH_APPID:$YAF_BENCH_SECRET")
    local taken=" ${PG_PORT:-} "
    for name in "${SERVICES[@]}"; do
        PORTS[$name]="$(free_port)"
        while [[ "$taken" == *" ${PORTS[$name]} "* ]]; do
            PORTS[$name]="$(free_port)"
        done
        taken+="${PORTS[$name]} "
        upper="${name^^}"
        environment+=("${upper}_PORT=${PORTS[$name]}")
        [ "$name" = gateway ] || environment+=("${upper}_URL=http://127.0.0.1:${PORTS[$name]}")
    done
    for name in "${SERVICES[@]}"; do
        env "${environment[@]}" "$BIN/$name" >"$OUT/$name.log" 2>&1 &
        PIDS[$name]=$!
        STARTED_PIDS+=("$!")
    done
    for name in "${SERVICES[@]}"; do
        wait_for_health "$name"
    done
    say "services up: $(for name in "${SERVICES[@]}"; do printf '%s:%s ' "$name" "${PORTS[$name]}"; done)"
}

wait_for_health() {
    local name="$1" _
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${PORTS[$name]}/health" 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
            fail_msg "$name exited during start-up; last lines of $OUT/$name.log:"
            tail -n 20 "$OUT/$name.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    fail_msg "$name did not answer /health on port ${PORTS[$name]} within 60 s (log: $OUT/$name.log)"
    exit 1
}

# One nginx with two servers: a static 100-byte JSON answer, the reference for scenario (a), and, when
# the services run, a reverse proxy to auth's /health over warm keep-alive connections, the reference
# for scenario (e).
start_nginx() {
    local dir="$OUT/nginx"
    rm -rf "$dir"
    mkdir -p "$dir/www" "$dir/logs" "$dir/temp"
    python3 -c 'import sys; head = "{\"status\":\"ok\",\"service\":\"reference\",\"padding\":\""; tail = "\"}\n"
sys.stdout.write(head + "x" * (100 - len(head) - len(tail)) + tail)' >"$dir/www/health.json"
    chmod -R a+rX "$dir"
    NGINX_PORT="$(free_port)"
    local proxy_servers=""
    if [ -n "${PORTS[auth]:-}" ]; then
        NGINX_PROXY_PORT="$(free_port)"
        while [ "$NGINX_PROXY_PORT" = "$NGINX_PORT" ]; do
            NGINX_PROXY_PORT="$(free_port)"
        done
        proxy_servers="
    upstream auth_service {
        server 127.0.0.1:${PORTS[auth]};
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$NGINX_PROXY_PORT;
        location /health {
            proxy_pass http://auth_service;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
        }
    }"
    fi
    cat >"$dir/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    sendfile on;
    tcp_nodelay on;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    types {
        application/json json;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $dir/www;
    }$proxy_servers
}
EOF
    local nginx_binary
    nginx_binary="$(command -v nginx || echo /usr/sbin/nginx)"
    "$nginx_binary" -t -q -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf"
    "$nginx_binary" -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" &
    NGINX_PID=$!
    local _ url
    for url in "http://127.0.0.1:$NGINX_PORT/health.json" \
        ${NGINX_PROXY_PORT:+"http://127.0.0.1:$NGINX_PROXY_PORT/health"}; do
        for _ in $(seq 1 41); do
            curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && continue 2
            sleep 0.25
        done
        fail_msg "nginx did not answer $url (log: $dir/logs/error.log)"
        exit 1
    done
}

stop_nginx() {
    if [ -n "$NGINX_PID" ]; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
        NGINX_PID=""
    fi
}

# ---------------------------------------------------------------------------------------------
# Measurements

# Records a result row: scenario | what | figure | unit | p50 ms | p99 ms | note
record() {
    RESULT_ROWS+=("$1|$2|$3|$4|$5|$6|$7")
}

# wrk RUNS times against URL; records the run with the median req/s and its p50/p99. An optional wrk Lua
# SCRIPT shapes the request; an optional PREPARE command runs before every wrk run (warm-up included).
measure_wrk() {
    local scenario="$1" what="$2" url="$3" script="${4:-}" prepare="${5:-}"
    local options=()
    [ -z "$script" ] || options=(-s "$script")
    local command="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ${script:+-s ${script#"$ROOT"/} }$url"
    COMMANDS+=("($scenario) $command   # x$RUNS, median run")
    say "($scenario) $what: $command"
    [ -z "$prepare" ] || "$prepare"
    run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${options[@]}" "$url" \
        >"$OUT/wrk-$scenario-warmup.txt" 2>&1 || true
    local rates=() p50s=() p99s=() errors=() run file
    for run in $(seq 1 "$RUNS"); do
        file="$OUT/wrk-$scenario-$run.txt"
        [ -z "$prepare" ] || "$prepare"
        run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${options[@]}" "$url" >"$file" 2>&1
        rates+=("$(awk '/^Requests\/sec:/ {print $2}' "$file")")
        p50s+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
        p99s+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
        errors+=("$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {
            for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i } END {print n + 0}' "$file")")
        printf '    run %s: %s req/s, p50 %s ms, p99 %s ms, errors %s\n' \
            "$run" "${rates[-1]}" "${p50s[-1]}" "${p99s[-1]}" "${errors[-1]}" >&2
    done
    local median
    median="$(pick_median_run rates)"
    local note="median of $RUNS x $DURATION, -c$CONNECTIONS"
    [ "${errors[$median]}" = "0" ] || note+=", ${errors[$median]} errors/non-2xx"
    record "$scenario" "$what" "${rates[$median]}" "req/s" "${p50s[$median]}" "${p99s[$median]}" "$note"
}

# Writes a wrk Lua script posting a yaf system.init call signed now (the gateway accepts a timestamp
# within 300 s of its clock, so the script is written afresh before every run) and checks once with curl
# that the gateway answers it past its checks: code 509 while content does not serve system.init yet,
# 200 once it does. A signature, timestamp or rate-limit refusal (403, 503) stops the measurement.
prepare_yaf_call() {
    local body_file="$OUT/yaf-system-init.body"
    YAF_APPID="$YAF_BENCH_APPID" YAF_SECRET="$YAF_BENCH_SECRET" python3 - "$body_file" "$YAF_SCRIPT" <<'PYTHON'
import hashlib, json, os, sys, time, urllib.parse
data = json.dumps({
    "method": "system.init", "v": "1.0.0", "appid": os.environ["YAF_APPID"], "timestamp": str(int(time.time())),
    "token": "", "unique_id": "bench", "app_v": "1.0.0", "platform": 1, "channel": "", "device_token": "",
}, separators=(",", ":"))
sign = hashlib.md5((data + os.environ["YAF_SECRET"]).encode()).hexdigest().upper()
body = urllib.parse.urlencode({"data": data, "sign": sign}, quote_via=urllib.parse.quote, safe="")
with open(sys.argv[1], "w") as file:
    file.write(body)
with open(sys.argv[2], "w") as file:
    file.write('wrk.method = "POST"\n')
    file.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
    file.write('wrk.body = "%s"\n' % body)
PYTHON
    check_yaf_answer
}

check_yaf_answer() {
    local answer code
    answer="$(curl -sS --max-time 5 -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary "@$OUT/yaf-system-init.body" "http://127.0.0.1:${PORTS[gateway]}/")"
    code="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("code"))' "$answer" 2>/dev/null || true)"
    if [ "$code" != "509" ] && [ "$code" != "200" ]; then
        fail_msg "(f) the gateway refused the signed system.init call: $answer"
        exit 1
    fi
    YAF_ANSWER="code $code"
}

measure_yaf_call() {
    if [ "$(duration_seconds "$DURATION")" -ge 290 ]; then
        say "(f) skipped: a run of $DURATION outlasts the 300 s window of the signed timestamp"
        return 0
    fi
    YAF_SCRIPT="$OUT/yaf-system-init.lua"
    YAF_ANSWER=""
    measure_wrk f "gateway yaf system.init POST / (decode, signature, gateway -> content, encode)" \
        "http://127.0.0.1:${PORTS[gateway]}/" "$YAF_SCRIPT" prepare_yaf_call
    check_yaf_answer
    local last=$((${#RESULT_ROWS[@]} - 1))
    RESULT_ROWS[last]+=", answer $YAF_ANSWER"
}

measure_pool_and_pgbench() {
    local seconds
    seconds="$(duration_seconds "$DURATION")"
    ensure_database pgbench
    local initialized
    initialized="$(psql_admin -d pgbench -tAc \
        "SELECT count(*) FROM pg_tables WHERE tablename = 'pgbench_branches'" 2>/dev/null || echo 0)"
    if [ "$initialized" = "1" ] \
        && [ "$(psql_admin -d pgbench -tAc "SELECT count(*) FROM pgbench_branches")" = "$PGBENCH_SCALE" ]; then
        say "(c) pgbench tables already at scale $PGBENCH_SCALE"
    else
        say "(c) pgbench -i -s $PGBENCH_SCALE pgbench"
        run_child "$PG_BIN/pgbench" -i -q -s "$PGBENCH_SCALE" -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench \
            >"$OUT/pgbench-init.txt" 2>&1
    fi
    local connection="-h 127.0.0.1 -p $PG_PORT -U postgres"
    local pgbench_command="pgbench -S -M prepared -c$POOL_WORKERS -j2 -T $seconds $connection pgbench"
    local pool_command="${BIN#"$ROOT"/}/pool-bench --url postgres://postgres@127.0.0.1:$PG_PORT/pgbench"
    pool_command+=" --workers $POOL_WORKERS --seconds $seconds --table pgbench_accounts"
    COMMANDS+=("(c) pgbench -i -s $PGBENCH_SCALE $connection pgbench   # once")
    COMMANDS+=("(c) $pgbench_command   # x$RUNS, median run")
    COMMANDS+=("(c) $pool_command   # x$RUNS, median run")

    local tps=() tps_latency=() qps=() q50=() q99=() run file
    for run in $(seq 1 "$RUNS"); do
        file="$OUT/pgbench-$run.txt"
        run_child "$PG_BIN/pgbench" -S -M prepared -c"$POOL_WORKERS" -j2 -T "$seconds" \
            -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench >"$file" 2>&1
        tps+=("$(awk '/^tps = / {print $3; exit}' "$file")")
        tps_latency+=("$(awk '/^latency average = / {print $4; exit}' "$file")")
        printf '    pgbench run %s: %s tps, average latency %s ms\n' "$run" "${tps[-1]}" "${tps_latency[-1]}" >&2

        file="$OUT/pool-bench-$run.txt"
        run_child "$BIN/pool-bench" --url "postgres://postgres@127.0.0.1:$PG_PORT/pgbench" --workers "$POOL_WORKERS" \
            --seconds "$seconds" --table pgbench_accounts >"$file" 2>&1
        local line
        line="$(grep '^pool-bench:' "$file" | tail -n 1)"
        qps+=("$(sed -n 's/.* qps=\([0-9.]*\).*/\1/p' <<<"$line")")
        q50+=("$(sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p' <<<"$line")")
        q99+=("$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")")
        printf '    %s\n' "${line:-pool-bench printed no result (see $file)}" >&2
    done
    local median
    median="$(pick_median_run tps)"
    record "c-ref" "pgbench -S -M prepared, $POOL_WORKERS clients" "${tps[$median]}" "tps" \
        "" "" "median of $RUNS x ${seconds}s; average latency ${tps_latency[$median]} ms"
    median="$(pick_median_run qps)"
    record "c" "pool-bench prepared single-row select, $POOL_WORKERS workers" "${qps[$median]}" "queries/s" \
        "${q50[$median]}" "${q99[$median]}" "median of $RUNS x ${seconds}s"
}

measure_idle_connections() {
    local command="python3 bench/idle_connections.py --port ${PORTS[auth]} --pid ${PIDS[auth]}"
    COMMANDS+=("(d) $command --connections $IDLE_CONNECTIONS   # port and pid of auth")
    say "(d) holding $IDLE_CONNECTIONS idle keep-alive connections on auth"
    local file="$OUT/idle-connections.txt" status=0
    run_child python3 "$ROOT/bench/idle_connections.py" --port "${PORTS[auth]}" --pid "${PIDS[auth]}" \
        --connections "$IDLE_CONNECTIONS" >"$file" 2>&1 || status=$?
    cat "$file" >&2
    local line
    line="$(grep '^idle-connections:' "$file" | tail -n 1)"
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    local note
    note="opened $(field opened)/$IDLE_CONNECTIONS, still open $(field still_open)"
    note+=", RSS $(field rss_before_kb) kB -> $(field rss_held_kb) kB"
    note+=" ($(field rss_per_connection_bytes) B/connection)"
    note+=", fresh request $(field fresh_request) in $(field fresh_ms) ms, sample $(field sample_answered)"
    [ "$status" -eq 0 ] || note+=", check exited $status"
    record "d" "$IDLE_CONNECTIONS idle keep-alive connections on auth" "$(field still_open)" "held" "" "" "$note"
}

# ---------------------------------------------------------------------------------------------
# Report

machine_lines() {
    local cpu memory
    cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    memory="$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- Machine: $(nproc) CPUs ($cpu), $memory memory, kernel $(uname -r)"
    echo "- Swift: $(swift --version 2>/dev/null | head -n 1)"
    echo "- wrk: $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
    echo "- nginx: $( (command -v nginx >/dev/null && nginx -v) 2>&1 | sed 's/^nginx version: //')"
    [ -n "${PG_BIN:-}" ] && echo "- PostgreSQL: $("$PG_BIN/postgres" --version) (private cluster, fsync off)"
    echo "- Load generator and servers share the same machine over loopback."
}

figure_of() {
    local wanted="$1" row
    for row in "${RESULT_ROWS[@]}"; do
        IFS='|' read -r scenario _ figure _ <<<"$row"
        [ "$scenario" = "$wanted" ] && { echo "$figure"; return 0; }
    done
    echo ""
}

p50_of() {
    local wanted="$1" row
    for row in "${RESULT_ROWS[@]}"; do
        IFS='|' read -r scenario _ _ _ p50 _ <<<"$row"
        [ "$scenario" = "$wanted" ] && { echo "$p50"; return 0; }
    done
    echo ""
}

# The comparison lines of the gateway scenarios against the direct figures of (a) and nginx's proxy.
# Verdicts use the unrounded figures.
gateway_lines() {
    local a e e_nginx f a50 e50 f50 value
    a="$(figure_of a)"; e="$(figure_of e)"; e_nginx="$(figure_of e-nginx)"; f="$(figure_of f)"
    a50="$(p50_of a)"; e50="$(p50_of e)"; f50="$(p50_of f)"
    if [ -n "$e" ] && [ -n "$a" ]; then
        value="$(difference_microseconds "$a50" "$e50")"
        echo "- (e)-(a) gateway p50 minus direct p50: $value µs" \
            "(target: at most +150 µs; $(verdict "$value" 'x <= 150'))"
        echo "- (e)/(a) gateway/direct throughput: $(ratio "$e" "$a")" \
            "(target: at least 0.85; $(verdict "$(awk -v a="$a" -v e="$e" 'BEGIN { print e / a }')" 'x >= 0.85'))"
    fi
    if [ -n "$e" ] && [ -n "$e_nginx" ]; then
        echo "- (e)/(e-nginx) gateway/nginx proxy throughput: $(ratio "$e" "$e_nginx")" \
            "(target: above 1; $(verdict "$(awk -v n="$e_nginx" -v e="$e" 'BEGIN { print e - n }')" 'x > 0'))"
    fi
    if [ -n "$e_nginx" ] && [ -n "$a" ]; then
        value="$(difference_microseconds "$a50" "$(p50_of e-nginx)")"
        echo "- (e-nginx)-(a) nginx proxy p50 minus direct p50: $value µs"
    fi
    if [ -n "$f" ] && [ -n "$e" ]; then
        echo "- (f)/(e) yaf dialect path/plain proxy throughput: $(ratio "$f" "$e")," \
            "p50 $(difference_microseconds "$e50" "$f50") µs"
    fi
}

write_report() {
    local report="$OUT/latest.md" row
    {
        echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        machine_lines
        echo
        echo "| Scenario | What | Throughput | p50 (ms) | p99 (ms) | Notes |"
        echo "| --- | --- | ---: | ---: | ---: | --- |"
        for row in "${RESULT_ROWS[@]}"; do
            IFS='|' read -r scenario what figure unit p50 p99 note <<<"$row"
            local shown
            shown="$(thousands "$figure") $unit"
            echo "| $scenario | $what | $shown | ${p50:--} | ${p99:--} | $note |"
        done
        echo
        local a a_ref c c_ref
        a="$(figure_of a)"; a_ref="$(figure_of a-ref)"; c="$(figure_of c)"; c_ref="$(figure_of c-ref)"
        [ -n "$a" ] && [ -n "$a_ref" ] && echo "- (a)/(a-ref) auth /health vs nginx static file: $(ratio "$a" "$a_ref")"
        gateway_lines
        [ -n "$c" ] && [ -n "$c_ref" ] && echo "- (c) pool-bench/pgbench: $(ratio "$c" "$c_ref")"
        echo
        echo "Commands (\`bench/run.sh\` with DURATION=$DURATION RUNS=$RUNS CONNECTIONS=$CONNECTIONS):"
        echo
        echo '```'
        local command
        for command in "${COMMANDS[@]}"; do
            echo "$command"
        done
        echo '```'
    } >"$report"
    echo
    cat "$report"
    echo
    say "written: $report (raw outputs beside it)"
}

# ---------------------------------------------------------------------------------------------

main() {
    mkdir -p "$OUT"
    exec 8>&1 9>&2
    trap cleanup EXIT INT TERM
    machine_lines | sed 's/^- //' >&2
    ensure_bench_packages
    if needs_services || wants c; then
        build_release
    fi
    if wants e && ! wants a; then
        say "(e) is compared with (a), auth /health directly: adding scenario a"
        SCENARIOS="a $SCENARIOS"
    fi
    needs_postgres && start_postgres
    needs_services && start_services

    if wants a; then
        measure_wrk a "auth GET /health, keep-alive" "http://127.0.0.1:${PORTS[auth]}/health"
    fi
    if wants e; then
        measure_wrk e "gateway GET /services/auth/health (gateway -> auth /health)" \
            "http://127.0.0.1:${PORTS[gateway]}/services/auth/health"
    fi
    needs_nginx && start_nginx
    if wants a-ref; then
        measure_wrk a-ref "nginx static 100-byte JSON file" "http://127.0.0.1:$NGINX_PORT/health.json"
    fi
    if wants e-nginx; then
        measure_wrk e-nginx "nginx proxy_pass to auth /health, keep-alive upstream" \
            "http://127.0.0.1:$NGINX_PROXY_PORT/health"
    fi
    stop_nginx
    wants f && measure_yaf_call
    if wants b; then
        measure_wrk b "gateway GET /services/auth/ready (gateway -> auth -> PostgreSQL)" \
            "http://127.0.0.1:${PORTS[gateway]}/services/auth/ready"
    fi
    if wants b2; then
        measure_wrk b2 "auth GET /ready (auth -> PostgreSQL)" "http://127.0.0.1:${PORTS[auth]}/ready"
    fi
    wants c && measure_pool_and_pgbench
    wants d && measure_idle_connections
    write_report
}

main "$@"
