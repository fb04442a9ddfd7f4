#!/usr/bin/env python3
"""Derive Signet's SigV4 vector files from the published SigV4 test material.

Reads the reference suites (classic AWS suite, CRT aws-c-auth v4 suite, the
smithy-rs double-encoding extras and the S3 documentation examples) and writes
`signet-vectors/1` files under vectors/sigv4/. The expected values are taken
from the suite files unchanged; this script only translates each case into
Signet's request/sign description. A small independent checker (Signet's
documented rules, written here from scratch) recomputes every canonical request
from the vector and every string to sign / signature from the official
canonical request, so a translation mistake stops the script instead of
producing a wrong vector.

Usage: python3 scripts/sigv4_suites.py [SUITES_DIR] [--out-dir vectors/sigv4]
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import sys
from urllib.parse import urlsplit

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMAT = "signet-vectors/1"
ALGORITHM = "AWS4-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()

CLASSIC_ID = "AKIDEXAMPLE"
CLASSIC_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
CLASSIC_TIME = "20150830T123600Z"
CLASSIC_HOST = "example.amazonaws.com"

# ---------------------------------------------------------------------------
# Encoding helpers (RFC 3986 unreserved set, upper-case hex)
# ---------------------------------------------------------------------------

_UNRESERVED = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
)
_HEX = "0123456789ABCDEF"


def uri_encode(data, keep_slash=False):
    """Percent-encode bytes (or str as UTF-8): every byte but unreserved (and '/')."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    out = []
    for b in data:
        if b in _UNRESERVED or (keep_slash and b == 0x2F):
            out.append(chr(b))
        else:
            out.append("%" + _HEX[b >> 4] + _HEX[b & 15])
    return "".join(out)


_PCT = re.compile(rb"%([0-9A-Fa-f]{2})")


