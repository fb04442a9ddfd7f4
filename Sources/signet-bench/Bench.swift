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

        if let i = arguments.firstIndex(of: "--profile-sigv4") {
            // `--profile-sigv4 N`: run sigv4.presign N times and nothing else (for callgrind or perf).
            let n = Int(arguments[arguments.index(after: i)]) ?? 100_000
            let signer = try SigV4Bench.signer()
            var sink = 0
            for _ in 0..<n {
                sink &+= try signer.presignedURL(
                    url: try RequestURL(SigV4Bench.url), expires: 3600, at: SigV4Bench.time
                ).utf8.count
            }
            print(sink)
            return
        }
        if let i = arguments.firstIndex(of: "--profile") {
            // `--profile N`: run cos.presign N times and nothing else (for callgrind or perf).
            let n = Int(arguments[arguments.index(after: i)]) ?? 100_000
            var sink = 0
            for _ in 0..<n {
                sink &+= try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime).utf8.count
            }
            print(sink)
            return
        }

        // COS: Authorization only, then the full presigned URL (URL parsing included in both).
        let cosPresigned = try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime)
        if !asJSON { print("cos.presign → \(cosPresigned)") }
        report(
            "cos.sign",
            try measure(iterations: 200_000 / scale) {
                let request = try SigningRequest(method: "GET", url: cosURL)
                return try cosSigner.authorization(request, keyTime: cosKeyTime).utf8.count
            })
        report(
            "cos.presign",
            try measure(iterations: 200_000 / scale) {
                try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime).utf8.count
            })

        try SigV4Bench.run(scale: scale, report: report, log: !asJSON)
        StreamBench.run(scale: scale, results: &results, log: !asJSON)
        ThreadBench.run(
            scale: scale, results: &results, log: !asJSON,
            operation: { try cosSigner.presignedURL(url: try RequestURL(cosURL), keyTime: cosKeyTime).utf8.count })

        if asJSON {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys, .prettyPrinted])
            print(String(decoding: data, as: UTF8.self))
        }

    }
}
