import Foundation
import SignetHTTP
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 whose `Date` header runs a known offset from the real
/// clock. It answers every request with 403 and no body, keeps connections alive, and stamps
/// `Date` when the request head has arrived, truncating to the second like real servers.
final class LoopbackDateServer: Sendable {
    enum DateMode: Sendable {
        /// `Date: floor(now + offset)`.
        case offset(Double)
        /// No `Date` header.
        case missing
        /// This exact `Date` value.
        case literal(String)
        /// `Date` with an `Age: 120` header, as from a cache.
        case cached(Double)
        /// Read the request, never answer.
        case silent
    }

    let port: UInt16
    private let listener: Int32
    private let mode: DateMode
    private let state = Mutex<(requests: [String], connections: [Int32], closed: Bool)>(([], [], false))

    init(_ mode: DateMode) throws {
        self.mode = mode
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)/" }

    /// Request lines received so far.
    var requests: [String] { state.withLock { $0.requests } }

    /// Stops accepting and ends every connection. Idempotent. Each socket is closed by the one
    /// thread that owns it, so no number is ever closed twice (it may already belong to another
    /// server by then).
    func stop() {
        state.withLock { s in
            guard !s.closed else { return }
            s.closed = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in s.connections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    deinit { stop() }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let conn = accept(listener, nil, nil)
            if conn < 0 {
                if errno == EINTR { continue }
                return
            }
            let closed = state.withLock { s -> Bool in
                if s.closed {
                    close(conn)
                } else {
                    s.connections.append(conn)
                }
                return s.closed
            }
            if closed { return }
            let thread = Thread { [self] in
                serve(conn)
                state.withLock { s in
                    s.connections.removeAll { $0 == conn }
                    close(conn)
                }
            }
            thread.start()
        }
    }

    private func serve(_ conn: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Read one request head.
            var headEnd: Int?
            while headEnd == nil {
                headEnd = LoopbackDateServer.find([13, 10, 13, 10], in: buffer)
                if headEnd != nil { break }
                let n = read(conn, &chunk, chunk.count)
                if n <= 0 { return }
                buffer += chunk[0..<n]
            }
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let real = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
            let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
            buffer.removeFirst(headEnd! + 4)
            let requestLine = head.split(separator: "\r\n").first.map(String.init) ?? ""
            state.withLock { $0.requests.append(requestLine) }
            var response = "HTTP/1.1 403 Forbidden\r\n"
            switch mode {
            case .offset(let offset):
                response += "Date: \(UTCTime.httpDate(Int64((real + offset).rounded(.down))))\r\n"
            case .missing:
                break
            case .literal(let value):
                response += "Date: \(value)\r\n"
            case .cached(let offset):
                response += "Date: \(UTCTime.httpDate(Int64((real + offset).rounded(.down))))\r\nAge: 120\r\n"
            case .silent:
                while read(conn, &chunk, chunk.count) > 0 {}
                return
            }
            response += "Server: signet-test\r\nContent-Length: 0\r\n\r\n"
            let bytes = Array(response.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { write(conn, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                sent += n
            }
        }
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
