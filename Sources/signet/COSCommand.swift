import ArgumentParser
import Foundation
import Signet

struct COSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cos", abstract: "Sign Tencent COS requests (q-sign-algorithm=sha1).",
        subcommands: [COSPresignCommand.self, COSSignCommand.self, COSPostPolicyCommand.self])
}

/// Options shared by `cos presign` and `cos sign`.
struct COSRequestOptions: ParsableArguments {
    @Argument(
        help: "The object URL as it goes on the wire, e.g. https://bucket-1250000000.cos.ap-guangzhou.myqcloud.com/key")
    var url: String

    @Option(help: "HTTP method.")
    var method = "GET"

    @Option(name: .customLong("param"), help: "Query parameter name=value to add and sign (repeatable).")
    var params: [String] = []

    @Option(name: .customLong("header"), help: "Header 'Name: value' to sign and send (repeatable).")
    var headers: [String] = []

    @Option(help: "How long the signature is valid: seconds or 15m, 2h, 7d, 50y.")
    var expires: String?

    @Option(name: .customLong("key-time"), help: "The exact window 'start;end' in Unix seconds (instead of --expires).")
    var keyTime: String?

    @Option(help: "Seconds the window opens before now, to absorb small clock differences.")
    var backdate: Int64 = 60

    @Option(
        name: .customLong("signed-headers"),
        help: "Sign exactly these headers ('host;content-type'); default: the standard set.")
    var signedHeaders: String?

    @Option(name: .customLong("signed-params"), help: "Sign exactly these parameters ('a;b'); default: all.")
    var signedParams: String?

    @Flag(
        name: .customLong("clamp-to-key"),
        help: "Shorten the window to a temporary key's expiration instead of refusing.")
    var clampToKey = false

    @Flag(name: .customLong("unsigned-token"), help: "Send the session token without signing it.")
    var unsignedToken = false

    @Option(
        name: .customLong("credentials-file"),
        help: "File with the key (JSON or NAME=value lines) instead of the environment.")
    var credentialsFile: String?

    @Option(name: .customLong("key-expiration"), help: "When the temporary key expires (Unix seconds or RFC 3339).")
    var keyExpiration: String?

    @Flag(help: "Show every intermediate value: HttpString, StringToSign, signature.")
    var explain = false

    @Flag(name: .customLong("show-sign-key"), help: "With --explain, also print the SignKey (secret-derived).")
    var showSignKey = false

    @Flag(
        name: .customLong("show-secrets"), help: "Print the session token where it appears (it is redacted otherwise).")
    var showSecrets = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var clock: ClockOptions

    func makeSigner() throws -> COSSigner {
        let credentials = try COSCredentialsLoader.load(file: credentialsFile, keyExpiration: keyExpiration)
        var options = COSSigningOptions()
        if let h = signedHeaders { options.headers = .exactly(h.split(separator: ";").map(String.init)) }
        if let p = signedParams { options.parameters = .exactly(p.split(separator: ";").map(String.init)) }
        options.clampToCredentialExpiration = clampToKey
        options.signSessionToken = !unsignedToken
        return COSSigner(credentials: credentials, options: options, clock: try clock.makeClock())
    }

    func makeRequest() throws -> SigningRequest {
        try SigningRequest(
            method: method, url: try urlWithParameters(url, params), headers: try parseHeaderArguments(headers))
    }

    func makeKeyTime(_ signer: COSSigner) throws -> KeyTime {
        if let keyTime {
            guard expires == nil else { throw SignetError("--key-time", "cannot be combined with --expires") }
            return try signer.checked(KeyTime(parsing: keyTime))
        }
        let seconds = try ValidityDuration.parse(expires ?? "15m", field: "--expires")
        return try signer.keyTime(validFor: seconds, backdate: backdate)
    }

    /// Prints the result in the chosen form.
    func report(_ s: COSSignature, signer: COSSigner) {
        let token = signer.credentials.isTemporary ? tokenPlaceholder(signer) : nil
        func hide(_ text: String) -> String {
            guard !showSecrets, let token else { return text }
            return text.replacingOccurrences(of: token.0, with: token.1)
                .replacingOccurrences(of: PercentEncoding.encode(token.0), with: token.1)
        }
        let window =
            "\(s.keyTime) (\(UTCTime.iso8601(s.keyTime.start)) → \(UTCTime.iso8601(s.keyTime.end)), \(ExpiryAnalysis.humanSeconds(Double(s.keyTime.end - s.keyTime.start))))"
        if json {
            var out: [String: Any] = ["keyTime": s.keyTime.description, "authorization": s.authorization]
            if let url = s.url { out["url"] = url }
            if s.mode == .header { out["headers"] = s.headersToAdd.map { [$0.name, hide($0.value)] } }
            if explain {
                out["httpString"] = hide(s.httpString)
                out["stringToSign"] = s.stringToSign
                out["signature"] = s.signature
                out["signKey"] = showSignKey ? s.signKey.reveal() : "<redacted>"
            }
            print(jsonText(out))
            return
        }
        if explain {
            print("KeyTime       \(window)")
            print("HttpString    \(visible(hide(s.httpString)))")
            print("StringToSign  \(visible(s.stringToSign))")
            print("SignKey       \(showSignKey ? s.signKey.reveal() : "<redacted> (--show-sign-key prints it)")")
            print("Signature     \(s.signature)")
            print("HeaderList    \(s.headerList)")
            print("UrlParamList  \(s.parameterList)")
            print("Authorization \(s.authorization)")
            if let url = s.url { print("URL           \(url)") }
            if s.mode == .header {
                for h in s.headersToAdd where h.name != "Authorization" {
                    print("Also send     \(h.name): \(hide(h.value))")
                }
            }
            print(
                "Note          No COS signature is permanent: it is valid only inside its window. A long-lived key may sign a long window (e.g. 50y); a temporary key's signature ends when the key does (at most 2 h for a root account)."
            )
            return
        }
        printSignedOutput(url: s.url, headers: s.headersToAdd, hide: hide)
    }