def pct_decode(text):
    """Decode %XX sequences to bytes. '+' stays '+': this is not form decoding."""
    return _PCT.sub(lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8"))


def wire_component(raw, keep_slash=False):
    """Encode a raw (unencoded) path or query component for the wire, leaving
    any %XX escape that is already present alone (a case that sends encoded text
    means it)."""
    out = []
    i = 0
    data = raw.encode("utf-8")
    while i < len(data):
        b = data[i]
        if b == 0x25 and re.match(rb"%[0-9A-Fa-f]{2}", data[i:i + 3]):
            out.append(data[i:i + 3].decode("ascii"))
            i += 3
            continue
        out.append(uri_encode(bytes([b]), keep_slash))
        i += 1
    return "".join(out)


def wire_query(raw_query):
    pairs = []
    for pair in raw_query.split("&"):
        if "=" in pair:
            k, v = pair.split("=", 1)
            pairs.append(wire_component(k) + "=" + wire_component(v))
        else:
            pairs.append(wire_component(pair))
    return "&".join(pairs)


# ---------------------------------------------------------------------------
# Independent checker: Signet's documented SigV4 rules
# ---------------------------------------------------------------------------


def normalize_path(path):
    """Remove dot segments and collapse empty segments ('//')."""
    segs = path.split("/")[1:]
    out = []
    for s in segs:
        if s in ("", "."):
            continue
        if s == "..":
            if out:
                out.pop()
            continue
        out.append(s)
    result = "/" + "/".join(out)
    if out and segs and segs[-1] in ("", ".", ".."):
        result += "/"
    return result


def _collapse(value):
    return re.sub(r"[ \t]+", " ", value.strip(" \t"))


def body_bytes(request):
    if "body" in request:
        return request["body"].encode("utf-8")
    if "bodyBase64" in request:
        return base64.b64decode(request["bodyBase64"])
    if "bodyRepeat" in request:
        rep = request["bodyRepeat"]
        return rep["byte"].encode("utf-8") * rep["count"]
    return b""


def host_header(url):
    parts = urlsplit(url)
    host = parts.hostname
    default = {"http": 80, "https": 443}.get(parts.scheme)
    if parts.port is not None and parts.port != default:
        host += ":%d" % parts.port
    return host


def scope_of(sign):
    return "%s/%s/%s/aws4_request" % (sign["time"][:8], sign["region"], sign["service"])


def check_canonical_request(v):
    """Canonical request of vector `v` by Signet's rules (checker only)."""
    req, sign, cred = v["request"], v["sign"], v["credentials"]
    mode = sign["mode"]
    parts = urlsplit(req["url"])
    path = parts.path or "/"
    if sign.get("normalizePath", False):
        path = normalize_path(path)
    if sign.get("doubleEncode", False):
        curi = uri_encode(path, keep_slash=True)
    else:
        curi = uri_encode(pct_decode(path), keep_slash=True)
    params = []
    if parts.query:
        for pair in parts.query.split("&"):
            if not pair:
                continue
            k, _, val = pair.partition("=")
            params.append((uri_encode(pct_decode(k)), uri_encode(pct_decode(val))))
    payload = sign.get("payload") or hashlib.sha256(body_bytes(req)).hexdigest()
    token = cred.get("token")
    token_signed = sign.get("sessionTokenSigned", True)
    signed = sign["signedHeaders"]
    headers = [(n.lower(), val) for n, val in req.get("headers", [])]
    headers.append(("host", host_header(req["url"])))
    if mode == "header":
        headers.append(("x-amz-date", sign["time"]))
        default_sha = sign["service"] == "s3"
        if sign.get("contentSha256Header", default_sha):
            headers.append(("x-amz-content-sha256", payload))
        if token and token_signed:
            headers.append(("x-amz-security-token", token))
    else:
        qp = [
            ("X-Amz-Algorithm", ALGORITHM),
            ("X-Amz-Credential", cred["id"] + "/" + scope_of(sign)),
            ("X-Amz-Date", sign["time"]),
            ("X-Amz-Expires", str(sign["expires"])),
            ("X-Amz-SignedHeaders", ";".join(signed)),
        ]
        if token and token_signed:
            qp.append(("X-Amz-Security-Token", token))
        params += [(uri_encode(k), uri_encode(val)) for k, val in qp]
    params.sort()
    cquery = "&".join(k + "=" + val for k, val in params)
    grouped = {}
    for n, val in headers:
        grouped.setdefault(n, []).append(_collapse(val))
    lines = []
    for n in signed:
        if n not in grouped:
            raise ValueError("%s: signed header %r not in request" % (v["id"], n))
        lines.append(n + ":" + ",".join(grouped[n]) + "\n")
    return "\n".join(
        [req["method"], curi, cquery, "".join(lines), ";".join(signed), payload]
    )


def signing_key(secret, date, region, service):
    k = ("AWS4" + secret).encode("utf-8")
    for part in (date, region, service, "aws4_request"):
        k = hmac.new(k, part.encode("utf-8"), hashlib.sha256).digest()
    return k


def string_to_sign(creq, sign):
    return "\n".join(
        [ALGORITHM, sign["time"], scope_of(sign),
         hashlib.sha256(creq.encode("utf-8")).hexdigest()]
    )


def hmac_hex(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).hexdigest()


def check_vector(v, check_creq=True):
    """Raise if the vector's own expectations do not hang together."""
    exp, sign, cred = v["expect"], v["sign"], v["credentials"]
    if check_creq and "canonicalRequest" in exp:
        got = check_canonical_request(v)
        if got != exp["canonicalRequest"]:
            raise AssertionError(
                "%s: canonical request differs\n--- expected\n%s\n--- derived\n%s"
                % (v["id"], exp["canonicalRequest"], got))
    if "canonicalRequest" in exp and "stringToSign" in exp:
        sts = string_to_sign(exp["canonicalRequest"], sign)
        if sts != exp["stringToSign"]:
            raise AssertionError("%s: string to sign differs:\n%s" % (v["id"], sts))
    if "stringToSign" in exp and "signature" in exp:
        key = signing_key(cred["secret"], sign["time"][:8], sign["region"], sign["service"])
        sig = hmac_hex(key, exp["stringToSign"])
        if sig != exp["signature"]:
            raise AssertionError("%s: signature differs: %s" % (v["id"], sig))
    if "authorization" in exp:
        want = "%s Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
            ALGORITHM, cred["id"], scope_of(sign), ";".join(sign["signedHeaders"]),
            exp["signature"])
        if want != exp["authorization"]:
            raise AssertionError("%s: authorization differs: %s" % (v["id"], want))
    chunked = sign.get("chunked")
    if chunked:
        key = signing_key(cred["secret"], sign["time"][:8], sign["region"], sign["service"])
        data = body_bytes(v["request"])
        size = chunked["chunkSize"]
        chunks = [data[i:i + size] for i in range(0, len(data), size)] + [b""]
        prev = exp["signature"]
        for i, chunk in enumerate(chunks):
            sts = "\n".join(["AWS4-HMAC-SHA256-PAYLOAD", sign["time"], scope_of(sign), prev,
                             EMPTY_SHA256, hashlib.sha256(chunk).hexdigest()])
            if sts != exp["chunkStringsToSign"][i]:
                raise AssertionError("%s: chunk %d string to sign differs" % (v["id"], i))
            prev = hmac_hex(key, sts)
            if prev != exp["chunkSignatures"][i]:
                raise AssertionError("%s: chunk %d signature differs" % (v["id"], i))
        if len(chunks) != len(exp["chunkSignatures"]):
            raise AssertionError("%s: chunk count differs" % v["id"])
        trailers = exp.get("trailers")
        if trailers:
            canon = "".join("%s:%s\n" % (n, val) for n, val in trailers)
            sts = "\n".join(["AWS4-HMAC-SHA256-TRAILER", sign["time"], scope_of(sign), prev,
                             hashlib.sha256(canon.encode("utf-8")).hexdigest()])
            if sts != exp["trailerStringToSign"] or hmac_hex(key, sts) != exp["trailerSignature"]:
                raise AssertionError("%s: trailer signature differs" % v["id"])
        length = 0
        for chunk in chunks[:-1]:
            length += len("%x" % len(chunk)) + 17 + 64 + 2 + len(chunk) + 2
        length += 1 + 17 + 64 + 2
        if trailers:
            for n, val in trailers:
                length += len(n) + 1 + len(val) + 2
            length += len("x-amz-trailer-signature:") + 64 + 2 + 2
        else:
            length += 2
        if length != exp["contentLength"]:
            raise AssertionError("%s: content length %d" % (v["id"], length))


