#!/usr/bin/env bash
# Quick manual check of the peer scripts (not run by CI):
#   - JuiceFS gateway: create a bucket, header-signed PUT/GET with curl and
#     botocore, a wrong secret is refused
#   - SeaweedFS: STS AssumeRole gives temporary credentials, a GET with them
#     works, the same GET without the session token is refused
#   - both servers stop and leave no process behind
#   - faketime shifts the clock of a dynamically linked program
#
# Usage: scripts/peers/smoke.sh        (exit status 0 when every check passes)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
AK="AKIAIOSFODNN7EXAMPLE"
SK="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
WORK="$(mktemp -d /tmp/signet-smoke.XXXXXX)"
FAILED=0

cleanup() {
    "$HERE/juicefs.sh" stop "$WORK/jfs" || true
    "$HERE/seaweedfs.sh" stop "$WORK/sw" || true
    rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "  ok   $*"; }
bad() {
    echo "  FAIL $*"
    FAILED=1
}
check() { # check DESCRIPTION EXPECTED ACTUAL
    if [[ "$2" == "$3" ]]; then ok "$1 ($3)"; else bad "$1: expected '$2', got '$3'"; fi
}
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}s')" "$1" "$(now)"; }

echo "== faketime"
real_now="$(date -u +%s)"
shifted="$(faketime -f '+30m' date -u +%s)"
diff=$((shifted - real_now))
if ((diff >= 1790 && diff <= 1810)); then ok "faketime -f '+30m' date is ahead by ${diff}s"; else bad "faketime shift is ${diff}s"; fi

echo "== JuiceFS gateway"
JPORT="$(python3 "$HERE/free_port.py")"
t0="$(now)"
JURL="$("$HERE/juicefs.sh" start "$WORK/jfs" "$JPORT")"
echo "  started $JURL in $(elapsed "$t0")"
check "start prints only the endpoint" "http://127.0.0.1:$JPORT" "$JURL"
sig=(--aws-sigv4 "aws:amz:us-east-1:s3" -u "$AK:$SK")
check "curl CreateBucket" 200 "$(curl -s -o /dev/null -w '%{http_code}' "${sig[@]}" -X PUT "$JURL/smoke-bucket")"
printf 'hello from curl\n' >"$WORK/body.txt"
check "curl PUT object" 200 "$(curl -s -o /dev/null -w '%{http_code}' "${sig[@]}" -T "$WORK/body.txt" "$JURL/smoke-bucket/curl.txt")"
check "curl GET object" "hello from curl" "$(curl -s "${sig[@]}" "$JURL/smoke-bucket/curl.txt")"
check "curl GET with a wrong secret" 403 "$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:us-east-1:s3" -u "$AK:wrong-secret" "$JURL/smoke-bucket/curl.txt")"
# (curl, not botocore: botocore silently retries in the region the error names)
check "curl GET with region eu-west-1 in the scope" 400 "$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:eu-west-1:s3" -u "$AK:$SK" "$JURL/smoke-bucket/curl.txt")"
check "listens on 127.0.0.1 only" "127.0.0.1" "$(ss -ltnp | awk -v p="pid=$(cat "$WORK/jfs/pid")," '$0 ~ p {split($4, a, ":"); print a[1]}' | sort -u | tr '\n' ' ' | sed 's/ $//')"

python3 - "$JURL" "$AK" "$SK" <<'EOF' || FAILED=1
import sys
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

url, ak, sk = sys.argv[1:4]
session = botocore.session.get_session()
cfg = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
s3 = session.create_client("s3", endpoint_url=url, region_name="us-east-1",
                           aws_access_key_id=ak, aws_secret_access_key=sk, config=cfg)
s3.put_object(Bucket="smoke-bucket", Key="boto.txt", Body=b"hello from botocore")
body = s3.get_object(Bucket="smoke-bucket", Key="boto.txt")["Body"].read()
assert body == b"hello from botocore", body
print("  ok   botocore header-signed PUT/GET")
presigned = s3.generate_presigned_url("get_object", Params={"Bucket": "smoke-bucket", "Key": "boto.txt"}, ExpiresIn=60)
import urllib.request
with urllib.request.urlopen(presigned) as r:
    assert r.read() == b"hello from botocore"
