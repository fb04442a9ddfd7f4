#!/usr/bin/env python3
"""Generate Tencent COS (q-sign-algorithm=sha1) signing vectors with the real SDK.

Every expected value in the output comes from Tencent's own Python SDK
(`cos-python-sdk-v5`, module `qcloud_cos`): the Authorization string from
`CosS3Client.get_auth`, the presigned URL from `CosS3Client.get_presigned_url`,
and the intermediate stages (HttpString, StringToSign, SignKey) from the
SDK's DEBUG log lines.  Nothing here computes a signature itself.

The SDK takes its key time from `time.time()` ("now-60;now+Expired"); the
script swaps the clock seen by `qcloud_cos.cos_auth` for a fixed one, so a
wanted KeyTime "S;E" is produced with now = S+60 and Expired = E-S-60.

Usage:
    scripts/cos_vectors.py --seed 1 --count 400 --out vectors/cos/python-sdk.json
    scripts/cos_vectors.py --seed 7 --count 2000 --out /tmp/cos-random.json
    scripts/cos_vectors.py --check-documented vectors/cos/documented.json

Output: the `signet-vectors/1` format of VECTORS.md, one vector per line.
Same seed and count -> byte-identical file.  Before generating anything the
script re-runs the Python SDK cases of the research notes (V8.1-V8.15) and
exits with status 1 if the SDK does not reproduce them.
"""

import argparse
import base64
import hashlib
import json
import logging
import random
import sys
from urllib.parse import quote, unquote, urlsplit

try:
    from importlib.metadata import version as _dist_version
except ImportError:  # pragma: no cover
    _dist_version = None

import qcloud_cos
import qcloud_cos.cos_auth as cos_auth
from qcloud_cos import CosConfig, CosS3Client

BUCKET = "examplebucket-1250000000"
REGION = "ap-guangzhou"
HOST = BUCKET + ".cos." + REGION + ".myqcloud.com"
BASE = "https://" + HOST
DOC_ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
DOC_SECRET = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"


def sdk_version():
    try:
        return _dist_version("cos-python-sdk-v5")
    except Exception:
        return "unknown"


# --------------------------------------------------------------------------
# Driving the SDK
# --------------------------------------------------------------------------

class _FixedClock(object):
    """Stands in for the `time` module inside qcloud_cos.cos_auth."""

    def __init__(self):
        self.now = 0

    def time(self):
        return self.now


class _Capture(logging.Handler):
    """Collects the stage values CosS3Auth logs at DEBUG level."""

    PREFIXES = (("format str: ", "httpString"),
                ("str_to_sign: ", "stringToSign"),
                ("sign_key: ", "signKey"),
                ("sign: ", "sign"))

    def __init__(self):
        logging.Handler.__init__(self, logging.DEBUG)
        self.values = {}

    def emit(self, record):
        msg = record.getMessage()
        for prefix, name in self.PREFIXES:
            if msg.startswith(prefix):
                self.values[name] = msg[len(prefix):]
                return


