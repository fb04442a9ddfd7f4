import Foundation
import Signet

/// `signet-bench [--json] [--quick]`: the figures of issue 6, medians after warm-up.
@main
struct Bench {
    static func main() throws {

        let encodedKey = PercentEncoding.encode(BenchInputs.key, keepSlash: true)
        let cosURL =
            "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/\(encodedKey)?response-content-type=image%2Fjpeg&response-content-disposition=attachment"
        let cosKeyTime = try KeyTime(parsing: "1718201699;1718205299")
        let cosSigner = COSSigner(
            credentials: try COSCredentials(
                secretId: BenchInputs.cosExampleSecretId, secretKey: BenchInputs.cosExampleSecretKey))

        let arguments = CommandLine.arguments.dropFirst()
        let asJSON = arguments.contains("--json")
        let quick = arguments.contains("--quick")
        let scale = quick ? 10 : 1
        var results: [String: Any] = [:]

        func report(_ name: String, _ m: Measurement) {
            results[name] = m.json
            if !asJSON {
                print(
                    "\(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%9.1f", m.nsPerOp)) ns/op  \(m.allocationsPerOp) allocs/op"
                )
            }
        }

        // `--profile-sigv4 N`, `--profile-object N`, `--profile N`: run sigv4.presign, cos.presign or
        // cos.presign.url N times and nothing else (for callgrind or perf).
        let sigv4Signer = try SigV4Bench.signer()
        let profiles: [(flag: String, operation: @Sendable () throws -> Int)] = [
            (
                "--profile-sigv4",
                {
                    try sigv4Signer.presignedURL(object: try SigV4Bench.object(), expires: 3600, at: SigV4Bench.time)
                        .utf8.count
                }
            ),
            (
                "--profile-object",
                { try cosSigner.presignedURL(object: try BenchInputs.cosObject(), keyTime: cosKeyTime).utf8.count }
            ),
            ("--profile", { try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime).utf8.count }),
        ]
        // With `--profile-threads T`, T threads run the N operations each, at once.
        func argument(after flag: String) -> Int? {
            guard let i = arguments.firstIndex(of: flag), arguments.index(after: i) < arguments.endIndex else {
                return nil
            }
            return Int(arguments[arguments.index(after: i)])
        }
        for (flag, operation) in profiles where arguments.contains(flag) {
            let n = argument(after: flag) ?? 100_000
            let threads = argument(after: "--profile-threads") ?? 1
            if threads > 1 { return ThreadBench.runOnThreads(threads, times: n, operation) }
            var sink = 0
            for _ in 0..<n { sink &+= try operation() }
            print(sink)
            return
        }

        // Warm-up for the whole process (a quarter of a second of both presigns): the first operation
        // measured must not pay for a cold process (page faults, caches, the CPU's clock ramping up).
        let warmUpEnd = monotonicNanoseconds() + 250_000_000
        var warmUpSink = 0
        while monotonicNanoseconds() < warmUpEnd {
            for (_, operation) in profiles.prefix(2) { warmUpSink &+= try operation() }
        }
        if warmUpSink == 42 { print("") }

        // COS: Authorization only, then the full presigned URL (URL parsing included in both).
        let cosPresigned = try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime)
        if !asJSON { print("cos.presign → \(cosPresigned)") }
        report(
            "cos.sign",
            try measure(iterations: 200_000 / scale) {
                let request = try SigningRequest(method: "GET", url: cosURL)
                return try cosSigner.authorization(request, keyTime: cosKeyTime).utf8.count
            })
        // cos.presign: from the object's parts, as the peers take them (Bucket, Key, Params);
        // cos.presign.url: from a URL string, parsing included.
        report(
            "cos.presign",
            try measure(iterations: 200_000 / scale) {
                try cosSigner.presignedURL(object: try BenchInputs.cosObject(), keyTime: cosKeyTime).utf8.count
            })
        report(
            "cos.presign.url",
            try measure(iterations: 200_000 / scale) {
                try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime).utf8.count
            })
        // Both forms give the same URL; the compare script checks it against the floor and the SDK.
        let fromObject = try cosSigner.presignedURL(object: try BenchInputs.cosObject(), keyTime: cosKeyTime)
        guard fromObject == cosPresigned else {
            throw SignetError("cos.presign", "the object and URL forms disagree", allowed: "the same URL")
        }
        for name in ["cos.presign", "cos.presign.url"] {
            (results[name] as? [String: Any]).map { results[name] = $0.merging(["url": cosPresigned]) { a, _ in a } }
        }

        let sigv4Presigned = try SigV4Bench.run(scale: scale, report: report, log: !asJSON)
        for name in ["sigv4.presign", "sigv4.presign.url"] {
            (results[name] as? [String: Any]).map { results[name] = $0.merging(["url": sigv4Presigned]) { a, _ in a } }
        }
        StreamBench.run(scale: scale, results: &results, log: !asJSON)
        ThreadBench.run(
            scale: scale, results: &results, log: !asJSON,
            operation: {
                try cosSigner.presignedURL(object: try BenchInputs.cosObject(), keyTime: cosKeyTime).utf8.count
            })

        if asJSON {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys, .prettyPrinted])
            print(String(decoding: data, as: UTF8.self))
        }

    }
}

extension BenchInputs {
    /// The COS workload as the peers take it: host, key and parameters, nothing encoded by hand.
    static func cosObject() throws -> ObjectLocation {
        try ObjectLocation(
            host: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", key: key,
            query: [("response-content-type", "image/jpeg"), ("response-content-disposition", "attachment")])
    }
}
