import Foundation

/// Throughput of one thread against two threads signing concurrently with one shared signer.
enum ThreadBench {
    static func run(
        scale: Int, results: inout [String: Any], log: Bool, operation: @escaping @Sendable () throws -> Int
    ) {
        // Long enough turns even in --quick: short ones mostly time thread start-up and scheduling.
        let perThread = max(300_000 / scale, 200_000)
        func throughput(threads: Int) -> Double {
            let t0 = monotonicNanoseconds()
            runOnThreads(threads, times: perThread, operation)
            return Double(threads * perThread) / (Double(monotonicNanoseconds() - t0) / 1e9)
        }
        _ = throughput(threads: 1)
        // One thread and two threads in turns, five times: each ratio compares neighbours in time
        // (this VM's speed drifts), and the median ratio is reported.
        var pairs: [(one: Double, two: Double)] = []
        for _ in 0..<5 { pairs.append((throughput(threads: 1), throughput(threads: 2))) }
        let median = pairs.sorted { $0.two / $0.one < $1.two / $1.one }[2]
        let (one, two) = median
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

    /// Runs `operation` `times` times on each of `threads` new threads at once, and waits for all.
    static func runOnThreads(_ threads: Int, times: Int, _ operation: @escaping @Sendable () throws -> Int) {
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                var sink = 0
                for _ in 0..<times { sink &+= (try? operation()) ?? 0 }
                if sink == 42 { print("") }
                group.leave()
            }
        }
        group.wait()
    }
}
