#!/usr/bin/env python3
"""WeChat Pay v2 payment notifications for bench/payments.sh, one signed XML document per line.

Reads the trades to pay from standard input, one `trade_no amount account_id` per line (as psql -tA
-F' ' prints them), and writes for each the notification WeChat Pay would send once the trade is paid:
the fields of a JSAPI payment (`total_fee` the trade's amount, `transaction_id` derived from the trade
number, so each notification names its own transaction), signed with MD5 over the non-empty fields
sorted by name and `&key=<api key>` (upper-case hex), every value in CDATA, as WeChatPayNotifyTests
builds them. The first --warmup trades go to --warmup-out, the rest to --out.

    psql … -c "SELECT trade_no, amount, account_id FROM orders.trades" \\
        | python3 bench/wechat_notifications.py --out bodies.xml --warmup 5000 --warmup-out warmup.xml
"""
import argparse
import hashlib
import secrets
import sys
from datetime import datetime, timedelta, timezone

DEVELOPMENT_KEY = "developmentwechatpaykey000000000"


def notification(trade_no, amount, account_id, app_id, mch_id, key, time_end):
    fields = {
        "appid": app_id,
        "bank_type": "CMC",
        "cash_fee": amount,
        "fee_type": "CNY",
        "is_subscribe": "N",
        "mch_id": mch_id,
        "nonce_str": secrets.token_hex(16),
        "openid": "o-bench-%s" % account_id,
        "out_trade_no": trade_no,
        "result_code": "SUCCESS",
        "return_code": "SUCCESS",
        "time_end": time_end,
        "total_fee": amount,
        "trade_type": "JSAPI",
        "transaction_id": "4200" + trade_no,
    }
    text = "&".join("%s=%s" % (name, fields[name]) for name in sorted(fields) if fields[name]) + "&key=" + key
    fields["sign"] = hashlib.md5(text.encode("utf-8")).hexdigest().upper()
    return "<xml>" + "".join("<%s><![CDATA[%s]]></%s>" % (name, value, name) for name, value in fields.items()) + "</xml>"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="file of the measured notifications, one per line")
    parser.add_argument("--warmup", type=int, default=0, help="how many of the first trades go to --warmup-out")
    parser.add_argument("--warmup-out", help="file of the warm-up notifications")
    parser.add_argument("--app-id", default="wxdevo2o")
    parser.add_argument("--mch-id", default="1900000109")
    parser.add_argument("--key", default=DEVELOPMENT_KEY)
    arguments = parser.parse_args()
    if arguments.warmup and not arguments.warmup_out:
        parser.error("--warmup needs --warmup-out")
    time_end = datetime.now(timezone(timedelta(hours=8))).strftime("%Y%m%d%H%M%S")
    counts = [0, 0]
    warmup = open(arguments.warmup_out, "w") if arguments.warmup_out else None
    with open(arguments.out, "w") as measured:
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            trade_no, amount, account_id = parts
            if not (len(trade_no) == 20 and trade_no.isdigit() and amount.isdigit() and int(amount) > 0):
                sys.exit("not a trade: %r" % line)
            body = notification(trade_no, amount, account_id, arguments.app_id, arguments.mch_id, arguments.key,
                                time_end)
            index = 0 if warmup is not None and counts[0] < arguments.warmup else 1
            (warmup if index == 0 else measured).write(body + "\n")
            counts[index] += 1
    if warmup is not None:
        warmup.close()
    print("%d warm-up and %d measured notifications" % (counts[0], counts[1]), file=sys.stderr)


if __name__ == "__main__":
    main()
