import SignetHTTP
import XCTest

@testable import SignetSkew

final class ServerTimeReadingTests: XCTestCase {
    func testCurlIncludeOutputWithDate() throws {
        let text = """
            HTTP/1.1 100 Continue\r
            \r
            HTTP/1.1 403 Forbidden\r
            Content-Type: application/xml\r
            Date: Wed, 25 Nov 2026 10:00:00 GMT\r
            Server: tencent-cos\r
            \r
            <?xml version='1.0' encoding='utf-8' ?>
            <Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>
            """
        let response = SavedResponse(text: text)
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(response.headers["Server"], "tencent-cos")
        let r = try ServerTimeReading(response: response)
        XCTAssertEqual(r.serverTime, Double(UTCTime.parseISO8601("2026-11-25T10:00:00Z")!))
        XCTAssertEqual(r.source, "Date header")
        XCTAssertEqual(r.errorCode, "AccessDenied")
        XCTAssertEqual(r.errorMessage, "Request has expired")
        XCTAssertNil(r.offset(localTime: nil))
        // The client's clock read 10:30:00 when it sent: it is ~30 min ahead.
        let o = r.offset(localTime: UTCTime.parseISO8601("2026-11-25T10:30:00Z"))!
        XCTAssertTrue((o.offset - o.uncertainty)...(o.offset + o.uncertainty) ~= -1800)
        XCTAssertLessThanOrEqual(o.uncertainty, 1.5)
        XCTAssertEqual(SkewVerdict(offset: o.offset, uncertainty: o.uncertainty).code, .tooSkewed)
    }

    func testAWSSkewBodyWithoutHeaders() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the server&apos;s time is too large.</Message><RequestTime>20261125T103000Z</RequestTime><ServerTime>2026-11-25T10:00:01Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>
            """
        let r = try ServerTimeReading(response: SavedResponse(text: body))
        XCTAssertEqual(r.source, "<ServerTime> in the error body")
        XCTAssertEqual(r.errorCode, "RequestTimeTooSkewed")
        XCTAssertEqual(r.errorMessage, "The difference between the request time and the server's time is too large.")
        let o = r.offset(localTime: nil)!
        XCTAssertEqual(o.basis, "<RequestTime> in the error body")
        XCTAssertEqual(o.offset, -1799.5, accuracy: 0.01)
    }

    func testCachedDateIsIgnored() throws {
        let text = "HTTP/1.1 200 OK\r\nDate: Wed, 25 Nov 2026 10:00:00 GMT\r\nAge: 3600\r\n\r\n"
        XCTAssertThrowsError(try ServerTimeReading(response: SavedResponse(text: text))) {
            XCTAssertEqual($0 as? ClockSkewError, .noServerTime)
        }
    }

    func testBadInputs() {
        let noDate = "HTTP/1.1 403 Forbidden\r\nServer: x\r\n\r\n<Error><Code>AccessDenied</Code></Error>"
        XCTAssertThrowsError(try ServerTimeReading(response: SavedResponse(text: noDate))) {
            XCTAssertEqual($0 as? ClockSkewError, .noServerTime)
            XCTAssertTrue("\($0)".contains("cannot tell"))
        }
        let malformed = "HTTP/1.1 403 Forbidden\r\nDate: 25/11/2026 10:00\r\n\r\n"
        XCTAssertThrowsError(try ServerTimeReading(response: SavedResponse(text: malformed))) {
            XCTAssertEqual($0 as? ClockSkewError, .malformedDate(field: "Date", value: "25/11/2026 10:00"))
        }
        let badBody = "<Error><ServerTime>tomorrow</ServerTime></Error>"
        XCTAssertThrowsError(try ServerTimeReading(response: SavedResponse(text: badBody)))
        XCTAssertThrowsError(try ServerTimeReading(response: SavedResponse(text: "")))
    }

    func testEntities() {
        XCTAssertEqual(
            SavedResponse.decodeEntities("a&amp;b &lt;c&gt; &#39;d&#x27; &bogus; &"), "a&b <c> 'd' &bogus; &")
    }
}