print("  ok   botocore presigned GET")
EOF

echo "== SeaweedFS"
SPORT="$(python3 "$HERE/free_port.py")"
t0="$(now)"
SURL="$("$HERE/seaweedfs.sh" start "$WORK/sw" "$SPORT")"
echo "  started $SURL in $(elapsed "$t0") (ports: $(tr '\n' ' ' <"$WORK/sw/ports"))"
check "start prints only the endpoint" "http://127.0.0.1:$SPORT" "$SURL"
check "listens on 127.0.0.1 only" "127.0.0.1" "$(ss -ltnp | awk -v p="pid=$(cat "$WORK/sw/pid")," '$0 ~ p {split($4, a, ":"); print a[1]}' | sort -u | tr '\n' ' ' | sed 's/ $//')"

python3 - "$SURL" "$AK" "$SK" <<'EOF' || FAILED=1
import sys
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

url, ak, sk = sys.argv[1:4]
session = botocore.session.get_session()
cfg = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
kw = dict(endpoint_url=url, region_name="us-east-1", config=cfg)
s3 = session.create_client("s3", aws_access_key_id=ak, aws_secret_access_key=sk, **kw)
s3.create_bucket(Bucket="sts-bucket")
s3.put_object(Bucket="sts-bucket", Key="k.txt", Body=b"read with temporary credentials")
sts = session.create_client("sts", aws_access_key_id=ak, aws_secret_access_key=sk, **kw)
cred = sts.assume_role(RoleArn="arn:aws:iam::000000000000:role/TestRole",
                       RoleSessionName="smoke", DurationSeconds=900)["Credentials"]
print(f"  ok   AssumeRole -> {cred['AccessKeyId']}, token {len(cred['SessionToken'])} chars")
tmp = session.create_client("s3", aws_access_key_id=cred["AccessKeyId"],
                            aws_secret_access_key=cred["SecretAccessKey"],
                            aws_session_token=cred["SessionToken"], **kw)
body = tmp.get_object(Bucket="sts-bucket", Key="k.txt")["Body"].read()
assert body == b"read with temporary credentials", body
print("  ok   GET with the session token")
no_token = session.create_client("s3", aws_access_key_id=cred["AccessKeyId"],
                                 aws_secret_access_key=cred["SecretAccessKey"], **kw)
try:
    no_token.get_object(Bucket="sts-bucket", Key="k.txt")
    print("  FAIL GET without the session token was accepted")
    sys.exit(1)
except ClientError as e:
    print(f"  ok   GET without the session token refused ({e.response['Error']['Code']})")
EOF

echo "== stop"
JPID="$(cat "$WORK/jfs/pid")"
SPID="$(cat "$WORK/sw/pid")"
t0="$(now)"
"$HERE/juicefs.sh" stop "$WORK/jfs"
echo "  juicefs stopped in $(elapsed "$t0")"
t0="$(now)"
"$HERE/seaweedfs.sh" stop "$WORK/sw"
echo "  seaweedfs stopped in $(elapsed "$t0")"
for pid in "$JPID" "$SPID"; do
    state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo gone)"
    if [[ "$state" == gone || "$state" == Z ]]; then ok "pid $pid is gone"; else bad "pid $pid still running ($state)"; fi
done
"$HERE/juicefs.sh" stop "$WORK/jfs" && "$HERE/seaweedfs.sh" stop "$WORK/sw" && ok "second stop is a no-op"
check "endpoint closed after stop" "000" "$(curl -s -o /dev/null -w '%{http_code}' "$JURL/" || true)"

echo
if ((FAILED)); then
    echo "SMOKE: FAILED"
    exit 1
fi
echo "SMOKE: all checks passed"
