# Helpers every benchmark script shares: running a measurement so signals reach the script's trap,
# reading wrk's figures, picking the median run, ratios and the CPU time each process spent. Sourced by bench/*.sh.

# Runs a measuring command in the background and waits for it, so a signal reaches the trap at once.
run_child() {
    "$@" &
    CHILD_PID=$!
    local status=0
    wait "$CHILD_PID" || status=$?
    CHILD_PID=""
    return "$status"
}

# Turns a wrk latency figure (850.00us, 1.20ms, 1.01s, 1.00m) into milliseconds.
to_milliseconds() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000
        else if (v ~ /ms$/) n = n
        else if (v ~ /m$/) n = n * 60000
        else if (v ~ /s$/) n = n * 1000
        printf "%.3f", n
    }'
}

# Seconds in a wrk-style duration: 20, 20s, 2m, 1h.
duration_seconds() {
    local value="$1"
    case "$value" in
        *s) echo "${value%s}" ;;
        *m) echo "$(( ${value%m} * 60 ))" ;;
        *h) echo "$(( ${value%h} * 3600 ))" ;;
        *) echo "$value" ;;
    esac
}

# The index of the run with the median value among the arguments (the lower middle one for an even count).
median_of() {
    local values=("$@") index
    local position=$(( (${#values[@]} - 1) / 2 ))
    for index in "${!values[@]}"; do printf '%s %s\n' "${values[$index]}" "$index"; done \
        | sort -g | sed -n "$((position + 1))p" | awk '{print $2}'
}

# The ratio A / B with two decimals ("n/a" when B is 0).
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}

# The value after "KEY: " in wrk's output FILE (the lines a Lua done() writes).
wrk_figure() {
    awk -v key="$2:" '$1 == key { $1 = ""; sub(/^ /, ""); print; exit }' "$1"
}

# CPU clock ticks used so far by each of SERVICES (PIDS), by the PostgreSQL cluster of PG_DATA (postmaster, its
# processes and the ones that ended) and by the whole machine (every process: the load generator, and whatever
# else runs).
cpu_ticks() {
    local name pid value cluster=0 postmaster
    for name in "${SERVICES[@]}"; do printf '%s ' "$(awk '{print $14 + $15}' "/proc/${PIDS[$name]}/stat")"; done
    postmaster="$(head -n 1 "$PG_DATA/postmaster.pid")"
    for pid in "$postmaster" $(pgrep -P "$postmaster"); do
        value="$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || true)"
        cluster=$((cluster + ${value:-0}))
    done
    printf '%s %s\n' "$cluster" "$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}

# CPU microseconds per operation (an answer, a notification, a transaction) between two cpu_ticks readings over
# COUNT operations; "rest" is the machine minus the services and the cluster (the load generator and anything
# else).
cpu_per_operation() {
    local names=("${SERVICES[@]}" postgres machine)
    awk -v before="$1" -v after="$2" -v count="$3" -v names="${names[*]}" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        n = split(before, b, " "); split(after, a, " "); split(names, label, " ")
        for (i = 1; i <= n; i++) {
            used[i] = (a[i] - b[i]) * 1e6 / hz / count
            printf "%s%s %.0f", (i > 1 ? ", " : ""), label[i], used[i]
            if (i < n) known += used[i]
        }
        printf ", rest %.0f", used[n] - known
    }'
}