# ---------------------------------------------------------------------------
# Reading the suites
# ---------------------------------------------------------------------------


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def parse_raw_request(text, fold):
    """Parse a suite request file. fold='values' turns obs-fold continuation
    lines into further values of the same header (classic suite); fold='space'
    joins them to the value with a space (CRT suite)."""
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    first = lines[0]
    method, _, rest = first.partition(" ")
    target = rest[: rest.rfind(" HTTP/")]
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        if line[0] in " \t":
            name, value = headers[-1]
            if fold == "values":
                headers.append((name, line.strip(" \t")))
            else:
                headers[-1] = (name, value + " " + line)
            continue
        name, _, value = line.partition(":")
        headers.append((name, value))
    return method, target, headers, body


def read_value(path):
    """A canonical request or string to sign: it ends with a hex digest (or a
    payload constant), so a trailing newline in the file is not part of it."""
    return read(path).rstrip("\n")


def split_target(target):
    path, _, query = target.partition("?")
    return path, query


def take_header(headers, name):
    """Remove header `name` from the list and return its single value."""
    found = [val for n, val in headers if n.lower() == name]
    headers[:] = [(n, val) for n, val in headers if n.lower() != name]
    if len(found) > 1:
        raise ValueError("repeated %s" % name)
    return found[0] if found else None


def authz_parts(authz):
    m = re.match(r"AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$",
                 authz.strip())
    if not m:
        raise ValueError("unexpected Authorization: %r" % authz)
    return m.group(1), m.group(2).split(";"), m.group(3)


def crt_time(ts):
    # 2015-08-30T12:36:00Z -> 20150830T123600Z
    return ts.replace("-", "").replace(":", "")


def vector_request(method, url, headers, body):
    r = {"method": method, "url": url, "headers": [[n, val] for n, val in headers]}
    if body:
        r["body"] = body
    return r


# ---------------------------------------------------------------------------
# Classic suite
# ---------------------------------------------------------------------------


def classic_cases(root):
    base = os.path.join(root, "aws-sig-v4-test-suite")
    cases = []
    for dirpath, _dirs, files in os.walk(base):
        for f in files:
            if f.endswith(".req"):
                cases.append((os.path.relpath(dirpath, base), f[:-4]))
    return sorted(cases)


def classic_token(root):
    text = read(os.path.join(root, "aws-sig-v4-test-suite", "post-sts-token", "readme.txt"))
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return lines[-1]


def build_classic(root):
    base = os.path.join(root, "aws-sig-v4-test-suite")
    token = classic_token(root)
    vectors = []
    for rel, name in classic_cases(root):
        d = os.path.join(base, rel)
        method, target, headers, body = parse_raw_request(read(os.path.join(d, name + ".req")), "values")
        host = take_header(headers, "host")
        assert host == CLASSIC_HOST, (name, host)
        assert take_header(headers, "x-amz-date") == CLASSIC_TIME
        req_token = take_header(headers, "x-amz-security-token")
        creq = read_value(os.path.join(d, name + ".creq"))
        sts = read_value(os.path.join(d, name + ".sts"))
        authz = read(os.path.join(d, name + ".authz")).strip()
        cred_s, signed, sig = authz_parts(authz)
        path, query = split_target(target)
        url = "https://" + host + wire_component(path, keep_slash=True)
        if query:
            url += "?" + wire_query(query)
        normalize = rel.startswith("normalize-path")
        cred = {"id": CLASSIC_ID, "secret": CLASSIC_SECRET}
        notes = []
        sign = {"mode": "header", "region": "us-east-1", "service": "service", "time": CLASSIC_TIME,
                "signedHeaders": signed, "normalizePath": normalize, "doubleEncode": False,
                "contentSha256Header": False}
        if name.startswith("post-sts-header"):
            cred["token"] = token
            if req_token is not None:
                assert req_token == token
            if "x-amz-security-token" not in signed:
                sign["sessionTokenSigned"] = False
                notes.append("token added after signing (sessionTokenSigned false)")
        if name == "get-header-value-multiline":
            notes.append("the .req folds My-Header1 over three lines (obs-fold); the classic suite counts "
                         "each continuation line as another value, so the request lists My-Header1 three "
                         "times (value1, value2, value3) and the repeated-header rule joins them with ','")
        if normalize:
            notes.append("normalize-path case: needs normalizePath true (S3 would sign the path literally)")
        if query or any(ord(c) > 127 or c == " " for c in path):
            notes.append("the .req line is raw text; the URL carries its UTF-8 percent-encoding")
        v = {
            "id": "aws-classic/" + name,
            "scheme": "sigv4",
            "source": "AWS SigV4 test suite (classic, aws-sig-v4-test-suite.zip), %s/%s.{req,creq,sts,authz}"
                      % (rel, name) + ("; " + "; ".join(notes) if notes else ""),
            "credentials": cred,
            "request": vector_request(method, url, headers, body),
            "sign": sign,
            "expect": {"canonicalRequest": creq, "stringToSign": sts, "signature": sig,
                       "authorization": "AWS4-HMAC-SHA256 Credential=%s, SignedHeaders=%s, Signature=%s"
                                        % (cred_s, ";".join(signed), sig)},
        }
        assert v["expect"]["authorization"] == authz, (name, authz)
        vectors.append(v)
    return vectors


