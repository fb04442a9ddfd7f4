# Shared start/stop logic of the peer scripts (juicefs.sh, seaweedfs.sh); sourced, not run.
#
# The sourcing script sets, before it calls anything here:
#   PEER_SCRIPT     its name, the prefix of error messages (juicefs.sh)
#   PEER_EXE        the server binary's name, checked by `ours` (juicefs)
#   PEER_LOGS       files under DIR whose tails `fail_start` prints (gateway.out gateway.log)
#   PEER_LOG_LINES  how many lines of each it prints
# and defines cmd_start DIR PORT AK SK. It may define after_stop DIR (extra clean-up for cmd_stop).
# It ends with `peer_main "$@"`.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEFAULT_AK="AKIAIOSFODNN7EXAMPLE"
DEFAULT_SK="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

usage() {
    echo "usage: $0 start DIR PORT [AK] [SK] | stop DIR" >&2
    exit 2
}

die() {
    echo "$PEER_SCRIPT: $*" >&2
    exit 1
}

# find_bin VAR NAME PIP_SPEC: the binary named by $VAR, else NAME in python3's scripts
# directory (where pip puts it), else NAME on PATH.
find_bin() {
    local var="$1" name="$2" pip_spec="$3"
    if [[ -n "${!var:-}" ]]; then
        echo "${!var}"
        return
    fi
    local scripts
    scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null || true)"
    if [[ -n "$scripts" && -x "$scripts/$name" ]]; then
        echo "$scripts/$name"
        return
    fi
    command -v "$name" || die "$name not found (python3 -m pip install $pip_spec)"
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
    [[ "${exe##*/}" == "$PEER_EXE"* && "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" == "$dir" ]]
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

# after_stop DIR: the sourcing script's extra clean-up; redefine it after sourcing.
after_stop() { :; }

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
    after_stop "$dir"
    return 0
}

fail_start() {
    local dir="$1" pid="$2" msg="$3" f
    [[ -n "$pid" ]] && alive "$pid" && stop_pid "$pid"
    rm -f "$dir/pid"
    {
        echo "$PEER_SCRIPT: $msg"
        for f in "${PEER_LOGS[@]/#/$dir/}"; do
            if [[ -s "$f" ]]; then
                echo "--- tail of $f"
                tail -n "$PEER_LOG_LINES" "$f"; echo
            fi
        done
    } >&2
    exit 1
}

# check_port PORT: dies unless PORT is a TCP port number.
check_port() {
    local port="$1"
    [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "bad port: $port"
}

# claim DIR PORT: dies when the server of DIR (an absolute path) still runs or when PORT
# already answers; forgets a stale DIR/pid.
claim() {
    local dir="$1" port="$2" old
    if [[ -f "$dir/pid" ]]; then
        old="$(cat "$dir/pid" 2>/dev/null || true)"
        if [[ "$old" =~ ^[0-9]+$ ]] && alive "$old" && ours "$old" "$dir"; then
            die "already running in $dir (pid $old); stop it first"
        fi
        rm -f "$dir/pid"
    fi
    if port_answers "$port"; then
        die "port $port on 127.0.0.1 is already in use"
    fi
}

# await_ready DIR PID PORT TIMEOUT PROCESS SERVICE READY...: waits up to TIMEOUT seconds
# until the command READY... succeeds (else fail_start, which names PROCESS when it exited and
# SERVICE when it did not answer), starts the PEER_WATCH_PID watcher and prints the endpoint.
await_ready() {
    local dir="$1" pid="$2" port="$3" wait_s="$4" process="$5" service="$6"
    shift 6
    local deadline=$((SECONDS + wait_s))
    until "$@"; do
        alive "$pid" || fail_start "$dir" "" "$process exited during startup"
        ((SECONDS < deadline)) || fail_start "$dir" "$pid" "$service did not answer on 127.0.0.1:$port in time"
        sleep 0.1
    done
    # The port answered, but make sure it is our process that answered.
    alive "$pid" || fail_start "$dir" "" "$process exited during startup (port $port taken?)"

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

peer_main() {
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
}
