import SignetHTTP

/// Removes secrets from text before it is shown: session tokens found in the input or the
/// credentials, and the secret itself.
struct Redactor: Sendable {
    private let secrets: [String]

    init(_ situation: Situation) {
        var s: [String] = []
        if let t = situation.auth?.sessionToken, t.count >= 8 { s.append(t) }
        if let r = situation.request {
            for name in ["x-cos-security-token", "x-amz-security-token", "x-ci-security-token"] {
                if let v = r.headers[name], v.count >= 8 { s.append(v) }
            }
        }
        if let c = situation.context.credentials {
            if c.secret.count >= 8 { s.append(c.secret) }
            if let t = c.sessionTokenValue, t.count >= 8 { s.append(t) }
        }
        // Longest first, and the percent-encoded forms too.
        var all = Set<String>()
        for x in s {
            all.insert(x)
            all.insert(PercentEncodingLite.encode(x))
        }
        secrets = all.sorted { $0.count > $1.count }
    }

    func apply(_ text: String) -> String {
        var out = text
        for s in secrets where out.contains(s) { out = out.replacingAll(s, with: "<redacted>") }
        return out
    }

    func apply(_ f: Finding) -> Finding {
        var f = f
        f.evidence = f.evidence.map { Evidence($0.label, apply($0.value)) }
        f.cause = apply(f.cause)
        f.fix = f.fix.map(apply)
        f.runnable = f.runnable.map { RunnableFix(title: $0.title, commands: $0.commands.map(apply)) }
        return f
    }
}

/// The unreserved-only percent-encoding (space as `%20`), and lenient decoding.
enum PercentEncodingLite {
    static func decode(_ s: String) throws -> String { try PercentEncoding.decodeToString(s) }

    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x2d
                || b == 0x2e
                || b == 0x5f || b == 0x7e
            {
                out.append(c)
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(b >> 4)])\(hex[Int(b & 15)])"
            }
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