# ---------------------------------------------------------------------------
# CRT aws-c-auth v4 suite
# ---------------------------------------------------------------------------

SIGNET_QUERY_ORDER = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                      "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Signature"]


def build_crt(root):
    base = os.path.join(root, "aws-c-auth", "v4")
    vectors = []
    for name in sorted(os.listdir(base)):
        d = os.path.join(base, name)
        ctx = json.loads(read(os.path.join(d, "context.json")))
        method, target, headers, body = parse_raw_request(read(os.path.join(d, "request.txt")), "space")
        host = take_header(headers, "host")
        assert take_header(headers, "x-amz-date") is None
        path, query = split_target(target)
        wire_path = wire_component(path, keep_slash=True)
        url = "https://" + host + wire_path
        own_query = wire_query(query) if query else ""
        if own_query:
            url += "?" + own_query
        c = ctx["credentials"]
        cred = {"id": c["access_key_id"], "secret": c["secret_access_key"]}
        if c.get("token"):
            cred["token"] = c["token"]
        omit = bool(ctx.get("omit_session_token", False))
        time = crt_time(ctx["timestamp"])
        for mode in ("header", "query"):
            creq = read_value(os.path.join(d, mode + "-canonical-request.txt"))
            sts = read_value(os.path.join(d, mode + "-string-to-sign.txt"))
            sig = read(os.path.join(d, mode + "-signature.txt")).strip()
            signed_req = read(os.path.join(d, mode + "-signed-request.txt"))
            creq_lines = creq.split("\n")
            signed = creq_lines[-2].split(";")
            sign = {"mode": mode, "region": ctx["region"], "service": ctx["service"], "time": time}
            if mode == "query":
                sign["expires"] = ctx["expiration_in_seconds"]
            sign["signedHeaders"] = signed
            sign["normalizePath"] = bool(ctx["normalize"])
            sign["doubleEncode"] = False
            if mode == "header":
                sign["contentSha256Header"] = bool(ctx.get("sign_body", False))
            else:
                sign["payload"] = creq_lines[-1]
            if "token" in cred and omit:
                sign["sessionTokenSigned"] = False
            expect = {"canonicalRequest": creq, "stringToSign": sts, "signature": sig}
            notes = ["context.json: normalize=%s, sign_body=%s%s" % (
                str(ctx["normalize"]).lower(), str(ctx.get("sign_body", False)).lower(),
                ", omit_session_token=true" if omit else "")]
            if mode == "header":
                authz = [l for l in signed_req.split("\n") if l.startswith("Authorization:")][0]
                authz = authz[len("Authorization:"):].strip()
                cred_s, signed_a, sig_a = authz_parts(authz)
                assert signed_a == signed and sig_a == sig
                expect["authorization"] = authz
            else:
                first = signed_req.split("\n")[0]
                _m, _, rest = first.partition(" ")
                crt_target = rest[: rest.rfind(" HTTP/")]
                crt_params = [p.partition("=") for p in crt_target.partition("?")[2].split("&")]
                amz = {k: val for k, _, val in crt_params if k.startswith("X-Amz-")}
                assert amz["X-Amz-Signature"] == sig
                dotty = any(s in (".", "..") for s in path.split("/")) or "//" in path
                if not dotty:
                    ordered = [k + "=" + amz[k] for k in SIGNET_QUERY_ORDER if k in amz]
                    expect["url"] = ("https://" + host + wire_path + "?"
                                     + (own_query + "&" if own_query else "") + "&".join(ordered))
                    notes.append("expect.url: the X-Amz-* values of query-signed-request.txt in Signet's "
                                 "parameter order, after the request's own parameters")
            if name == "get-header-value-multiline":
                notes.append("the request folds My-Header1 over three lines (obs-fold); the CRT suite "
                             "unfolds a continuation line into a space, so the request carries the single "
                             "value 'value1   value2      value3' (fold replaced by a space, continuation "
                             "indent kept) and whitespace collapsing yields 'value1 value2 value3'")
            if any(ord(ch) > 127 or ch == " " for ch in target):
                notes.append("request.txt has a raw (unencoded) path/query; the URL carries its UTF-8 "
                             "percent-encoding")
            v = {
                "id": "aws-crt-v4/%s/%s" % (name, mode),
                "scheme": "sigv4",
                "source": "awslabs/aws-c-auth aws-signing-test-suite v4/%s (%s-*.txt); %s"
                          % (name, mode, "; ".join(notes)),
                "credentials": cred,
                "request": vector_request(method, url, headers, body),
                "sign": sign,
                "expect": expect,
            }
            vectors.append(v)
    return vectors


# ---------------------------------------------------------------------------
# smithy-rs double-encoding extras
# ---------------------------------------------------------------------------


