#!/usr/bin/env bash
# The train-ticket mini-program's order list through the gateway beside the yaf home page, in one run.
#
#   c-home    a signed yaf system.home POST / on the gateway: decode, signature, gateway -> content (the home
#             page's ads, from content's memory), encode (wrk + Lua, the call of bench/content.sh)
#   t-orders  POST /api/v1/user/getOrderList on the gateway (train dialect, document 000), the first page of
#             PAGE_SIZE orders of a customer who has CALLER_ORDERS: form fields userRole=customer, appCode=XCX,
#             userId and data ({"pageNum":1,"pageSize":…,"nonceStr":…,"sign":…}), the session in the loginKey
#             header. The gateway decodes and verifies the MD5 sign, asks auth to claim the nonce and resolve
#             the session in one call (a call with a nonce is never answered from the gateway's session cache),
#             forwards to orders (count, the page, the journeys of its orders) and encodes the reply. The
#             gateway refuses a nonceStr it has seen (0017), so every request is another body, signed in
#             advance by bench/train_requests.py and sent once (wrk + Lua, each thread taking every
#             THREADS-th line). Only answers 200 with "code":"0000" count; the others are counted apart.
#
# Gateway, auth, content and orders (release) run on a fresh private PostgreSQL cluster
# (.data/bench-train-postgres, durable commits unless NO_FSYNC=1: every t-orders request commits its nonce).
# The caller is an account made by auth's factory (factory.accounts.create) with a train session of role
# customer (factory.sessions.open); its CALLER_ORDERS orders, and OTHER_ORDERS orders of OTHER_ACCOUNTS other
# customers, are inserted with SQL (INSERT … SELECT … generate_series: 22-digit order numbers, trade numbers of
# their own, one or two journeys each, states spread over the document's), then VACUUM (ANALYZE).
# One request of each kind is checked with curl (t-orders: code 0000, total CALLER_ORDERS, a full page with
# journeys; a replayed body answers 0017), then RUNS alternating runs of DURATION after a WARMUP of each:
# c-home, then t-orders. The median run of each is reported with requests/s, p50 and p99, the ratio
# t-orders / c-home (target: at least TARGET = 0.6), the CPU time each process spent per answer (from /proc)
# and the load average; the report is bench/out/train/latest.md.
#
# Environment: CALLER_ORDERS (200), OTHER_ORDERS (20000), OTHER_ACCOUNTS (1000), PAGE_SIZE (20), DURATION (20s),
# RUNS (3), WARMUP (5s), CONNECTIONS (64), THREADS (2), REQUESTS_PER_RUN (200000 signed bodies per run; a run
# that uses them up stops early and its rate is taken over the time it took), TARGET (0.6), NO_FSYNC (0),
# PG_STATEMENTS (0; 1 lists the statements of the measured runs by time, from pg_stat_statements, in
# bench/out/train/statements.txt), CONFIGURATION (release), SKIP_BUILD (0), SCRATCH_PATH (.build). The services
# inherit the environment, so e.g. ORDERS_DB_POOL_SIZE or AUTH_DB_POOL_SIZE try other settings.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/lib/common.sh
source "$ROOT/deploy/lib/common.sh"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
# shellcheck source=bench/lib/yaf.sh
source "$ROOT/bench/lib/yaf.sh"
# shellcheck source=bench/lib/stack.sh
source "$ROOT/bench/lib/stack.sh"
# shellcheck source=bench/lib/wrk_lua.sh
source "$ROOT/bench/lib/wrk_lua.sh"

CALLER_ORDERS="${CALLER_ORDERS:-200}"
OTHER_ORDERS="${OTHER_ORDERS:-20000}"
OTHER_ACCOUNTS="${OTHER_ACCOUNTS:-1000}"
PAGE_SIZE="${PAGE_SIZE:-20}"
DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
REQUESTS_PER_RUN="${REQUESTS_PER_RUN:-200000}"
TARGET="${TARGET:-0.6}"
NO_FSYNC="${NO_FSYNC:-0}"
PG_STATEMENTS="${PG_STATEMENTS:-0}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

