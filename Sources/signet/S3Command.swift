import ArgumentParser
import Foundation
import Signet

struct S3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3", abstract: "Sign S3-compatible requests with AWS Signature V4.",
        discussion: """
            Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, or a profile of \
            ~/.aws/credentials and ~/.aws/config (--profile, AWS_PROFILE; AWS_SHARED_CREDENTIALS_FILE and \
            AWS_CONFIG_FILE move them). A secret is never a command-line argument.
            """,
        subcommands: [S3PresignCommand.self, S3SignCommand.self])
}

/// Options shared by `s3 presign` and `s3 sign`.
struct S3RequestOptions: ParsableArguments {
    @Argument(help: "The URL as it goes on the wire, e.g. https://bucket.s3.us-east-1.amazonaws.com/key")
    var url: String

    @Option(help: "Region of the credential scope (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's).")
    var region: String?

    @Option(help: "Service of the credential scope.")
    var service = "s3"

    @Option(help: "HTTP method.")
    var method = "GET"

    @Option(name: .customLong("header"), help: "Header 'Name: value' to sign and send (repeatable).")
    var headers: [String] = []

    @Option(name: .customLong("param"), help: "Query parameter name=value to add and sign (repeatable).")
    var params: [String] = []

    @Option(
        help: """
            Payload: UNSIGNED-PAYLOAD, a STREAMING-… constant or a hex SHA-256 (default: presign \
            UNSIGNED-PAYLOAD; sign the SHA-256 of --body-file or of the empty body).
            """)
    var payload: String?

    @Option(name: .customLong("body-file"), help: "sign: hash this file as the payload.")
    var bodyFile: String?

    @Option(help: "Sign at this fixed time (Unix seconds, RFC 3339 or yyyyMMddTHHmmssZ) for reproducible output.")
    var time: String?

    @Option(
        name: .customLong("signed-headers"),
        help: "Sign exactly these headers ('host;x-amz-date'); default: every header except hop-by-hop ones.")
    var signedHeaders: String?

    @Option(help: "Profile of ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE, else default).")
    var profile: String?

    @Option(
        name: .customLong("credentials-expiration"),
        help: "When temporary credentials expire (RFC 3339 or Unix seconds; default: AWS_CREDENTIAL_EXPIRATION).")
    var credentialsExpiration: String?

    @Flag(
        name: .customLong("clamp-to-key"),
        help: "Shorten X-Amz-Expires to the temporary credentials' expiration instead of refusing.")
    var clampToKey = false

    @Flag(help: "Show the canonical request, string to sign and signature.")
    var explain = false

    @Flag(name: .customLong("show-signing-key"), help: "With --explain, also print the signing key (secret-derived).")
    var showSigningKey = false

    @Flag(
        name: .customLong("show-secrets"), help: "Print the session token where it appears in headers and explanations."
    )
    var showSecrets = false

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var clock: ClockOptions

    func makeSigner() throws -> SigV4Signer {
        let loaded = try SigV4CredentialsLoader.load(profile: profile, expiration: credentialsExpiration)
        guard let region = region ?? loaded.region else {
            throw SignetError(
                "--region", "is required: no AWS_REGION, AWS_DEFAULT_REGION or profile region is set",
                allowed: "a region such as us-east-1 or ap-guangzhou")
        }
        var settings = try SigV4Settings(region: region, service: service)
        settings.clampToCredentialExpiration = clampToKey
        if let h = signedHeaders {
            settings.signedHeaders = .exactly(h.split(separator: ";").map { String($0).trimmingSpaces })
        }
        return SigV4Signer(credentials: loaded.credentials, settings: settings, clock: try clock.makeClock())
    }

    func makeRequest(body: [UInt8]? = nil) throws -> SigningRequest {
        try SigningRequest(
            method: method, url: try urlWithParameters(url, params), headers: try parseHeaderArguments(headers),
            body: body)
    }

