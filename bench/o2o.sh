#!/usr/bin/env bash
# The O2O mini-program's voucher orders through the gateway beside the yaf home page, in one run.
#
#   c-home    a signed yaf system.home POST / on the gateway: decode, signature, gateway -> content (the home
#             page's ads, from content's memory), encode: bench/train.sh's c-home, the reference
#   o-orders  GET /api/user/orders?appid=wxdevo2o&token=… on the gateway (O2O dialect, document 001): the first
#             page (20) of a buyer who has CALLER_ORDERS orders. The gateway resolves the session (its cache, else
#             auth) and forwards to orders: the page with its total (one statement), the codes of its paid orders
#             (a second), the document's order objects
#   o-buy     POST /api/user/order/buy (form: goods_id, number=1, appid, token) on the gateway, by another buyer,
#             of a voucher with INITIAL_STOCK units and no purchase limit. Orders asks merchants for the goods'
#             snapshot and user for the buyer's profile (both at once), opens the trade, writes the order,
#             reserves one unit in merchants (a transaction on the product's row with its reservation and stock
#             ledger rows, once per idempotency key), records the reservation on the order, and asks WeChat Pay
#             for a prepay id (the simulator orders serves itself outside production: one HTTP call to its own
#             /sandbox/wechatpay/pay/unifiedorder, which keeps the order) for the answer's sdk_config
#
# Auth, user, content, merchants, orders and gateway (release) run on a fresh private PostgreSQL cluster
# (.data/bench-o2o-postgres, durable commits unless NO_FSYNC=1: every o-buy commits six transactions in three
# services). Both buyers sign in as the mini-program does: a WeChat login code from the simulator (the admin
# surface's auth/wechat.code, signed in as the first admin with the development password), wxLogin, then
# sms/verify_code (its code read from the SMS simulator's outbox, auth/sms.outbox) and login to bind a mobile:
# auth's factory opens sessions without a WeChat identity, and WeChat Pay needs the buyer's open id. The operations centre of the
# development mini-program (wxdevo2o), a merchant, the voucher and a second voucher (the goods of the seeded
# orders) are inserted with SQL; so are CALLER_ORDERS orders of the o-orders buyer and OTHER_ORDERS orders of
# OTHER_ACCOUNTS other accounts (INSERT … SELECT … generate_series: statuses drawn from 1, 3, 4, 6 and 7 with
# the marks of their finished follow-up work, 1 to 3 units, one code per unit of the paid ones in
# orders.o2o_verify_codes, unused, redeemed or refunded with their refund row), then VACUUM (ANALYZE).
#
# One request of each kind is checked with curl (o-orders: code 0, total CALLER_ORDERS, a page of 20 newest first,
# the codes of the paid ones; o-buy: code 0, an order number, isOperSelf 1, sdk_config with a prepay id and a
# paySign that verifies with the merchant's key, one unit taken from stock), then RUNS alternating runs of
# DURATION after a WARMUP of each: c-home, o-orders, o-buy. Only answers 200 with "code":200 (c-home) or starting
# {"code":0, (the others) count. The median run of each is reported with requests/s, p50 and p99, the ratios
# o-orders / c-home (target ORDERS_TARGET = 0.6) and o-buy / c-home (target BUY_TARGET = 0.3), the CPU time each
# process spent per answer (from /proc) and the load average; the report is bench/out/o2o/latest.md.
#
# Then the script audits the voucher: its stock plus the units its live reservations hold equals INITIAL_STOCK
# and the stock ledger's sum; every order of it has exactly one trade (o2o, its number, amount and buyer) and
# exactly one reservation (its reservation id, order number and units), no reservation or open trade is without
# an order, every order answered with code 0 has its prepay id, and the orders number at least the answers with
# code 0 and at most the requests sent (plus those in flight when wrk stopped). A failed audit exits 1.
#
# Environment: CALLER_ORDERS (100), OTHER_ORDERS (20000), OTHER_ACCOUNTS (1000), INITIAL_STOCK (10000000),
# DURATION (20s), RUNS (3), WARMUP (5s), CONNECTIONS (64), THREADS (2), ORDERS_TARGET (0.6), BUY_TARGET (0.3),
# NO_FSYNC (0), PG_STATEMENTS (0; 1 lists the statements of the measured o-orders and o-buy runs by time, from
# pg_stat_statements, in bench/out/o2o/statements-o-orders.txt and statements-o-buy.txt), CONFIGURATION
# (release), SKIP_BUILD (0), SCRATCH_PATH (.build). The services inherit the environment, so e.g.
# ORDERS_DB_POOL_SIZE or MERCHANTS_DB_POOL_SIZE try other settings.
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

CALLER_ORDERS="${CALLER_ORDERS:-100}"
OTHER_ORDERS="${OTHER_ORDERS:-20000}"
OTHER_ACCOUNTS="${OTHER_ACCOUNTS:-1000}"
INITIAL_STOCK="${INITIAL_STOCK:-10000000}"
DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ORDERS_TARGET="${ORDERS_TARGET:-0.6}"
BUY_TARGET="${BUY_TARGET:-0.3}"
NO_FSYNC="${NO_FSYNC:-0}"
PG_STATEMENTS="${PG_STATEMENTS:-0}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