OUT="$ROOT/bench/out/train"
PG_DATA="$ROOT/.data/bench-train-postgres"
DATABASE="train_bench"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
YAF_APPID="bench_app"
YAF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
# The train appCode and a signing key of this run, given to the gateway through TRAIN_APP_KEYS.
TRAIN_APP="XCX"
TRAIN_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
CALLER_MOBILE="13900000200"
ORDERS_PATH="/api/v1/user/getOrderList"
# In this order: auth, content and orders migrate their schemas before the gateway forwards to them.
SERVICES=(auth content orders gateway)
STARTED_PIDS=()
CHILD_PID=""
PG_STARTED=0
CALLER_ID=""
LOGIN_KEY=""
declare -A PORTS=() PIDS=()

trap cleanup EXIT
trap 'exit 130' INT TERM

# POST /internal/NAME on auth with the run's internal key; prints the answer.
auth_internal() {
    curl -sS --max-time 10 -H 'Content-Type: application/json' -H "X-Internal-Key: $INTERNAL_KEY" \
        --data-binary "$2" "http://127.0.0.1:${PORTS[auth]}/internal/$1"
}

# The caller: an account from auth's factory and a train session of it with the role customer. Sets
# CALLER_ID and LOGIN_KEY.
make_caller() {
    local answer
    answer="$(auth_internal factory.accounts.create "{\"mobile\":\"$CALLER_MOBILE\"}")"
    CALLER_ID="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["data"]["account_id"])' "$answer" \
        2>/dev/null || true)"
    if [[ ! "$CALLER_ID" =~ ^[0-9]+$ ]]; then
        fail_msg "factory.accounts.create did not give an account: $answer"
        exit 1
    fi
    answer="$(auth_internal factory.sessions.open \
        "{\"account_id\":\"$CALLER_ID\",\"dialect\":\"train\",\"role\":\"customer\"}")"
    LOGIN_KEY="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["data"]["token"])' "$answer" \
        2>/dev/null || true)"
    if [[ ! "$LOGIN_KEY" =~ ^[0-9a-f]{32}$ ]]; then
        fail_msg "factory.sessions.open did not give a train session: $answer"
        exit 1
    fi
    say "caller: account $CALLER_ID with a train customer session (auth's factory)"
}

