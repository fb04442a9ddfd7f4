import Foundation
import SignetHTTP

/// Reads a HAR file (browser devtools "Save all as HAR") and returns the exchanges worth
/// diagnosing: every entry with status 0 or ≥ 400, and every batch delete (which fails with 200).
public enum HARParser {
    /// Parses HAR JSON.
    /// - Throws: `InputError` when the text is not JSON or not a HAR log.
    public static func parse(_ bytes: [UInt8], includeAll: Bool = false) throws -> [Exchange] {
        try InputError.checkSize(bytes, input: "HAR file")
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw InputError("HAR file", "is not JSON (\(String(describing: error).prefix(160)))")
        }
        guard let root = json as? [String: Any], let log = root["log"] as? [String: Any],
            let entries = log["entries"] as? [Any]
        else {
            throw InputError("HAR file", "is JSON but not a HAR log (no log.entries array)")
        }
        var out: [Exchange] = []
        for (index, any) in entries.enumerated() {
            guard let entry = any as? [String: Any], let req = entry["request"] as? [String: Any] else {
                out.append(
                    Exchange(label: "HAR entry \(index + 1)", inputNotes: ["entry \(index + 1) has no request object"]))
                continue
            }
            let method = req["method"] as? String ?? "GET"
            let url = req["url"] as? String ?? ""
            let headers = harHeaders(req["headers"])
            var body: [UInt8]?
            if let post = req["postData"] as? [String: Any], let text = post["text"] as? String {
                body = Array(text.utf8)
            }
            let request = ExchangeRequest(method: method, url: url, headers: headers, body: body)
            var notes: [String] = []
            var response: ExchangeResponse?
            if let resp = entry["response"] as? [String: Any] {
                let status = (resp["status"] as? NSNumber)?.intValue ?? 0
                var rbody: [UInt8] = []
                if let content = resp["content"] as? [String: Any], let text = content["text"] as? String {
                    if (content["encoding"] as? String) == "base64" {
                        if let d = Data(base64Encoded: text) {
                            rbody = Array(d)
                        } else {
                            notes.append("response body: invalid base64")
                        }
                    } else {
                        rbody = Array(text.utf8)
                    }
                }
                response = ExchangeResponse(
                    status: status == 0 ? nil : status, headers: harHeaders(resp["headers"]), body: rbody)
                if status == 0 { notes.append("the browser recorded no status (blocked, CORS or aborted)") }
            } else {
                notes.append("entry has no response")
            }
            let status = response?.status ?? 0
            let isBatchDelete = method.uppercased() == "POST" && request.queryItems.contains { $0.name == "delete" }
            guard includeAll || status == 0 || status >= 400 || isBatchDelete else { continue }
            out.append(
                Exchange(request: request, response: response, label: "HAR entry \(index + 1)", inputNotes: notes))
        }
        return out
    }

    static func harHeaders(_ any: Any?) -> HTTPHeaders {
        var h = HTTPHeaders()
        for item in (any as? [Any]) ?? [] {
            guard let d = item as? [String: Any], let name = d["name"] as? String, let value = d["value"] as? String
            else {
                continue
            }
            if name.hasPrefix(":") { continue }  // HTTP/2 pseudo-headers
            h.append(name, value)
        }
        return h
    }
}