OUT="$ROOT/bench/out/o2o"
PG_DATA="$ROOT/.data/bench-o2o-postgres"
DATABASE="o2o_bench"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
YAF_APPID="bench_app"
YAF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
# The development O2O mini-program and WeChat Pay merchant of auth and orders (outside production).
O2O_APP="wxdevo2o"
WECHAT_PAY_KEY="developmentwechatpaykey000000000"
ADMIN_PASSWORD="admin-development-password"
CALLER_MOBILE="13900000301"
BUYER_MOBILE="13900000302"
PAGE_SIZE=20
ORDERS_PATH="/api/user/orders"
BUY_PATH="/api/user/order/buy"
SCENARIOS=(c-home o-orders o-buy)
# In this order: each service migrates its schema before the later ones (and the gateway) call it.
SERVICES=(auth user content merchants orders gateway)
STARTED_PIDS=()
CHILD_PID=""
PG_STARTED=0
ADMIN_TOKEN=""
CALLER_TOKEN=""
CALLER_ID=""
BUYER_TOKEN=""
BUYER_ID=""
GOODS_ID=""
PRODUCT_ID=""
declare -A PORTS=() PIDS=() AUDIT=()

trap cleanup EXIT
trap 'exit 130' INT TERM

gateway_url() {
    echo "http://127.0.0.1:${PORTS[gateway]}$1"
}

# The value at PATH (a Python subscript such as ["data"]["token"]) of the JSON answer TEXT; empty when missing.
json_at() {
    python3 -c 'import json, sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$1" "$2" 2>/dev/null || true
}

# POST /admin/api/NAME on the gateway with the JSON BODY, signed in as the first admin.
admin_call() {
    curl -sS --max-time 10 -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_TOKEN" \
        --data-binary "$2" "$(gateway_url "/admin/api/$1")"
}

# An O2O call on the gateway: POST /api/user/NAME with the form FIELDS (urlencoded by curl), the appid added.
o2o_post() {
    local name="$1" field arguments=()
    shift
    for field in "$@" "appid=$O2O_APP"; do arguments+=(--data-urlencode "$field"); done
    curl -sS --max-time 10 "${arguments[@]}" "$(gateway_url "/api/user/$name")"
}

# The first admin's session on the admin surface (the development password), for the simulator's login codes.
admin_login() {
    local answer
    answer="$(curl -sS --max-time 30 -H 'Content-Type: application/json' \
        --data-binary "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$(gateway_url /admin/api/login)")"
    ADMIN_TOKEN="$(json_at "$answer" '["data"]["token"]')"
    if [ -z "$ADMIN_TOKEN" ]; then
        fail_msg "admin login did not give a token: $answer"
        exit 1
    fi
}

# sign_in PERSON MOBILE: the mini-program's sign-in of the WeChat user PERSON: a login code of the WeChat
# simulator, wxLogin, sms/verify_code for MOBILE (its code read from the SMS simulator's outbox, the admin
# operation auth/sms.outbox: development answers no code) and login binding it. Sets SIGNED_TOKEN and SIGNED_ID.
sign_in() {
    local person="$1" mobile="$2" answer code
    answer="$(admin_call auth/wechat.code "{\"app_id\":\"$O2O_APP\",\"person\":\"$person\"}")"
    code="$(json_at "$answer" '["data"]["code"]')"
    [ -n "$code" ] || { fail_msg "auth/wechat.code did not give a code: $answer"; exit 1; }
    answer="$(o2o_post wxLogin "code=$code")"
    SIGNED_TOKEN="$(json_at "$answer" '["data"]["token"]')"
    [[ "$SIGNED_TOKEN" =~ ^[0-9a-f]{32}$ ]] || { fail_msg "wxLogin did not give a token: $answer"; exit 1; }
    answer="$(o2o_post sms/verify_code "mobile=$mobile" "token=$SIGNED_TOKEN")"
    [ "$(json_at "$answer" '["code"]')" = "0" ] || { fail_msg "sms/verify_code refused: $answer"; exit 1; }
    answer="$(admin_call auth/sms.outbox "{\"mobile\":\"$mobile\",\"limit\":1}")"
    code="$(json_at "$answer" '["data"]["messages"][0]["text"]' | grep -oE '[0-9]{4,8}' | head -n 1 || true)"
    [ -n "$code" ] || { fail_msg "the SMS simulator's outbox has no code for $mobile: $answer"; exit 1; }
    answer="$(o2o_post login "mobile=$mobile" "verify_code=$code" "token=$SIGNED_TOKEN")"
    [ "$(json_at "$answer" '["code"]')" = "0" ] || { fail_msg "login did not bind $mobile: $answer"; exit 1; }
    SIGNED_ID="$(psql_bench -tAc "SELECT id FROM auth.accounts WHERE mobile = '$mobile'")"
    [[ "$SIGNED_ID" =~ ^[0-9]+$ ]] || { fail_msg "no account has the mobile $mobile"; exit 1; }
}

make_buyers() {
    admin_login
    sign_in o2o-bench-caller "$CALLER_MOBILE"
    CALLER_TOKEN="$SIGNED_TOKEN" CALLER_ID="$SIGNED_ID"
    sign_in o2o-bench-buyer "$BUYER_MOBILE"
    BUYER_TOKEN="$SIGNED_TOKEN" BUYER_ID="$SIGNED_ID"
    say "buyers: account $CALLER_ID (o-orders) and $BUYER_ID (o-buy), each signed in with wxLogin and a bound mobile"
}