# CALLER_ORDERS orders of the caller and OTHER_ORDERS of OTHER_ACCOUNTS other customers (account ids above the
# caller's, none of them in auth: orders keeps only the id), in one statement each: order numbers of 22 digits
# ("88", the time yyMMddHHmmss, 8 digits of the sequence), trade numbers of 20 (the day, 12 digits), created over
# the last 60 days, states spread over the document's (a merchant and its grab time where the state needs them,
# a ticket once one was submitted); then one or two journeys per order and VACUUM (ANALYZE). Sets SEED_SECONDS.
seed_orders() {
    local started
    started="$(date +%s.%N)"
    psql_bench >/dev/null <<SQL
SELECT setseed(0.6);
WITH drawn AS (
    SELECT i, CASE WHEN i <= $CALLER_ORDERS THEN $CALLER_ID
                   ELSE $CALLER_ID + 1 + floor(random() * $OTHER_ACCOUNTS)::bigint END AS account_id,
           now() - random() * interval '60 days' AS created_at, floor(random() * 10)::int AS pick,
           1000 + floor(random() * 99000)::bigint AS amount, floor(random() * 12)::int AS route
      FROM generate_series(1, $CALLER_ORDERS + $OTHER_ORDERS) AS i
),
stated AS (
    SELECT d.*, (ARRAY['success', 'success', 'success', 'cancel', 'cancel', 'wait_rob', 'wait_pay', 'order_audit',
                       'returned_amount', 'success'])[d.pick + 1] AS status
      FROM drawn d
)
INSERT INTO orders.train_orders (order_no, account_id, ticket_identity, ticket_name, from_site, to_site,
                                 order_amount, status, trade_no, merchant_id, created_at, modified_at, grabbed_at,
                                 ticket_no, ticket_seat, ticket_price)
SELECT '88' || to_char(s.created_at AT TIME ZONE 'Asia/Shanghai', 'YYMMDDHH24MISS') || lpad(s.i::text, 8, '0'),
       s.account_id, '11010119900307' || lpad((s.i % 10000)::text, 4, '0'), '乘客' || (s.i % 97),
       (ARRAY['北京南', '上海虹桥', '广州南', '深圳北', '成都东', '杭州东', '武汉', '西安北', '南京南', '长沙南',
              '郑州东', '重庆北'])[s.route + 1],
       (ARRAY['上海虹桥', '北京南', '深圳北', '广州南', '重庆北', '南京南', '长沙南', '郑州东', '杭州东', '武汉',
              '西安北', '成都东'])[s.route + 1],
       s.amount, s.status,
       to_char(s.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(s.i::text, 12, '0'),
       CASE WHEN s.status IN ('success', 'order_audit') THEN 1 + s.i % 50 END, s.created_at,
       s.created_at + interval '2 hours',
       CASE WHEN s.status IN ('success', 'order_audit') THEN s.created_at + interval '10 minutes' END,
       CASE WHEN s.status IN ('success', 'order_audit') THEN 'E' || lpad(s.i::text, 9, '0') END,
       CASE WHEN s.status IN ('success', 'order_audit') THEN '0' || (1 + s.i % 16) || '车' || (1 + s.i % 90) || 'A号' END,
       CASE WHEN s.status IN ('success', 'order_audit') THEN s.amount - s.amount % 100 END
  FROM stated s
 ORDER BY s.created_at;
INSERT INTO orders.train_order_details (order_id, position, seat_type, departure_date, train_num)
SELECT o.id, p.position, CASE p.position WHEN 1 THEN '二等座,一等座' ELSE '二等座' END,
       (o.created_at AT TIME ZONE 'Asia/Shanghai')::date + 3 + p.position,
       CASE p.position WHEN 1 THEN 'G' || (1 + o.id % 900) || ',G' || (2 + o.id % 900) ELSE 'D' || (1 + o.id % 400) END
  FROM orders.train_orders o
  JOIN generate_series(1, 2) AS p (position) ON p.position = 1 OR o.id % 3 = 0;
VACUUM (ANALYZE) orders.train_orders;
VACUUM (ANALYZE) orders.train_order_details;
SQL
    SEED_SECONDS="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
    SEED_SUMMARY="$(psql_bench -tAc "SELECT (SELECT count(*) FROM orders.train_orders) || ' orders ('
        || (SELECT count(*) FROM orders.train_orders WHERE account_id = $CALLER_ID) || ' of the caller), '
        || (SELECT count(*) FROM orders.train_order_details) || ' journeys'")"
}

# The signed bodies: two for the curl checks, one file for the warm-up and one per measured run, each line used
# once (a nonce prefix per file).
write_bodies() {
    local run
    python3 "$ROOT/bench/train_requests.py" --user-id "$CALLER_ID" --key "$TRAIN_KEY" --app-code "$TRAIN_APP" \
        --page-size "$PAGE_SIZE" --count 3 --prefix c --out "$OUT/check.txt"
    python3 "$ROOT/bench/train_requests.py" --user-id "$CALLER_ID" --key "$TRAIN_KEY" --app-code "$TRAIN_APP" \
        --page-size "$PAGE_SIZE" --count "$REQUESTS_PER_RUN" --prefix w --out "$OUT/bodies-warmup.txt"
    for run in $(seq 1 "$RUNS"); do
        python3 "$ROOT/bench/train_requests.py" --user-id "$CALLER_ID" --key "$TRAIN_KEY" --app-code "$TRAIN_APP" \
            --page-size "$PAGE_SIZE" --count "$REQUESTS_PER_RUN" --prefix "r$run" --out "$OUT/bodies-$run.txt"
    done
}

# Sends line LINE of check.txt once with curl; prints the answer.
send_check() {
    sed -n "${1}p" "$OUT/check.txt" | curl -sS --max-time 10 -H 'Content-Type: application/x-www-form-urlencoded' \
        -H "loginKey: $LOGIN_KEY" --data-binary @- "http://127.0.0.1:${PORTS[gateway]}$ORDERS_PATH"
}

# The answer to line LINE must be code 0000 with the caller's CALLER_ORDERS orders, a full first page, newest
# first, every order with its journeys; else the run stops. With "replay", the same line is sent again and
# must be refused with 0017.
check_orders() {
    local line="$1" answer problem
    answer="$(send_check "$line")"
    problem="$(python3 - "$answer" "$CALLER_ORDERS" "$PAGE_SIZE" <<'PYTHON' 2>&1 || true
import json, sys
text, total, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    answer = json.loads(text)
    data = answer["data"]
    orders = data["datas"]
    assert '"code":"0000"' in text and answer["code"] == "0000", "code %s" % answer.get("code")
    assert data["total"] == total and data["pageNum"] == 1, "total %s, pageNum %s" % (data["total"], data["pageNum"])
    assert len(orders) == min(size, total), "%d orders on the page" % len(orders)
    assert all(order["ticketDetails"] and len(order["orderNo"]) == 22 for order in orders), "an order without journeys"
    ids = [order["id"] for order in orders]
    assert ids == sorted(ids, reverse=True), "not newest first"
except Exception as error:
    print(error or type(error).__name__)
PYTHON
    )"
    if [ -n "$problem" ]; then
        fail_msg "getOrderList did not answer the caller's first page ($problem): ${answer:0:600}"
        exit 1
    fi
    ORDERS_REPLY_BYTES="${#answer}"
    if [ "${2:-}" = "replay" ]; then
        answer="$(send_check "$line")"
        if [[ "$answer" != *'"code":"0017"'* ]]; then
            fail_msg "the same nonceStr a second time was not refused with 0017: ${answer:0:300}"
            exit 1
        fi
    fi
}

