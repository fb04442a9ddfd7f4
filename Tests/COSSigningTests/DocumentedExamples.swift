import COSSigning
import SignetHTTP

/// The COS documentation's signature examples: the PUT with seven signed headers and the GET with
/// two response parameters, with their windows and signing options.
enum DocumentedExamples {
    static let put =
        "https://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)"

    static func putRequest() throws -> SigningRequest {
        try SigningRequest(
            method: "PUT", url: put,
            headers: [
                ("Date", "Thu, 16 May 2019 06:45:51 GMT"), ("Content-Type", "text/plain"), ("Content-Length", "13"),
                ("Content-MD5", "mQ/fVh815F3k6TAUm8m0eg=="), ("x-cos-acl", "private"),
                ("x-cos-grant-read", "uin=\"100000000011\""),
            ])
    }

    static func getRequest() throws -> SigningRequest {
        try SigningRequest(
            method: "GET",
            url: put + "?response-content-type=application%2Foctet-stream&response-cache-control=max-age%3D600",
            headers: [("Date", "Thu, 16 May 2019 06:55:53 GMT")])
    }

    /// The PUT example signs exactly these headers.
    static var putOptions: COSSigningOptions {
        var options = COSSigningOptions()
        options.headers = .exactly([
            "content-length", "content-md5", "content-type", "date", "host", "x-cos-acl", "x-cos-grant-read",
        ])
        return options
    }

    /// The GET example signs Date and Host.
    static var getOptions: COSSigningOptions {
        var options = COSSigningOptions()
        options.headers = .exactly(["date", "host"])
        return options
    }
}
