#!/usr/bin/env bash
# WeChat Pay payment notifications through the gateway beside pgbench's default TPC-B-like run, on one
# machine and one PostgreSQL cluster.
#
#   n      POST /pay/wechat/notify on the gateway (wrk + Lua, -c64): each request is the signed XML of another
#          open recharge trade, sent once. The gateway passes it to orders, which verifies it, pays the trade in
#          one transaction (the trade's locked row, its trade_payments row) and hands the recharge over to the
#          user service's wallet (wallet.credit keyed trade-<trade_no>) right away or from the sweep.
#   n-ref  pgbench -c64 -j2 -T <DURATION> (the default TPC-B-like script) on a second database of the same
#          cluster, after pgbench -i -s PGBENCH_SCALE; never beside the notifications.
#
# User, orders and gateway (release) run on a fresh private PostgreSQL cluster (.data/bench-payments-postgres,
# durable commits unless NO_FSYNC=1). TRADES + WARMUP_TRADES open recharge trades (provider wechat, amounts of
# 1 to 500 yuan, owners spread at random over ACCOUNTS accounts, open for a day) are inserted with one
# INSERT … SELECT … generate_series, and bench/wechat_notifications.py signs one notification per trade (the
# development merchant: app id wxdevo2o, mch_id 1900000109, its MD5 key) into bench/out/payments/*.xml, one per
# line. One notification is checked with curl, WARMUP_TRADES others are sent for at most WARMUP unrecorded, then
# RUNS times: a checkpoint, pgbench for DURATION, a checkpoint, the next of RUNS slices of the TRADES
# notifications for DURATION (the wrk threads each taking every THREADS-th line), and a wait until the sweep
# has handed over every settled payment (HANDOVER_TIMEOUT seconds at most). The Lua script counts only answers
# 200 with return_code SUCCESS; should a slice run out before DURATION, each thread stops and the rate is taken
# over the time the notifications took. The median run of each is reported.
#
# Then the script audits the whole cluster: every paid trade has exactly one trade_payments row (settled, its
# amount and transaction), no other trade has one, every settled payment was handed over, the wallet ledger
# holds exactly one credit per paid trade (its owner and amount) and its idempotency key, no other credit, every
# wallet's balance equals the sum of its ledger and the sum of its paid trades, and the paid trades number at
# least the SUCCESS answers and at most the notifications sent. It prints notifications/s, p50/p99, pgbench tps,
# the ratio (target: at least TARGET = 0.5) and the audit, writes bench/out/payments/latest.md, and exits 1
# when the audit finds anything wrong. CPU time per notification and per pgbench transaction of each process
# comes from /proc; the services' /metrics after the last run are kept in bench/out/payments/metrics-*.txt.
#
# Environment: TRADES (200000), WARMUP_TRADES (10000), ACCOUNTS (5000), DURATION (20s), RUNS (3), WARMUP (5s),
# CONNECTIONS (64), THREADS (2), PGBENCH_SCALE (10), NO_FSYNC (0), HANDOVER_TIMEOUT (900), TARGET (0.5),
# CONFIGURATION (release), SKIP_BUILD (0), SCRATCH_PATH (.build), PG_STATEMENTS (0; 1 lists the statements of
# the measured runs by time, from pg_stat_statements, in bench/out/payments/statements.txt). The services
# inherit the environment, so e.g. ORDERS_DB_POOL_SIZE or ORDERS_PAYMENTS_SWEEP_MS try other settings.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/lib/common.sh
source "$ROOT/deploy/lib/common.sh"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
# shellcheck source=bench/lib/stack.sh
source "$ROOT/bench/lib/stack.sh"
# shellcheck source=bench/lib/wrk_lua.sh
source "$ROOT/bench/lib/wrk_lua.sh"

TRADES="${TRADES:-200000}"
WARMUP_TRADES="${WARMUP_TRADES:-10000}"
ACCOUNTS="${ACCOUNTS:-5000}"
DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"
NO_FSYNC="${NO_FSYNC:-0}"
HANDOVER_TIMEOUT="${HANDOVER_TIMEOUT:-900}"
TARGET="${TARGET:-0.5}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"
PG_STATEMENTS="${PG_STATEMENTS:-0}"