    func fixedTime() throws -> Int64? {
        guard let time else { return nil }
        guard let t = UTCTime.parseAny(time) else {
            throw SignetError(
                "--time", "\"\(time)\" is not a time", allowed: "Unix seconds, RFC 3339 or yyyyMMdd'T'HHmmss'Z'")
        }
        return Int64(t.rounded(.down))
    }

    func parsedPayload(default fallback: SigV4Payload) throws -> SigV4Payload {
        guard let payload else { return fallback }
        return try SigV4Payload(parsing: payload)
    }

    /// Prints the result in the chosen form.
    func report(_ s: SigV4Signature, signer: SigV4Signer) {
        let token = signer.credentials.sessionToken
        func hide(_ text: String) -> String {
            guard !showSecrets, let token else { return text }
            return text.replacingOccurrences(of: PercentEncoding.encode(token), with: "<session token>")
                .replacingOccurrences(of: token, with: "<session token>")
        }
        let key = showSigningKey ? s.signingKey.reveal() : "<redacted>"
        if json {
            var out: [String: Any] = ["amzDate": s.amzDate, "credentialScope": s.credentialScope]
            if let url = s.url { out["url"] = url }
            if let expires = s.expires { out["expires"] = expires }
            if let authorization = s.authorization { out["authorization"] = authorization }
            if s.mode == .header { out["headers"] = s.headersToAdd.map { [$0.name, hide($0.value)] } }
            if explain {
                out["canonicalRequest"] = hide(s.canonicalRequest)
                out["stringToSign"] = s.stringToSign
                out["signature"] = s.signature
                out["signedHeaders"] = s.signedHeaders
                out["payloadHash"] = s.payloadHash
                out["signingKey"] = key
            }
            print(jsonText(out))
            return
        }
        if explain {
            print("Canonical request:\n\(hide(s.canonicalRequest))\n")
            print("String to sign:\n\(s.stringToSign)\n")
            print("Signing key    \(showSigningKey ? key : "<redacted> (--show-signing-key prints it)")")
            print("Signature      \(s.signature)")
            print("SignedHeaders  \(s.signedHeaders)")
            if let expires = s.expires {
                print("Valid          \(s.amzDate) + \(expires) s")
            }
            if let authorization = s.authorization { print("Authorization  \(authorization)") }
            if let url = s.url { print("URL            \(url)") }
            if s.mode == .header {
                for h in s.headersToAdd where h.name != "Authorization" {
                    print("Also send      \(h.name): \(hide(h.value))")
                }
            }
            return
        }
        printSignedOutput(url: s.url, headers: s.headersToAdd, hide: hide)
    }
}

struct S3PresignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presign", abstract: "Print a presigned URL (X-Amz-Signature in the query).",
        discussion:
            "Headers given with --header are signed, so whoever uses the URL must send them with the same values.")

    @OptionGroup var options: S3RequestOptions

    @Option(help: "How long the URL is valid: 1 s to 7 d, in seconds or as 15m, 2h, 7d.")
    var expires = "15m"

    func run() throws {
        try runReportingErrors {
            let signer = try options.makeSigner()
            let seconds = try ValidityDuration.parse(expires, field: "--expires")
            let s = try signer.presign(
                try options.makeRequest(), expires: seconds, payload: try options.parsedPayload(default: .unsigned),
                at: try options.fixedTime())
            options.report(s, signer: signer)
        }
    }
}

struct S3SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Print the Authorization header and the other headers to add.")

    @OptionGroup var options: S3RequestOptions

    func run() throws {
        try runReportingErrors {
            let signer = try options.makeSigner()
            var body: [UInt8]?
            if let file = options.bodyFile {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw SignetError("--body-file", "\"\(file)\" cannot be read")
                }
                body = Array(data)
            }
            let s = try signer.sign(
                try options.makeRequest(body: body), payload: try options.parsedPayload(default: .bodySHA256),
                at: try options.fixedTime())
            options.report(s, signer: signer)
        }
    }
}