# One wrk run of SCENARIO named NAME for LENGTH; its output in wrk-NAME.txt. c-home: bench/lib/yaf.sh's signed
# call (written afresh before every run), counting answers 200 with "code":200. t-orders: each getOrderList body
# of the file FILE sent once (bench/lib/wrk_lua.sh's send_once_lua, the session in loginKey), counting answers
# 200 with "code":"0000".
run_wrk() {
    local scenario="$1" name="$2" length="$3" script="$OUT/$2.lua"
    if [ "$scenario" = c-home ]; then
        write_counted_yaf_script c-home system.home '{}'
        run_counting_wrk "$name" "$length" "$OUT/c-home.lua" "http://127.0.0.1:${PORTS[gateway]}/"
    else
        {
            echo "-- Written by bench/train.sh: each getOrderList body of $4 sent once."
            send_once_lua "$4" POST "$ORDERS_PATH" \
                "{ [\"Content-Type\"] = \"application/x-www-form-urlencoded\", [\"loginKey\"] = \"$LOGIN_KEY\" }" \
                'status == 200 and body ~= nil and string.find(body, "\"code\":\"0000\"", 1, true) ~= nil' '"code"'
        } >"$script"
        run_counting_wrk "$name" "$length" "$script" "http://127.0.0.1:${PORTS[gateway]}$ORDERS_PATH"
    fi
}