OUT="$ROOT/bench/out/payments"
PG_DATA="$ROOT/.data/bench-payments-postgres"
DATABASE="payments_bench"
PGBENCH_DATABASE="pgbench"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
# The development merchant of the orders service (PaymentSettings), passed to it explicitly.
WECHAT_APP_ID="wxdevo2o"
WECHAT_MCH_ID="1900000109"
WECHAT_KEY="developmentwechatpaykey000000000"
SUCCESS_MARK='<return_code><![CDATA[SUCCESS]]></return_code>'
# In this order: user and orders migrate their schemas before the gateway forwards to orders.
SERVICES=(user orders gateway)
STARTED_PIDS=()
CHILD_PID=""
PG_STARTED=0
declare -A PORTS=() PIDS=()

trap cleanup EXIT
trap 'exit 130' INT TERM

# TRADES + WARMUP_TRADES open recharge trades, paid by nobody yet: 20-digit numbers (today's date in China and
# the sequence), amounts of 100 to 50,000 fen, owners drawn from 1..ACCOUNTS (seeded, so every run draws the
# same), open for a day so the sweep closes none of them during the run.
seed_trades() {
    local total=$((TRADES + WARMUP_TRADES)) started
    started="$(date +%s.%N)"
    psql_bench >/dev/null <<SQL
SELECT setseed(0.42);
INSERT INTO orders.trades (trade_no, business, business_ref, account_id, amount, provider, expires_at)
SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(i::text, 12, '0'), 'recharge',
       'bench-' || i, 1 + floor(random() * $ACCOUNTS)::bigint, 100 + floor(random() * 49901)::bigint, 'wechat',
       now() + interval '1 day'
  FROM generate_series(1, $total) AS i;
VACUUM (ANALYZE) orders.trades;
SQL
    SEED_SECONDS="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
}

# One signed notification per trade, in the trades' order: the first WARMUP_TRADES for the curl check and the
# warm-up, the rest in RUNS slices (notifications-00.xml, …), one for each measured run.
write_notifications() {
    psql_bench -tA -F ' ' -c "SELECT trade_no, amount, account_id FROM orders.trades ORDER BY id" \
        | python3 "$ROOT/bench/wechat_notifications.py" --out "$OUT/notifications.xml" \
            --warmup "$WARMUP_TRADES" --warmup-out "$OUT/warmup-all.xml" \
            --app-id "$WECHAT_APP_ID" --mch-id "$WECHAT_MCH_ID" --key "$WECHAT_KEY"
    split -l "$(((TRADES + RUNS - 1) / RUNS))" -d -a 2 --additional-suffix=.xml "$OUT/notifications.xml" \
        "$OUT/notifications-"
    rm -f "$OUT/notifications.xml"
    head -n 1 "$OUT/warmup-all.xml" >"$OUT/check.xml"
    tail -n +2 "$OUT/warmup-all.xml" >"$OUT/warmup.xml"
    rm -f "$OUT/warmup-all.xml"
}

# The first notification once with curl: the gateway must answer 200 with SUCCESS, else the run stops.
check_notification() {
    local answer
    answer="$(curl -sS --max-time 10 -w ' %{http_code}' -H 'Content-Type: text/xml' \
        --data-binary "@$OUT/check.xml" "http://127.0.0.1:${PORTS[gateway]}/pay/wechat/notify")"
    if [[ "$answer" != *"$SUCCESS_MARK"*" 200" ]]; then
        fail_msg "the gateway did not acknowledge a signed notification: $answer"
        exit 1
    fi
    say "a signed notification through the gateway: acknowledged (SUCCESS)"
}