class SDK(object):
    def __init__(self):
        self.clock = _FixedClock()
        cos_auth.time = self.clock  # the SDK now reads our fixed clock
        self.capture = _Capture()
        log = logging.getLogger(cos_auth.__name__)
        log.setLevel(logging.DEBUG)
        log.propagate = False
        log.handlers = [self.capture]
        self.clients = {}

    def client(self, sid, secret):
        c = self.clients.get((sid, secret))
        if c is None:
            conf = CosConfig(Region=REGION, SecretId=sid, SecretKey=secret, Scheme="https")
            c = CosS3Client(conf)
            self.clients[(sid, secret)] = c
        return c

    def sign(self, creds, method, key, headers, params, key_time, mode, sign_host=True):
        """Run the SDK once.

        creds: {"id", "secret", optional "token"}; key: SDK object key;
        headers/params: lists of (name, value); key_time: (start, end).
        Token: header mode -> x-cos-security-token header; query mode ->
        x-cos-security-token as the LAST param (both signed by the SDK).
        Returns the SDK's stages and lists.
        """
        start, end = key_time
        self.clock.now = start + 60
        expired = end - start - 60
        h = dict(headers)
        p = dict(params)
        token = creds.get("token")
        if token is not None:
            if mode == "header":
                h["x-cos-security-token"] = token
            else:
                p["x-cos-security-token"] = token
        client = self.client(creds["id"], creds["secret"])
        self.capture.values = {}
        # get_auth lets CosS3Auth write into the dict it is given: pass copies.
        auth = client.get_auth(Method=method, Bucket=BUCKET, Key=key, Expired=expired,
                               Headers=dict(h), Params=dict(p), SignHost=sign_host)
        got = dict(self.capture.values)
        fields = dict(item.split("=", 1) for item in auth.split("&"))
        if got.get("sign") != fields["q-signature"]:
            raise AssertionError("logged signature differs from Authorization")
        url = None
        if mode == "query":
            url = client.get_presigned_url(Bucket=BUCKET, Key=key, Method=method, Expired=expired,
                                           Params=dict(p), Headers=dict(h), SignHost=sign_host)
            if ("q-signature=" + fields["q-signature"]) not in url:
                raise AssertionError("presigned URL signature differs from get_auth")
        return {
            "httpString": got["httpString"],
            "stringToSign": got["stringToSign"],
            "signKey": got["signKey"],
            "signature": fields["q-signature"],
            "authorization": auth,
            "url": url,
            "headerList": [x for x in fields["q-header-list"].split(";") if x],
            "paramList": [x for x in fields["q-url-param-list"].split(";") if x],
        }


# --------------------------------------------------------------------------
# Signet request form <-> SDK input
# --------------------------------------------------------------------------

def enc(s):
    """RFC 3986 unreserved only; everything else %XX (UTF-8, uppercase)."""
    return quote(s.encode("utf-8"), safe="-_.~")


def wire_path(key):
    """Key as SDK key (no leading '/', or exactly '/') -> wire path."""
    if key == "/":
        return "/"
    return "/" + quote(key.encode("utf-8"), safe="/-_.~")


def wire_url(key, params, bare):
    """bare: set of param names written without '=' when their value is empty."""
    url = BASE + wire_path(key)
    if params:
        parts = []
        for name, value in params:
            if value == "" and name in bare:
                parts.append(enc(name))
            else:
                parts.append(enc(name) + "=" + enc(value))
        url += "?" + "&".join(parts)
    return url


def parse_url(url):
    """Inverse of wire_url: (host, SDK key, [(name, value)])."""
    u = urlsplit(url)
    path = unquote(u.path, encoding="utf-8", errors="strict") or "/"
    params = []
    if u.query:
        for part in u.query.split("&"):
            name, eq, value = part.partition("=")
            params.append((unquote(name), unquote(value)))
    return u.hostname, path, params


def decoded_list(sdk_list, names):
    """Map the SDK's encoded lower-case names back to lower-case names."""
    back = {}
    for n in names:
        back[enc(n).lower()] = n.lower()
    return [back.get(x, unquote(x).lower()) for x in sdk_list]


# --------------------------------------------------------------------------
# Cross-check with the research notes (cos-signature.md section 5, V8.x)
# --------------------------------------------------------------------------

