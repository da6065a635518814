# Helpers every benchmark script shares: running a measurement so signals reach the script's trap,
# reading wrk's figures, and picking the median run. Sourced by bench/*.sh.

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