# One wrk run of the notifications of FILE for LENGTH, its output in wrk-NAME.txt: each line of FILE sent once
# (bench/lib/wrk_lua.sh's send_once_lua, each thread its share); only 200 answers with return_code SUCCESS count,
# the rest are counted as failures with the first one kept. A thread whose lines are all sent stops once they are
# answered, and the rate is then taken over the time from the first request to the last answer.
run_notifications() {
    local name="$1" file="$2" length="$3" script="$OUT/$1.lua"
    {
        echo "-- Written by bench/payments.sh: each notification of $file sent once."
        send_once_lua "$file" POST /pay/wechat/notify '{ ["Content-Type"] = "text/xml" }' \
            "status == 200 and body ~= nil and string.find(body, \"$SUCCESS_MARK\", 1, true) ~= nil" '<xml>'
    } >"$script"
    run_counting_wrk "$name" "$length" "$script" "http://127.0.0.1:${PORTS[gateway]}/pay/wechat/notify"
}

# The warm-up: the warm-up trades for at most WARMUP, unrecorded but audited.
warm_up() {
    say "(n) warm-up: $((WARMUP_TRADES - 1)) notifications for at most $WARMUP"
    run_notifications warmup "$OUT/warmup.xml" "$WARMUP"
    WARMUP_SENT="$(wrk_figure "$OUT/wrk-warmup.txt" bench-sent)"
    WARMUP_OK="$(wrk_figure "$OUT/wrk-warmup.txt" bench-success)"
    say "    warm-up: $WARMUP_SENT sent, $WARMUP_OK acknowledged"
    wait_for_hand_over
}

# Measured run RUN of the notifications: the RUN-th slice of the trades for at most DURATION. Appends its
# figures to the N_* arrays.
measure_notifications() {
    local run="$1" file="$OUT/wrk-notify-$1.txt" load before slice
    slice="$(printf '%s/notifications-%02d.xml' "$OUT" "$((run - 1))")"
    settle_cluster
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    say "(n) run $run: $(wc -l <"$slice") notifications for at most $DURATION, -t$THREADS -c$CONNECTIONS; load average $load"
    before="$(cpu_ticks)"
    run_notifications "notify-$run" "$slice" "$DURATION"
    local ok
    ok="$(wrk_figure "$file" bench-success)"
    N_CPUS+=("$(cpu_per_operation "$before" "$(cpu_ticks)" "$((ok > 0 ? ok : 1))")")
    N_LOADS+=("$load")
    N_OKS+=("$ok")
    N_SENTS+=("$(wrk_figure "$file" bench-sent)")
    N_FAILEDS+=("$(wrk_figure "$file" bench-failed)")
    N_EXHAUSTEDS+=("$(wrk_figure "$file" bench-exhausted-threads)")
    N_WINDOWS+=("$(wrk_figure "$file" bench-window-seconds)")
    N_RATES+=("$(wrk_figure "$file" bench-rate)")
    N_FIRST_FAILURES+=("$(wrk_figure "$file" bench-first-failure)")
    N_P50S+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
    N_P99S+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
    N_ERRORS+=("$(awk '/Socket errors:/ {sub(/^ *Socket errors: /, ""); print}' "$file")")
    BACKLOGS+=("$(to_hand_over)")
    local name
    for name in "${SERVICES[@]}"; do
        curl -sS --max-time 5 "http://127.0.0.1:${PORTS[$name]}/metrics" >"$OUT/metrics-$name.txt" 2>&1 || true
    done
    printf '    %s notifications/s acknowledged over %s s, p50 %s ms, p99 %s ms (%s sent, %s SUCCESS, %s not SUCCESS%s)\n' \
        "${N_RATES[-1]}" "${N_WINDOWS[-1]}" "${N_P50S[-1]}" "${N_P99S[-1]}" "${N_SENTS[-1]}" "$ok" \
        "${N_FAILEDS[-1]}" "${N_ERRORS[-1]:+; socket errors ${N_ERRORS[-1]}}" >&2
    [ -z "${N_FIRST_FAILURES[-1]}" ] || printf '    first answer that was not SUCCESS: %s\n' "${N_FIRST_FAILURES[-1]}" >&2
    printf '    CPU per acknowledged notification (us): %s\n' "${N_CPUS[-1]}" >&2
    printf '    settled payments not yet handed over when wrk stopped: %s\n' "${BACKLOGS[-1]}" >&2
    wait_for_hand_over
    DRAINS+=("$DRAIN_SECONDS")
}

