# A signed yaf call for wrk, shared by the scripts that measure a yaf operation through the gateway
# (bench/content.sh, bench/merchants.sh, bench/train.sh, bench/o2o.sh). Sourced after deploy/lib/common.sh; it
# reads the caller's OUT (output folder), YAF_APPID and YAF_SECRET (the app the gateway is started with, through
# GATEWAY_YAF_APP_SECRETS) and PORTS[gateway].

# Writes the body and the wrk script of a signed yaf call of METHOD with the business parameters PARAMS
# (JSON), signed now: the gateway accepts a timestamp within 300 s, so it is written before every run.
# Checks once with curl that the gateway answers it with code 200.
prepare_yaf_call() {
    local name="$1" method="$2" params="$3"
    YAF_APPID="$YAF_APPID" YAF_SECRET="$YAF_SECRET" python3 - "$method" "$params" \
        "$OUT/$name.body" "$OUT/$name.lua" <<'PYTHON'
import hashlib, json, os, sys, time, urllib.parse
method, params, body_path, script_path = sys.argv[1:5]
data = {"method": method, "v": "1.0.0", "appid": os.environ["YAF_APPID"], "timestamp": str(int(time.time())),
        "token": "", "unique_id": "bench", "app_v": "1.0.0", "platform": 2, "channel": "", "device_token": ""}
data.update(json.loads(params))
text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
sign = hashlib.md5((text + os.environ["YAF_SECRET"]).encode()).hexdigest().upper()
body = urllib.parse.urlencode({"data": text, "sign": sign}, quote_via=urllib.parse.quote, safe="")
with open(body_path, "w") as file:
    file.write(body)
with open(script_path, "w") as file:
    file.write('wrk.method = "POST"\n')
    file.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
    file.write('wrk.body = "%s"\n' % body)
PYTHON
    local answer code
    answer="$(curl -sS --max-time 5 -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary "@$OUT/$name.body" "http://127.0.0.1:${PORTS[gateway]}/")"
    code="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("code"))' "$answer" 2>/dev/null || true)"
    if [ "$code" != "200" ]; then
        fail_msg "($name) the gateway did not answer the signed $method call with code 200: $answer"
        exit 1
    fi
}

# write_counted_yaf_script NAME METHOD PARAMS: prepare_yaf_call's OUT/NAME.lua with bench/lib/wrk_lua.sh's
# counting after it, so only answers 200 with "code":200 count (written afresh before every run, as the
# signature's timestamp ages).
write_counted_yaf_script() {
    prepare_yaf_call "$1" "$2" "$3"
    counted_request_lua 'status == 200 and body ~= nil and string.find(body, "\"code\":200", 1, true) ~= nil' \
        >>"$OUT/$1.lua"
}