/// Loads SigV4 credentials the way the AWS CLI does, from the environment or the shared files;
/// never from arguments.
enum SigV4CredentialsLoader {
    struct Loaded {
        var credentials: SigV4Credentials
        var region: String?
    }

    /// Order: with an explicit `--profile`, that profile; otherwise AWS_ACCESS_KEY_ID /
    /// AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN), then the AWS_PROFILE (or `default`) profile.
    /// The region comes from AWS_REGION, AWS_DEFAULT_REGION, then the profile's config.
    static func load(
        profile explicitProfile: String?, expiration: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Loaded {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let profileName = explicitProfile ?? environment["AWS_PROFILE"] ?? "default"
        let credentialsPath = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
        let configPath = environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config"
        let credentialsFile = try readINI(credentialsPath)
        let configFile = try readINI(configPath)
        let fromCredentials = credentialsFile?[profileName] ?? [:]
        let fromConfig =
            configFile?[profileName == "default" ? "default" : "profile \(profileName)"] ?? configFile?[profileName]
            ?? [:]
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }

        var id: String?
        var secret: String?
        var token: String?
        var expirationText = expiration ?? nonEmpty(environment["AWS_CREDENTIAL_EXPIRATION"])
        if explicitProfile == nil, let envId = nonEmpty(environment["AWS_ACCESS_KEY_ID"]) {
            id = envId
            secret = environment["AWS_SECRET_ACCESS_KEY"]
            token = nonEmpty(environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"])
            guard secret != nil else {
                throw SignetError(
                    "AWS_SECRET_ACCESS_KEY", "is not set although AWS_ACCESS_KEY_ID is",
                    allowed: "both variables, or a profile in ~/.aws/credentials")
            }
        } else {
            let merged = fromConfig.merging(fromCredentials) { $1 }
            id = nonEmpty(merged["aws_access_key_id"])
            secret = merged["aws_secret_access_key"]
            token = nonEmpty(merged["aws_session_token"] ?? merged["aws_security_token"])
            expirationText =
                expirationText ?? nonEmpty(merged["aws_credential_expiration"] ?? merged["x_security_token_expires"])
            guard id != nil else {
                let known = Set((credentialsFile?.keys.map { $0 } ?? []) + (configFile?.keys.map { $0 } ?? [])).sorted()
                throw SignetError(
                    "credentials",
                    "no access key found: AWS_ACCESS_KEY_ID is not set and profile \"\(profileName)\" has no aws_access_key_id"
                        + " (looked in \(credentialsPath) and \(configPath); sections: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
                    allowed: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or --profile NAME")
            }
            guard secret != nil else {
                throw SignetError(
                    "profile \"\(profileName)\"", "has aws_access_key_id but no aws_secret_access_key",
                    allowed: "both keys in the profile")
            }
        }
        var expirationTime: Int64?
        if let text = expirationText {
            guard let t = UTCTime.parseAny(text) else {
                throw SignetError(
                    "credentials expiration", "\"\(text)\" is not a time", allowed: "RFC 3339 or Unix seconds")
            }
            expirationTime = Int64(t.rounded(.down))
        }
        let credentials = try SigV4Credentials(
            accessKeyId: id!, secretAccessKey: secret!, sessionToken: token, expiration: expirationTime)
        let region =
            nonEmpty(environment["AWS_REGION"]) ?? nonEmpty(environment["AWS_DEFAULT_REGION"])
            ?? nonEmpty(fromConfig["region"]) ?? nonEmpty(fromCredentials["region"])
        return Loaded(credentials: credentials, region: region)
    }

    /// Sections of an AWS INI file (`[name]`, `key = value`, `#`/`;` comments); nil when absent.
    static func readINI(_ path: String) throws -> [String: [String: String]]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SignetError("\(path)", "exists but cannot be read")
        }
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in String(decoding: data, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        {
            let line = String(rawLine).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingSpaces
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section = current, let eq = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<eq]).trimmingSpaces.lowercased()
            let value = String(line[line.index(after: eq)...]).trimmingSpaces
            sections[section]?[key] = value
        }
        return sections
    }
}
