import Foundation
import Signet

/// SHA-256 over 1 GiB fed in 16 KiB blocks from one reused buffer: constant memory.
enum StreamBench {
    static func run(scale: Int, results: inout [String: Any], log: Bool) {
        let total = (1 << 30) / scale
        let block = 16 * 1024
        var buffer = [UInt8](repeating: 0, count: block)
        var x: UInt32 = 2_463_534_242
        for i in 0..<block {
            x ^= x << 13
            x ^= x >> 17
            x ^= x << 5
            buffer[i] = UInt8(truncatingIfNeeded: x)
        }
        let before = peakResidentBytes() ?? 0
        var times: [Double] = []
        var digest = ""
        for _ in 0..<3 {
            let t0 = monotonicNanoseconds()
            var h = Hasher<SHA256>()
            buffer.withUnsafeBytes { b in
                for _ in 0..<(total / block) { h.update(b) }
            }
            digest = h.finalize().hex
            times.append(Double(monotonicNanoseconds() - t0))
        }
        let ns = times.sorted()[1]
        let peak = peakResidentBytes() ?? 0
        results["sha256.stream1g"] = [
            "nsPerOp": ns.rounded(), "bytesPerSecond": (Double(total) / (ns / 1e9)).rounded(), "peakMemoryBytes": peak,
            "peakGrowthBytes": max(0, peak - before), "bytes": total, "allocationsPerOp": 0,
        ]
        if log {
            print(
                "sha256.stream1g    \(String(format: "%.0f", Double(total) / (ns / 1e9) / 1e6)) MB/s, peak RSS \(peak / 1024) KiB (\(digest.prefix(16))…)"
            )
        }
    }
}
