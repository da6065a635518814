#!/usr/bin/env bash
# Content reads through the gateway beside the gateway's own health answer, on one machine.
#
#   g-echo  GET /health on the gateway: what the gateway answers without any hop (wrk)
#   g-hop   GET /services/content/health on the gateway: the hop alone, gateway -> content /health (wrk)
#   c-home  a signed yaf system.home POST / on the gateway: decode, signature, gateway -> content (the home
#           page's ads), encode (wrk + Lua)
#   c-news  a signed yaf news.list (cat_id -1, page 1) POST / on the gateway, the same way (wrk + Lua)
#
# The content service starts on a fresh database with its demo content. The script prints each content
# read against both references and writes bench/out/content/latest.md. The target (at least 0.70) is read
# against g-hop: the content path should cost little beyond the hop to the service; against g-echo, which
# makes no hop at all, the ratios are shown for reference.
#
# Environment: DURATION (20s), RUNS (3), CONNECTIONS (64), THREADS (2), WARMUP (2s), CONFIGURATION (release;
# debug for a quick try with the binaries `swift build` made), SKIP_BUILD (0), SCRATCH_PATH (.build).
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

DURATION="${DURATION:-20s}"
RUNS="${RUNS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-2s}"
CONFIGURATION="${CONFIGURATION:-release}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

OUT="$ROOT/bench/out/content"
PG_DATA="$ROOT/.data/bench-content-postgres"
DATABASE="content_bench"
INTERNAL_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
YAF_APPID="bench_app"
YAF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
# In this order: content migrates its schema before the gateway forwards to it.
SERVICES=(content gateway)
STARTED_PIDS=()
CHILD_PID=""
PG_STARTED=0
declare -A PORTS=() PIDS=()

trap cleanup EXIT
trap 'exit 130' INT TERM

# wrk RUNS times against the gateway; sets RATE, P50, P99 and NOTE of the median run. With a yaf METHOD,
# the request is that signed call.
measure() {
    local name="$1" url="$2" method="${3:-}" params="${4:-}"
    local options=()
    if [ -n "$method" ]; then
        prepare_yaf_call "$name" "$method" "$params"
        options=(-s "$OUT/$name.lua")
    fi
    say "($name) warm-up $WARMUP"
    run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${options[@]}" "$url" \
        >"$OUT/wrk-$name-warmup.txt" 2>&1 || true
    local rates=() p50s=() p99s=() notes=() run file
    for run in $(seq 1 "$RUNS"); do
        [ -z "$method" ] || prepare_yaf_call "$name" "$method" "$params"
        file="$OUT/wrk-$name-$run.txt"
        run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${options[@]}" "$url" >"$file" 2>&1
        rates+=("$(awk '/^Requests\/sec:/ {print $2}' "$file")")
        p50s+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
        p99s+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
        notes+=("$(awk '/requests in/ {total = $1} /Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {
            for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i }
            END {printf "%s requests, %d errors", total, n}' \
            "$file")")
        printf '    run %s: %s req/s, p50 %s ms, p99 %s ms (%s)\n' "$run" "${rates[-1]}" "${p50s[-1]}" "${p99s[-1]}" \
            "${notes[-1]}" >&2
    done
    local median
    median="$(median_of "${rates[@]}")"
    RATE="${rates[$median]}"
    P50="${p50s[$median]}"
    P99="${p99s[$median]}"
    NOTE="${notes[$median]}"
}

verdict() {
    awk -v r="$1" 'BEGIN { print (r + 0 >= 0.70) ? "met" : "missed" }'
}

mkdir -p "$OUT"
rm -rf "$OUT/files"
command -v wrk >/dev/null 2>&1 || PLATFORM_PACKAGES+=(wrk)
ensure_packages
build_products gateway content
start_bench_postgres "$DATABASE"
start_services CONTENT_FILES_DIR="$OUT/files" GATEWAY_YAF_APP_SECRETS="$YAF_APPID:$YAF_SECRET"

gateway_url="http://127.0.0.1:${PORTS[gateway]}"
measure g-echo "$gateway_url/health"
ECHO_RATE="$RATE" ECHO_P50="$P50" ECHO_P99="$P99" ECHO_NOTE="$NOTE"
measure g-hop "$gateway_url/services/content/health"
HOP_RATE="$RATE" HOP_P50="$P50" HOP_P99="$P99" HOP_NOTE="$NOTE"
measure c-home "$gateway_url/" system.home '{}'
HOME_RATE="$RATE" HOME_P50="$P50" HOME_P99="$P99" HOME_NOTE="$NOTE"
measure c-news "$gateway_url/" news.list '{"cat_id": -1, "page": 1}'
NEWS_RATE="$RATE" NEWS_P50="$P50" NEWS_P99="$P99" NEWS_NOTE="$NOTE"

home_ratio="$(ratio "$HOME_RATE" "$HOP_RATE")"
news_ratio="$(ratio "$NEWS_RATE" "$HOP_RATE")"
{
    echo "### Content run of $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))," \
        "kernel $(uname -r)"
    pg_version="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    wrk_version="$(wrk -v 2>&1 | head -n 1 | awk '{print $2}' || true)"
    echo "- gateway and content $CONFIGURATION builds, demo content, PostgreSQL $pg_version (private cluster," \
        "fsync off); load generator wrk $wrk_version, -t$THREADS -c$CONNECTIONS, median of $RUNS x $DURATION"
    echo
    echo "| Scenario | What | req/s | p50 (ms) | p99 (ms) | Notes |"
    echo "| --- | --- | ---: | ---: | ---: | --- |"
    echo "| g-echo | GET /health on the gateway | $ECHO_RATE | $ECHO_P50 | $ECHO_P99 | $ECHO_NOTE |"
    echo "| g-hop | GET /services/content/health (gateway -> content) | $HOP_RATE | $HOP_P50 | $HOP_P99 | $HOP_NOTE |"
    echo "| c-home | yaf system.home through the gateway | $HOME_RATE | $HOME_P50 | $HOME_P99 | $HOME_NOTE |"
    echo "| c-news | yaf news.list through the gateway | $NEWS_RATE | $NEWS_P50 | $NEWS_P99 | $NEWS_NOTE |"
    echo
    echo "- c-home/g-hop: $home_ratio (target: at least 0.70; $(verdict "$home_ratio"))"
    echo "- c-news/g-hop: $news_ratio (target: at least 0.70; $(verdict "$news_ratio"))"
    echo "- c-home/g-echo: $(ratio "$HOME_RATE" "$ECHO_RATE"), c-news/g-echo: $(ratio "$NEWS_RATE" "$ECHO_RATE")" \
        "(no hop in g-echo; for reference)"
} >"$OUT/latest.md"
cat "$OUT/latest.md"
