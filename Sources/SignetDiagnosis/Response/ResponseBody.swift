import Foundation

/// What a response body turned out to be.
public enum ResponseBody: Sendable {
    /// No body (HEAD, or not saved).
    case empty
    /// An `<Error>` document.
    case error(ServiceError)
    /// A batch-delete `<DeleteResult>`.
    case deleteResult(DeleteResult)
    /// Other well-formed XML (a success document such as ListBucketResult).
    case otherXML(XMLNode)
    /// An HTML page (a proxy's, CDN's or gateway's error page), with its title if any.
    case html(title: String?)
    /// XML that could not be read fully; what was recovered (possibly an error) and why.
    case unreadableXML(recovered: ServiceError?, problem: XMLParseError)
    /// Something else (JSON, text, binary).
    case other(preview: String)

    /// Classifies body bytes.
    public static func classify(_ body: [UInt8], limits: XMLLimits = .standard) -> ResponseBody {
        var start = 0
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < body.count,
            body[start] == 0x20 || body[start] == 0x0a || body[start] == 0x0d || body[start] == 0x09
        {
            start += 1
        }
        guard start < body.count else { return .empty }
        let head = String(decoding: body[start..<min(body.count, start + 512)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.contains("<html") {
            return .html(title: htmlTitle(body))
        }
        guard body[start] == UInt8(ascii: "<") else {
            return .other(preview: String(decoding: body[start..<min(body.count, start + 120)], as: UTF8.self))
        }
        let outcome = SafeXMLParser.parsePartial(body, limits: limits)
        if let problem = outcome.error {
            return .unreadableXML(recovered: outcome.root.flatMap(ServiceError.init), problem: problem)
        }
        guard let root = outcome.root else { return .empty }
        if let error = ServiceError(root) { return .error(error) }
        if let result = DeleteResult(root) { return .deleteResult(result) }
        return .otherXML(root)
    }

    /// The error document, complete or recovered from a damaged body.
    public var serviceError: ServiceError? {
        switch self {
        case .error(let e): e
        case .unreadableXML(let recovered, _): recovered
        default: nil
        }
    }

    private static func htmlTitle(_ body: [UInt8]) -> String? {
        let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        guard let open = text.range(of: "<title", options: .caseInsensitive),
            let gt = text[open.upperBound...].firstIndex(of: ">"),
            let close = text[gt...].range(of: "</title>", options: .caseInsensitive)
        else { return nil }
        let title = String(text[text.index(after: gt)..<close.lowerBound]).trimmingWhitespace
        return title.isEmpty ? nil : String(title.prefix(200))
    }
}
