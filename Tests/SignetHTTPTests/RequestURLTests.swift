import SignetHTTP
import Testing

struct RequestURLTests {
    @Test func splitsComponents() throws {
        let u = try RequestURL("https://b-1.cos.ap-beijing.myqcloud.com:8443/a%20b/c+d?acl&x=1&y=&z=%2F#frag")
        #expect(u.scheme == "https")
        #expect(u.host == "b-1.cos.ap-beijing.myqcloud.com")
        #expect(u.port == 8443)
        #expect(u.authority == "b-1.cos.ap-beijing.myqcloud.com:8443")
        #expect(u.rawPath == "/a%20b/c+d")
        #expect(String(decoding: try u.decodedPath(), as: UTF8.self) == "/a b/c+d")
        let items = try u.decodedQueryItems()
        #expect(items.map(\.name) == ["acl", "x", "y", "z"])
        #expect(items.map(\.value) == [nil, "1", "", "/"])
    }

    @Test func defaultPortsAreDropped() throws {
        #expect(try RequestURL("https://h.example:443/").port == nil)
        #expect(try RequestURL("http://h.example:80/").port == nil)
        #expect(try RequestURL("http://h.example:443/").port == 443)
        #expect(try RequestURL("http://[::1]:9000/x").authority == "[::1]:9000")
        #expect(try RequestURL("https://h.example").rawPath == "/")
    }

    @Test(arguments: [
        ("ftp://h/x", "scheme"),
        ("https//h/x", "absolute"),
        ("https:///x", "no host"),
        ("https://h/a b", "space"),
        ("https://h/a\r\nb", "CR/LF"),
        ("https://h:99999/", "port"),
        ("https://u:p@h/", "user information"),
        ("https://h/%zz", "percent-escape"),
        ("https://h/a?x=%4", "percent-escape"),
        ("https://h\u{00e9}/", "host"),
        ("", "empty"),
    ])
    func rejectsBadURLs(text: String, expected: String) {
        #expect {
            _ = try RequestURL(text)
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test func percentEncodingKeepsOnlyUnreserved() {
        #expect(PercentEncoding.encode("a b+c/d~e_f.g-h!*'()") == "a%20b%2Bc%2Fd~e_f.g-h%21%2A%27%28%29")
        #expect(PercentEncoding.encode("测/x", keepSlash: true) == "%E6%B5%8B/x")
    }

    @Test func headersKeepRepeatsAndValidate() throws {
        var h: HTTPHeaders = [("X-A", "1"), ("x-a", "2"), ("B", "3")]
        #expect(h.values("X-A") == ["1", "2"])
        h.set("x-A", "9")
        #expect(h.values("x-a") == ["9"])
        #expect(throws: SignetError.self) { try HTTPHeaders([("Bad Name", "v")]).validate() }
        #expect(throws: SignetError.self) { try HTTPHeaders([("X", "a\r\nInjected: 1")]).validate() }
        #expect(throws: SignetError.self) { try SigningRequest.validateMethod("GE T") }
    }
}