# A checkpoint before each measured part, so neither inherits the other's dirty buffers.
settle_cluster() {
    psql_on postgres -c "CHECKPOINT"
}

init_pgbench() {
    say "(n-ref) pgbench -i -s $PGBENCH_SCALE"
    run_child "$PG_BIN/pgbench" -i -q -s "$PGBENCH_SCALE" -h 127.0.0.1 -p "$PG_PORT" -U postgres \
        "$PGBENCH_DATABASE" >"$OUT/pgbench-init.txt" 2>&1
}

# Measured pgbench run RUN for DURATION; appends its figures to the REF_* arrays.
measure_pgbench() {
    local run="$1" seconds file="$OUT/pgbench-$1.txt" before load count
    seconds="$(duration_seconds "$DURATION")"
    settle_cluster
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    say "(n-ref) run $run: pgbench -c$CONNECTIONS -j$THREADS -T $seconds; load average $load"
    before="$(cpu_ticks)"
    run_child "$PG_BIN/pgbench" -c"$CONNECTIONS" -j"$THREADS" -T "$seconds" -h 127.0.0.1 -p "$PG_PORT" \
        -U postgres "$PGBENCH_DATABASE" >"$file" 2>&1
    count="$(awk '/^number of transactions actually processed:/ {print $NF; exit}' "$file")"
    REF_CPUS+=("$(cpu_per_operation "$before" "$(cpu_ticks)" "$((count > 0 ? count : 1))")")
    REF_LOADS+=("$load")
    REF_TPSS+=("$(awk '/^tps = / {printf "%.1f", $3; exit}' "$file")")
    REF_LATENCIES+=("$(awk '/^latency average = / {print $4; exit}' "$file")")
    printf '    %s tps, average latency %s ms (%s transactions)\n' "${REF_TPSS[-1]}" "${REF_LATENCIES[-1]}" "$count" >&2
    printf '    CPU per transaction (us): %s\n' "${REF_CPUS[-1]}" >&2
}

to_hand_over() {
    psql_bench -tAc "SELECT count(*) FROM orders.trade_payments WHERE disposition = 'settled' AND handed_over_at IS NULL"
}

# Until every settled payment was handed over (the sweep, every PAYMENTS_SWEEP_MS), at most HANDOVER_TIMEOUT s.
wait_for_hand_over() {
    local started left
    started="$(date +%s)"
    say "waiting for the hand-over of the settled payments ($(to_hand_over) left)"
    while :; do
        left="$(to_hand_over)"
        [ "$left" -eq 0 ] && break
        if [ $(($(date +%s) - started)) -ge "$HANDOVER_TIMEOUT" ]; then
            fail_msg "$left settled payments still not handed over after $HANDOVER_TIMEOUT s"
            break
        fi
        sleep 1
    done
    DRAIN_SECONDS=$(($(date +%s) - started))
    say "    hand-over finished after $DRAIN_SECONDS s ($left left)"
}

