import Foundation
import SignetHTTP
import XCTest

@testable import SignetSkew

final class ClockSkewProbeTests: XCTestCase {
    /// Measures a server whose clock runs `truth` seconds off and checks the honest bounds.
    private func assertMeasures(_ truth: Double, file: StaticString = #filePath, line: UInt = #line) throws
        -> ClockSkewProbe.Result
    {
        let server = try LoopbackDateServer(.offset(truth))
        defer { server.stop() }
        let result = try ClockSkewProbe(url: server.url, samples: 5, timeout: 5).measure()
        let e = result.estimate
        print(
            "loopback truth \(truth) s: measured \(e.offset) s ± \(e.uncertainty) s, min round trip \(e.roundTrip) s, error \(e.offset - truth) s, consistent \(e.consistent)"
        )
        XCTAssertEqual(e.samples.count, 5, file: file, line: line)
        XCTAssertTrue(e.consistent, file: file, line: line)
        XCTAssertLessThan(abs(e.offset - truth), 1, "within 1 s of the truth", file: file, line: line)
        XCTAssertLessThanOrEqual(e.uncertainty, 0.5, "±0.5 s on loopback", file: file, line: line)
        XCTAssertLessThanOrEqual(e.lower, truth + 0.005, "the interval covers the truth", file: file, line: line)
        XCTAssertGreaterThanOrEqual(e.upper, truth - 0.005, "the interval covers the truth", file: file, line: line)
        XCTAssertEqual(server.requests.count, 5, file: file, line: line)
        XCTAssertTrue(server.requests.allSatisfy { $0.hasPrefix("HEAD / ") }, file: file, line: line)
        return result
    }

    func testServerAheadByFractionalOffset() throws {
        let r = try assertMeasures(1234.4)
        XCTAssertEqual(r.verdict.code, .tooSkewed)
        XCTAssertTrue(r.verdict.explanation.contains("behind"), r.verdict.explanation)
    }

    func testServerBehindByFractionalOffset() throws {
        let r = try assertMeasures(-987.7)
        XCTAssertEqual(r.verdict.code, .tooSkewed)
        XCTAssertTrue(r.verdict.explanation.contains("ahead of"), r.verdict.explanation)
    }

    func testSmallOffsetsGiveTheRightVerdict() throws {
        XCTAssertEqual(try assertMeasures(0).verdict.code, .inSync)
        XCTAssertEqual(try assertMeasures(-42.6).verdict.code, .clockAhead)
        XCTAssertEqual(try assertMeasures(7.25).verdict.code, .clockBehind)
    }

    func testOneSampleIsHonestlyWide() throws {
        let server = try LoopbackDateServer(.offset(100.3))
        defer { server.stop() }
        let e = try ClockSkewProbe(url: server.url, samples: 1).measure().estimate
        XCTAssertTrue(e.contains(100.3))
        XCTAssertGreaterThanOrEqual(e.uncertainty, 0.5)
    }

    func testMissingDateCannotTell() throws {
        let server = try LoopbackDateServer(.missing)
        defer { server.stop() }
        XCTAssertThrowsError(try ClockSkewProbe(url: server.url).measure()) {
            XCTAssertEqual($0 as? ClockSkewError, .noDateHeader(status: 403))
            XCTAssertTrue("\($0)".contains("cannot tell"))
        }
    }

    func testMalformedDateCannotTell() throws {
        let server = try LoopbackDateServer(.literal("yesterday at noon"))
        defer { server.stop() }
        XCTAssertThrowsError(try ClockSkewProbe(url: server.url).measure()) {
            XCTAssertEqual($0 as? ClockSkewError, .malformedDate(field: "Date", value: "yesterday at noon"))
        }
    }

    func testImplausibleDateCannotTell() throws {
        let server = try LoopbackDateServer(.literal("Thu, 01 Jan 1970 00:00:05 GMT"))
        defer { server.stop() }
        XCTAssertThrowsError(try ClockSkewProbe(url: server.url).measure()) {
            guard case .implausibleDate = $0 as? ClockSkewError else { return XCTFail("\($0)") }
        }
    }

    func testCachedResponsesAreIgnored() throws {
        let server = try LoopbackDateServer(.cached(0))
        defer { server.stop() }
        XCTAssertThrowsError(try ClockSkewProbe(url: server.url, samples: 2).measure()) {
            XCTAssertEqual($0 as? ClockSkewError, .onlyCachedResponses(age: "120"))
        }
    }

    func testNonHTTPURLIsBadInput() {
        for url in ["ftp://example.com/", "file:///etc/passwd", "127.0.0.1:9000", "not a url", "http:///path"] {
            XCTAssertThrowsError(try ClockSkewProbe(url: url)) {
                XCTAssertEqual($0 as? ClockSkewError, .notHTTP(url: url))
                XCTAssertTrue(($0 as? ClockSkewError)?.isBadInput ?? false)
            }
        }
        XCTAssertThrowsError(try ClockSkewProbe(url: "http://127.0.0.1/", samples: 0))
        XCTAssertThrowsError(try ClockSkewProbe(url: "http://127.0.0.1/", timeout: -1))
        XCTAssertThrowsError(try ClockSkewProbe(url: "http://127.0.0.1/", timeout: .nan))
    }

    func testUnreachableHostIsAClearError() throws {
        // A port that was just free: nothing listens there.
        let server = try LoopbackDateServer(.missing)
        let url = server.url
        server.stop()
        XCTAssertThrowsError(try ClockSkewProbe(url: url, samples: 2, timeout: 2).measure()) {
            guard case .unreachable(let host, _) = $0 as? ClockSkewError else { return XCTFail("\($0)") }
            XCTAssertEqual(host, "127.0.0.1:\(server.port)")
            XCTAssertTrue("\($0)".contains("unreachable"), "\($0)")
        }
    }

    func testSilentServerTimesOut() throws {
        let server = try LoopbackDateServer(.silent)
        defer { server.stop() }
        let start = Date()
        XCTAssertThrowsError(try ClockSkewProbe(url: server.url, samples: 2, timeout: 0.5).measure()) {
            guard case .timedOut = $0 as? ClockSkewError else { return XCTFail("\($0)") }
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 6)
    }

    func testProxyFromTheEnvironment() throws {
        // The "proxy" is a loopback server: a request for an unresolvable host must reach it in
        // absolute form, and its Date is measured.
        let proxy = try LoopbackDateServer(.offset(-300.5))
        defer { proxy.stop() }
        let saved = (getenv("http_proxy").map { String(cString: $0) }, getenv("no_proxy").map { String(cString: $0) })
        setenv("http_proxy", "http://127.0.0.1:\(proxy.port)", 1)
        unsetenv("no_proxy")
        defer {
            if let p = saved.0 { setenv("http_proxy", p, 1) } else { unsetenv("http_proxy") }
            if let n = saved.1 { setenv("no_proxy", n, 1) }
        }
        let e = try ClockSkewProbe(url: "http://bucket.invalid/key", samples: 3).measure().estimate
        XCTAssertTrue(e.contains(-300.5))
        XCTAssertEqual(proxy.requests.first, "HEAD http://bucket.invalid/key HTTP/1.1")
    }
}