# The development mini-program's operations centre, a category, an approved merchant, the voucher of o-buy
# (INITIAL_STOCK units at 88.00 yuan, no purchase limit, on sale for a year) and the voucher of the seeded orders.
# Sets GOODS_ID, PRODUCT_ID, CENTRE_ID, MERCHANT_ID, OLD_GOODS_ID and OLD_PRODUCT_ID.
seed_shop() {
    local ids
    ids="$(psql_bench -tA -F ' ' <<SQL
WITH centre AS (
    INSERT INTO merchants.operation_centres (name, app_id) VALUES ('压测运营中心', '$O2O_APP') RETURNING id
), category AS (
    INSERT INTO merchants.merchant_categories (name) VALUES ('美食') RETURNING id
), merchant AS (
    INSERT INTO merchants.merchants (oper_id, category_id, name, lng, lat, approval)
    SELECT centre.id, category.id, '压测火锅店', 116.41, 39.91, 'approved' FROM centre, category RETURNING id, oper_id
), goods AS (
    INSERT INTO merchants.goods (catalogue, merchant_id, name, start_date, end_date, pic, limit_count, status)
    SELECT 'voucher', merchant.id, v.name, current_date - v.age, current_date + 365, '/files/v.png', 0, 1
      FROM merchant, (VALUES ('100 元代金券', 1), ('50 元代金券', 90)) AS v (name, age)
    RETURNING id, name
), products AS (
    INSERT INTO merchants.products (goods_id, sku, market_price, price, stock)
    SELECT goods.id, 'BENCH-' || goods.id, 10000, CASE WHEN goods.name LIKE '100%' THEN 8800 ELSE 4500 END,
           CASE WHEN goods.name LIKE '100%' THEN $INITIAL_STOCK ELSE 0 END
      FROM goods RETURNING id, goods_id, stock
)
SELECT (SELECT oper_id FROM merchant), (SELECT id FROM merchant),
       (SELECT goods_id FROM products WHERE stock > 0), (SELECT id FROM products WHERE stock > 0),
       (SELECT goods_id FROM products WHERE stock = 0), (SELECT id FROM products WHERE stock = 0);
SQL
    )"
    read -r CENTRE_ID MERCHANT_ID GOODS_ID PRODUCT_ID OLD_GOODS_ID OLD_PRODUCT_ID <<<"$ids"
    [[ "$OLD_PRODUCT_ID" =~ ^[0-9]+$ ]] || { fail_msg "the shop was not seeded: $ids"; exit 1; }
}

