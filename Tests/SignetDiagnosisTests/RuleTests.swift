import COSSigning
import SignetHTTP
import Testing

@testable import SignetDiagnosis

struct RuleTests {
    static let host = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com"
    static let id = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
    static let key = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"

    static func err(_ code: String, _ message: String = "", _ extra: String = "") -> [UInt8] {
        Array("<Error><Code>\(code)</Code><Message>\(message)</Message>\(extra)</Error>".utf8)
    }

    /// A request signed by Signet's COS signer, with `alter` applied to it afterwards.
    static func signed(
        _ method: String, _ path: String, headers: HTTPHeaders = [], alter: (inout ExchangeRequest) -> Void = { _ in }
    ) throws -> ExchangeRequest {
        let signer = COSSigner(credentials: try COSCredentials(secretId: id, secretKey: key))
        let req = try SigningRequest(method: method, url: "https://\(host)\(path)", headers: headers)
        let sig = try signer.sign(req, keyTime: try KeyTime(parsing: "1700000000;1700003600"))
        var h = headers
        for f in sig.headersToAdd { h.append(f.name, f.value) }
        var out = ExchangeRequest(method: method, url: "https://\(host)\(path)", headers: h)
        alter(&out)
        return out
    }

    @Test func resigningFindsTheCharsetAppendedAfterSigning() throws {
        let req = try Self.signed("PUT", "/a.txt", headers: [("Content-Type", "text/plain")]) {
            $0.headers.set("Content-Type", "text/plain; charset=utf-8")
        }
        let d = Diagnoser.diagnose(
            Exchange(request: req, response: ExchangeResponse(status: 403, body: Self.err("SignatureDoesNotMatch"))),
            context: DiagnosisContext(credentials: try AccessKeyPair(id: Self.id, secret: Self.key)))
        #expect(d.ids.first == "signature-mismatch.header-altered")
        #expect(!d.ids.contains("signature-mismatch.wrong-secret"))
    }

    @Test func resigningWithTheSecretUsedGivesWrongSecret() throws {
        let req = try Self.signed("GET", "/a.txt")
        let d = Diagnoser.diagnose(
            Exchange(request: req, response: ExchangeResponse(status: 403, body: Self.err("SignatureDoesNotMatch"))),
            context: DiagnosisContext(credentials: try AccessKeyPair(id: Self.id, secret: Self.key)))
        #expect(d.ids.first == "signature-mismatch.wrong-secret")
    }

    @Test func resigningFindsAnEncodedSignedPath() throws {
        // The client signed the wire form of the path instead of the decoded key.
        let signer = COSSigner(credentials: try COSCredentials(secretId: Self.id, secretKey: Self.key))
        let kt = try KeyTime(parsing: "1700000000;1700003600")
        let wrong = try signer.sign(
            try SigningRequest(method: "GET", url: "https://\(Self.host)/a%2520b.txt"), keyTime: kt)
        var req = ExchangeRequest(method: "GET", url: "https://\(Self.host)/a%20b.txt")
        req.headers.append("Authorization", wrong.authorization)
        let d = Diagnoser.diagnose(
            Exchange(request: req, response: ExchangeResponse(status: 403, body: Self.err("SignatureDoesNotMatch"))),
            context: DiagnosisContext(credentials: try AccessKeyPair(id: Self.id, secret: Self.key)))
        #expect(d.ids.first == "signature-mismatch.path-encoding")
    }

