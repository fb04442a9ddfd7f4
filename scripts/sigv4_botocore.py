#!/usr/bin/env python3
"""Random S3 requests signed by the real botocore, as signet-vectors/1.

Each vector is one random request signed either by botocore.auth.S3SigV4Auth
(Authorization header) or by botocore.auth.S3SigV4QueryAuth (presigned URL),
with the signing time fixed by patching botocore.auth.get_current_datetime.
The expectations (canonical request, string to sign, signature, Authorization
or URL) are botocore's output. Every vector is also cross-checked by the small
independent checker in sigv4_suites.py, which applies Signet's documented rules,
so a request botocore would sign differently from those rules (a botocore quirk)
stops the generator instead of becoming a vector.

Usage: python3 scripts/sigv4_botocore.py [--seed 1] [--count 400]
                                         [--out vectors/sigv4/botocore.json | --out -]
"""

import argparse
import base64
import datetime
import hashlib
import json
import os
import random
import sys
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sigv4_suites as checker  # noqa: E402

import botocore  # noqa: E402
import botocore.auth as bauth  # noqa: E402
from botocore.awsrequest import AWSRequest  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.credentials import Credentials  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1",
           "cn-north-1", "us-gov-west-1", "sa-east-1", "ap-guangzhou", "ap-beijing", "auto"]
STREAMING = ["STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
             "STREAMING-UNSIGNED-PAYLOAD-TRAILER"]
RESERVED = "!#$&'()*+,/:;=?@[]"
OTHER_ASCII = " \"%<>\\^`{|}"
UNICODE = ["é", "ü", "ñ", "中文", "腾讯云", "ሴ", "😀", "Ω", "ß", "日本語", "\u00a0", "ä"]
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
UNRESERVED_PUNCT = "-._~"
B64 = ALNUM + "/+"
PARAM_NAMES = ["prefix", "delimiter", "max-keys", "list-type", "continuation-token", "start-after",
               "uploadId", "partNumber", "versionId", "response-content-disposition",
               "response-content-type", "x-id", "marker", "encoding-type", "fetch-owner", "Param",
               "ключ", "名前", "a b", "k+plus", "with=eq", "x*y"]
BARE_PARAMS = ["acl", "uploads", "tagging", "versioning", "lifecycle", "cors", "delete", "policy",
               "location", "restore", "select", "attributes"]
CONTENT_TYPES = ["text/plain", "application/octet-stream", "image/png", "application/json; charset=utf-8",
                 "text/html;  charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data"]
DATE_FMT = "%Y%m%dT%H%M%SZ"


def rand_text(rng, pools, lo, hi):
    n = rng.randint(lo, hi)
    out = []
    for _ in range(n):
        pool = rng.choice(pools)
        out.append(rng.choice(pool) if isinstance(pool, list) else rng.choice(pool))
    return "".join(out)


def rand_key_segment(rng):
    pools = [ALNUM, ALNUM, ALNUM, UNRESERVED_PUNCT, RESERVED.replace("/", ""), OTHER_ASCII, UNICODE]
    return rand_text(rng, pools, 1, 12)


def rand_key(rng):
    r = rng.random()
    if r < 0.05:
        return ""
    segs = [rand_key_segment(rng) for _ in range(rng.randint(1, 4))]
    key = "/".join(segs)
    if rng.random() < 0.12:
        key = key.replace("/", "//", 1) if "/" in key else "//" + key
    if rng.random() < 0.05:
        key += "/"
    if rng.random() < 0.04:
        key = rng.choice(["a/./b", "a/../b", "./x", "../x", "."]) + "/" + key
    if rng.random() < 0.05:
        key = rng.choice(["%", "%25", "100%", "%2F", "a%20b"]) + key
    return key


def rand_value(rng):
    pools = [ALNUM, ALNUM, UNRESERVED_PUNCT, RESERVED, OTHER_ASCII, UNICODE]
    return rand_text(rng, pools, 0, 16)


