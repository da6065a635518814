#!/usr/bin/env bash
# The O2O nearby merchant search through the gateway beside the yaf home page, at several table sizes.
#
#   c-home     a signed yaf system.home POST / on the gateway: decode, signature, gateway -> content (the home
#              page's ads), encode (wrk + Lua, the call of bench/content.sh)
#   m-nearby   GET /api/user/merchants?lng=…&lat=…&radius=RADIUS&page=1&token=… on the gateway with the
#              mini-program's Referer: decode, session (gateway cache, else auth), gateway -> merchants (the
#              nearby query on the partial GiST index of merchants.geo), encode the first page of 20 (wrk + Lua,
#              rotating over the centres of eight large cities)
#
# Gateway, auth, content and merchants run on a fresh private PostgreSQL. For every N of MERCHANTS the merchants
# table is emptied and N approved, open merchants of one operations centre and one category are inserted with one
# INSERT … SELECT … generate_series, then VACUUM (ANALYZE): 90% around the centres of 20 large Chinese cities (normal,
# sigma SIGMA_DEGREES of latitude), 10% uniform over a box holding mainland China (73.5-135 E, 18.2-53.5 N). Then
# c-home and m-nearby are measured, and the service's own nearby query (MerchantDirectory.search, copied here)
# is explained with EXPLAIN (ANALYZE, BUFFERS): with literal values, and as the prepared statement the service's
# pool runs, after five executions (when PostgreSQL may switch it to a generic plan). The report is
# bench/out/merchants/latest.md, with the CPU time each process spent per request (from /proc); the target (at
# 100,000 merchants): m-nearby at least 0.70 of c-home's throughput and its p99 below 3x c-home's.
#
# Environment: MERCHANTS ("10000 100000 1000000"), RADIUS (5000 metres), SIGMA_DEGREES (0.10), DURATION (20s),
# RUNS (3), CONNECTIONS (64), THREADS (2), WARMUP (5s), CONFIGURATION (release; debug for a quick try with the
# binaries `swift build` made), SKIP_BUILD (0), SCRATCH_PATH (.build).
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

MERCHANTS="${MERCHANTS:-10000 100000 1000000}"
RADIUS="${RADIUS:-5000}"
SIGMA_DEGREES="${SIGMA_DEGREES:-0.10}"
DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-5s}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

OUT="$ROOT/bench/out/merchants"
PG_DATA="$ROOT/.data/bench-merchants-postgres"
DATABASE="merchants_bench"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
YAF_APPID="bench_app"
YAF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
O2O_APP="wxdevo2o"
REFERER="https://servicewechat.com/$O2O_APP/0/page-frame.html"
# In this order: auth, content and merchants migrate their schemas before the gateway forwards to them.
SERVICES=(auth content merchants gateway)
STARTED_PIDS=()
CHILD_PID=""
PG_STARTED=0
TOKEN=""
declare -A PORTS=() PIDS=()
REPORT_ROWS=()
SUMMARY_LINES=()

# Twenty city centres (GCJ-02 degrees, as the mini-program's location API gives them): the seed's clusters.
# The first eight are the points m-nearby asks about, in turn.
CITIES=(
    "北京 116.397128 39.916527" "上海 121.473701 31.230416" "广州 113.264385 23.129112"
    "深圳 114.057868 22.543099" "成都 104.066541 30.572269" "杭州 120.155070 30.274085"
    "武汉 114.305393 30.593099" "西安 108.940175 34.341568" "重庆 106.551557 29.563010"
    "南京 118.796877 32.060255" "天津 117.200983 39.084158" "苏州 120.585316 31.298886"
    "郑州 113.625368 34.746599" "长沙 112.938814 28.228209" "沈阳 123.431474 41.805698"
    "青岛 120.382640 36.067082" "昆明 102.832892 24.880095" "哈尔滨 126.534967 45.803775"
    "厦门 118.089425 24.479833" "乌鲁木齐 87.616848 43.825592"
)
QUERY_POINTS=8

trap cleanup EXIT
trap 'exit 130' INT TERM

# An O2O session for the whole run: wxLogin through the gateway with the development test code `user`, the
# mini-program's appid in WeChat's Referer.
o2o_login() {
    local answer
    answer="$(curl -sS --max-time 10 -H "Referer: $REFERER" --data 'code=user' \
        "http://127.0.0.1:${PORTS[gateway]}/api/user/wxLogin")"
    TOKEN="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["data"]["token"])' "$answer" 2>/dev/null || true)"
    if [[ ! "$TOKEN" =~ ^[0-9a-f]{32}$ ]]; then
        fail_msg "wxLogin with the test code did not give a token: $answer"
        exit 1
    fi
    say "O2O session from wxLogin (test code user)"
}

