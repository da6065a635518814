# wrk Lua scripts that count only the answers a run expects, shared by bench/train.sh, bench/payments.sh and
# bench/o2o.sh: the counting part (counting_lua), a script sending one fixed request (counted_request_lua), one
# sending each line of a file once (send_once_lua), and running wrk with such a script (run_counting_wrk).
# Sourced after bench/lib/measure.sh; the script sets OUT, THREADS and CONNECTIONS.

# The Lua that counts the answers (ACCEPTED is a Lua expression over status and body) and reports in done():
# bench-sent, bench-success (answers that pass), bench-failed (the others; the first one kept in
# bench-first-failure), bench-exhausted-threads, bench-window-seconds and bench-rate (successes per second of
# the window: the run's duration, or the time from the first request to the last answer when a send-once
# script ran out of lines). Its count_answer(status, body) is what a response() calls.
counting_lua() {
    local accepted="$1"
    cat <<LUA
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
function now()
    ffi.C.clock_gettime(1, clock)
    return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end
local threads, created = {}, 0
-- Globals: read from each thread by done().
sent, successes, failures, exhausted, started_at, last_answer_at, first_failure = 0, 0, 0, 0, 0, 0, ""

function setup(thread)
    thread:set("index", created)
    created = created + 1
    table.insert(threads, thread)
end

local function accepted(status, body)
    return $accepted
end

function count_answer(status, body)
    if accepted(status, body) then
        successes = successes + 1
    else
        failures = failures + 1
        if first_failure == "" then first_failure = status .. " " .. string.sub(body or "", 1, 300) end
    end
    last_answer_at = now()
end

function done(summary, latency, requests_summary)
    local total_sent, ok, failed, stopped, first, last, sample = 0, 0, 0, 0, nil, 0, ""
    for _, thread in ipairs(threads) do
        total_sent = total_sent + thread:get("sent")
        ok = ok + thread:get("successes")
        failed = failed + thread:get("failures")
        stopped = stopped + thread:get("exhausted")
        local started = thread:get("started_at")
        if started > 0 and (first == nil or started < first) then first = started end
        last = math.max(last, thread:get("last_answer_at"))
        if sample == "" then sample = thread:get("first_failure") end
    end
    local window = summary.duration / 1e6
    if stopped > 0 and first ~= nil and last > first then window = last - first end
    if total_sent == 0 then total_sent = summary.requests end
    io.write(string.format("bench-sent: %d\n", total_sent))
    io.write(string.format("bench-success: %d\n", ok))
    io.write(string.format("bench-failed: %d\n", failed))
    io.write(string.format("bench-exhausted-threads: %d\n", stopped))
    io.write(string.format("bench-window-seconds: %.3f\n", window))
    io.write(string.format("bench-rate: %.1f\n", ok / window))
    if sample ~= "" then io.write("bench-first-failure: " .. (string.gsub(sample, "%s+", " ")) .. "\n") end
end
LUA
}

# counted_request_lua ACCEPTED: the response() of a script whose request is wrk's own (the URL, or wrk.method,
# wrk.headers and wrk.body set above it), counting every answer with counting_lua's ACCEPTED.
counted_request_lua() {
    counting_lua "$1"
    cat <<'LUA'
function response(status, headers, body)
    count_answer(status, body)
end
LUA
}