def rand_header_value(rng):
    pools = [ALNUM, ALNUM, ALNUM, "-._~!#$&'()*+,/:;=?@[]\"%<>^`{|}", "  "]
    v = rand_text(rng, pools, 1, 20)
    if rng.random() < 0.3:
        v = " " * rng.randint(1, 3) + v
    if rng.random() < 0.3:
        v = v + " " * rng.randint(1, 3)
    if rng.random() < 0.3:
        v = v[: len(v) // 2] + " " * rng.randint(2, 5) + v[len(v) // 2:]
    if not v.strip():
        v = "x" + v + "y"
    return v


def rand_credentials(rng):
    akid = "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    secret = "".join(rng.choice(B64) for _ in range(40))
    cred = {"id": akid, "secret": secret}
    if rng.random() < 0.3:
        body = "".join(rng.choice(B64) for _ in range(rng.randint(20, 300)))
        cred["token"] = "IQoJb3JpZ2luX2Vj" + body + rng.choice(["", "=", "=="])
    return cred


def rand_endpoint(rng, region, allow_default_port):
    bucket = rng.choice(["examplebucket", "my-bucket", "a.b.c", "logs-2024", "bucket-1250000000"])
    style = rng.random()
    scheme = "https" if rng.random() < 0.85 else "http"
    port = ""
    r = rng.random()
    if r < 0.2:
        port = ":" + str(rng.choice([8443, 9000, 8333, 4566, 10443, 81]))
    elif r < 0.25 and allow_default_port:
        port = ":443" if scheme == "https" else ":80"
    if style < 0.45:
        host = "%s.s3.%s.amazonaws.com" % (bucket, region)
        prefix = ""
    elif style < 0.75:
        host = "s3.%s.amazonaws.com" % region
        prefix = "/" + bucket
    elif style < 0.85:
        host = "%s.cos.%s.myqcloud.com" % (bucket, region)
        prefix = ""
    else:
        host = rng.choice(["127.0.0.1", "localhost", "minio.local"])
        prefix = "/" + bucket
        if not port:
            port = ":9000"
    return scheme + "://" + host + port, prefix


# Wire spellings --------------------------------------------------------------

PATH_RAW_OK = "!$&'()*+,;=:@"
QUERY_RAW_OK = "!$'()*,;:@/?"


def canonical_path(raw):
    return checker.uri_encode(raw, keep_slash=True)


def alt_spelling(canon, raw_ok, rng):
    """An equivalent wire spelling of an RFC 3986 canonical string: some
    escapes of characters that may appear raw are left raw, some hex is
    lower-cased."""
    out = []
    i = 0
    while i < len(canon):
        if canon[i] == "%":
            esc = canon[i:i + 3]
            ch = chr(int(esc[1:], 16))
            if ch in raw_ok and rng.random() < 0.7:
                out.append(ch)
            elif rng.random() < 0.5:
                out.append(esc.lower())
            else:
                out.append(esc)
            i += 3
        else:
            out.append(canon[i])
            i += 1
    return "".join(out)


def build_query(rng, mode):
    """Return a list of (name, value-or-None) parameters."""
    params = []
    n = rng.choice([0, 0, 1, 1, 2, 3, 4])
    used = set()
    for _ in range(n):
        if rng.random() < 0.2:
            name, value = rng.choice(BARE_PARAMS), None
            if mode == "query" and rng.random() < 0.5:
                value = ""
        else:
            name = rng.choice(PARAM_NAMES) if rng.random() < 0.8 else rand_value(rng) or "p"
            value = rand_value(rng)
        if mode == "query" and name in used:
            continue  # botocore's presigner keeps one value per name (parse_qs -> dict)
        used.add(name)
        params.append((name, value))
    if mode == "header" and params and rng.random() < 0.25:
        name = params[0][0]
        for _ in range(rng.randint(1, 2)):
            params.append((name, rand_value(rng)))
    return params


def query_string(params):
    parts = []
    for name, value in params:
        k = checker.uri_encode(name)
        parts.append(k if value is None else k + "=" + checker.uri_encode(value))
    return "&".join(parts)


def build_headers(rng, mode):
    headers = []
    pool = [
        lambda: ("Content-Type", rng.choice(CONTENT_TYPES)),
        lambda: ("x-amz-acl", rng.choice(["private", "public-read", "bucket-owner-full-control"])),
        lambda: ("X-Amz-Storage-Class", rng.choice(["STANDARD", "REDUCED_REDUNDANCY", "GLACIER_IR"])),
        lambda: ("x-amz-meta-" + rng.choice(["note", "Author", "x", "long-name-here"]), rand_header_value(rng)),
        lambda: ("Cache-Control", rng.choice(["no-cache", "max-age=3600,  public", " private "])),
        lambda: ("Content-Disposition", 'attachment; filename="%s"' % rng.choice(["a b.txt", "x.bin"])),
        lambda: ("Range", "bytes=%d-%d" % (rng.randint(0, 99), rng.randint(100, 9999))),
        lambda: ("If-Match", '"%s"' % hashlib.md5(str(rng.random()).encode()).hexdigest()),
        lambda: ("x-amz-server-side-encryption", rng.choice(["AES256", "aws:kms"])),
        lambda: ("x-amz-tagging", "k1=v1&k2=%s" % rng.choice(["a", "b c", "x%2By"])),
        lambda: ("X-Amz-Meta-Spaced", "a" + " " * rng.randint(2, 6) + "b" + " " * rng.randint(2, 4) + "c"),
        lambda: ("x-cos-meta-" + rng.choice(["a", "b"]), rand_header_value(rng)),
        lambda: ("Content-MD5", base64.b64encode(hashlib.md5(str(rng.random()).encode()).digest()).decode()),
        lambda: ("x-amz-request-payer", "requester"),
        lambda: ("Origin", "https://example.com"),
    ]
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4, 5])):
        headers.append(rng.choice(pool)())
    if rng.random() < 0.15:
        # repeated header name, values in arrival order, sometimes in another case
        name = rng.choice(["x-amz-meta-multi", "X-Amz-Meta-Multi"])
        for _ in range(rng.randint(2, 3)):
            headers.append((rng.choice([name, name.upper(), name.lower()]), rand_header_value(rng)))
    if mode == "header" and rng.random() < 0.05:
        headers.append(("User-Agent", "signet-test/1.0  (botocore)"))  # botocore never signs it
    return headers