# One operations centre (the development O2O mini-program) and one category, once.
seed_centre_and_category() {
    psql_bench <<SQL
INSERT INTO merchants.operation_centres (name, app_id) VALUES ('压测运营中心', '$O2O_APP');
INSERT INTO merchants.merchant_categories (name) VALUES ('美食');
SQL
}

# N merchants in place of the previous ones, then VACUUM (ANALYZE): the table as autovacuum keeps it in service,
# its visibility map set, so the nearby search's index-only scan needs no heap fetch (a table bulk-loaded a second
# ago would make the planner read the heap instead). Sets SEED_SECONDS and TABLE_SIZE.
seed_merchants() {
    local count="$1" values="" city name lng lat index=0
    for city in "${CITIES[@]}"; do
        read -r name lng lat <<<"$city"
        values+="${values:+, }($index, '$name', $lng, $lat)"
        index=$((index + 1))
    done
    local started
    started="$(date +%s.%N)"
    psql_bench <<SQL
TRUNCATE merchants.merchants RESTART IDENTITY CASCADE;
WITH cities (k, city, lng, lat) AS (VALUES $values),
drawn AS (
    SELECT i, floor(random() * ${#CITIES[@]})::int AS k, random() < 0.1 AS scattered,
           sqrt(-2 * ln(1 - random())) AS r, 2 * pi() * random() AS theta, random() AS u, random() AS v
      FROM generate_series(1, $count) AS i
)
INSERT INTO merchants.merchants (oper_id, category_id, name, address, city, lng, lat, weight, approval, status)
SELECT (SELECT min(id) FROM merchants.operation_centres), (SELECT min(id) FROM merchants.merchant_categories),
       '压测商户 ' || d.i, '测试路 ' || d.i || ' 号', CASE WHEN d.scattered THEN '' ELSE c.city END,
       CASE WHEN d.scattered THEN 73.5 + 61.5 * d.u
            ELSE c.lng + $SIGMA_DEGREES * d.r * cos(d.theta) / cos(radians(c.lat)) END,
       CASE WHEN d.scattered THEN 18.2 + 35.3 * d.v ELSE c.lat + $SIGMA_DEGREES * d.r * sin(d.theta) END,
       floor(random() * 1000)::int, 'approved', 1
  FROM drawn d JOIN cities c USING (k);
VACUUM (ANALYZE) merchants.merchants;
SQL
    SEED_SECONDS="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
    TABLE_SIZE="$(psql_bench -tAc "SELECT pg_size_pretty(pg_total_relation_size('merchants.merchants'))
        || ' (heap ' || pg_size_pretty(pg_relation_size('merchants.merchants')) || ', GiST '
        || pg_size_pretty(pg_relation_size('merchants.merchants_listed_geo_id')) || ')'")"
}

# The wrk script of m-nearby: the requests for the first QUERY_POINTS city centres, built once per thread,
# taken in turn (each thread starts at another point).
write_nearby_script() {
    local points="" city name lng lat index=0
    for city in "${CITIES[@]}"; do
        [ "$index" -lt "$QUERY_POINTS" ] || break
        read -r name lng lat <<<"$city"
        points+="{\"$lng\", \"$lat\"}, "
        index=$((index + 1))
    done
    cat >"$OUT/m-nearby.lua" <<LUA
local points = {$points}
local requests = {}
local next_id = 0
wrk.headers["Referer"] = "$REFERER"
function setup(thread)
    next_id = next_id + 1
    thread:set("id", next_id)
end
function init(args)
    for i, point in ipairs(points) do
        requests[i] = wrk.format("GET", "/api/user/merchants?lng=" .. point[1] .. "&lat=" .. point[2]
            .. "&radius=$RADIUS&page=1&token=$TOKEN")
    end
    counter = (id or 0) % #requests
end
function request()
    counter = counter % #requests + 1
    return requests[counter]
end
LUA
}

# Asks for every query point once with curl: code 0 and a full first page, else the run stops. Sets
# CIRCLE_TOTALS (the total in the circle at each point).
check_nearby() {
    local city name lng lat index=0 answer totals=()
    for city in "${CITIES[@]}"; do
        [ "$index" -lt "$QUERY_POINTS" ] || break
        read -r name lng lat <<<"$city"
        answer="$(curl -sS --max-time 10 -H "Referer: $REFERER" \
            "http://127.0.0.1:${PORTS[gateway]}/api/user/merchants?lng=$lng&lat=$lat&radius=$RADIUS&page=1&token=$TOKEN")"
        totals+=("$(python3 - "$answer" "$name" <<'PYTHON'
import json, sys
answer = json.loads(sys.argv[1])
data = answer.get("data") or {}
if answer.get("code") != 0 or len(data.get("list", [])) == 0:
    sys.exit("%s: %s" % (sys.argv[2], sys.argv[1][:300]))
print("%s %d" % (sys.argv[2], data["total"]))
PYTHON
        )") || { fail_msg "the nearby search did not answer a list at $name"; exit 1; }
        index=$((index + 1))
    done
    CIRCLE_TOTALS="$(IFS=','; echo "${totals[*]}" | sed 's/,/, /g')"
}

# CPU microseconds per request between two cpu_ticks readings over REQUESTS requests.
cpu_per_request() {
    local names=("${SERVICES[@]}" postgres machine)
    awk -v before="$1" -v after="$2" -v requests="$3" -v names="${names[*]}" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        n = split(before, b, " "); split(after, a, " "); split(names, label, " ")
        for (i = 1; i <= n; i++) printf "%s%s %.0f", (i > 1 ? ", " : ""), label[i], (a[i] - b[i]) * 1e6 / hz / requests
    }'
}

# wrk RUNS times against the gateway; sets RATE, P50, P99 and NOTE of the median run, and CPU (microseconds of
# CPU per request of each process over all runs). KIND is `yaf METHOD PARAMS` (signed afresh before every run)
# or `lua SCRIPT`.
measure() {
    local name="$1" url="$2" kind="$3" method="" params="" script=""
    if [ "$kind" = yaf ]; then
        method="$4" params="$5" script="$OUT/$name.lua"
        prepare_yaf_call "$name" "$method" "$params"
    else
        script="$4"
    fi
    say "($name) warm-up $WARMUP, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" \
        >"$OUT/wrk-$name-warmup.txt" 2>&1 || true
    local rates=() p50s=() p99s=() notes=() run file requests=0 ticks_before
    ticks_before="$(cpu_ticks)"
    for run in $(seq 1 "$RUNS"); do
        [ -z "$method" ] || prepare_yaf_call "$name" "$method" "$params"
        file="$OUT/wrk-$name-$run.txt"
        run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" >"$file" 2>&1
        requests=$((requests + $(awk '/requests in/ {print $1}' "$file")))
        rates+=("$(awk '/^Requests\/sec:/ {print $2}' "$file")")
        p50s+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
        p99s+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
        notes+=("$(awk '/requests in/ {total = $1} /Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {
            for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i }
            END {printf "%s requests, %d errors", total, n}' "$file")")
        printf '    run %s: %s req/s, p50 %s ms, p99 %s ms (%s; load %s)\n' "$run" "${rates[-1]}" "${p50s[-1]}" \
            "${p99s[-1]}" "${notes[-1]}" "$(cut -d' ' -f1 /proc/loadavg)" >&2
    done
    local median
    median="$(median_of "${rates[@]}")"
    RATE="${rates[$median]}"
    P50="${p50s[$median]}"
    P99="${p99s[$median]}"
    NOTE="${notes[$median]}"
    CPU="$(cpu_per_request "$ticks_before" "$(cpu_ticks)" "$requests")"
    printf '    CPU per request (us): %s\n' "$CPU" >&2
}

# The SQL MerchantDirectory.search sends for a point with a radius (no city, keyword or category), page 1 of 20,
# copied from Services/Merchants/Core/Merchants/MerchantDirectory.swift and MerchantRecord.swift: with $1…$9 as
# the service binds them (prepared.sql), and with the values of the first city written in (literal.sql).
write_nearby_sql() {
    local name lng lat
    read -r name lng lat <<<"${CITIES[0]}"
    python3 - "$lng" "$lat" "$RADIUS" "$OUT" <<'PYTHON'
import math, sys
lng, lat, radius, out = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
earth = 6_371_008.8
# MerchantSearch.boundingBox
lat_degrees = radius / earth * 180 / math.pi
shrink = math.cos(min(90, abs(lat) + lat_degrees) * math.pi / 180)
lng_degrees = 360 if shrink < 1e-6 else min(360, lat_degrees / shrink)
box = (lng_degrees * 1.0001, lat_degrees * 1.0001)
distance = """round(6371008.8 * 2 * asin(least(1, sqrt(
    power(sin(radians(m.geo[1] - $2::double precision) / 2), 2)
    + cos(radians($2::double precision)) * cos(radians(m.geo[1]))
      * power(sin(radians(m.geo[0] - $1::double precision) / 2), 2)))))::bigint"""
columns = """m.id, m.oper_id, o.app_id AS oper_app_id, m.category_id, c.name AS category_name, m.name, m.brand, m.region,
m.address, m.province, m.province_id, m.city, m.city_id, m.area, m.area_id,
trim_scale(m.lng)::text AS lng, trim_scale(m.lat)::text AS lat,
to_char(m.opens_at, 'HH24:MI:SS') AS opens_at, to_char(m.closes_at, 'HH24:MI:SS') AS closes_at,
m.logo, m.desc_pic, m.description, m.contacter, m.contacter_phone, m.lowest_amount, m.weight,
m.approval, m.status"""
joins = """merchants.merchants m
JOIN merchants.merchant_categories c ON c.id = m.category_id
JOIN merchants.operation_centres o ON o.id = m.oper_id"""
sql = f"""WITH found AS (
    SELECT m.id, {distance} AS distance
      FROM merchants.merchants m
     WHERE m.approval = 'approved'
   AND m.status = 1
   AND m.geo <@ box(point($3::double precision, $4::double precision), point($5::double precision, $6::double precision))
),
within AS (SELECT * FROM found WHERE distance <= $7::double precision),
page AS (SELECT * FROM within ORDER BY distance, id LIMIT $8::bigint OFFSET $9::bigint)
SELECT t.total, {columns}, page.distance
  FROM (SELECT count(*) AS total FROM within) t
  LEFT JOIN page ON true
  LEFT JOIN {joins} ON m.id = page.id
 ORDER BY page.distance, page.id"""
values = [lng, lat, lng - box[0], lat - box[1], lng + box[0], lat + box[1], radius, 20, 0]
literal = sql
for index in range(9, 0, -1):
    literal = literal.replace(f"${index}::", f"{values[index - 1]!r}::")
arguments = ", ".join(repr(value) for value in values)
with open(f"{out}/nearby-literal.sql", "w") as file:
    file.write(literal + "\n")
with open(f"{out}/nearby-prepared.sql", "w") as file:
    file.write("PREPARE nearby (float8, float8, float8, float8, float8, float8, float8, int8, int8) AS\n" + sql + ";\n")
with open(f"{out}/nearby-arguments.txt", "w") as file:
    file.write(arguments + "\n")
PYTHON
}

# EXPLAIN (ANALYZE, BUFFERS) of the nearby query at N merchants, after the measured runs (warm buffers): with
# literal values (on the second execution), and as a prepared statement on its sixth execution (the plan the service's connections use
# once PostgreSQL's plan cache has decided between custom and generic plans). Writes explain-N.txt.
explain_nearby() {
    local count="$1" arguments
    arguments="$(cat "$OUT/nearby-arguments.txt")"
    {
        echo "-- literal values"
        psql_bench <<SQL
\o /dev/null
$(cat "$OUT/nearby-literal.sql");
\o
EXPLAIN (ANALYZE, BUFFERS) $(cat "$OUT/nearby-literal.sql");
SQL
        echo "-- prepared, sixth execution"
        psql_bench <<SQL
$(cat "$OUT/nearby-prepared.sql")
\o /dev/null
EXECUTE nearby ($arguments);
EXECUTE nearby ($arguments);
EXECUTE nearby ($arguments);
EXECUTE nearby ($arguments);
EXECUTE nearby ($arguments);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE nearby ($arguments);
SQL
    } >"$OUT/explain-$count.txt" 2>&1
    EXPLAIN_SUMMARY="$(python3 - "$OUT/explain-$count.txt" <<'PYTHON'
import re, sys
text = open(sys.argv[1]).read()
literal, prepared = text.split("-- prepared, sixth execution")
def summary(plan):
    times = re.findall(r"Execution Time: ([0-9.]+) ms", plan)
    index = re.search(r"(Bitmap Index Scan on|Index Scan using|Index Only Scan using) merchants_listed_geo\w*.*?rows=(\d+) loops", plan)
    heap = re.search(r"Heap Blocks: ([^\n]+)", plan)
    seq = "Seq Scan on merchants" in plan
    access = ("%s merchants_listed_geo_id, %s rows in the box" % (index.group(1), index.group(2))) if index \
        else ("Seq Scan on merchants" if seq else "no geo index scan")
    generic = "generic plan ($n in the plan)" if re.search(r"\$\d", plan) else "custom plan"
    buffers = re.search(r"Buffers: ([^\n]+)", plan)
    return "%s; %s%s; top buffers %s; execution %s ms" % (
        generic, access, ("; heap blocks " + heap.group(1).strip()) if heap else "",
        buffers.group(1).strip() if buffers else "?", times[-1] if times else "?")
print("literal: " + summary(literal))
print("prepared: " + summary(prepared))
PYTHON
)"
}