# CALLER_ORDERS orders of the o-orders buyer and OTHER_ORDERS of OTHER_ACCOUNTS other accounts (ids past every
# account of auth: orders keeps only the id), all of the second voucher, in one statement: 21-digit order
# numbers ("0", the time yyyyMMddHHmmss, 6 digits of the sequence), trade numbers of their own, created over the
# last 60 days, statuses drawn from 1, 3, 4, 6 and 7 with what each implies (pay, refund and follow-up times, a
# reservation id), 1 to 3 units at one of four prices; then one code per unit of the paid orders (unused for 4,
# redeemed for 7, refunded for 6 with the order's refund row), and VACUUM (ANALYZE). Sets SEED_SECONDS and
# SEED_SUMMARY.
seed_orders() {
    local started first_other
    started="$(date +%s.%N)"
    first_other="$(psql_bench -tAc "SELECT max(id) + 1000 FROM auth.accounts")"
    psql_bench >/dev/null <<SQL
SELECT setseed(0.7);
WITH drawn AS (
    SELECT i, CASE WHEN i <= $CALLER_ORDERS THEN $CALLER_ID
                   ELSE $first_other + floor(random() * $OTHER_ACCOUNTS)::bigint END AS account_id,
           now() - random() * interval '60 days' AS created_at,
           (ARRAY[1, 3, 4, 6, 7])[1 + floor(random() * 5)::int] AS status, 1 + floor(random() * 3)::int AS units,
           (ARRAY[3800, 4500, 8800, 12800])[1 + floor(random() * 4)::int] AS price
      FROM generate_series(1, $CALLER_ORDERS + $OTHER_ORDERS) AS i
)
INSERT INTO orders.o2o_orders (order_no, account_id, app_id, oper_id, oper_app_id, user_name, notify_mobile,
                               merchant_id, merchant_name, goods_id, goods_name, goods_pic, goods_thumb_url,
                               product_id, price, buy_number, pay_price, refund_price, status, trade_no,
                               reservation_id, pay_time, refund_time, stock_committed_at, stock_released_at,
                               codes_sent_at, created_at, updated_at)
SELECT '0' || to_char(d.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad(d.i::text, 6, '0'),
       d.account_id, '$O2O_APP', $CENTRE_ID, '$O2O_APP', '用户' || (d.account_id % 997),
       '138' || lpad((d.account_id % 100000000)::text, 8, '0'), $MERCHANT_ID, '压测火锅店', $OLD_GOODS_ID,
       '50 元代金券', '/files/v.png', 'http://files.bench.example/files/v.png', $OLD_PRODUCT_ID, d.price, d.units,
       d.price * d.units, CASE WHEN d.status = 6 THEN d.price * d.units ELSE 0 END, d.status,
       to_char(d.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad(d.i::text, 6, '0'),
       1000000000 + d.i, CASE WHEN d.status IN (4, 6, 7) THEN d.created_at + interval '3 minutes' END,
       CASE WHEN d.status = 6 THEN d.created_at + interval '2 days' END,
       CASE WHEN d.status IN (4, 6, 7) THEN d.created_at + interval '3 minutes' END,
       CASE WHEN d.status = 3 THEN d.created_at + interval '30 minutes' END,
       CASE WHEN d.status IN (4, 6, 7) THEN d.created_at + interval '3 minutes' END,
       d.created_at, d.created_at + interval '1 hour'
  FROM drawn d
 ORDER BY d.created_at;
INSERT INTO orders.o2o_refunds (order_id, refund_no, amount, codes, stock_returned_at, created_at, updated_at)
SELECT id, 'o2o-' || order_no || '-1', pay_price, buy_number, refund_time, refund_time, refund_time
  FROM orders.o2o_orders WHERE status = 6;
INSERT INTO orders.o2o_verify_codes (order_id, verify_code, status, redeemed_at, redeemed_by, refund_id, created_at)
SELECT o.id, lpad((o.id * 10 + u.n)::text, 12, '0'), CASE o.status WHEN 4 THEN 1 WHEN 7 THEN 2 ELSE 3 END,
       CASE WHEN o.status = 7 THEN o.pay_time + interval '1 day' END,
       CASE WHEN o.status = 7 THEN 'merchant-staff:1' END, r.id, o.pay_time
  FROM orders.o2o_orders o
  JOIN generate_series(1, 3) AS u (n) ON u.n <= o.buy_number
  LEFT JOIN orders.o2o_refunds r ON r.order_id = o.id
 WHERE o.status IN (4, 6, 7)
 ORDER BY o.id, u.n;
VACUUM (ANALYZE) orders.o2o_orders;
VACUUM (ANALYZE) orders.o2o_verify_codes;
VACUUM (ANALYZE) orders.o2o_refunds;
SQL
    SEED_SECONDS="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
    SEED_SUMMARY="$(psql_bench -tAc "SELECT (SELECT count(*) FROM orders.o2o_orders) || ' orders ('
        || (SELECT count(*) FROM orders.o2o_orders WHERE account_id = $CALLER_ID) || ' of the o-orders buyer: '
        || (SELECT string_agg(n || ' in ' || status, ', ' ORDER BY status) FROM (SELECT status, count(*) AS n
              FROM orders.o2o_orders WHERE account_id = $CALLER_ID GROUP BY status) s) || '), '
        || (SELECT count(*) FROM orders.o2o_verify_codes) || ' codes, '
        || (SELECT count(*) FROM orders.o2o_refunds) || ' refunds'")"
}

# The answer to one o-orders request must be code 0 with the buyer's CALLER_ORDERS orders, a full first page,
# newest first, every paid order with one code per unit; else the run stops. Sets ORDERS_REPLY_BYTES.
check_orders() {
    local answer problem
    answer="$(curl -sS --max-time 10 "$(gateway_url "$ORDERS_PATH?appid=$O2O_APP&token=$CALLER_TOKEN")")"
    problem="$(python3 - "$answer" "$CALLER_ORDERS" "$PAGE_SIZE" "$CALLER_ID" <<'PYTHON' 2>&1 || true
import json, sys
text, total, size, caller = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
try:
    answer = json.loads(text)
    assert text.startswith('{"code":0,') and answer["code"] == 0, "code %s" % answer.get("code")
    data = answer["data"]
    orders = data["list"]
    assert data["total"] == total, "total %s" % data["total"]
    assert len(orders) == min(size, total), "%d orders on the page" % len(orders)
    ids = [order["id"] for order in orders]
    assert ids == sorted(ids, reverse=True), "not newest first"
    for order in orders:
        assert order["user_id"] == caller and order["isOperSelf"] == 1, "another buyer's order"
        assert len(order["order_no"]) == 21 and order["status"] in (1, 3, 4, 6, 7), "order %s" % order["order_no"]
        if order["status"] in (4, 6, 7):
            assert len(order["items"]) == order["buy_number"], "order %s without its codes" % order["order_no"]
        else:
            assert "items" not in order, "codes on the unpaid order %s" % order["order_no"]
except Exception as error:
    print(error or type(error).__name__)
PYTHON
    )"
    if [ -n "$problem" ]; then
        fail_msg "orders did not answer the buyer's first page ($problem): ${answer:0:600}"
        exit 1
    fi
    ORDERS_REPLY_BYTES="${#answer}"
}

# One o-buy request must answer code 0 with an order number, isOperSelf 1 and the sdk_config of a prepay id whose
# paySign verifies with the merchant's key, and take one unit from stock; else the run stops. Sets
# BUY_REPLY_BYTES.
check_buy() {
    local answer problem before after
    before="$(psql_bench -tAc "SELECT stock FROM merchants.products WHERE id = $PRODUCT_ID")"
    answer="$(o2o_post order/buy "goods_id=$GOODS_ID" number=1 "token=$BUYER_TOKEN")"
    after="$(psql_bench -tAc "SELECT stock FROM merchants.products WHERE id = $PRODUCT_ID")"
    problem="$(python3 - "$answer" "$O2O_APP" "$WECHAT_PAY_KEY" <<'PYTHON' 2>&1 || true
import hashlib, json, re, sys
text, app, key = sys.argv[1:4]
try:
    answer = json.loads(text)
    assert text.startswith('{"code":0,') and answer["code"] == 0, "code %s" % answer.get("code")
    data = answer["data"]
    assert re.fullmatch(r"0[0-9]{20}", data["order_no"]), "order number %s" % data["order_no"]
    assert data["isOperSelf"] == 1, "isOperSelf %s" % data["isOperSelf"]
    config = data["sdk_config"]
    assert config["appId"] == app and config["signType"] == "MD5", "sdk_config %s" % config
    assert config["package"].startswith("prepay_id=") and len(config["package"]) > 10, "package %s" % config["package"]
    signed = {"appId": app, "timeStamp": config["timestamp"], "nonceStr": config["nonceStr"],
              "package": config["package"], "signType": "MD5"}
    text = "&".join("%s=%s" % (name, signed[name]) for name in sorted(signed)) + "&key=" + key
    assert config["paySign"] == hashlib.md5(text.encode()).hexdigest().upper(), "paySign does not verify"
except Exception as error:
    print(error or type(error).__name__)
PYTHON
    )"
    if [ -n "$problem" ]; then
        fail_msg "order/buy did not answer a payable order ($problem): ${answer:0:600}"
        exit 1
    fi
    if [ "$after" -ne $((before - 1)) ]; then
        fail_msg "order/buy took $((before - after)) units from stock, not 1"
        exit 1
    fi
    BUY_REPLY_BYTES="${#answer}"
}