def botocore_s3_rules(cred, method, url, headers, time, region, service):
    """Sign with the real botocore S3SigV4Auth (S3 path rules) and return
    (canonical request, string to sign, authorization)."""
    import datetime
    from unittest import mock
    import botocore.auth as bauth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    captured = {}

    class Capture(bauth.S3SigV4Auth):
        def string_to_sign(self, request, canonical_request):
            captured["creq"] = canonical_request
            captured["sts"] = super().string_to_sign(request, canonical_request)
            return captured["sts"]

    request = AWSRequest(method=method, url=url)
    for n, val in headers:
        request.headers[n] = val
    signer = Capture(Credentials(cred["id"], cred["secret"], cred.get("token")), service, region)
    when = datetime.datetime.strptime(time, "%Y%m%dT%H%M%SZ")
    with mock.patch.object(bauth, "get_current_datetime", return_value=when):
        signer.add_auth(request)
    return captured["creq"], captured["sts"], request.headers["Authorization"]


def build_smithy(root):
    import botocore
    base = os.path.join(root, "smithy-rs-extra", "v4")
    vectors = []

    # double-url-encode: complete (creq, sts, signature from the signed request)
    d = os.path.join(base, "double-url-encode")
    method, target, headers, body = parse_raw_request(read(os.path.join(d, "request.txt")), "space")
    host = take_header(headers, "host")
    time = take_header(headers, "x-amz-date")
    creq = read_value(os.path.join(d, "header-canonical-request.txt"))
    sts = read_value(os.path.join(d, "header-string-to-sign.txt"))
    authz = [l for l in read(os.path.join(d, "header-signed-request.txt")).split("\n")
             if l.startswith("Authorization:")][0][len("Authorization:"):].strip()
    cred_s, signed, sig = authz_parts(authz)
    akid, date, region, service, _ = cred_s.split("/")
    url = "https://" + host + target
    cred = {"id": akid, "secret": CLASSIC_SECRET}
    vectors.append({
        "id": "smithy-double-encode/double-url-encode",
        "scheme": "sigv4",
        "source": "smithy-rs aws-sigv4 aws-signing-test-suite v4/double-url-encode (request, "
                  "header-canonical-request, header-string-to-sign, Authorization of header-signed-request; "
                  "secret is the suite's AKIDEXAMPLE secret). The wire path is already encoded once; a "
                  "non-S3 signer encodes it again, so doubleEncode true (%3A -> %253A)",
        "credentials": cred,
        "request": vector_request(method, url, headers, body),
        "sign": {"mode": "header", "region": region, "service": service, "time": time,
                 "signedHeaders": signed, "normalizePath": True, "doubleEncode": True,
                 "contentSha256Header": False},
        "expect": {"canonicalRequest": creq, "stringToSign": sts, "signature": sig, "authorization": authz},
    })
    creq_b, sts_b, authz_b = botocore_s3_rules(cred, method, url, headers, time, region, service)
    _c, signed_b, sig_b = authz_parts(authz_b)
    vectors.append({
        "id": "smithy-double-encode/double-url-encode/s3-rules",
        "scheme": "sigv4",
        "source": "the double-url-encode request signed with S3 path rules by botocore %s S3SigV4Auth "
                  "(single encoding: the canonical path keeps %%3A; botocore's S3 signer also adds "
                  "x-amz-content-sha256). Contrast to the smithy-rs vector above" % botocore.__version__,
        "credentials": cred,
        "request": vector_request(method, url, headers, body),
        "sign": {"mode": "header", "region": region, "service": service, "time": time,
                 "signedHeaders": signed_b, "normalizePath": False, "doubleEncode": False,
                 "contentSha256Header": True},
        "expect": {"canonicalRequest": creq_b, "stringToSign": sts_b, "signature": sig_b,
                   "authorization": authz_b},
    })

    # double-encode-path: only the canonical request is consistent
    d = os.path.join(base, "double-encode-path")
    method, target, headers, body = parse_raw_request(read(os.path.join(d, "request.txt")), "space")
    host = take_header(headers, "host")
    take_header(headers, "x-amz-date")
    creq = read_value(os.path.join(d, "header-canonical-request.txt"))
    time = [l for l in creq.split("\n") if l.startswith("x-amz-date:")][0].split(":", 1)[1]
    url = "https://" + host + target
    cred2 = {"id": "ANOTREAL", "secret": "not-published-canonical-request-only"}
    signed = creq.split("\n")[-2].split(";")
    vectors.append({
        "id": "smithy-double-encode/double-encode-path",
        "scheme": "sigv4",
        "source": "smithy-rs aws-sigv4 aws-signing-test-suite v4/double-encode-path: only "
                  "header-canonical-request.txt is used (its x-amz-date 20210511T154045Z is the sign time; "
                  "the signed-request file carries another date and an unpublished secret, so no signature "
                  "stage). '@' becomes %40 and the wire %3D becomes %253D: doubleEncode true",
        "credentials": cred2,
        "request": vector_request(method, url, headers, body),
        "sign": {"mode": "header", "region": "us-east-1", "service": "execute-api", "time": time,
                 "signedHeaders": signed, "normalizePath": True, "doubleEncode": True,
                 "contentSha256Header": False},
        "expect": {"canonicalRequest": creq},
    })
    # botocore's S3 signer signs the wire path as it is: hand it the canonical
    # spelling ('@' as %40) so that its output is the S3 expectation.
    s3_url = "https://" + host + uri_encode(pct_decode(target), keep_slash=True)
    creq_b, sts_b, authz_b = botocore_s3_rules(cred, method, s3_url, headers, time, "us-east-1", "execute-api")
    _c, signed_b, sig_b = authz_parts(authz_b)
    vectors.append({
        "id": "smithy-double-encode/double-encode-path/s3-rules",
        "scheme": "sigv4",
        "source": "the double-encode-path request signed with S3 path rules by botocore %s S3SigV4Auth "
                  "(credentials AKIDEXAMPLE). botocore's S3 signer signs the wire path as it is, so the URL "
                  "spells '@' as %%40 (its canonical form); %%3D stays %%3D (single encoding)"
                  % botocore.__version__,
        "credentials": cred,
        "request": vector_request(method, s3_url, headers, body),
        "sign": {"mode": "header", "region": "us-east-1", "service": "execute-api", "time": time,
                 "signedHeaders": signed_b, "normalizePath": False, "doubleEncode": False,
                 "contentSha256Header": True},
        "expect": {"canonicalRequest": creq_b, "stringToSign": sts_b, "signature": sig_b,
                   "authorization": authz_b},
    })
    return vectors