    /// Signs the request with `sign` and prints the result: the body of `cos presign` and `cos sign`.
    func signAndReport(_ sign: (COSSigner, SigningRequest, KeyTime) throws -> COSSignature) throws {
        try runReportingErrors {
            let signer = try makeSigner()
            let s = try sign(signer, try makeRequest(), try makeKeyTime(signer))
            report(s, signer: signer)
        }
    }

    private func tokenPlaceholder(_ signer: COSSigner) -> (String, String)? {
        guard let t = signer.credentials.sessionTokenForOutput else { return nil }
        return (t, "<session token redacted; --show-secrets prints it>")
    }

    private func visible(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\\n") }
}

struct COSPresignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presign", abstract: "Print a presigned URL (the signature in the query).",
        discussion:
            "Headers given with --header are signed, so whoever uses the URL must send them with the same values.")

    @OptionGroup var options: COSRequestOptions

    func run() throws {
        try options.signAndReport { signer, request, keyTime in try signer.presign(request, keyTime: keyTime) }
    }
}

struct COSSignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Print the Authorization header and the other headers to add.")

    @OptionGroup var options: COSRequestOptions

    func run() throws {
        try options.signAndReport { signer, request, keyTime in try signer.sign(request, keyTime: keyTime) }
    }
}

struct COSPostPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post-policy", abstract: "Sign a browser form upload (POST Object) and print the form fields.")

    @Option(help: "Bucket name with APPID, e.g. examplebucket-1250000000.")
    var bucket: String?

    @Option(name: .customLong("key-prefix"), help: "Uploads must use keys starting with this prefix.")
    var keyPrefix: String?

    @Option(name: .customLong("content-length-range"), help: "Allowed size 'min,max' in bytes.")
    var contentLengthRange: String?

    @Option(name: .customLong("content-type-prefix"), help: "Allowed Content-Type prefix, e.g. image/.")
    var contentTypePrefix: String?

    @Option(name: .customLong("policy-file"), help: "Sign this exact policy text instead of building one.")
    var policyFile: String?

    @Option(help: "How long the form is valid: seconds or 15m, 2h.")
    var expires = "30m"

    @Option(name: .customLong("key-time"), help: "The exact window 'start;end'.")
    var keyTime: String?

    @Option(name: .customLong("credentials-file"), help: "File with the key instead of the environment.")
    var credentialsFile: String?

    @Option(name: .customLong("key-expiration"), help: "When the temporary key expires.")
    var keyExpiration: String?

    @Flag(help: "Show the policy, StringToSign and signature.")
    var explain = false

    @Flag(name: .customLong("show-secrets"), help: "Print the session token field (redacted otherwise).")
    var showSecrets = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var clock: ClockOptions

    func run() throws {
        try runReportingErrors {
            let credentials = try COSCredentialsLoader.load(file: credentialsFile, keyExpiration: keyExpiration)
            let signer = COSSigner(credentials: credentials, clock: try clock.makeClock())
            let window: KeyTime
            if let keyTime {
                window = try signer.checked(KeyTime(parsing: keyTime))
            } else {
                window = try signer.keyTime(validFor: try ValidityDuration.parse(expires, field: "--expires"))
            }
            let policyText: String
            if let policyFile {
                guard let data = FileManager.default.contents(atPath: policyFile) else {
                    throw SignetError("--policy-file", "\"\(policyFile)\" cannot be read")
                }
                policyText = String(decoding: data, as: UTF8.self)
            } else {
                guard let bucket else { throw SignetError("--bucket", "is required unless --policy-file is given") }
                var range: ClosedRange<Int64>?
                if let r = contentLengthRange {
                    let parts = r.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
                    guard parts.count == 2, parts[0] >= 0, parts[0] <= parts[1] else {
                        throw SignetError(
                            "--content-length-range", "\"\(r)\" is not min,max", allowed: "two byte counts, min ≤ max")
                    }
                    range = parts[0]...parts[1]
                }
                policyText = COSPostPolicy.document(
                    expiration: window.end, bucket: bucket, keyPrefix: keyPrefix, credentials: credentials,
                    keyTime: window,
                    contentLengthRange: range, contentTypePrefix: contentTypePrefix)
            }
            let p = try COSPostPolicy(policy: policyText, credentials: credentials, keyTime: window)
            let fields = p.fields.map { f -> [String] in
                [
                    f.name,
                    f.name == COSSigningOptions.securityTokenName && !showSecrets
                        ? "<session token redacted; --show-secrets prints it>" : f.value,
                ]
            }
            if json {
                var out: [String: Any] = ["fields": fields, "keyTime": window.description]
                if explain {
                    out["policy"] = policyText
                    out["stringToSign"] = p.stringToSign
                    out["signature"] = p.signature
                }
                print(jsonText(out))
                return
            }
            if explain {
                print("Policy (exact bytes signed):\n\(policyText)\n")
                print("StringToSign  \(p.stringToSign)  (SHA-1 of the policy)")
                print("Signature     \(p.signature)\n")
            }
            print("Form fields (send them before the file field):")
            for f in fields { print("  \(f[0]) = \(f[1])") }
        }
    }
}
