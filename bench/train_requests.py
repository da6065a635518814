#!/usr/bin/env python3
"""Signed train-ticket `getOrderList` request bodies for bench/train.sh, one form body per line.

Every body is what the mini-program sends to `POST /api/v1/user/getOrderList` (document 000): the form fields
`userRole=customer`, `appCode`, `userId` and `data`, the text of a JSON object with `pageNum`, `pageSize`, a
`nonceStr` of its own and `sign`. The gateway refuses a `nonceStr` it has seen (0017), so every line carries a
nonce used nowhere else: a per-file prefix, the line's number and random hex (at most 32 characters, as the
document allows). `sign` is made as TrainSignature makes it: the non-empty members but `sign`, sorted by name in
UTF-8 byte order, joined as `k1=v1&k2=v2`, then `&key=<the appCode's key>`, MD5 in upper-case hex; a number is
written as it is sent (`1`, `20`).

    python3 bench/train_requests.py --user-id 1 --key 319ceidcbweifbwi --count 100000 --prefix r1 --out run-1.txt

The session goes in the `loginKey` header, which bench/train.sh's wrk script adds to every request.
"""
import argparse
import hashlib
import json
import secrets
import sys
import urllib.parse

DEVELOPMENT_KEY = "319ceidcbweifbwi"


def sign(fields, key):
    pairs = []
    for name, value in fields.items():
        if name == "sign" or value is None:
            continue
        text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        if text == "":
            continue
        pairs.append((name.encode("utf-8"), text))
    pairs.sort(key=lambda pair: pair[0])
    signed = "&".join("%s=%s" % (name.decode("utf-8"), text) for name, text in pairs)
    signed = (signed + "&" if signed else "") + "key=" + key
    return hashlib.md5(signed.encode("utf-8")).hexdigest().upper()


def body(user_id, app_code, key, page_num, page_size, nonce):
    data = {"pageNum": page_num, "pageSize": page_size, "nonceStr": nonce}
    data["sign"] = sign(data, key)
    form = [("userRole", "customer"), ("appCode", app_code), ("userId", user_id),
            ("data", json.dumps(data, separators=(",", ":"), ensure_ascii=False))]
    return urllib.parse.urlencode(form, quote_via=urllib.parse.quote, safe="")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--user-id", required=True, help="the caller's account id (userId)")
    parser.add_argument("--key", default=DEVELOPMENT_KEY, help="the appCode's signing key")
    parser.add_argument("--app-code", default="XCX")
    parser.add_argument("--page-num", type=int, default=1)
    parser.add_argument("--page-size", type=int, default=20)
    parser.add_argument("--count", type=int, required=True, help="how many bodies to write")
    parser.add_argument("--prefix", required=True, help="nonce prefix of this file (letters and digits)")
    parser.add_argument("--out", required=True, help="file of the bodies, one per line")
    arguments = parser.parse_args()
    if not arguments.prefix.isalnum():
        parser.error("--prefix must be letters and digits")
    random_length = 32 - len(arguments.prefix) - 8
    if random_length < 8:
        parser.error("--prefix is too long for a 32-character nonce")
    with open(arguments.out, "w") as out:
        for index in range(arguments.count):
            nonce = "%s%08x%s" % (arguments.prefix, index, secrets.token_hex(16)[:random_length])
            out.write(body(arguments.user_id, arguments.app_code, arguments.key, arguments.page_num,
                           arguments.page_size, nonce) + "\n")
    print("%d getOrderList bodies in %s" % (arguments.count, arguments.out), file=sys.stderr)


if __name__ == "__main__":
    main()
