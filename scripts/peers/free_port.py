#!/usr/bin/env python3
"""Print free loopback TCP ports, one per line.

Usage: free_port.py [COUNT]     (default COUNT=1)

Each port is bound on 127.0.0.1 with port 0 so the kernel picks it; all
sockets stay open until every port has been chosen, so the ports printed
are distinct. They are closed before printing, so a caller should bind
them soon (the kernel hands out ephemeral ports in a rotating order, which
makes an immediate reuse by someone else unlikely).
"""

import socket
import sys


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    if count < 1:
        print("usage: free_port.py [COUNT>=1]", file=sys.stderr)
        return 2
    socks = []
    ports = []
    try:
        while len(ports) < count:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
            port = s.getsockname()[1]
            # weed derives gRPC ports as http+10000; callers that pass
            # ports explicitly do not depend on this, but keep ports low
            # enough that such a derivation would stay valid.
            if port > 55535:
                continue
            ports.append(port)
    finally:
        for s in socks:
            s.close()
    print("\n".join(str(p) for p in ports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