V8_TOKEN = "EXAMPLE_SESSION_TOKEN_abc+/=123"
V8_CASES = [
    # (id, method, key, headers, params, token-mode, expected q-signature)
    ("V8.1", "GET", "exampleobject.txt", [], [], None, "a88bca6754fedb4199d1bf7aa69847f0ee396e93"),
    ("V8.2", "GET", "folder/a b+c.txt", [], [], None, "6ddc54b38f57cf27ba9fc741d5cb6262b154207b"),
    ("V8.3", "PUT", "\u6d4b\u8bd5/\u6587\u4ef6 1.jpg", [], [], None, "8279d282ba9c455b1a91a568d0b7334f905ea197"),
    ("V8.4", "GET", "a~b*c!d'e(f)g;h=i&j,k:l@m$n.txt", [], [], None, "fd8e8a46976f8d5765fe981d39ae94b658056a50"),
    ("V8.5", "GET", "/leading.txt", [], [], None, "8cc86d75012249d98893ab10e64814b20d8488a6"),
    ("V8.6", "GET", "q?x#y%z.txt", [], [], None, "9b49a043fe9bf41cad7ea3307cd77b26ad14a3e8"),
    ("V8.7", "GET", "report.pdf", [],
     [("response-content-disposition", "attachment; filename=\"\u62a5\u544a 1.pdf\""),
      ("response-content-type", "application/pdf")], None, "53c0a67b210711059f5de2c858a4be691299a69a"),
    ("V8.8", "PUT", "dir/obj.txt",
     [("Content-Type", "text/plain; charset=utf-8"), ("Content-MD5", "mQ/fVh815F3k6TAUm8m0eg=="),
      ("Content-Length", "13"), ("x-cos-meta-Name", "Hello World"), ("X-COS-Storage-Class", "STANDARD_IA"),
      ("User-Agent", "not-signed/1.0"), ("x-cos-meta-empty", "")], [], None,
     "bd36c92d44fd29f6ba7cf6ffa5d48279f09e087e"),
    ("V8.9", "GET", "obj", [], [("acl", "")], None, "6feda21bb3e7ec662c1284243dec04e8145b421c"),
    ("V8.10", "PUT", "big.bin", [],
     [("partNumber", "1"), ("uploadId", "1585130821cbb7df1d11846c073ad648e8f33b087cec2381df437acdc833cf654b9ecc6361")],
     None, "2561f5698df4d444d750084d5351459e3bb03b82"),
    ("V8.11", "GET", "/", [],
     [("prefix", "photos/2024 01/"), ("delimiter", "/"), ("max-keys", "20"), ("Marker", "a+b")], None,
     "2670ed8fcabaf7c4775807d1d8b91365848a51e9"),
    ("V8.12", "GET", "photo.jpg", [], [], "query", "57ad2f548ee23b35383c97cb8ab2bb81c4a588c2"),
    ("V8.13", "GET", "photo.jpg", [], [], "header", "9e9aa705a0a918a439adfef93f7f1fbb4479e61c"),
    ("V8.14", "POST", "big.bin", [], [("uploads", "")], None, "379773bed6775d9192c1455181c062d4f530eb02"),
    ("V8.15", "GET", "obj", [], [("a.b", "1"), ("a/b", "2")], None, "0da3d1366d218883a4c2f941135939bf98c176ff"),
]
V8_MORE = {
    # a few full stages, typed from the notes
    "V8.8": ("httpString", "put\n/dir/obj.txt\n\ncontent-length=13&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D"
             "&content-type=text%2Fplain%3B%20charset%3Dutf-8&host=" + HOST +
             "&x-cos-meta-empty=&x-cos-meta-name=Hello%20World&x-cos-storage-class=STANDARD_IA\n"),
    "V8.11": ("url", BASE + "/?q-sign-algorithm=sha1&q-ak=" + DOC_ID +
              "&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host"
              "&q-url-param-list=delimiter%3Bmarker%3Bmax-keys%3Bprefix&q-signature=2670ed8fcabaf7c4775807d1d8b91365848a51e9"
              "&prefix=photos%2F2024+01%2F&delimiter=%2F&max-keys=20&Marker=a%2Bb"),
    "V8.12": ("url", BASE + "/photo.jpg?q-sign-algorithm=sha1&q-ak=" + DOC_ID +
              "&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host"
              "&q-url-param-list=x-cos-security-token&q-signature=57ad2f548ee23b35383c97cb8ab2bb81c4a588c2"
              "&x-cos-security-token=EXAMPLE_SESSION_TOKEN_abc%2B%2F%3D123"),
    "V8.15": ("url", BASE + "/obj?q-sign-algorithm=sha1&q-ak=" + DOC_ID +
              "&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host"
              "&q-url-param-list=a%252fb%3Ba.b&q-signature=0da3d1366d218883a4c2f941135939bf98c176ff&a.b=1&a%2Fb=2"),
}