# The wrk script of o-orders (GET with the session in token) or o-buy (POST of the form), counting answers 200
# that start {"code":0,.
write_o2o_script() {
    local scenario="$1" script="$OUT/$1.lua"
    {
        echo "-- Written by bench/o2o.sh: $scenario, the same request every time."
        if [ "$scenario" = o-orders ]; then
            echo "wrk.method = \"GET\""
            echo "wrk.path = \"$ORDERS_PATH?appid=$O2O_APP&token=$CALLER_TOKEN\""
        else
            echo "wrk.method = \"POST\""
            echo "wrk.path = \"$BUY_PATH\""
            echo "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\""
            echo "wrk.body = \"goods_id=$GOODS_ID&number=1&appid=$O2O_APP&token=$BUYER_TOKEN\""
        fi
        counted_request_lua "status == 200 and body ~= nil and string.sub(body, 1, 10) == '{\"code\":0,'"
    } >"$script"
}

# One wrk run of SCENARIO named NAME for LENGTH (bench/lib/wrk_lua.sh's measure_counted_run calls it); its output
# in wrk-NAME.txt. c-home is train.sh's: bench/lib/yaf.sh's signed call, written afresh before every run.
run_wrk() {
    local scenario="$1" name="$2" length="$3"
    if [ "$scenario" = c-home ]; then
        write_counted_yaf_script c-home system.home '{}'
        run_counting_wrk "$name" "$length" "$OUT/c-home.lua" "$(gateway_url /)"
    else
        write_o2o_script "$scenario"
        run_counting_wrk "$name" "$length" "$OUT/$scenario.lua" "$(gateway_url /)"
    fi
}

warm_up() {
    local scenario summary=""
    for scenario in "${SCENARIOS[@]}"; do
        say "($scenario) warm-up $WARMUP"
        run_wrk "$scenario" "$scenario-warmup" "$WARMUP"
        summary+="${summary:+, }$scenario $(wrk_figure "$OUT/wrk-$scenario-warmup.txt" bench-rate)/s"
    done
    say "    warm-up: $summary"
}

# With PG_STATEMENTS=1, around each measured o-orders and o-buy run: the statements are reset before it and kept
# after it in bench_statements (public schema of the bench database) under the scenario's name.
statements_before() {
    reset_statements
}

statements_after() {
    [ "$PG_STATEMENTS" = "1" ] || return 0
    psql_bench <<SQL
CREATE TABLE IF NOT EXISTS public.bench_statements (
    scenario text, queryid bigint, query text, calls bigint, total_exec_time double precision, rows bigint,
    hit bigint, read bigint, wal_records bigint
);
INSERT INTO public.bench_statements
SELECT '$1', s.queryid, s.query, s.calls, s.total_exec_time, s.rows, s.shared_blks_hit, s.shared_blks_read,
       s.wal_records
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
 WHERE d.datname = '$DATABASE' AND s.query NOT LIKE '%bench_statements%';
SQL
}

# The sum of the array NAME.
sum_of() {
    local -n summed="$1"
    local total=0 value
    for value in "${summed[@]}"; do total=$((total + value)); done
    echo "$total"
}

# With PG_STATEMENTS=1: the statements of the measured runs of o-orders and o-buy by total time, per answer of
# code 0, into bench/out/o2o/statements-SCENARIO.txt.
list_statements() {
    [ "$PG_STATEMENTS" = "1" ] || return 0
    local scenario total
    for scenario in o-orders o-buy; do
        if [ "$scenario" = o-orders ]; then total="$(sum_of O_OKS)"; else total="$(sum_of B_OKS)"; fi
        psql_bench >"$OUT/statements-$scenario.txt" <<SQL
SELECT sum(calls) AS calls, round(sum(total_exec_time)::numeric, 0) AS total_ms,
       round((sum(total_exec_time) / greatest(sum(calls), 1))::numeric, 3) AS mean_ms,
       round((sum(total_exec_time) / greatest($total, 1) * 1000)::numeric, 1) AS us_per_answer,
       sum(rows) AS rows, sum(hit) AS hit, sum(read) AS read, sum(wal_records) AS wal_records,
       regexp_replace(left(min(query), 160), '\s+', ' ', 'g') AS query
  FROM public.bench_statements WHERE scenario = '$scenario'
 GROUP BY queryid ORDER BY sum(total_exec_time) DESC LIMIT 25;
SQL
        say "statements of the measured $scenario runs by total time: $OUT/statements-$scenario.txt"
    done
}

