import CMallocCounter
import Foundation

/// One operation's figures: median nanoseconds and allocations per operation.
struct Measurement {
    var nsPerOp: Double
    var allocationsPerOp: Double
    var runs: [Double]

    var json: [String: Any] { ["nsPerOp": (nsPerOp * 10).rounded() / 10, "allocationsPerOp": allocationsPerOp] }
}

/// Monotonic nanoseconds.
func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` once per iteration: a warm-up, then `runs` timed runs; reports the median run.
/// Allocations are counted in a separate run so counting does not slow the timed ones.
func measure(iterations: Int, runs: Int = 5, _ body: () throws -> Int) rethrows -> Measurement {
    var sink = 0
    for _ in 0..<max(1, iterations / 10) { sink &+= try body() }
    var perOp: [Double] = []
    for _ in 0..<runs {
        let t0 = monotonicNanoseconds()
        for _ in 0..<iterations { sink &+= try body() }
        let t1 = monotonicNanoseconds()
        perOp.append(Double(t1 - t0) / Double(iterations))
    }
    let countIterations = min(iterations, 10_000)
    signet_count_allocations(1)
    let a0 = signet_allocation_count()
    for _ in 0..<countIterations { sink &+= try body() }
    let a1 = signet_allocation_count()
    signet_count_allocations(0)
    if sink == 42 { print("") }  // keep results alive
    let sorted = perOp.sorted()
    return Measurement(
        nsPerOp: sorted[sorted.count / 2], allocationsPerOp: Double(a1 - a0) / Double(countIterations), runs: perOp)
}

/// Peak resident set size of this process, from /proc/self/status (VmHWM), in bytes.
func peakResidentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Int($0) }
        if let kb = digits.first { return kb * 1024 }
    }
    return nil
}