# send_once_lua FILE METHOD PATH HEADERS ACCEPTED MARK: a script sending each line of FILE once as the body of
# METHOD PATH with HEADERS (a Lua table), thread i of THREADS taking lines i, i + THREADS, … (built into requests
# at init). Answers pass as ACCEPTED (counting_lua). Once a thread's lines are all sent, a connection that comes
# back for more waits (delay) while the requests in flight are answered; then the thread stops, and the rate is
# taken over the time from the first request to the last answer. Only a wait of a minute would send GET /health
# instead, which is not counted: after the lines ran out, only an answer containing MARK (a text every real
# answer has, /health's does not) counts.
send_once_lua() {
    local file="$1" method="$2" path="$3" headers="$4" accepted="$5" mark="$6"
    counting_lua "$accepted"
    cat <<LUA
local bodies, thread_count, method, path, headers, mark = "$file", $THREADS, "$method", "$path", $headers, [=[$mark]=]
local requests, position, filler, verifying = {}, 0, nil, false

function init(args)
    local line_number = 0
    for line in io.lines(bodies) do
        if line_number % thread_count == index then
            requests[#requests + 1] = wrk.format(method, path, headers, line)
        end
        line_number = line_number + 1
    end
    filler = wrk.format("GET", "/health")
    verifying = index == 0
end

local function stop_when_answered()
    if exhausted == 1 and successes + failures >= sent then wrk.thread:stop() end
end

function delay()
    if position == #requests and not verifying then
        exhausted = 1
        stop_when_answered()
        return 60000
    end
    return 0
end

function request()
    -- wrk calls request() once on thread 0 right after init to check the request, and sends nothing.
    if verifying then
        verifying = false
        return requests[1] or filler
    end
    if position == #requests then
        exhausted = 1
        stop_when_answered()
        return filler
    end
    if position == 0 then started_at = now() end
    position = position + 1
    sent = position
    local next_request = requests[position]
    requests[position] = false
    return next_request
end

function response(status, headers, body)
    if exhausted == 0 or (body ~= nil and string.find(body, mark, 1, true)) then count_answer(status, body) end
    stop_when_answered()
end
LUA
}

# run_counting_wrk NAME LENGTH SCRIPT URL: wrk -tTHREADS -cCONNECTIONS for LENGTH with SCRIPT (one written with
# counting_lua), its output in OUT/wrk-NAME.txt; stops the run when wrk did not report.
run_counting_wrk() {
    local name="$1" length="$2" script="$3" url="$4" output="$OUT/wrk-$1.txt"
    run_child wrk -t"$THREADS" -c"$CONNECTIONS" -d"$length" --latency -s "$script" "$url" >"$output" 2>&1
    if ! grep -q '^bench-rate:' "$output"; then
        fail_msg "wrk ($name) did not report; its output:"
        cat "$output" >&2
        exit 1
    fi
}

# measure_counted_run SCENARIO RUN PREFIX [ARG...]: measured run RUN of SCENARIO for DURATION through the
# script's run_wrk SCENARIO NAME LENGTH [ARG...] (which writes OUT/wrk-NAME.txt with run_counting_wrk), with the
# CPU time of each process per successful answer (cpu_ticks) and the load average at its start. Appends its
# figures to the arrays PREFIXRATES, PREFIXP50S, PREFIXP99S, PREFIXOKS, PREFIXFAILEDS, PREFIXEXHAUSTEDS,
# PREFIXWINDOWS, PREFIXFIRSTS, PREFIXERRORS, PREFIXCPUS and PREFIXLOADS, and prints them.
measure_counted_run() {
    local scenario="$1" run="$2" prefix="$3" file="$OUT/wrk-$1-$2.txt" load before ok
    shift 3
    local -n rates="${prefix}RATES" p50s="${prefix}P50S" p99s="${prefix}P99S" oks="${prefix}OKS"
    local -n faileds="${prefix}FAILEDS" exhausteds="${prefix}EXHAUSTEDS" windows="${prefix}WINDOWS"
    local -n firsts="${prefix}FIRSTS" errors="${prefix}ERRORS" cpus="${prefix}CPUS" loads="${prefix}LOADS"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    say "($scenario) run $run: -t$THREADS -c$CONNECTIONS -d$DURATION; load average $load"
    before="$(cpu_ticks)"
    run_wrk "$scenario" "$scenario-$run" "$DURATION" "$@"
    ok="$(wrk_figure "$file" bench-success)"
    cpus+=("$(cpu_per_operation "$before" "$(cpu_ticks)" "$((ok > 0 ? ok : 1))")")
    loads+=("$load")
    oks+=("$ok")
    rates+=("$(wrk_figure "$file" bench-rate)")
    p50s+=("$(to_milliseconds "$(awk '$1 == "50%" {print $2}' "$file")")")
    p99s+=("$(to_milliseconds "$(awk '$1 == "99%" {print $2}' "$file")")")
    faileds+=("$(wrk_figure "$file" bench-failed)")
    exhausteds+=("$(wrk_figure "$file" bench-exhausted-threads)")
    windows+=("$(wrk_figure "$file" bench-window-seconds)")
    firsts+=("$(wrk_figure "$file" bench-first-failure)")
    errors+=("$(awk '/Socket errors:/ {sub(/^ *Socket errors: /, ""); print}' "$file")")
    printf '    %s answers/s over %s s, p50 %s ms, p99 %s ms (%s as expected, %s not%s; load %s after)\n' \
        "${rates[-1]}" "${windows[-1]}" "${p50s[-1]}" "${p99s[-1]}" "$ok" "${faileds[-1]}" \
        "${errors[-1]:+; socket errors ${errors[-1]}}" "$(cut -d' ' -f1 /proc/loadavg)" >&2
    [ -z "${firsts[-1]}" ] || printf '    first unexpected answer: %s\n' "${firsts[-1]}" >&2
    printf '    CPU per answer (us): %s\n' "${cpus[-1]}" >&2
}