    @Test func echoComparisonNamesTheFirstDifferingComponent() throws {
        let req = try Self.signed("GET", "/a.txt?versionId=1")
        func diagnose(_ format: String) -> [String] {
            let body = Self.err("SignatureDoesNotMatch", "x", "<FormatString>\(format)</FormatString>")
            return Diagnoser.diagnose(Exchange(request: req, response: ExchangeResponse(status: 403, body: body))).ids
        }
        #expect(diagnose("put\n/a.txt\nversionid=1\nhost=\(Self.host)\n").first == "signature-mismatch.method-differs")
        #expect(diagnose("get\n/b.txt\nversionid=1\nhost=\(Self.host)\n").first == "signature-mismatch.path-differs")
        #expect(
            diagnose("get\n/a.txt\nversionid=2\nhost=\(Self.host)\n").first == "signature-mismatch.parameter-altered")
        #expect(diagnose("get\n/a.txt\nversionid=1\nhost=cdn.example.com\n").first == "host-mismatch.signed-host")
        #expect(diagnose("get\n/a.txt\nversionid=1\nhost=\(Self.host)\n").first == "signature-mismatch.wrong-secret")
    }

    @Test func noSuchKeyOnGetIsNeverTheCopyFinding() {
        let get = ExchangeRequest(
            method: "GET", url: "https://\(Self.host)/photos", headers: [("x-cos-copy-source", "\(Self.host)/x")])
        let d = Diagnoser.diagnose(
            Exchange(request: get, response: ExchangeResponse(status: 404, body: Self.err("NoSuchKey"))))
        #expect(d.ids.contains("no-such-key.object"))
        #expect(!d.ids.contains("no-such-key.copy-source"))
    }

    @Test func copySourceFolderWithoutSlashIsExplained() {
        let put = ExchangeRequest(
            method: "PUT", url: "https://\(Self.host)/backup/photos/",
            headers: [("x-cos-copy-source", "\(Self.host)/photos")])
        let d = Diagnoser.diagnose(
            Exchange(request: put, response: ExchangeResponse(status: 404, body: Self.err("NoSuchKey"))))
        #expect(d.ids.first == "no-such-key.copy-source")
        #expect(d.findings[0].evidence.contains { $0.value.contains("`photos/`") })
    }

    @Test func batchDeleteLeadingSlashOn200AndMissingMD5() {
        let body = "<Delete><Object><Key>/a/b.jpg</Key></Object></Delete>"
        let req = ExchangeRequest(method: "POST", url: "https://\(Self.host)/?delete", body: Array(body.utf8))
        let result = "<DeleteResult><Deleted><Key>/a/b.jpg</Key></Deleted></DeleteResult>"
        let d = Diagnoser.diagnose(
            Exchange(request: req, response: ExchangeResponse(status: 200, body: Array(result.utf8))))
        #expect(d.ids.first == "batch-delete.leading-slash-key")
        #expect(d.ids.contains("batch-delete.missing-content-md5"))
        #expect(d.findings[0].evidence.contains { $0.value.contains("\"a/b.jpg\"") })
    }

    @Test func expiryUsesTheClientClock() throws {
        let url =
            "https://\(Self.host)/a?q-sign-algorithm=sha1&q-ak=AK&q-sign-time=1700000000%3B1700000900&q-key-time=1700000000%3B1700000900&q-header-list=host&q-url-param-list=&q-signature=00"
        let resp = ExchangeResponse(
            status: 403, headers: [("Date", UTCTime.httpDate(1_700_004_000))],
            body: Self.err("AccessDenied", "Request has expired"))
        let behind = Diagnoser.diagnose(
            Exchange(request: ExchangeRequest(method: "GET", url: url), response: resp),
            context: DiagnosisContext(localTime: 1_700_000_400))
        #expect(behind.ids.first == "request-expired.local-clock")
        let agrees = Diagnoser.diagnose(
            Exchange(request: ExchangeRequest(method: "GET", url: url), response: resp),
            context: DiagnosisContext(localTime: 1_700_004_001))
        #expect(agrees.ids.first == "request-expired.signature-window")
        #expect(!agrees.ids.contains("request-expired.local-clock"))
    }

    @Test func tokensNeverAppearInOutput() throws {
        let token = "SECRETTOKENVALUE1234567890"
        let req = ExchangeRequest(
            method: "GET", url: "https://\(Self.host)/a?x-cos-security-token=\(token)",
            headers: [
                ("x-cos-security-token", token),
                (
                    "Authorization",
                    "q-sign-algorithm=sha1&q-ak=AKIDtmp&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=00"
                ),
            ])
        let d = Diagnoser.diagnose(
            Exchange(
                request: req, response: ExchangeResponse(status: 403, body: Self.err("AccessDenied", "Access Denied."))),
            context: DiagnosisContext(
                credentials: try AccessKeyPair(id: "AKIDtmp", secret: "SECRETKEYVALUE123", token: token)))
        let text = HumanRenderer.render(d)
        #expect(!text.contains(token))
        #expect(!text.contains("SECRETKEYVALUE123"))
        #expect(d.ids.first == "access-denied.sts-policy-scope")
    }

    @Test func runnableFixesAreSignedCommands() throws {
        let r = try FixRecipes(
            origin: "https://\(Self.host)", credentials: try AccessKeyPair(id: Self.id, secret: Self.key),
            now: 1_700_000_000)
        let region = try r.bucketRegion()
        #expect(region.commands[0].hasPrefix("curl -sS -I 'https://\(Self.host)/'"))
        #expect(region.commands[0].contains("q-sign-algorithm=sha1"))
        let attach = try r.downloadAsAttachment(key: "报告 1.pdf")
        #expect(attach.commands[0].contains("response-content-disposition=attachment%3B%20filename%3D%22"))
        let del = try r.deleteKeys((0..<1500).map { "/k\($0)" }, listPrefix: "k")
        #expect(del.commands.filter { $0.hasPrefix("curl") && $0.contains("?delete") }.count == 2)
        #expect(!del.commands.joined().contains("<Key>/k"))
        #expect(try r.createFolder("a").commands[0].contains("/a/'"))
        #expect(try r.changeStorageClass(key: "a", to: "ARCHIVE").commands[0].contains("x-cos-storage-class: ARCHIVE"))
        #expect(try r.rename(from: "a", to: "b").commands.count == 3)
        #expect(try r.abortIncompleteUpload(key: "k", uploadId: "u").commands.count == 4)
        #expect(try r.deleteFolder(prefix: "dir").commands[1].contains("prefix=dir%2F"))
        #expect(try r.objectInfo(key: "k").commands[0].contains("-I"))
    }
}
