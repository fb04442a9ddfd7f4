import Foundation
import Signet

/// Loads COS credentials from the environment or a credentials file; never from arguments.
enum COSCredentialsLoader {
    /// Environment: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY / TENCENTCLOUD_SESSION_TOKEN,
    /// or COS_SECRET_ID / COS_SECRET_KEY / COS_SESSION_TOKEN. File: JSON (`secretId`, `secretKey`,
    /// `sessionToken`, `expiration`, or an STS response with `Credentials.TmpSecretId` …) or
    /// `NAME=value` lines using the environment names.
    static func load(
        file: String?, keyExpiration: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> COSCredentials
    {
        var values: [String: String] = [:]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SignetError("--credentials-file", "\"\(file)\" cannot be read")
            }
            values = try parseFile(data, name: file)
        } else {
            let id = environment["TENCENTCLOUD_SECRET_ID"] ?? environment["COS_SECRET_ID"]
            let key = environment["TENCENTCLOUD_SECRET_KEY"] ?? environment["COS_SECRET_KEY"]
            let token = environment["TENCENTCLOUD_SESSION_TOKEN"] ?? environment["COS_SESSION_TOKEN"]
            values["id"] = id
            values["key"] = key
            values["token"] = token
            values["expiration"] = environment["TENCENTCLOUD_SESSION_EXPIRATION"]
        }
        guard let id = values["id"], let key = values["key"] else {
            throw SignetError(
                "credentials", "no COS key found",
                allowed:
                    "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (or COS_SECRET_ID/COS_SECRET_KEY) in the environment, or --credentials-file"
            )
        }
        var expiration: Int64?
        if let text = keyExpiration ?? values["expiration"] {
            guard let t = UTCTime.parseAny(text) else {
                throw SignetError("key expiration", "\"\(text)\" is not a time", allowed: "Unix seconds or RFC 3339")
            }
            expiration = Int64(t)
        }
        return try COSCredentials(
            secretId: id, secretKey: key, sessionToken: values["token"].flatMap { $0.isEmpty ? nil : $0 },
            expiration: expiration)
    }

    static func parseFile(_ data: Data, name: String) throws -> [String: String] {
        if let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let creds = (json["Credentials"] as? [String: Any]) ?? (json["credentials"] as? [String: Any]) ?? json
            func str(_ keys: [String], in dict: [String: Any]) -> String? {
                for k in keys {
                    if let s = dict[k] as? String { return s }
                    if let n = dict[k] as? NSNumber { return n.stringValue }
                }
                return nil
            }
            var out: [String: String] = [:]
            out["id"] = str(["secretId", "SecretId", "TmpSecretId", "tmpSecretId"], in: creds)
            out["key"] = str(["secretKey", "SecretKey", "TmpSecretKey", "tmpSecretKey"], in: creds)
            out["token"] = str(["sessionToken", "SessionToken", "Token", "token"], in: creds)
            out["expiration"] =
                str(["expiration", "Expiration", "ExpiredTime", "expiredTime"], in: json)
                ?? str(["expiration"], in: creds)
            return out
        }
        var out: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") || t.hasPrefix("[") { continue }
            guard let eq = t.firstIndex(of: "=") else {
                throw SignetError(
                    "--credentials-file \(name)", "line \"\(t.prefix(20))…\" is not NAME=value",
                    allowed: "JSON or NAME=value lines")
            }
            let k = t[..<eq].trimmingCharacters(in: .whitespaces).uppercased()
            let v = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
            switch k {
            case "TENCENTCLOUD_SECRET_ID", "COS_SECRET_ID", "SECRET_ID", "SECRETID": out["id"] = v
            case "TENCENTCLOUD_SECRET_KEY", "COS_SECRET_KEY", "SECRET_KEY", "SECRETKEY": out["key"] = v
            case "TENCENTCLOUD_SESSION_TOKEN", "COS_SESSION_TOKEN", "TOKEN", "SESSION_TOKEN": out["token"] = v
            case "TENCENTCLOUD_SESSION_EXPIRATION", "EXPIRATION", "EXPIRED_TIME": out["expiration"] = v
            default: continue
            }
        }
        return out
    }
}