# ---------------------------------------------------------------------------
# S3 documentation examples
# ---------------------------------------------------------------------------


def build_s3_docs(root):
    doc = json.loads(read(os.path.join(root, "s3-doc-examples.json")))
    ex = {e["name"]: e for e in doc["examples"]}
    c = doc["credentials"]
    cred = {"id": c["access_key_id"], "secret": c["secret_access_key"]}
    time = doc["amz_date"]
    region, service = doc["region"], doc["service"]
    page = "https://docs.aws.amazon.com/AmazonS3/latest/API/"
    vectors = []

    def authz(e):
        return "AWS4-HMAC-SHA256 Credential=%s/%s/%s/%s/aws4_request, SignedHeaders=%s, Signature=%s" % (
            cred["id"], time[:8], region, service, e["signed_headers"], e["expected_signature"])

    def header_vector(vid, e, method, url, headers, body=None, extra_note=""):
        assert e["ok"] and e["computed"] == e["expected_signature"]
        creq = e["canonical_request"]
        return {
            "id": vid,
            "scheme": "sigv4",
            "source": "AWS S3 API Reference, %s%s, example '%s' (published signature)%s"
                      % (page, e["page"], e["name"], extra_note),
            "credentials": cred,
            "request": vector_request(method, url, headers, body),
            "sign": {"mode": "header", "region": region, "service": service, "time": time,
                     "signedHeaders": e["signed_headers"].split(";"), "contentSha256Header": True},
            "expect": {"canonicalRequest": creq, "stringToSign": e["string_to_sign"],
                       "signature": e["expected_signature"], "authorization": authz(e)},
        }

    vectors.append(header_vector("s3-doc/get-object-range", ex["GET Object (Range)"], "GET",
                                 "https://examplebucket.s3.amazonaws.com/test.txt", [("Range", "bytes=0-9")]))
    put = ex["PUT Object test$file.text"]
    v = header_vector("s3-doc/put-object", put, "PUT",
                      "https://examplebucket.s3.amazonaws.com/test%24file.text",
                      [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
                      "Welcome to Amazon S3.",
                      "; signs both date and x-amz-date (botocore cannot reproduce it: a Date header makes "
                      "it drop X-Amz-Date)")
    assert hashlib.sha256(b"Welcome to Amazon S3.").hexdigest() == put["canonical_request"].split("\n")[-1]
    vectors.append(v)
    vectors.append(header_vector("s3-doc/get-bucket-lifecycle", ex["GET Bucket lifecycle (?lifecycle)"], "GET",
                                 "https://examplebucket.s3.amazonaws.com/?lifecycle", [],
                                 extra_note="; a parameter without '=' is canonicalized as 'lifecycle='"))
    vectors.append(header_vector("s3-doc/list-objects", ex["GET Bucket list (?max-keys=2&prefix=J)"], "GET",
                                 "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J", []))

    pre = ex["Presigned GET /test.txt (X-Amz-Expires=86400)"]
    vectors.append({
        "id": "s3-doc/presigned-get",
        "scheme": "sigv4",
        "source": "AWS S3 API Reference, %s%s, example '%s' (published signature and URL)"
                  % (page, pre["page"], pre["name"]),
        "credentials": cred,
        "request": vector_request("GET", "https://examplebucket.s3.amazonaws.com/test.txt", [], None),
        "sign": {"mode": "query", "region": region, "service": service, "time": time, "expires": 86400,
                 "payload": "UNSIGNED-PAYLOAD", "signedHeaders": ["host"]},
        "expect": {"canonicalRequest": pre["canonical_request"], "stringToSign": pre["string_to_sign"],
                   "signature": pre["expected_signature"], "url": pre["url"]},
    })

    def chunked_vector(vid, prefix, payload, headers, trailers, content_length, note):
        seed = ex[prefix + " seed signature"]
        chunk_names = [prefix + " chunk 1 (65536 bytes)", prefix + " chunk 2 (1024 bytes)",
                       prefix + " chunk 3 (0 bytes)"]
        chunks = [ex[n] for n in chunk_names]
        pages = sorted({seed["page"]} | {ch["page"] for ch in chunks})
        used = [seed["name"]] + chunk_names
        sign = {"mode": "header", "region": region, "service": service, "time": time, "payload": payload,
                "signedHeaders": seed["signed_headers"].split(";"), "contentSha256Header": True,
                "chunked": {"chunkSize": 65536}}
        expect = {"canonicalRequest": seed["canonical_request"], "stringToSign": seed["string_to_sign"],
                  "signature": seed["expected_signature"], "authorization": authz(seed),
                  "chunkStringsToSign": [ch["string_to_sign"] for ch in chunks],
                  "chunkSignatures": [ch["expected_signature"] for ch in chunks],
                  "contentLength": content_length}
        if trailers:
            t = ex[prefix + " trailer signature"]
            used.append(t["name"])
            assert t["trailer_canonical"] == "".join("%s:%s\n" % tr for tr in trailers)
            sign["chunked"]["trailer"] = [n for n, _ in trailers]
            expect["trailers"] = [list(tr) for tr in trailers]
            expect["trailerStringToSign"] = t["string_to_sign"]
            expect["trailerSignature"] = t["expected_signature"]
        return {
            "id": vid,
            "scheme": "sigv4",
            "source": "AWS S3 API Reference, %s: examples %s (published signatures)%s"
                      % (", ".join(page + p for p in pages), "; ".join("'%s'" % u for u in used), note),
            "credentials": cred,
            "request": {"method": "PUT", "url": "https://s3.amazonaws.com/examplebucket/chunkObject.txt",
                        "headers": [[n, val] for n, val in headers],
                        "bodyRepeat": {"byte": "a", "count": 66560}},
            "sign": sign,
            "expect": expect,
        }

    vectors.append(chunked_vector(
        "s3-doc/aws-chunked", "aws-chunked", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        [("Content-Encoding", "aws-chunked"), ("Content-Length", "66824"),
         ("x-amz-decoded-content-length", "66560"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
        None, 66824,
        "; the encoded body is 66824 bytes (chunks 65536 + 1024 + final 0), as the signed Content-Length says"))
    vectors.append(chunked_vector(
        "s3-doc/aws-chunked-trailer", "aws-chunked+trailer", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
        [("Content-Encoding", "aws-chunked"), ("x-amz-decoded-content-length", "66560"),
         ("x-amz-storage-class", "REDUCED_REDUNDANCY"), ("x-amz-trailer", "x-amz-checksum-crc32c")],
        [("x-amz-checksum-crc32c", "sOO8/Q==")], 66946,
        "; Content-Length is not signed in this example; contentLength 66946 is the length of the encoded "
        "body (final chunk line, trailer line, x-amz-trailer-signature line, blank line), as smithy-rs "
        "writes it; sOO8/Q== is the CRC32C of the 66560 bytes"))

    post = ex["POST policy signature (sigv4examplebucket, 20151229)"]
    assert base64.b64decode(post["policy_base64"]).decode("utf-8") == post["policy_json"]
    vectors.append({
        "id": "s3-doc/post-policy",
        "scheme": "sigv4",
        "kind": "post-policy",
        "source": "AWS S3 API Reference, %s%s, example '%s' (published signature); the string to sign is "
                  "the base64 policy itself" % (page, post["page"], post["name"]),
        "credentials": cred,
        "policy": post["policy_json"],
        "policyBase64": post["policy_base64"],
        "sign": {"region": region, "service": service, "time": "20151229T000000Z"},
        "expect": {"stringToSign": post["policy_base64"], "signature": post["expected_signature"]},
    })
    return vectors


def check_post_policy(v):
    s = v["sign"]
    key = signing_key(v["credentials"]["secret"], s["time"][:8], s["region"], s["service"])
    assert hmac_hex(key, v["policyBase64"]) == v["expect"]["signature"], v["id"]
    assert base64.b64encode(v["policy"].encode("utf-8")).decode("ascii") == v["policyBase64"]


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


def build_bad_input():
    cred = {"id": "AKIAIOSFODNN7EXAMPLE", "secret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
    url = "https://examplebucket.s3.amazonaws.com/test.txt"

    def sign(mode="header", **kw):
        s = {"mode": mode, "region": "us-east-1", "service": "s3", "time": "20130524T000000Z"}
        if mode == "query":
            s["expires"] = 3600
        s.update(kw)
        return s

    def bad(vid, why, expect_error, request=None, sign_=None, credentials=None):
        return {
            "id": "bad-input/" + vid,
            "scheme": "sigv4",
            "source": "Signet input validation: " + why,
            "credentials": credentials or cred,
            "request": request or {"method": "GET", "url": url, "headers": []},
            "sign": sign_ or sign(),
            "expectError": expect_error,
        }

    get = lambda u=url, h=(): {"method": "GET", "url": u, "headers": [list(x) for x in h]}
    return [
        bad("payload-unknown-streaming-constant", "STREAMING-FOO is no known payload constant", "payload",
            sign_=sign(payload="STREAMING-FOO")),
        bad("region-with-slash", "a region must not contain '/' (it would break the scope)", "region",
            sign_=sign(region="us-east-1/evil")),
        bad("region-with-space", "a region must not contain whitespace", "region",
            sign_=sign(region="us east-1")),
        bad("region-with-slash-query", "a region must not contain '/', presigned mode", "region",
            sign_=sign("query", region="eu/west-1")),
        bad("service-with-space", "a service must not contain whitespace", "service",
            sign_=sign(service="s 3")),
        bad("service-with-tab", "a service must not contain whitespace", "service",
            sign_=sign(service="s3\t")),
        bad("expires-zero", "X-Amz-Expires must be 1..604800", "604800", sign_=sign("query", expires=0)),
        bad("expires-over-a-week", "X-Amz-Expires must be 1..604800", "604800",
            sign_=sign("query", expires=604801)),
        bad("url-not-a-url", "the URL cannot be parsed", "URL", request=get("not a url")),
        bad("url-without-host", "the URL has no host", "URL", request=get("https://")),
        bad("header-value-crlf", "a header value with CR/LF would split the header", "CR",
            request=get(h=[("x-amz-meta-a", "ok\r\nX-Injected: 1")])),
        bad("header-value-lf", "a header value with a bare LF", "CR",
            request=get(h=[("x-amz-meta-a", "line1\nline2")])),
        bad("header-value-cr-query", "a header value with a bare CR, presigned mode", "CR",
            request=get(h=[("x-amz-meta-a", "line1\rline2")]), sign_=sign("query")),
        bad("empty-secret", "the secret key is empty", "secret",
            credentials={"id": cred["id"], "secret": ""}),
        bad("token-with-crlf", "a session token with CR/LF would split the header", "token",
            credentials=dict(cred, token="FQoGZXIvYXdzEJr//////////wEaDM\r\nX-Injected: 1")),
        bad("token-with-lf-query", "a session token with LF, presigned mode", "token",
            credentials=dict(cred, token="abc\ndef"), sign_=sign("query")),
        bad("caller-x-amz-signature-param", "the URL already carries X-Amz-Signature", "X-Amz-",
            request=get(url + "?X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"),
            sign_=sign("query")),
        bad("caller-x-amz-signature-param-header-mode", "the URL already carries X-Amz-Signature", "X-Amz-",
            request=get(url + "?versionId=1&X-Amz-Signature=00")),
        bad("caller-x-amz-date-header", "the caller supplied X-Amz-Date; the signer sets it", "X-Amz-",
            request=get(h=[("X-Amz-Date", "20130524T000000Z")])),
        bad("caller-x-amz-date-header-lowercase", "the caller supplied x-amz-date; the signer sets it", "X-Amz-",
            request=get(h=[("x-amz-date", "20130524T000000Z")])),
    ]


# ---------------------------------------------------------------------------


def write_file(path, description, vectors):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in vectors]
    head = json.dumps({"format": FORMAT, "description": description}, ensure_ascii=False)[:-1]
    text = head + ', "vectors": [\n' + ",\n".join(lines) + "\n]}\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def count_modes(vectors):
    h = sum(1 for v in vectors if v.get("sign", {}).get("mode") == "header")
    q = sum(1 for v in vectors if v.get("sign", {}).get("mode") == "query")
    return "%d vectors (%d header, %d query, %d other)" % (len(vectors), h, q, len(vectors) - h - q)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("suites", nargs="?", default=os.path.join("..", "shared", "reference", "sigv4-suites"),
                    help="suite directory (relative paths are taken from the repository root)")
    ap.add_argument("--out-dir", default=os.path.join("vectors", "sigv4"))
    args = ap.parse_args(argv)
    root = args.suites if os.path.isabs(args.suites) else os.path.join(REPO, args.suites)
    out = args.out_dir if os.path.isabs(args.out_dir) else os.path.join(REPO, args.out_dir)

    classic = build_classic(root)
    crt = build_crt(root)
    smithy = build_smithy(root)
    docs = build_s3_docs(root)
    bad = build_bad_input()
    for v in classic + crt + smithy + docs:
        if v.get("kind") == "post-policy":
            check_post_policy(v)
        else:
            check_vector(v)
    assert len(classic) == 31, len(classic)

    files = [
        ("aws-classic.json", "AWS SigV4 test suite (classic): the 31 cases, header mode, service 'service'",
         classic),
        ("aws-crt-v4.json", "awslabs/aws-c-auth SigV4 test suite (v4): every case in header and query mode",
         crt),
        ("s3-doc-examples.json", "AWS S3 API Reference worked examples: header, presigned, aws-chunked "
         "(with and without trailer), POST policy", docs),
        ("smithy-double-encode.json", "smithy-rs double-encoding cases (non-S3 path rules) and their S3-rule "
         "contrast signed by botocore", smithy),
        ("bad-input.json", "SigV4 inputs Signet must refuse (expectError substrings)", bad),
    ]
    for fname, desc, vecs in files:
        write_file(os.path.join(out, fname), desc, vecs)
        print("%-26s %s" % (fname, count_modes(vecs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