# The audit over the whole cluster (the bench trades are the only ones); AUDIT_OK is 1 when nothing is off.
audit() {
    local line name value
    AUDIT_LINES=()
    AUDIT_OK=1
    while IFS='|' read -r name value; do
        [ -n "$name" ] || continue
        AUDIT[$name]="$value"
    done < <(psql_bench -tA -F '|' <<'SQL'
WITH payments AS (
    SELECT trade_id, count(*) AS n, min(disposition) AS disposition, max(disposition) AS other_disposition,
           min(amount) AS amount, max(amount) AS other_amount, min(transaction_id) AS transaction_id,
           max(transaction_id) AS other_transaction_id
      FROM orders.trade_payments GROUP BY trade_id
),
credits AS (
    SELECT reference, count(*) AS n, min(account_id) AS account_id, max(account_id) AS other_account_id,
           min(balance_change) AS amount, max(balance_change) AS other_amount, bool_and(kind = 'credit') AS credits,
           bool_and(frozen_change = 0) AS unfrozen
      FROM users.wallet_ledger GROUP BY reference
),
ledger AS (
    SELECT account_id, sum(balance_change) AS balance, sum(frozen_change) AS frozen
      FROM users.wallet_ledger GROUP BY account_id
),
paid AS (
    SELECT account_id, sum(amount) AS amount FROM orders.trades WHERE state = 'paid' GROUP BY account_id
)
SELECT 'trades', count(*) FROM orders.trades
UNION ALL SELECT 'paid', count(*) FROM orders.trades WHERE state = 'paid'
UNION ALL SELECT 'open', count(*) FROM orders.trades WHERE state = 'created'
UNION ALL SELECT 'closed', count(*) FROM orders.trades WHERE state = 'closed'
UNION ALL SELECT 'paid_amount', coalesce(sum(amount), 0) FROM orders.trades WHERE state = 'paid'
UNION ALL SELECT 'payments', count(*) FROM orders.trade_payments
UNION ALL SELECT 'paid_without_one_payment', count(*)
  FROM orders.trades t LEFT JOIN payments p ON p.trade_id = t.id
 WHERE t.state = 'paid' AND (p.n IS DISTINCT FROM 1 OR p.disposition <> 'settled' OR p.amount <> t.amount
       OR p.transaction_id IS DISTINCT FROM t.transaction_id)
UNION ALL SELECT 'payments_of_unpaid_trades', count(*)
  FROM orders.trades t JOIN payments p ON p.trade_id = t.id WHERE t.state <> 'paid'
UNION ALL SELECT 'refund_due', count(*) FROM orders.trade_payments WHERE disposition <> 'settled'
UNION ALL SELECT 'not_handed_over', count(*)
  FROM orders.trade_payments WHERE disposition = 'settled' AND handed_over_at IS NULL
UNION ALL SELECT 'ledger_rows', count(*) FROM users.wallet_ledger
UNION ALL SELECT 'paid_without_one_credit', count(*)
  FROM orders.trades t LEFT JOIN credits c ON c.reference = t.trade_no
 WHERE t.state = 'paid' AND (c.n IS DISTINCT FROM 1 OR NOT c.credits OR NOT c.unfrozen
       OR c.account_id <> t.account_id OR c.amount <> t.amount)
UNION ALL SELECT 'credits_without_paid_trade', coalesce(sum(c.n), 0)
  FROM credits c LEFT JOIN orders.trades t ON t.trade_no = c.reference AND t.state = 'paid' WHERE t.id IS NULL
UNION ALL SELECT 'paid_without_key', count(*)
  FROM orders.trades t LEFT JOIN users.idempotency_replies k ON k.key = 'trade-' || t.trade_no
 WHERE t.state = 'paid' AND k.key IS NULL
UNION ALL SELECT 'wallets', count(*) FROM users.wallets
UNION ALL SELECT 'wallets_off_ledger', count(*)
  FROM users.wallets w FULL JOIN ledger l USING (account_id)
 WHERE w.balance IS DISTINCT FROM l.balance OR w.frozen IS DISTINCT FROM l.frozen
UNION ALL SELECT 'wallets_off_trades', count(*)
  FROM users.wallets w FULL JOIN paid p USING (account_id)
 WHERE coalesce(w.balance, 0) <> coalesce(p.amount, 0) OR coalesce(w.frozen, 0) <> 0
UNION ALL SELECT 'balance_total', coalesce(sum(balance), 0) FROM users.wallets;
SQL
    )
    local problems=(paid_without_one_payment payments_of_unpaid_trades refund_due not_handed_over
        paid_without_one_credit credits_without_paid_trade paid_without_key wallets_off_ledger wallets_off_trades)
    for name in "${problems[@]}"; do
        value="${AUDIT[$name]:-missing}"
        if [ "$value" != "0" ]; then
            AUDIT_OK=0
            AUDIT_LINES+=("$name: $value")
        fi
    done
    if [ "${AUDIT[paid_amount]}" != "${AUDIT[balance_total]}" ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("paid amount ${AUDIT[paid_amount]} fen, wallet balances ${AUDIT[balance_total]} fen")
    fi
    # The check's notification, the warm-up's and the measured run's: the SUCCESS answers were paid (the
    # ones in flight when wrk stopped may be paid without an answer counted), and nothing was paid unsent.
    local acknowledged=$((1 + WARMUP_OK)) sent=$((1 + WARMUP_SENT)) run
    for run in "${!N_OKS[@]}"; do
        acknowledged=$((acknowledged + N_OKS[run]))
        sent=$((sent + N_SENTS[run]))
    done
    if [ "${AUDIT[paid]}" -lt "$acknowledged" ] || [ "${AUDIT[paid]}" -gt "$sent" ]; then
        AUDIT_OK=0
        AUDIT_LINES+=("${AUDIT[paid]} trades paid for $acknowledged SUCCESS answers and $sent notifications sent")
    fi
    line="${AUDIT[trades]} trades: ${AUDIT[paid]} paid (${AUDIT[paid_amount]} fen), ${AUDIT[open]} open,"
    line+=" ${AUDIT[closed]} closed; $acknowledged SUCCESS answers of $sent notifications sent;"
    line+=" ${AUDIT[payments]} trade_payments rows, ${AUDIT[not_handed_over]} not handed over;"
    line+=" ${AUDIT[ledger_rows]} wallet credits over ${AUDIT[wallets]} wallets (${AUDIT[balance_total]} fen)"
    if [ "$AUDIT_OK" -eq 1 ]; then
        AUDIT_SUMMARY="passed: $line; every paid trade has one settled payment, handed over, one credit of its"
        AUDIT_SUMMARY+=" amount to its owner and its idempotency key; every balance equals its ledger and its paid trades"
    else
        AUDIT_SUMMARY="FAILED: $line"
        for name in "${AUDIT_LINES[@]}"; do AUDIT_SUMMARY+="; $name"; done
    fi
}

# The SUCCESS answers of all measured runs.
acknowledged_total() {
    local total=0 ok
    for ok in "${N_OKS[@]}"; do total=$((total + ok)); done
    echo "$total"
}

write_report() {
    local n ref ratio_value verdict durability pg_version wrk_version run runs=""
    n="$(median_of "${N_RATES[@]}")"
    ref="$(median_of "${REF_TPSS[@]}")"
    ratio_value="$(ratio "${N_RATES[$n]}" "${REF_TPSS[$ref]}")"
    verdict="$(awk -v r="$ratio_value" -v t="$TARGET" 'BEGIN { print (r + 0 >= t + 0) ? "met" : "missed" }')"
    for run in "${!N_RATES[@]}"; do
        runs+="${runs:+; }run $((run + 1)): ${REF_TPSS[$run]} tps (load ${REF_LOADS[$run]%% *}), then"
        runs+=" ${N_RATES[$run]} notifications/s (load ${N_LOADS[$run]%% *}, p50 ${N_P50S[$run]} ms, p99"
        runs+=" ${N_P99S[$run]} ms), $(ratio "${N_RATES[$run]}" "${REF_TPSS[$run]}")"
    done
    durability="fsync on"
    [ "$NO_FSYNC" = "1" ] && durability="fsync off"
    pg_version="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    wrk_version="$(wrk -v 2>&1 | head -n 1 | awk '{print $2}' || true)"
    {
        echo "### Payments run of $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))," \
            "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r);" \
            "load average $START_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
        echo "- user, orders and gateway $CONFIGURATION builds, PostgreSQL $pg_version (private cluster," \
            "$durability, default memory settings); wrk $wrk_version, -t$THREADS -c$CONNECTIONS"
        echo "- $TRADES measured + $WARMUP_TRADES warm-up open recharge trades over $ACCOUNTS accounts, seeded in" \
            "$SEED_SECONDS s; $RUNS alternating runs of $DURATION each (pgbench, then the notifications), medians below"
        echo
        echo "| Row | What | Throughput | p50 (ms) | p99 (ms) | Notes |"
        echo "| --- | --- | ---: | ---: | ---: | --- |"
        echo "| n | POST /pay/wechat/notify on the gateway, one distinct trade each | ${N_RATES[$n]} notifications/s |" \
            "${N_P50S[$n]} | ${N_P99S[$n]} | run $((n + 1)): ${N_OKS[$n]} SUCCESS in ${N_WINDOWS[$n]} s," \
            "${N_FAILEDS[$n]} not SUCCESS, ${N_SENTS[$n]} sent${N_ERRORS[$n]:+; socket errors ${N_ERRORS[$n]}} |"
        echo "| n-ref | pgbench TPC-B-like, scale $PGBENCH_SCALE, -c$CONNECTIONS -j$THREADS -T" \
            "$(duration_seconds "$DURATION") | ${REF_TPSS[$ref]} tps | - | - | run $((ref + 1)): average latency" \
            "${REF_LATENCIES[$ref]} ms |"
        echo
        echo "- n/n-ref: $ratio_value (target: at least $TARGET; $verdict)"
        echo "- Runs: $runs"
        echo "- CPU per acknowledged notification (us), run $((n + 1)): ${N_CPUS[$n]}"
        echo "- CPU per pgbench transaction (us), run $((ref + 1)): ${REF_CPUS[$ref]}"
        echo "- Settled payments left to hand over when wrk stopped: ${BACKLOGS[*]}; all handed over" \
            "${DRAINS[*]} s later (run by run)"
        for run in "${!N_RATES[@]}"; do
            [ "${N_EXHAUSTEDS[$run]}" = "0" ] || echo "- Run $((run + 1)): the trades ran out before $DURATION" \
                "(${N_EXHAUSTEDS[$run]} wrk threads stopped); its rate is over the ${N_WINDOWS[$run]} s from the" \
                "first request to the last answer"
            [ -z "${N_FIRST_FAILURES[$run]}" ] || echo "- Run $((run + 1)), first answer that was not SUCCESS:" \
                "\`${N_FIRST_FAILURES[$run]}\`"
        done
        echo "- Audit $AUDIT_SUMMARY"
        echo
        echo "Commands: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/out/payments/notify-N.lua" \
            "http://127.0.0.1:<gateway port>/pay/wechat/notify\` and \`pgbench -c$CONNECTIONS -j$THREADS -T" \
            "$(duration_seconds "$DURATION") pgbench\` (after \`pgbench -i -s $PGBENCH_SCALE\`), alternating, $RUNS times."
    } >"$OUT/latest.md"
    cat "$OUT/latest.md"
}

declare -A AUDIT=()
N_RATES=() N_P50S=() N_P99S=() N_OKS=() N_SENTS=() N_FAILEDS=() N_EXHAUSTEDS=() N_WINDOWS=() N_FIRST_FAILURES=()
N_ERRORS=() N_CPUS=() N_LOADS=() BACKLOGS=() DRAINS=() REF_TPSS=() REF_LATENCIES=() REF_CPUS=() REF_LOADS=()
mkdir -p "$OUT"
rm -f "$OUT"/*.xml "$OUT"/*.lua "$OUT"/wrk-*.txt "$OUT"/pgbench*.txt "$OUT"/metrics-*.txt "$OUT/statements.txt" \
    "$OUT/latest.md"
command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
if ! command -v pgbench >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
    PLATFORM_PACKAGES+=(postgresql-contrib)
fi
ensure_packages
build_products "${SERVICES[@]}"
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
start_postgres "$DATABASE" "$PGBENCH_DATABASE"
start_services ORDERS_WECHAT_PAY_APP_ID="$WECHAT_APP_ID" ORDERS_WECHAT_PAY_MCH_ID="$WECHAT_MCH_ID" \
    ORDERS_WECHAT_PAY_API_KEY="$WECHAT_KEY"
say "seeding $((TRADES + WARMUP_TRADES)) open recharge trades over $ACCOUNTS accounts"
seed_trades
write_notifications
check_notification
init_pgbench
warm_up
reset_statements
for run in $(seq 1 "$RUNS"); do
    measure_pgbench "$run"
    measure_notifications "$run"
done
# With PG_STATEMENTS=1: the statements of the measured notifications and their hand-over, per notification.
write_statements "$(acknowledged_total)" notification
audit
write_report
if [ "$AUDIT_OK" -ne 1 ]; then
    fail_msg "the audit found payments that do not add up (see above)"
    exit 1
fi
