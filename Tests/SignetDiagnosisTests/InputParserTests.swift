import SignetHTTP
import Testing

@testable import SignetDiagnosis

struct InputParserTests {
    @Test func curlCommandWithQuotesContinuationsAndData() throws {
        let text = """
            $ curl -sS -X PUT 'https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b.txt' \\
              -H "Content-Type: text/plain" -H 'x-cos-meta-k: it'\\''s' \\
              --data-binary 'hello' | jq .
            """
        let e = try CurlCommandParser.parse(text)
        #expect(e.request?.method == "PUT")
        #expect(e.request?.url == "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b.txt")
        #expect(e.request?.headers["x-cos-meta-k"] == "it's")
        #expect(e.request?.body == Array("hello".utf8))
        let head = try CurlCommandParser.parse("curl -sI --url http://127.0.0.1:9000/b/k")
        #expect(head.request?.method == "HEAD")
        let post = try CurlCommandParser.parse("curl -XPOST -d 'a=1' -d b=2 http://h/x")
        #expect(post.request?.body == Array("a=1&b=2".utf8))
    }

    @Test func badCurlIsAClearError() {
        #expect(throws: InputError.self) { try CurlCommandParser.parse("wget http://x") }
        #expect(throws: InputError.self) { try CurlCommandParser.parse("curl -H 'unterminated") }
        #expect(throws: InputError.self) { try CurlCommandParser.parse("curl -s -H 'A: b'") }
        #expect(throws: InputError.self) { try CurlCommandParser.parse("curl -X") }
    }

    @Test func curlVerboseOutput() throws {
        let text = """
            *   Trying 127.0.0.1:9000...
            * Connected to 127.0.0.1 (127.0.0.1) port 9000 (#0)
            > GET /b/k.txt HTTP/1.1
            > Host: 127.0.0.1:9000
            > User-Agent: curl/7.88.1
            >
            < HTTP/1.1 404 Not Found
            < Content-Type: application/xml
            < Date: Wed, 25 Nov 2026 15:00:00 GMT
            <
            { [300 bytes data]
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>
            * Connection #0 to host 127.0.0.1 left intact
            """
        #expect(InputDetector.detect(Array(text.utf8)) == .curlVerbose)
        let e = try CurlVerboseParser.parse(text)
        #expect(e.request?.url == "http://127.0.0.1:9000/b/k.txt")
        #expect(e.response?.status == 404)
        let d = Diagnoser.diagnose(e)
        #expect(d.ids.contains("no-such-key.object"))
    }

    @Test func rawHTTPExchange() throws {
        let text =
            "GET /k HTTP/1.1\r\nHost: b-1.cos.ap-beijing.myqcloud.com\r\n\r\nHTTP/1.1 403 Forbidden\r\nServer: tencent-cos\r\n\r\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>"
        let e = try RawHTTPParser.exchange(Array(text.utf8))
        #expect(e.request?.url == "https://b-1.cos.ap-beijing.myqcloud.com/k")
        #expect(e.response?.status == 403)
        #expect(Diagnoser.diagnose(e).ids.first == "access-denied.anonymous")
        #expect(throws: InputError.self) { try RawHTTPParser.request(Array("hello world this is not http".utf8)) }
    }

    @Test func harEntriesThatFailAreDiagnosed() throws {
        let har = """
            {"log":{"entries":[
             {"request":{"method":"GET","url":"https://b-1.cos.ap-beijing.myqcloud.com/ok","headers":[]},
              "response":{"status":200,"headers":[],"content":{"text":""}}},
             {"request":{"method":"GET","url":"https://b-1.cos.ap-beijing.myqcloud.com/x","headers":[{"name":":authority","value":"b"}]},
              "response":{"status":404,"headers":[],"content":{"text":"PEVycm9yPjxDb2RlPk5vU3VjaEtleTwvQ29kZT48L0Vycm9yPg==","encoding":"base64"}}}]}}
            """
        let list = try HARParser.parse(Array(har.utf8))
        #expect(list.count == 1)
        #expect(list[0].label == "HAR entry 2")
        #expect(Diagnoser.diagnose(list[0]).ids.contains("no-such-key.object"))
        #expect(throws: InputError.self) { try HARParser.parse(Array("not json".utf8)) }
        #expect(throws: InputError.self) { try HARParser.parse(Array("{\"a\":1}".utf8)) }
    }

    @Test func hugeInputIsRefused() {
        let big = [UInt8](repeating: 0x61, count: InputError.maxInputBytes + 1)
        #expect(throws: InputError.self) { try InputDetector.exchanges(big) }
    }

    @Test func badBodiesGiveFindingsNotCrashes() {
        for body in ["", "<html><title>Blocked</title></html>", "<Error><Code>NoSuchKey", "{\"json\":1}", "\u{0}\u{1}"]
        {
            let d = Diagnoser.diagnose(Exchange(response: ExchangeResponse(status: 500, body: Array(body.utf8))))
            #expect(d.partial)
        }
        let html = Diagnoser.diagnose(
            Exchange(
                response: ExchangeResponse(status: 502, body: Array("<html><title>Bad Gateway</title></html>".utf8))))
        #expect(html.ids.first == "response.html-error-page")
    }
}
