import Foundation

/// Throughput of one thread against two threads signing concurrently with one shared signer.
enum ThreadBench {
    static func run(
        scale: Int, results: inout [String: Any], log: Bool, operation: @escaping @Sendable () throws -> Int
    ) {
        let perThread = 300_000 / scale
        func throughput(threads: Int) -> Double {
            let group = DispatchGroup()
            let t0 = monotonicNanoseconds()
            for _ in 0..<threads {
                group.enter()
                Thread.detachNewThread {
                    var sink = 0
                    for _ in 0..<perThread { sink &+= (try? operation()) ?? 0 }
                    if sink == 42 { print("") }
                    group.leave()
                }
            }
            group.wait()
            return Double(threads * perThread) / (Double(monotonicNanoseconds() - t0) / 1e9)
        }
        _ = throughput(threads: 1)
        let one = [throughput(threads: 1), throughput(threads: 1), throughput(threads: 1)].sorted()[1]
        let two = [throughput(threads: 2), throughput(threads: 2), throughput(threads: 2)].sorted()[1]
        results["threads"] = [
            "operation": "cos.presign", "oneThreadOpsPerSec": one.rounded(), "twoThreadOpsPerSec": two.rounded(),
            "scaling": (two / one * 100).rounded() / 100,
        ]
        if log {
            print(
                "threads            1: \(Int(one)) ops/s, 2: \(Int(two)) ops/s, scaling \(String(format: "%.2f", two / one))×"
            )
        }
    }
}
