#!/usr/bin/env python3
"""Peer timings for Signet's benchmark workload: botocore and cos-python-sdk-v5.

    python3 Benchmarks/peers.py [--iterations N] [--repeats R] [--only SUBSTRING]

Each measured operation does its full work on every iteration (a fresh request object per op;
botocore and the COS SDK re-derive their signing keys themselves, as they always do). The clock
is fixed so that the signatures equal the C floor's and Signet's:

* botocore: ``botocore.auth.get_current_datetime`` returns 2024-06-12T14:14:59 (UTC).
* COS SDK: ``qcloud_cos.cos_auth.time`` is replaced by a stand-in whose ``time()`` returns
  1718201759 (start + 60, because the SDK back-dates by 60 s), and ``Expired`` is 3540, so KeyTime
  is exactly ``1718201699;1718205299`` (a 3600 s window). Only the SDK's own module sees the
  stand-in; the process clock is untouched.

Prints lines "name value" (what each peer produced, once) and then one JSON line:
{"botocore.S3SigV4QueryAuth": {"nsPerOp": ...}, ...} with medians over the repeats.
"""
import argparse
import datetime
import json
import statistics
import sys
import time
import types

OBJECT_KEY = "photos/2024/06/holiday pictures/IMG_20240612_141459.jpg"

V4_ACCESS = "AKIAIOSFODNN7EXAMPLE"
V4_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
V4_BUCKET = "examplebucket"
V4_HOST = "examplebucket.s3.us-east-1.amazonaws.com"
V4_URL = "https://" + V4_HOST + "/photos/2024/06/holiday%20pictures/IMG_20240612_141459.jpg"
V4_TIME = datetime.datetime(2024, 6, 12, 14, 14, 59)  # botocore works in naive UTC
V4_EXPIRES = 3600

COS_SECRET_ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
COS_SECRET_KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"
COS_BUCKET = "examplebucket-1250000000"
COS_REGION = "ap-guangzhou"
COS_START = 1718201699
COS_END = 1718205299
COS_PARAMS = {"response-content-type": "image/jpeg", "response-content-disposition": "attachment"}


def query_value(url, name):
    from urllib.parse import parse_qs, urlsplit

    values = parse_qs(urlsplit(url).query).get(name)
    return values[0] if values else None


def setup_botocore():
    import botocore
    import botocore.auth
    import botocore.session
    from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.config import Config
    from botocore.credentials import Credentials

    botocore.auth.get_current_datetime = lambda *a, **k: V4_TIME
    creds = Credentials(V4_ACCESS, V4_SECRET)
    query_auth = S3SigV4QueryAuth(creds, "s3", "us-east-1", expires=V4_EXPIRES)
    header_auth = S3SigV4Auth(creds, "s3", "us-east-1")

    def s3_query_auth():
        request = AWSRequest(method="GET", url=V4_URL)
        query_auth.add_auth(request)
        return request.url

    def s3_header_auth():
        request = AWSRequest(method="GET", url=V4_URL)
        header_auth.add_auth(request)
        return request.headers["Authorization"]

    session = botocore.session.get_session()
    client = session.create_client(
        "s3",
        region_name="us-east-1",
        aws_access_key_id=V4_ACCESS,
        aws_secret_access_key=V4_SECRET,
        config=Config(
            signature_version="s3v4",
            s3={"addressing_style": "virtual", "us_east_1_regional_endpoint": "regional"},
        ),
    )

    def generate_presigned_url():
        return client.generate_presigned_url(
            "get_object", Params={"Bucket": V4_BUCKET, "Key": OBJECT_KEY}, ExpiresIn=V4_EXPIRES
        )

    def v4_sig(url):
        return query_value(url, "X-Amz-Signature")

    def header_sig(auth):
        return auth.rsplit("Signature=", 1)[-1]

    return botocore.__version__, [
        ("botocore.S3SigV4QueryAuth", s3_query_auth, v4_sig),
        ("botocore.generate_presigned_url", generate_presigned_url, v4_sig),
        ("botocore.S3SigV4Auth", s3_header_auth, header_sig),
    ]


def setup_cos():
    import logging

    import qcloud_cos.cos_auth
    import requests
    from qcloud_cos import CosConfig, CosS3Client
    from qcloud_cos.cos_auth import CosS3Auth

    try:
        from importlib.metadata import version

        sdk_version = version("cos-python-sdk-v5")
    except Exception:  # pragma: no cover
        sdk_version = getattr(qcloud_cos, "__version__", "?")

    logging.getLogger("qcloud_cos").setLevel(logging.WARNING)
    qcloud_cos.cos_auth.time = types.SimpleNamespace(time=lambda: COS_START + 60)
    expired = COS_END - COS_START - 60

    conf = CosConfig(Region=COS_REGION, SecretId=COS_SECRET_ID, SecretKey=COS_SECRET_KEY, Scheme="https")
    client = CosS3Client(conf)
    url = conf.uri(bucket=COS_BUCKET, path=OBJECT_KEY)

    def get_presigned_url():
        return client.get_presigned_url(
            Bucket=COS_BUCKET, Key=OBJECT_KEY, Method="GET", Expired=expired, Params=dict(COS_PARAMS)
        )

    def cos_s3_auth():
        params = dict(COS_PARAMS)
        request = requests.Request("GET", url, params=params)
        auth = CosS3Auth(conf, OBJECT_KEY, params, expired)
        return auth(request).headers["Authorization"]

    def url_sig(u):
        return query_value(u, "q-signature")

    def auth_sig(a):
        return a.rsplit("q-signature=", 1)[-1]

    return sdk_version, [
        ("cos-sdk.get_presigned_url", get_presigned_url, url_sig),
        ("cos-sdk.CosS3Auth", cos_s3_auth, auth_sig),
    ]


def measure(fn, iterations, repeats):
    for _ in range(max(1, iterations // 10)):
        fn()
    per_op = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        for _ in range(iterations):
            fn()
        per_op.append((time.perf_counter_ns() - t0) / iterations)
    return {
        "nsPerOp": round(statistics.median(per_op), 1),
        "minNsPerOp": round(min(per_op), 1),
        "maxNsPerOp": round(max(per_op), 1),
        "iterations": iterations,
        "repeats": repeats,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iterations", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--only", default="", help="measure only operations whose name contains this")
    args = ap.parse_args()

    ops = []
    versions = {"python": sys.version.split()[0]}
    for name, setup in (("botocore", setup_botocore), ("cos-sdk", setup_cos)):
        try:
            v, o = setup()
            versions[name] = v
            ops += o
        except Exception as e:  # a missing peer is reported, not fatal
            versions[name] = None
            print(f"{name}.error {type(e).__name__}: {e}")

    results = {}
    for name, fn, sig in ops:
        if args.only and args.only not in name:
            continue
        out = fn()
        print(f"{name}.output {out}")
        print(f"{name}.signature {sig(out)}")
        sys.stdout.flush()
        results[name] = measure(fn, args.iterations, args.repeats)
        results[name]["signature"] = sig(out)
    print(f"versions {json.dumps(versions)}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