warm_up() {
    say "(c-home) warm-up $WARMUP"
    run_wrk c-home c-home-warmup "$WARMUP"
    say "(t-orders) warm-up $WARMUP"
    run_wrk t-orders t-orders-warmup "$WARMUP" "$OUT/bodies-warmup.txt"
    say "    warm-up: c-home $(wrk_figure "$OUT/wrk-c-home-warmup.txt" bench-rate)/s," \
        "t-orders $(wrk_figure "$OUT/wrk-t-orders-warmup.txt" bench-rate)/s"
}

# With PG_STATEMENTS=1: the statements of the measured runs (since the reset after the warm-up), by total time,
# per t-orders answer, into bench/out/train/statements.txt.
list_statements() {
    [ "$PG_STATEMENTS" = "1" ] || return 0
    local total=0 ok
    for ok in "${T_OKS[@]}"; do total=$((total + ok)); done
    write_statements "$total" answer
    cat "$OUT/statements.txt" >&2
}

write_report() {
    local h t ratio_value verdict durability pg_version wrk_version run runs=""
    h="$(median_of "${H_RATES[@]}")"
    t="$(median_of "${T_RATES[@]}")"
    ratio_value="$(ratio "${T_RATES[$t]}" "${H_RATES[$h]}")"
    verdict="$(awk -v r="$ratio_value" -v t="$TARGET" 'BEGIN { print (r + 0 >= t + 0) ? "met" : "missed" }')"
    for run in "${!T_RATES[@]}"; do
        runs+="${runs:+; }run $((run + 1)): c-home ${H_RATES[$run]}/s (load ${H_LOADS[$run]%% *}, p50"
        runs+=" ${H_P50S[$run]} ms, p99 ${H_P99S[$run]} ms), t-orders ${T_RATES[$run]}/s (load ${T_LOADS[$run]%% *},"
        runs+=" p50 ${T_P50S[$run]} ms, p99 ${T_P99S[$run]} ms), $(ratio "${T_RATES[$run]}" "${H_RATES[$run]}")"
    done
    durability="fsync on"
    [ "$NO_FSYNC" = "1" ] && durability="fsync off"
    pg_version="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    wrk_version="$(wrk -v 2>&1 | head -n 1 | awk '{print $2}' || true)"
    {
        echo "### Train order list run of $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))," \
            "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r);" \
            "load average $START_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
        echo "- gateway, auth, content and orders $CONFIGURATION builds, PostgreSQL $pg_version (private cluster," \
            "$durability, default memory settings); wrk $wrk_version, -t$THREADS -c$CONNECTIONS"
        echo "- $SEED_SUMMARY, seeded in $SEED_SECONDS s; t-orders: page 1 of $PAGE_SIZE of the caller's" \
            "$CALLER_ORDERS orders (reply $ORDERS_REPLY_BYTES bytes), each request another signed body (nonceStr" \
            "used once); $RUNS alternating runs of $DURATION each (c-home, then t-orders) after a $WARMUP warm-up" \
            "of each, medians below"
        echo
        echo "| Row | What | req/s | p50 (ms) | p99 (ms) | Notes |"
        echo "| --- | --- | ---: | ---: | ---: | --- |"
        echo "| c-home | signed yaf system.home, POST / on the gateway | ${H_RATES[$h]} | ${H_P50S[$h]} |" \
            "${H_P99S[$h]} | run $((h + 1)): ${H_OKS[$h]} answers code 200, ${H_FAILEDS[$h]} others${H_ERRORS[$h]:+;" \
            "socket errors ${H_ERRORS[$h]}} |"
        echo "| t-orders | train getOrderList (page 1 of $PAGE_SIZE, $CALLER_ORDERS orders), POST $ORDERS_PATH |" \
            "${T_RATES[$t]} | ${T_P50S[$t]} | ${T_P99S[$t]} | run $((t + 1)): ${T_OKS[$t]} answers 0000 in" \
            "${T_WINDOWS[$t]} s, ${T_FAILEDS[$t]} others${T_ERRORS[$t]:+; socket errors ${T_ERRORS[$t]}} |"
        echo
        echo "- t-orders / c-home: $ratio_value (target: at least $TARGET; $verdict)"
        echo "- Runs: $runs"
        echo "- CPU per answer (us), c-home run $((h + 1)): ${H_CPUS[$h]}"
        echo "- CPU per answer (us), t-orders run $((t + 1)): ${T_CPUS[$t]}"
        for run in "${!T_RATES[@]}"; do
            [ "${T_EXHAUSTEDS[$run]}" = "0" ] || echo "- Run $((run + 1)): the signed bodies ran out before" \
                "$DURATION (${T_EXHAUSTEDS[$run]} wrk threads stopped); its rate is over the ${T_WINDOWS[$run]} s from" \
                "the first request to the last answer"
            [ -z "${T_FIRSTS[$run]}" ] || echo "- Run $((run + 1)), first t-orders answer that was not 0000:" \
                "\`${T_FIRSTS[$run]}\`"
            [ -z "${H_FIRSTS[$run]}" ] || echo "- Run $((run + 1)), first c-home answer that was not 200:" \
                "\`${H_FIRSTS[$run]}\`"
        done
        echo
        echo "Commands: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/out/train/c-home.lua" \
            "http://127.0.0.1:<gateway port>/\` and \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s" \
            "bench/out/train/t-orders-N.lua http://127.0.0.1:<gateway port>$ORDERS_PATH\`, alternating, $RUNS times."
    } >"$OUT/latest.md"
    cat "$OUT/latest.md"
}