mkdir -p "$OUT"
rm -rf "$OUT/files" "$OUT"/explain-*.txt
command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
ensure_packages
build_products "${SERVICES[@]}"
start_bench_postgres "$DATABASE"
start_services CONTENT_FILES_DIR="$OUT/files" SEED_DEMO_MERCHANTS=false \
    GATEWAY_YAF_APP_SECRETS="$YAF_APPID:$YAF_SECRET"
o2o_login
seed_centre_and_category
write_nearby_script
write_nearby_sql

gateway_url="http://127.0.0.1:${PORTS[gateway]}"
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
for count in $MERCHANTS; do
    say "seeding $count merchants"
    seed_merchants "$count"
    check_nearby
    say "seeded $count merchants in $SEED_SECONDS s, $TABLE_SIZE; in the circle: $CIRCLE_TOTALS"
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    measure c-home "$gateway_url/" yaf system.home '{}'
    HOME_RATE="$RATE" HOME_P50="$P50" HOME_P99="$P99" HOME_NOTE="$NOTE" HOME_CPU="$CPU"
    measure m-nearby "$gateway_url/api/user/merchants" lua "$OUT/m-nearby.lua"
    check_nearby
    explain_nearby "$count"
    rate_ratio="$(ratio "$RATE" "$HOME_RATE")"
    p99_ratio="$(ratio "$P99" "$HOME_P99")"
    REPORT_ROWS+=("| $count | c-home | $HOME_RATE | $HOME_P50 | $HOME_P99 | | $HOME_NOTE |")
    REPORT_ROWS+=("| $count | m-nearby | $RATE | $P50 | $P99 | $rate_ratio req/s, $p99_ratio p99 | $NOTE |")
    SUMMARY_LINES+=("- $count merchants: seeded in $SEED_SECONDS s, table $TABLE_SIZE; total in the $RADIUS m circle at the query points: $CIRCLE_TOTALS; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after")
    SUMMARY_LINES+=("  - CPU per request (us), c-home: $HOME_CPU; m-nearby: $CPU")
    SUMMARY_LINES+=("  - EXPLAIN $(echo "$EXPLAIN_SUMMARY" | sed -n 1p)")
    SUMMARY_LINES+=("  - EXPLAIN $(echo "$EXPLAIN_SUMMARY" | sed -n 2p)")
    printf '%s\n' "${SUMMARY_LINES[@]: -4}" >&2
