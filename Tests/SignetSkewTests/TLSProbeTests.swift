import Foundation
import XCTest

@testable import SignetSkew

/// The probe speaks TLS: against a loopback HTTPS server with a self-signed certificate (which no
/// trust store accepts) it must stop with a clear TLS error, not a made-up offset.
final class TLSProbeTests: XCTestCase {
    func testUntrustedCertificateIsAClearTLSError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signet-tls-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cert = dir.appendingPathComponent("cert.pem").path
        let key = dir.appendingPathComponent("key.pem").path
        let gen = try run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
            "-subj", "/CN=127.0.0.1",
        ])
        try XCTSkipUnless(gen == 0, "openssl cannot make a test certificate")

        let portFile = dir.appendingPathComponent("port").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [
            "python3", "-c",
            """
            import http.server, ssl, sys
            class H(http.server.BaseHTTPRequestHandler):
                def do_HEAD(self):
                    self.send_response(200); self.end_headers()
                def log_message(self, *a): pass
            s = http.server.HTTPServer(("127.0.0.1", 0), H)
            c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); c.load_cert_chain(sys.argv[1], sys.argv[2])
            s.socket = c.wrap_socket(s.socket, server_side=True)
            open(sys.argv[3], "w").write(str(s.server_address[1]))
            s.timeout = 20
            for _ in range(10): s.handle_request()
            """, cert, key, portFile,
        ]
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        var port = ""
        for _ in 0..<100 where port.isEmpty {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
            if port.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        XCTAssertFalse(port.isEmpty, "the TLS test server did not start")

        XCTAssertThrowsError(try ClockSkewProbe(url: "https://127.0.0.1:\(port)/", samples: 2, timeout: 5).measure()) {
            guard case .tls(let host, _) = $0 as? ClockSkewError else {
                return XCTFail("expected a TLS error, got \($0)")
            }
            XCTAssertEqual(host, "127.0.0.1:\(port)")
            XCTAssertTrue("\($0)".contains("TLS handshake"), "\($0)")
        }
    }

    private func run(_ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