def self_check(sdk):
    failures = []
    for cid, method, key, headers, params, token_mode, want_sig in V8_CASES:
        creds = {"id": DOC_ID, "secret": DOC_SECRET}
        mode = token_mode or "query"
        if token_mode:
            creds["token"] = V8_TOKEN
        got = sdk.sign(creds, method, key, headers, params, (1699999940, 1700000300), mode)
        if got["signature"] != want_sig:
            failures.append("%s: signature %s, notes say %s" % (cid, got["signature"], want_sig))
        if cid in V8_MORE:
            stage, want = V8_MORE[cid]
            if got[stage] != want:
                failures.append("%s: %s %r, notes say %r" % (cid, stage, got[stage], want))
    return failures


def check_documented(sdk, path):
    """Re-run the SDK on the vectors of `path` whose source is the Python SDK."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    failures, n = [], 0
    for v in doc["vectors"]:
        if not v.get("source", "").startswith("cos-python-sdk-v5") or "expectError" in v:
            continue
        n += 1
        req = v["request"]
        host, key, params = parse_url(req["url"])
        lo, hi = v["sign"]["keyTime"].split(";")
        got = sdk.sign(v["credentials"], req["method"], key, [tuple(h) for h in req.get("headers", [])],
                       params, (int(lo), int(hi)), v["sign"]["mode"],
                       sign_host="host" in v["sign"].get("signedHeaders", ["host"]))
        for stage, want in v["expect"].items():
            if got.get(stage) != want:
                failures.append("%s: %s differs: %r vs %r" % (v["id"], stage, got.get(stage), want))
    return n, failures


# --------------------------------------------------------------------------
# Random inputs
# --------------------------------------------------------------------------

WORDS = ["photos", "2024", "report", "data", "img", "backup", "a-b_c.d~e", "v1.2", "README", "x", "Q3",
         "logs", "tmp", "user_42", "A", "archive.tar.gz", "index.html", "file.txt"]
UNICODE = ["\u6d4b\u8bd5", "\u6587\u4ef6", "\u817e\u8baf\u4e91", "\u043a\u043b\u044e\u0447", "\u0444\u0430\u0439\u043b",
           "\u041f\u0440\u0438\u0432\u0435\u0442", "\U0001F600", "\U0001F680", "\U0001F44D\U0001F3FD",
           "\u00e9t\u00e9", "\u00fcber", "\u30d5\u30a1\u30a4\u30eb", "\ud30c\uc77c", "\u00f1", "\u03a9\u03bc\u03b5\u03b3\u03b1",
           "\u0627\u0644\u0645\u0644\u0641", "\u20ac100"]
RESERVED = list("!#$&'()*+,:;=?@[]%")  # '/' handled by the key structure
OTHER = [" ", "+", "~", "a b", "a+b", " x ", "%20", "%2F", "%", "100%", "\"", "<", ">", "\\", "^", "`", "{", "|", "}"]
EXTS = ["", ".txt", ".jpg", ".pdf", ".bin", ".json", ".tar.gz", ".\u56fe\u7247"]


def rand_alnum(rng, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def rand_segment(rng):
    parts = []
    for _ in range(rng.randint(1, 3)):
        r = rng.random()
        if r < 0.40:
            parts.append(rng.choice(WORDS))
        elif r < 0.62:
            parts.append(rng.choice(UNICODE))
        elif r < 0.84:
            parts.append(rng.choice(RESERVED))
        else:
            parts.append(rng.choice(OTHER))
    seg = "".join(parts)
    if seg.strip(".") == "":  # never a dot segment ("." / "..")
        seg = "d" + seg
    return seg


def rand_key(rng):
    r = rng.random()
    if r < 0.04:
        return "/"  # bucket-level request (URL path "/")
    if r < 0.10:
        return rng.choice(WORDS) + rng.choice(EXTS)
    segs = [rand_segment(rng) for _ in range(rng.randint(1, 4))]
    key = segs[0]
    for s in segs[1:]:
        key += ("//" if rng.random() < 0.12 else "/") + s
    key += rng.choice(EXTS)
    if rng.random() < 0.05:
        key += "/"  # "folder" key
    if rng.random() < 0.03:
        key = key + "./tail"  # the SDK writes "./" as ".%2F" in its URL
    if key.startswith("/"):
        key = "k" + key
    return key


def rand_value(rng, allow_empty=True):
    r = rng.random()
    if allow_empty and r < 0.08:
        return ""
    if r < 0.35:
        return rng.choice(WORDS)
    if r < 0.55:
        return rand_segment(rng) + rng.choice(["", "/", "/" + rand_segment(rng)])
    if r < 0.70:
        return rng.choice(UNICODE) + rng.choice(["", " ", "+", "-"]) + rng.choice(WORDS)
    if r < 0.85:
        return "".join(rng.choice(RESERVED + ["/", " ", "~", "+"]) for _ in range(rng.randint(1, 6)))
    return str(rng.randint(0, 10 ** rng.randint(1, 12)))


def case_variant(rng, name):
    r = rng.random()
    if r < 0.45:
        return name
    if r < 0.65:
        return name.lower()
    if r < 0.80:
        return name.upper()
    if r < 0.92:
        return "-".join(p[:1].upper() + p[1:] for p in name.split("-"))
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name)


SUBRESOURCES = ["acl", "uploads", "tagging", "cors", "versions", "delete", "policy", "lifecycle", "referer",
                "website", "restore", "select", "inventory", "logging", "domain"]


def rand_params(rng):
    params = []
    used = set()

    def add(name, value):
        if name.lower() in used or name.lower().startswith("q-") or name.lower() == "x-cos-security-token":
            return
        used.add(name.lower())
        params.append((name, value))

    n = rng.choice([0, 0, 1, 1, 1, 2, 2, 3, 4, 5])
    for _ in range(n):
        r = rng.random()
        if r < 0.22:
            add(case_variant(rng, rng.choice(SUBRESOURCES)) if rng.random() < 0.2 else rng.choice(SUBRESOURCES), "")
        elif r < 0.42:
            name = rng.choice(["response-content-type", "response-content-disposition", "response-cache-control",
                               "response-expires", "response-content-language", "response-content-encoding"])
            value = rng.choice(["application/octet-stream", "text/html; charset=utf-8", "max-age=600",
                                "attachment; filename=\"\u62a5\u544a 1.pdf\"", "inline", "zh-CN", "gzip",
                                "Thu, 01 Dec 2033 16:00:00 GMT", "attachment;filename*=UTF-8''a%20b.txt"])
            add(case_variant(rng, name) if rng.random() < 0.2 else name, value)
        elif r < 0.62:
            name = rng.choice(["prefix", "delimiter", "max-keys", "marker", "Marker", "encoding-type", "key-marker",
                               "version-id-marker", "upload-id-marker", "max-uploads"])
            value = {"delimiter": rng.choice(["/", "|", ""]), "max-keys": str(rng.randint(1, 1000)),
                     "encoding-type": "url", "max-uploads": str(rng.randint(1, 1000))}.get(name)
            if value is None:
                value = rand_value(rng)
            add(name, value)
        elif r < 0.75:
            name = rng.choice(["partNumber", "uploadId", "versionId", "position", "PartNumber", "VersionId"])
            value = str(rng.randint(1, 10000)) if name.lower() in ("partnumber", "position") \
                else rand_alnum(rng, rng.choice([16, 32, 64]))
            add(name, value)
        elif r < 0.85:
            name = rng.choice(["ci-process", "imageMogr2/thumbnail/!50p", "imageInfo", "watermark/1/image",
                               "x-param", "MixedCase", "a.b", "a/b", "k:v", "x y", "\u00fc", "\u540d\u5b57", "sort~key"])
            add(name, rand_value(rng))
        else:
            add(case_variant(rng, "x-" + rand_alnum(rng, rng.randint(1, 8), "abcdefghijklmnopqrstuvwxyz0123456789")),
                rand_value(rng))
    return params


HTTP_DATES = ["Thu, 16 May 2019 06:45:51 GMT", "Tue, 14 Nov 2023 22:13:20 GMT", "Mon, 01 Jan 2001 00:00:00 GMT",
              "Wed, 21 Oct 2015 07:28:00 GMT"]
META_VALUES = ["Hello World", "", "a;b=c", "\"quoted value\"", "uin=\"100000000011\"", "x,y,z", "two words",
               "~/+=&?#", "100%", "k1=v1; k2=v2", "it's", "(paren) [bracket] {brace}", "a/b/c", "UTF-8''%E6%B5%8B"]


def rand_body(rng):
    n = rng.choice([0, 1, 5, 13, 64, 300])
    pool = "abcdefghijklmnopqrstuvwxyz0123456789 \n{}\":,"
    text = "".join(rng.choice(pool) for _ in range(n))
    if rng.random() < 0.3:
        text += rng.choice(UNICODE)
    return text


def rand_headers(rng, method):
    headers = []
    used = set()
    body = None

    def add(name, value):
        if name.lower() in used:
            return
        used.add(name.lower())
        headers.append((name, value))

    if method in ("PUT", "POST") and rng.random() < 0.55:
        body = rand_body(rng)
        raw = body.encode("utf-8")
        add(case_variant(rng, "Content-Length"), str(len(raw)))
        if rng.random() < 0.6:
            add(case_variant(rng, "Content-MD5"), base64.b64encode(hashlib.md5(raw).digest()).decode("ascii"))
        if rng.random() < 0.8:
            add(case_variant(rng, "Content-Type"),
                rng.choice(["text/plain", "text/plain; charset=utf-8", "application/json; charset=UTF-8",
                            "image/png", "application/octet-stream", "application/xml",
                            "multipart/form-data; boundary=\"abc def\""]))
    if method in ("GET", "HEAD") and rng.random() < 0.2:
        add(case_variant(rng, "Range"), rng.choice(["bytes=0-99", "bytes=100-", "bytes=-500", "bytes=0-0,5-9"]))

    for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4, 6])):
        r = rng.random()
        if r < 0.30:
            add(case_variant(rng, "x-cos-meta-" + rng.choice(["name", "author", "empty", "Project", "a_b", "v2",
                                                              "note", "x"])),
                rng.choice(META_VALUES))
        elif r < 0.50:
            name, value = rng.choice([
                ("x-cos-acl", rng.choice(["private", "public-read", "default"])),
                ("x-cos-grant-read", "id=\"100000000001\",id=\"100000000002\""),
                ("x-cos-storage-class", rng.choice(["STANDARD", "STANDARD_IA", "ARCHIVE", "MAZ_STANDARD"])),
                ("x-cos-server-side-encryption", "AES256"),
                ("x-cos-traffic-limit", str(rng.randint(819200, 838860800))),
                ("x-cos-tagging", "a=1&b=2"),
                ("x-cos-forbid-overwrite", "true"),
                ("x-cos-content-sha1", hashlib.sha1(rand_alnum(rng, 8).encode()).hexdigest()),
                ("x-ci-process", "imageMogr2/thumbnail/!50p"),
                ("x-ci-" + rand_alnum(rng, 5, "abcdefghij"), rng.choice(META_VALUES)),
            ])
            add(case_variant(rng, name), value)
        elif r < 0.72:
            name, value = rng.choice([
                ("Cache-Control", rng.choice(["max-age=600, no-cache", "no-store", "private"])),
                ("Content-Disposition", rng.choice(["attachment; filename=\"a b.txt\"", "inline"])),
                ("Content-Encoding", rng.choice(["gzip", "identity"])),
                ("Expires", rng.choice(HTTP_DATES)),
                ("If-Match", "\"" + hashlib.md5(rand_alnum(rng, 6).encode()).hexdigest() + "\""),
                ("If-None-Match", rng.choice(["*", "\"abc\""])),
                ("If-Modified-Since", rng.choice(HTTP_DATES)),
                ("If-Unmodified-Since", rng.choice(HTTP_DATES)),
                ("Origin", rng.choice(["https://example.com", "http://localhost:8080"])),
                ("Pic-Operations", "{\"is_pic_info\":1,\"rules\":[{\"fileid\":\"out.png\","
                                   "\"rule\":\"imageMogr2/format/png\"}]}"),
            ])
            add(case_variant(rng, name), value)
        else:
            # filtered out by the SDK: never signed
            name, value = rng.choice([
                ("User-Agent", rng.choice(["cos-python-sdk-v5.1.9.44", "Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0"])),
                ("Accept", rng.choice(["*/*", "application/xml", "text/html, */*; q=0.8"])),
                ("Date", rng.choice(HTTP_DATES)),
                ("Accept-Encoding", "gzip, deflate"),
                ("X-Request-Id", rand_alnum(rng, 12)),
                ("Connection", "keep-alive"),
            ])
            add(case_variant(rng, name), value)
    rng.shuffle(headers)
    return headers, body


LENGTHS = [1, 2, 59, 60, 61, 300, 900, 1800, 3600, 7200, 86400, 604800, 31536000, 1577836800]


def rand_key_time(rng):
    start = rng.randint(1262304000, 1900000000)
    if rng.random() < 0.7:
        length = rng.choice(LENGTHS)
    else:
        length = rng.randint(1, 200000)
    return start, start + length


TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def rand_token(rng):
    body = "".join(rng.choice(TOKEN_ALPHABET) for _ in range(rng.randint(20, 300)))
    return body + rng.choice(["", "=", "==", "_" + rand_alnum(rng, 4)])


def rand_credentials(rng, pool):
    if rng.random() < 0.5:
        creds = {"id": DOC_ID, "secret": DOC_SECRET}
    else:
        creds = dict(rng.choice(pool))
    if rng.random() < 0.2:
        creds["token"] = rand_token(rng)
    return creds


METHODS = ["GET"] * 4 + ["PUT"] * 3 + ["POST", "DELETE", "HEAD"]


def make_vector(sdk, rng, index, seed, pool, version):
    mode = "header" if rng.random() < 0.5 else "query"
    creds = rand_credentials(rng, pool)
    method = rng.choice(METHODS)
    key = rand_key(rng)
    params = rand_params(rng)
    bare = set(n for n, v in params if v == "" and rng.random() < 0.5)
    headers, body = rand_headers(rng, method)
    key_time = rand_key_time(rng)
    sign_host = rng.random() >= 0.08

    got = sdk.sign(creds, method, key, headers, params, key_time, mode, sign_host=sign_host)

    url = wire_url(key, params, bare)
    # The vector must describe exactly what the SDK was given.
    host, back_key, back_params = parse_url(url)
    if host != HOST or back_params != params or (back_key != key and back_key != "/" + key):
        raise AssertionError("URL round trip failed for %r" % url)

    extra_names = [n for n, _ in params] + (["x-cos-security-token"] if "token" in creds else [])
    request = {"method": method, "url": url, "headers": [[n, v] for n, v in headers]}
    if body is not None:
        request["body"] = body
    expect = {
        "httpString": got["httpString"],
        "stringToSign": got["stringToSign"],
        "signKey": got["signKey"],
        "signature": got["signature"],
        "authorization": got["authorization"],
    }
    spaces = any(" " in n or " " in v for n, v in params)
    if mode == "query" and not spaces and "./" not in key:
        expect["url"] = got["url"]
    return {
        "id": "cos-py-s%d-%04d-%s" % (seed, index, mode),
        "scheme": "cos",
        "source": "cos-python-sdk-v5 %s CosS3Auth (scripts/cos_vectors.py seed %d)" % (version, seed),
        "credentials": creds,
        "request": request,
        "sign": {
            "mode": mode,
            "keyTime": "%d;%d" % key_time,
            "signedHeaders": got["headerList"],
            "signedParams": decoded_list(got["paramList"], extra_names),
        },
        "expect": expect,
    }


def generate(sdk, seed, count):
    rng = random.Random(seed)
    version = sdk_version()
    pool = [{"id": "AKID" + rand_alnum(rng, 32), "secret": rand_alnum(rng, 32)} for _ in range(4)]
    return [make_vector(sdk, rng, i + 1, seed, pool, version) for i in range(count)]


def dump(vectors, description):
    lines = [json.dumps(v, ensure_ascii=False, separators=(", ", ": ")) for v in vectors]
    head = '{"format": "signet-vectors/1",\n "description": %s,\n "vectors": [\n' % json.dumps(description)
    return head + ",\n".join(lines) + "\n]}\n"


def stats(vectors):
    c = {}

    def bump(k, cond=True):
        if cond:
            c[k] = c.get(k, 0) + 1

    for v in vectors:
        r, s = v["request"], v["sign"]
        path = unquote(urlsplit(r["url"]).path)
        bump("mode=" + s["mode"])
        bump("method=" + r["method"])
        bump("token", "token" in v["credentials"])
        bump("doc credentials", v["credentials"]["id"] == DOC_ID)
        bump("non-ascii key", any(ord(ch) > 127 for ch in path))
        bump("emoji key", any(ord(ch) > 0xFFFF for ch in path))
        bump("cyrillic key", any(0x400 <= ord(ch) < 0x500 for ch in path))
        bump("cjk key", any(0x4E00 <= ord(ch) < 0xA000 for ch in path))
        for ch in "!#$&'()*+,:;=?@[]% ~":
            bump("key has %r" % ch, ch in path)
        bump("key has //", "//" in path)
        bump("has params", bool(urlsplit(r["url"]).query))
        q = urlsplit(r["url"]).query
        bump("bare param", any("=" not in p for p in q.split("&")) if q else False)
        bump("empty param with =", any(p.endswith("=") for p in q.split("&")) if q else False)
        bump("mixed-case param", any(p.split("=")[0] != p.split("=")[0].lower() for p in q.split("&")) if q else False)
        hn = [h[0] for h in r["headers"]]
        bump("mixed-case header", any(n != n.lower() for n in hn))
        bump("empty header value", any(h[1] == "" for h in r["headers"]))
        bump("unsigned extra header", any(n.lower() not in s["signedHeaders"] for n in hn))
        bump("header with ; or quote", any(";" in h[1] or "\"" in h[1] for h in r["headers"]))
        bump("x-cos-meta", any(n.lower().startswith("x-cos-meta-") for n in hn))
        bump("range", "range" in [n.lower() for n in hn])
        bump("content-type charset", any(n.lower() == "content-type" and "charset" in val for n, val in r["headers"]))
        bump("content-md5", "content-md5" in [n.lower() for n in hn])
        bump("body", "body" in r)
        bump("no host signed", "host" not in s["signedHeaders"])
        lo, hi = map(int, s["keyTime"].split(";"))
        bump("50-year window", hi - lo >= 1577836800)
        bump("expect.url", "url" in v["expect"])
    return c


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--out", help="output file (default: stdout)")
    ap.add_argument("--stats", action="store_true", help="print feature counts to stderr")
    ap.add_argument("--check-documented", metavar="FILE",
                    help="re-run the SDK on the Python-SDK vectors of FILE and report differences")
    args = ap.parse_args(argv)

    sdk = SDK()
    failures = self_check(sdk)
    if failures:
        for f in failures:
            print("SDK self-check FAILED: " + f, file=sys.stderr)
        return 1

    if args.check_documented:
        n, failures = check_documented(sdk, args.check_documented)
        for f in failures:
            print("MISMATCH " + f, file=sys.stderr)
        print("%d vectors re-run with the SDK, %d mismatches" % (n, len(failures)), file=sys.stderr)
        return 1 if failures else 0

    vectors = generate(sdk, args.seed, args.count)
    text = dump(vectors, "COS q-sign-algorithm=sha1 vectors generated by cos-python-sdk-v5 %s "
                         "(scripts/cos_vectors.py --seed %d --count %d); fixed key times"
                % (sdk_version(), args.seed, args.count))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if args.stats:
        for k, n in sorted(stats(vectors).items()):
            print("%6d  %s" % (n, k), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