done

{
    echo "### Merchants run of $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))," \
        "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r);" \
        "load average $START_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    pg_version="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    wrk_version="$(wrk -v 2>&1 | head -n 1 | awk '{print $2}' || true)"
    echo "- gateway, auth, content and merchants $CONFIGURATION builds, PostgreSQL $pg_version (private cluster," \
        "fsync off, default memory settings); wrk $wrk_version, -t$THREADS -c$CONNECTIONS, median of $RUNS x" \
        "$DURATION after a $WARMUP warm-up"
    echo "- m-nearby: radius $RADIUS m, page 1 (20), one O2O session (wxLogin test code), rotating over" \
        "$QUERY_POINTS city centres; merchants 90% around 20 city centres (sigma $SIGMA_DEGREES degrees)," \
        "10% uniform over mainland China's box"
    echo
    echo "| N | Scenario | req/s | p50 (ms) | p99 (ms) | m-nearby / c-home | Notes |"
    echo "| ---: | --- | ---: | ---: | ---: | --- | --- |"
    printf '%s\n' "${REPORT_ROWS[@]}"
    echo
    echo "Target at 100,000 merchants: m-nearby req/s at least 0.70 of c-home's, p99 below 3x c-home's."
    echo
    printf '%s\n' "${SUMMARY_LINES[@]}"
    echo
    echo "Nearby query (MerchantDirectory.search), values of the first point: bench/out/merchants/nearby-literal.sql"
    for count in $MERCHANTS; do
        echo
        echo "EXPLAIN (ANALYZE, BUFFERS) at $count merchants:"
        echo
        echo '```'
        cat "$OUT/explain-$count.txt"
        echo '```'
    done
} >"$OUT/latest.md"
cat "$OUT/latest.md"