def rand_body(rng):
    r = rng.random()
    if r < 0.45:
        return None
    if r < 0.8:
        text = rand_text(rng, [ALNUM, " \n", UNICODE, RESERVED], 1, 200)
        return {"body": text}
    data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300)))
    return {"bodyBase64": base64.b64encode(data).decode("ascii")}


# Signing with botocore -------------------------------------------------------


class Captured:
    def __init__(self):
        self.creq = None
        self.sts = None


def make_signer(cls, payload_override, captured):
    class Signer(cls):
        def string_to_sign(self, request, canonical_request):
            captured.creq = canonical_request
            captured.sts = super().string_to_sign(request, canonical_request)
            return captured.sts

        if payload_override is not None:
            def payload(self, request):
                return payload_override
    return Signer


def rand_time(rng):
    start = datetime.datetime(2015, 1, 1)
    return start + datetime.timedelta(seconds=rng.randint(0, 20 * 365 * 86400))


def one_vector(rng, index, seed):
    mode = "header" if rng.random() < 0.6 else "query"
    region = rng.choice(REGIONS)
    cred = rand_credentials(rng)
    when = rand_time(rng)
    time = when.strftime(DATE_FMT)
    origin, prefix = rand_endpoint(rng, region, allow_default_port=(mode == "header"))
    method = rng.choice(["GET", "GET", "PUT", "PUT", "HEAD", "DELETE", "POST"])
    key = rand_key(rng)
    raw_path = prefix + "/" + key if (prefix or key) else "/"
    if not raw_path.startswith("/"):
        raw_path = "/" + raw_path
    params = build_query(rng, mode)
    headers = build_headers(rng, mode)
    body = rand_body(rng) if mode == "header" and method in ("PUT", "POST") else None

    path = canonical_path(raw_path)
    query = query_string(params)
    boto_url = origin + path + ("?" + query if query else "")
    notes = []

    # What Signet is given: the same URL, or (header mode) an equivalent spelling.
    url = boto_url
    if mode == "header" and rng.random() < 0.2:
        alt_path = alt_spelling(path, PATH_RAW_OK, rng)
        alt_query = "&".join(
            "=".join(alt_spelling(x, QUERY_RAW_OK, rng) for x in part.split("=", 1))
            for part in query.split("&")) if query else ""
        url = origin + alt_path + ("?" + alt_query if alt_query else "")
        if url != boto_url:
            notes.append("request.url spells the path/query with raw sub-delimiters and lower-case hex "
                         "where RFC 3986 allows; botocore signed the canonical spelling %s" % boto_url)

    payload_override = None
    context = {}
    sign_payload = None
    if mode == "header":
        r = rng.random()
        if r < 0.55:
            pass  # body hash
        elif r < 0.7:
            context["client_config"] = Config(s3={"payload_signing_enabled": False})
            sign_payload = "UNSIGNED-PAYLOAD"
            notes.append("UNSIGNED-PAYLOAD via botocore Config(s3={'payload_signing_enabled': False})")
        elif r < 0.82:
            payload_override = hashlib.sha256(str(rng.random()).encode()).hexdigest()
            sign_payload = payload_override
            notes.append("explicit payload hash (botocore S3SigV4Auth.payload overridden to return it)")
        elif r < 0.92:
            payload_override = rng.choice(STREAMING[:2])
            sign_payload = payload_override
            notes.append("streaming constant as x-amz-content-sha256 (S3SigV4Auth.payload overridden)")
        else:
            context["checksum"] = {"request_algorithm": {"in": "trailer", "name": "x-amz-checksum-crc32"}}
            sign_payload = "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
            notes.append("STREAMING-UNSIGNED-PAYLOAD-TRAILER via botocore's trailer-checksum request context")
        if sign_payload is not None and sign_payload != "UNSIGNED-PAYLOAD" and body:
            pass  # the payload value replaces the body hash; the body stays as it is
    else:
        sign_payload = "UNSIGNED-PAYLOAD"

    data = b""
    if body:
        data = checker.body_bytes(body)
    request = AWSRequest(method=method, url=boto_url, data=data)
    for n, v in headers:
        request.headers[n] = v
    request.context.update(context)
    captured = Captured()
    credentials = Credentials(cred["id"], cred["secret"], cred.get("token"))
    expires = None
    if mode == "header":
        signer = make_signer(bauth.S3SigV4Auth, payload_override, captured)(credentials, "s3", region)
    else:
        expires = rng.choice([1, 60, 900, 3600, 86400, 604800, rng.randint(1, 604800)])
        signer = make_signer(bauth.S3SigV4QueryAuth, None, captured)(credentials, "s3", region,
                                                                       expires=expires)
    with mock.patch.object(bauth, "get_current_datetime", return_value=when):
        signer.add_auth(request)

    signed = captured.creq.split("\n")[-2].split(";")
    sign = {"mode": mode, "region": region, "service": "s3", "time": time}
    if expires is not None:
        sign["expires"] = expires
    if sign_payload is not None:
        sign["payload"] = sign_payload
    sign["signedHeaders"] = signed
    if mode == "header":
        sign["contentSha256Header"] = True
    expect = {"canonicalRequest": captured.creq, "stringToSign": captured.sts}
    if mode == "header":
        authz = request.headers["Authorization"]
        expect["signature"] = authz.rsplit("Signature=", 1)[1]
        expect["authorization"] = authz
    else:
        expect["signature"] = request.url.rsplit("&X-Amz-Signature=", 1)[1]
        if all(value is not None for _n, value in params):
            # botocore writes the request's parameters (re-encoded), then
            # Algorithm, Credential, Date, Expires, SignedHeaders,
            # Security-Token, Signature: Signet's documented order.
            expect["url"] = request.url
            amz = [("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                   ("X-Amz-Credential", "%s/%s" % (cred["id"], checker.scope_of(sign))),
                   ("X-Amz-Date", time), ("X-Amz-Expires", str(expires)),
                   ("X-Amz-SignedHeaders", ";".join(signed))]
            if "token" in cred:
                amz.append(("X-Amz-Security-Token", cred["token"]))
            amz.append(("X-Amz-Signature", expect["signature"]))
            mine = boto_url + ("&" if query else "?") + "&".join(
                k + "=" + checker.uri_encode(val) for k, val in amz)
            if mine != request.url:
                raise AssertionError("%d: botocore URL order differs from Signet's:\n%s\n%s"
                                     % (index, request.url, mine))
        else:
            notes.append("no expect.url: botocore rewrites a bare parameter 'k' as 'k='")

    vreq = {"method": method, "url": url, "headers": [[n, v] for n, v in headers]}
    if body:
        vreq.update(body)
    vid = "botocore/s%d-%04d-%s" % (seed, index, mode)
    klass = "S3SigV4Auth" if mode == "header" else "S3SigV4QueryAuth"
    v = {
        "id": vid,
        "scheme": "sigv4",
        "source": "botocore %s %s (time fixed via botocore.auth.get_current_datetime)%s"
                  % (botocore.__version__, klass, "; " + "; ".join(notes) if notes else ""),
        "credentials": cred,
        "request": vreq,
        "sign": sign,
        "expect": expect,
    }
    checker.check_vector(v)
    return v


def generate(seed, count):
    rng = random.Random(seed)
    return [one_vector(rng, i, seed) for i in range(count)]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Random S3 requests signed by botocore, as signet-vectors/1")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--out", default=os.path.join(REPO, "vectors", "sigv4", "botocore.json"),
                    help="output file, '-' for stdout")
    args = ap.parse_args(argv)
    vectors = generate(args.seed, args.count)
    desc = ("%d random S3 requests (seed %d) signed by botocore %s: S3SigV4Auth (header) and "
            "S3SigV4QueryAuth (presigned)" % (args.count, args.seed, botocore.__version__))
    if args.out == "-":
        lines = [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in vectors]
        head = json.dumps({"format": checker.FORMAT, "description": desc}, ensure_ascii=False)[:-1]
        sys.stdout.write(head + ', "vectors": [\n' + ",\n".join(lines) + "\n]}\n")
    else:
        checker.write_file(args.out, desc, vectors)
        print("%s: %s" % (os.path.relpath(args.out), checker.count_modes(vectors)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
