import Signet

/// SigV4 operations on the inputs of issue 6 (the same as the C floor and botocore).
enum SigV4Bench {
    static let url =
        "https://examplebucket.s3.us-east-1.amazonaws.com/"
        + PercentEncoding.encode(BenchInputs.key, keepSlash: true)
    static let time = BenchInputs.time

    static func signer() throws -> SigV4Signer {
        SigV4Signer(
            credentials: try SigV4Credentials(
                accessKeyId: BenchInputs.awsExampleAccessKeyId, secretAccessKey: BenchInputs.awsExampleSecretAccessKey),
            settings: try SigV4Settings(region: "us-east-1"))
    }

    /// The SigV4 workload as botocore takes it: host, key, nothing encoded by hand.
    static func object() throws -> ObjectLocation {
        try ObjectLocation(host: "examplebucket.s3.us-east-1.amazonaws.com", key: BenchInputs.key)
    }

    /// Runs the SigV4 measurements; returns the presigned URL both forms gave.
    static func run(scale: Int, report: (String, Measurement) -> Void, log: Bool) throws -> String {
        let signer = try signer()
        if log {
            print("sigv4.presign → \(try signer.presignedURL(url: try RequestURL(url), expires: 3600, at: time))")
        }
        report(
            "sigv4.sign",
            try measure(iterations: 200_000 / scale) {
                let request = try SigningRequest(method: "GET", url: url)
                return try signer.headersToAdd(request, payload: .unsigned, at: time).count
            })
        // sigv4.presign: from the object's parts; sigv4.presign.url: from a URL string, parsing included.
        report(
            "sigv4.presign",
            try measure(iterations: 200_000 / scale) {
                try signer.presignedURL(object: try object(), expires: 3600, at: time).utf8.count
            })
        report(
            "sigv4.presign.url",
            try measure(iterations: 200_000 / scale) {
                try signer.presignedURL(url: try RequestURL(url), expires: 3600, at: time).utf8.count
            })
        let presigned = try signer.presignedURL(url: try RequestURL(url), expires: 3600, at: time)
        guard try signer.presignedURL(object: try object(), expires: 3600, at: time) == presigned else {
            throw SignetError("sigv4.presign", "the object and URL forms disagree", allowed: "the same URL")
        }

        // One 64 KiB chunk signature, its SHA-256 included, chained on the previous one.
        let seedRequest = try SigningRequest(
            method: "PUT", url: url,
            headers: [("Content-Encoding", "aws-chunked"), ("x-amz-decoded-content-length", "1073741824")])
        let seed = try signer.sign(seedRequest, payload: .streamingSigned, at: time)
        var chunkSigner = try SigV4ChunkSigner(seed: seed)
        let chunk = [UInt8](repeating: 0x61, count: 64 * 1024)
        report(
            "sigv4.chunk64k",
            try measure(iterations: 20_000 / scale) {
                try chunk.withUnsafeBytes { try chunkSigner.sign(chunk: $0).count }
            })
        return presigned
    }
}