# The audit of the voucher of o-buy (the orders and reservations of the curl check, the warm-up and the runs);
# AUDIT_OK is 1 when nothing is off.
audit() {
    local name value line run
    AUDIT_LINES=()
    AUDIT_OK=1
    while IFS='|' read -r name value; do
        [ -n "$name" ] || continue
        AUDIT[$name]="$value"
    done < <(psql_bench -tA -F '|' <<SQL
WITH bought AS (SELECT * FROM orders.o2o_orders WHERE goods_id = $GOODS_ID),
held AS (SELECT * FROM merchants.reservations WHERE product_id = $PRODUCT_ID),
per_order AS (SELECT order_ref, count(*) AS n FROM held GROUP BY order_ref),
orphans AS (
    SELECT t.* FROM orders.trades t
     WHERE t.business = 'o2o' AND NOT EXISTS (SELECT 1 FROM orders.o2o_orders o WHERE o.trade_no = t.trade_no)
),
reserve_rows AS (
    SELECT reservation_id, count(*) AS n, min(change) AS change, max(change) AS other_change
      FROM merchants.stock_ledger WHERE product_id = $PRODUCT_ID AND kind = 'reserve' GROUP BY reservation_id
)
SELECT 'orders', count(*) FROM bought
UNION ALL SELECT 'units', coalesce(sum(buy_number), 0) FROM bought
UNION ALL SELECT 'unpaid', count(*) FROM bought WHERE status = 1
UNION ALL SELECT 'stock', stock FROM merchants.products WHERE id = $PRODUCT_ID
UNION ALL SELECT 'held', coalesce(sum(quantity - returned), 0) FROM held WHERE state IN ('reserved', 'committed')
UNION ALL SELECT 'reservations', count(*) FROM held
UNION ALL SELECT 'ledger_sum', coalesce(sum(change), 0) FROM merchants.stock_ledger WHERE product_id = $PRODUCT_ID
UNION ALL SELECT 'ledger_rows', count(*) FROM merchants.stock_ledger WHERE product_id = $PRODUCT_ID
UNION ALL SELECT 'orders_without_one_trade', count(*)
  FROM bought o LEFT JOIN orders.trades t ON t.trade_no = o.trade_no
 WHERE t.id IS NULL OR t.business <> 'o2o' OR t.business_ref <> o.order_no OR t.amount <> o.pay_price
       OR t.account_id <> o.account_id OR t.state <> 'created'
UNION ALL SELECT 'open_trades_without_order', count(*) FROM orphans WHERE state = 'created'
UNION ALL SELECT 'orphans_with_a_taken_number', count(*)
  FROM orphans t WHERE EXISTS (SELECT 1 FROM orders.o2o_orders o WHERE o.order_no = t.business_ref)
UNION ALL SELECT 'closed_trades_without_order', count(*) FROM orphans WHERE state = 'closed'
UNION ALL SELECT 'orders_without_one_reservation', count(*)
  FROM bought o LEFT JOIN held r ON r.id = o.reservation_id LEFT JOIN per_order p ON p.order_ref = o.order_no
 WHERE r.id IS NULL OR r.order_ref <> o.order_no OR r.quantity <> o.buy_number OR r.state <> 'reserved'
       OR p.n IS DISTINCT FROM 1
UNION ALL SELECT 'reservations_without_order', count(*)
  FROM held r WHERE NOT EXISTS (SELECT 1 FROM bought o WHERE o.order_no = r.order_ref AND o.reservation_id = r.id)
UNION ALL SELECT 'reservations_without_one_ledger_row', count(*)
  FROM held r LEFT JOIN reserve_rows l ON l.reservation_id = r.id
 WHERE l.n IS DISTINCT FROM 1 OR l.change <> -r.quantity
UNION ALL SELECT 'prepaid', count(*)
  FROM bought o JOIN orders.trades t ON t.trade_no = o.trade_no WHERE t.prepay_id IS NOT NULL
UNION ALL SELECT 'simulator_orders', count(*)
  FROM bought o JOIN orders.sandbox_wechat_orders s ON s.out_trade_no = o.trade_no;
SQL
    )
    local problems=(orders_without_one_trade open_trades_without_order orders_without_one_reservation
        reservations_without_order reservations_without_one_ledger_row)
    for name in "${problems[@]}"; do
        value="${AUDIT[$name]:-missing}"
        if [ "$value" != "0" ]; then
            AUDIT_OK=0
            AUDIT_LINES+=("$name: $value")
        fi
    done
    # A buy whose order could not be written after its trade was opened leaves the trade open (it closes when
    # its time is up): when its business_ref is another order's number, two buys drew the same order number.
    if [ "${AUDIT[open_trades_without_order]}" != "0" ]; then
        line="of the open trades without an order, ${AUDIT[orphans_with_a_taken_number]} carry the number of"
        AUDIT_LINES+=("$line another order (two buys drew the same 21-digit order number in the same second)")
    fi
    if [ $((AUDIT[stock] + AUDIT[held])) -ne "$INITIAL_STOCK" ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("stock ${AUDIT[stock]} + reserved ${AUDIT[held]} is not the initial $INITIAL_STOCK")
    fi
    if [ "${AUDIT[ledger_sum]}" -ne $((AUDIT[stock] - INITIAL_STOCK)) ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("the stock ledger sums to ${AUDIT[ledger_sum]}, the stock moved by $((AUDIT[stock] - INITIAL_STOCK))")
    fi
    if [ "${AUDIT[held]}" -ne "${AUDIT[units]}" ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("the reservations hold ${AUDIT[held]} units, the orders ${AUDIT[units]}")
    fi
    # The check's order, the warm-up's and the measured runs': every code 0 answer wrote its order with a prepay
    # id; the orders number at most the requests sent plus those in flight when each wrk run stopped.
    local answered=1 sent=1 in_flight=$((CONNECTIONS * (RUNS + 1))) ok
    answered=$((answered + $(wrk_figure "$OUT/wrk-o-buy-warmup.txt" bench-success)))
    sent=$((sent + $(wrk_figure "$OUT/wrk-o-buy-warmup.txt" bench-sent)))
    for run in $(seq 1 "$RUNS"); do
        answered=$((answered + $(wrk_figure "$OUT/wrk-o-buy-$run.txt" bench-success)))
        sent=$((sent + $(wrk_figure "$OUT/wrk-o-buy-$run.txt" bench-sent)))
    done
    if [ "${AUDIT[orders]}" -lt "$answered" ] || [ "${AUDIT[orders]}" -gt $((sent + in_flight)) ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("${AUDIT[orders]} orders for $answered answers of code 0 and $sent requests sent")
    fi
    if [ "${AUDIT[prepaid]}" -lt "$answered" ] || [ "${AUDIT[simulator_orders]}" -ne "${AUDIT[prepaid]}" ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("${AUDIT[prepaid]} prepay ids and ${AUDIT[simulator_orders]} simulator orders for $answered answers")
    fi
    line="${AUDIT[orders]} orders of the voucher (${AUDIT[unpaid]} unpaid, ${AUDIT[units]} units) for $answered"
    line+=" answers of code 0 of $sent requests; stock ${AUDIT[stock]} + ${AUDIT[held]} reserved = $INITIAL_STOCK;"
    line+=" ${AUDIT[reservations]} reservations, ${AUDIT[ledger_rows]} stock ledger rows (sum ${AUDIT[ledger_sum]});"
    line+=" ${AUDIT[prepaid]} trades with a prepay id, ${AUDIT[simulator_orders]} simulator orders;"
    line+=" ${AUDIT[closed_trades_without_order]} closed trades of refused buys"
    line+=", ${AUDIT[open_trades_without_order]} open trades without an order"
    if [ "$AUDIT_OK" -eq 1 ]; then
        AUDIT_SUMMARY="passed: $line; every order has one open trade of its amount and buyer and one reservation of"
        AUDIT_SUMMARY+=" its units with one ledger row, and no reservation or open trade is without its order"
    else
        AUDIT_SUMMARY="FAILED: $line"
        for name in "${AUDIT_LINES[@]}"; do AUDIT_SUMMARY+="; $name"; done
    fi
}

# The report's row of SCENARIO with the arrays of PREFIX, its median run INDEX, WHAT it measures and the code
# that counts.
report_row() {
    local scenario="$1" prefix="$2" index="$3" what="$4" code="$5"
    local -n row_rates="${prefix}RATES" row_p50s="${prefix}P50S" row_p99s="${prefix}P99S" row_oks="${prefix}OKS"
    local -n row_faileds="${prefix}FAILEDS" row_errors="${prefix}ERRORS"
    echo "| $scenario | $what | ${row_rates[$index]} | ${row_p50s[$index]} | ${row_p99s[$index]} | run $((index + 1)):" \
        "${row_oks[$index]} answers $code, ${row_faileds[$index]} others${row_errors[$index]:+; socket errors" \
        "${row_errors[$index]}} |"
}

verdict() {
    awk -v r="$1" -v t="$2" 'BEGIN { print (r + 0 >= t + 0) ? "met" : "missed" }'
}

write_report() {
    local h o b orders_ratio buy_ratio durability pg_version wrk_version run runs=""
    h="$(median_of "${H_RATES[@]}")"
    o="$(median_of "${O_RATES[@]}")"
    b="$(median_of "${B_RATES[@]}")"
    orders_ratio="$(ratio "${O_RATES[$o]}" "${H_RATES[$h]}")"
    buy_ratio="$(ratio "${B_RATES[$b]}" "${H_RATES[$h]}")"
    for run in "${!H_RATES[@]}"; do
        runs+="${runs:+; }run $((run + 1)): c-home ${H_RATES[$run]}/s (load ${H_LOADS[$run]%% *}), o-orders"
        runs+=" ${O_RATES[$run]}/s (load ${O_LOADS[$run]%% *}, $(ratio "${O_RATES[$run]}" "${H_RATES[$run]}")),"
        runs+=" o-buy ${B_RATES[$run]}/s (load ${B_LOADS[$run]%% *}, $(ratio "${B_RATES[$run]}" "${H_RATES[$run]}"))"
    done
    durability="fsync on"
    [ "$NO_FSYNC" = "1" ] && durability="fsync off"
    pg_version="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    wrk_version="$(wrk -v 2>&1 | head -n 1 | awk '{print $2}' || true)"
    {
        echo "### O2O voucher orders run of $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))," \
            "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r);" \
            "load average $START_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
        echo "- ${SERVICES[*]}: $CONFIGURATION builds, PostgreSQL $pg_version (private cluster, $durability," \
            "default memory settings); wrk $wrk_version, -t$THREADS -c$CONNECTIONS"
        echo "- $SEED_SUMMARY, seeded in $SEED_SECONDS s; o-orders: page 1 ($PAGE_SIZE) of the buyer's" \
            "$CALLER_ORDERS orders (reply $ORDERS_REPLY_BYTES bytes); o-buy: one unit of a voucher with" \
            "$INITIAL_STOCK in stock and no purchase limit (reply $BUY_REPLY_BYTES bytes); $RUNS alternating runs of" \
            "$DURATION each (c-home, o-orders, o-buy) after a $WARMUP warm-up of each, medians below"
        echo
        echo "| Row | What | req/s | p50 (ms) | p99 (ms) | Notes |"
        echo "| --- | --- | ---: | ---: | ---: | --- |"
        report_row c-home H_ "$h" "signed yaf system.home, POST / on the gateway" "code 200"
        report_row o-orders O_ "$o" "GET $ORDERS_PATH (page 1 of $CALLER_ORDERS orders)" "code 0"
        report_row o-buy B_ "$b" "POST $BUY_PATH (goods_id, number=1)" "code 0"
        echo
        echo "- o-orders / c-home: $orders_ratio (target: at least $ORDERS_TARGET;" \
            "$(verdict "$orders_ratio" "$ORDERS_TARGET"))"
        echo "- o-buy / c-home: $buy_ratio (target: at least $BUY_TARGET; $(verdict "$buy_ratio" "$BUY_TARGET"))"
        echo "- Runs: $runs"
        echo "- CPU per answer (us), c-home run $((h + 1)): ${H_CPUS[$h]}"
        echo "- CPU per answer (us), o-orders run $((o + 1)): ${O_CPUS[$o]}"
        echo "- CPU per answer (us), o-buy run $((b + 1)): ${B_CPUS[$b]}"
        for run in "${!H_RATES[@]}"; do
            [ -z "${H_FIRSTS[$run]}" ] || echo "- Run $((run + 1)), first c-home answer that was not 200:" \
                "\`${H_FIRSTS[$run]}\`"
            [ -z "${O_FIRSTS[$run]}" ] || echo "- Run $((run + 1)), first o-orders answer that was not code 0:" \
                "\`${O_FIRSTS[$run]}\`"
            [ -z "${B_FIRSTS[$run]}" ] || echo "- Run $((run + 1)), first o-buy answer that was not code 0:" \
                "\`${B_FIRSTS[$run]}\`"
        done
        echo "- Audit $AUDIT_SUMMARY"
        echo
        echo "Commands: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/out/o2o/SCENARIO.lua" \
            "http://127.0.0.1:<gateway port>/\` for c-home, o-orders and o-buy in turn, $RUNS times."
    } >"$OUT/latest.md"
    cat "$OUT/latest.md"
}

# Filled by measure_counted_run through namerefs (prefix H_ for c-home, O_ for o-orders, B_ for o-buy).
# shellcheck disable=SC2034
declare -a H_RATES=() H_P50S=() H_P99S=() H_OKS=() H_FAILEDS=() H_EXHAUSTEDS=() H_WINDOWS=() H_FIRSTS=() \
    H_ERRORS=() H_CPUS=() H_LOADS=() O_RATES=() O_P50S=() O_P99S=() O_OKS=() O_FAILEDS=() O_EXHAUSTEDS=() \
    O_WINDOWS=() O_FIRSTS=() O_ERRORS=() O_CPUS=() O_LOADS=() B_RATES=() B_P50S=() B_P99S=() B_OKS=() B_FAILEDS=() \
    B_EXHAUSTEDS=() B_WINDOWS=() B_FIRSTS=() B_ERRORS=() B_CPUS=() B_LOADS=()
mkdir -p "$OUT"
rm -rf "$OUT/files"
rm -f "$OUT"/*.txt "$OUT"/*.lua "$OUT"/*.body "$OUT/latest.md"
command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
ensure_packages
build_products "${SERVICES[@]}"
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
start_postgres "$DATABASE"
start_services CONTENT_FILES_DIR="$OUT/files" SEED_DEMO_MERCHANTS=false \
    GATEWAY_YAF_APP_SECRETS="$YAF_APPID:$YAF_SECRET"
make_buyers
seed_shop
say "shop: centre $CENTRE_ID, merchant $MERCHANT_ID, voucher $GOODS_ID (product $PRODUCT_ID, $INITIAL_STOCK in stock)"
say "seeding $CALLER_ORDERS orders of the o-orders buyer and $OTHER_ORDERS of $OTHER_ACCOUNTS other accounts"
seed_orders
say "    $SEED_SUMMARY in $SEED_SECONDS s"
check_orders
say "orders through the gateway: code 0, $CALLER_ORDERS orders, a page of $PAGE_SIZE ($ORDERS_REPLY_BYTES bytes)"
check_buy
say "order/buy through the gateway: code 0, a prepay id with a valid paySign, one unit reserved ($BUY_REPLY_BYTES bytes)"
warm_up
for run in $(seq 1 "$RUNS"); do
    measure_counted_run c-home "$run" H_
    statements_before
    measure_counted_run o-orders "$run" O_
    statements_after o-orders
    statements_before
    measure_counted_run o-buy "$run" B_
    statements_after o-buy
done
check_orders
for name in "${SERVICES[@]}"; do
    curl -sS --max-time 5 "http://127.0.0.1:${PORTS[$name]}/metrics" >"$OUT/metrics-$name.txt" 2>&1 || true
done
list_statements
audit
write_report
if [ "$AUDIT_OK" -ne 1 ]; then
    fail_msg "the audit found orders, stock or trades that do not add up (see above)"
    exit 1
fi