# Filled by measure_counted_run through namerefs (prefix H_ for c-home, T_ for t-orders).
# shellcheck disable=SC2034
H_RATES=() H_P50S=() H_P99S=() H_OKS=() H_FAILEDS=() H_EXHAUSTEDS=() H_WINDOWS=() H_FIRSTS=() H_ERRORS=() H_CPUS=()
H_LOADS=() T_RATES=() T_P50S=() T_P99S=() T_OKS=() T_FAILEDS=() T_EXHAUSTEDS=() T_WINDOWS=() T_FIRSTS=()
T_ERRORS=() T_CPUS=() T_LOADS=()
mkdir -p "$OUT"
rm -rf "$OUT/files"
rm -f "$OUT"/*.txt "$OUT"/*.lua "$OUT"/*.body "$OUT/latest.md"
command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
ensure_packages
build_products "${SERVICES[@]}"
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
start_postgres "$DATABASE"
start_services CONTENT_FILES_DIR="$OUT/files" GATEWAY_YAF_APP_SECRETS="$YAF_APPID:$YAF_SECRET" \
    TRAIN_APP_KEYS="$TRAIN_APP:$TRAIN_KEY"
make_caller
say "seeding $CALLER_ORDERS orders of the caller and $OTHER_ORDERS of $OTHER_ACCOUNTS other customers"
seed_orders
say "    $SEED_SUMMARY in $SEED_SECONDS s"
say "signing $((REQUESTS_PER_RUN * (RUNS + 1))) getOrderList bodies (bench/train_requests.py)"
write_bodies
check_orders 1 replay
say "getOrderList through the gateway: code 0000, $CALLER_ORDERS orders, a page of $PAGE_SIZE" \
    "($ORDERS_REPLY_BYTES bytes); the same nonceStr again: 0017"
warm_up
reset_statements
for run in $(seq 1 "$RUNS"); do
    measure_counted_run c-home "$run" H_
    measure_counted_run t-orders "$run" T_ "$OUT/bodies-$run.txt"
done
check_orders 2
for name in "${SERVICES[@]}"; do
    curl -sS --max-time 5 "http://127.0.0.1:${PORTS[$name]}/metrics" >"$OUT/metrics-$name.txt" 2>&1 || true
done
list_statements
write_report
