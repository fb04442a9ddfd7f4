import Dispatch
import SignetHTTP
import Synchronization
import XCTest

@testable import SignetSkew

/// A clock the test moves by hand.
private final class ManualClock: SigningClock, Sendable {
    private let value: Mutex<Double>
    init(_ t: Double) { value = Mutex(t) }
    func now() -> Double { value.withLock { $0 } }
    func set(_ t: Double) { value.withLock { $0 = t } }
}

final class ClockOffsetTrackerTests: XCTestCase {
    let t0 = 1_795_000_000.0

    /// Headers of a response the server stamped at local time `t` with its clock `offset` ahead.
    private func response(at t: Double, offset: Double, age: String? = nil) -> HTTPHeaders {
        var h: HTTPHeaders = [("Date", UTCTime.httpDate(Int64((t + offset).rounded(.down))))]
        if let age { h.append("Age", age) }
        return h
    }

    func testLearnsTheOffsetAndNarrowsIt() {
        let clock = ManualClock(t0)
        let tracker = ClockOffsetTracker(base: clock)
        XCTAssertEqual(tracker.now(), t0)
        var t = t0 + 0.1
        for _ in 0..<8 {
            let h = response(at: t + 0.01, offset: 1800.3)
            guard case .applied(let o) = tracker.record(headers: h, sent: t, received: t + 0.02) else {
                return XCTFail()
            }
            XCTAssertEqual(o, 1800.3, accuracy: 1.02)
            t += 0.37  // different phases of the server's second
        }
        XCTAssertEqual(tracker.offset, 1800.3, accuracy: 0.2)
        XCTAssertTrue(tracker.interval!.contains(1800.3))
        clock.set(t0 + 10)
        XCTAssertEqual(tracker.now(), t0 + 10 + tracker.offset)
        XCTAssertEqual(tracker.localNow(), t0 + 10)
    }

    func testIgnoresCachedMissingAndBadDates() {
        let tracker = ClockOffsetTracker(base: ManualClock(t0))
        XCTAssertEqual(
            tracker.record(headers: response(at: t0, offset: -600, age: "30"), sent: t0, received: t0), .ignoredCached)
        XCTAssertEqual(tracker.record(headers: [("Server", "x")], sent: t0, received: t0), .ignoredNoDate)
        XCTAssertEqual(tracker.record(date: "soon", age: nil, sent: t0, received: t0), .ignoredBadDate)
        XCTAssertEqual(
            tracker.record(date: "Thu, 01 Jan 1970 00:00:00 GMT", age: nil, sent: t0, received: t0), .ignoredBadDate)
        XCTAssertEqual(tracker.offset, 0)
        XCTAssertNil(tracker.interval)
    }

    func testResetsWhenTheClockIsFixed() {
        let clock = ManualClock(t0)
        let tracker = ClockOffsetTracker(base: clock)
        tracker.record(headers: response(at: t0, offset: -1800), sent: t0, received: t0 + 0.01)
        XCTAssertEqual(tracker.offset, -1800, accuracy: 1)
        // The local clock was corrected by NTP: responses now agree with it.
        let t = t0 + 1800 + 60
        clock.set(t)
        XCTAssertEqual(
            tracker.record(headers: response(at: t, offset: 0), sent: t, received: t + 0.01), .applied(offset: 0))
        XCTAssertEqual(tracker.offset, 0)
        XCTAssertEqual(tracker.now(), t)
    }

    func testFollowsAClockThatJumps() {
        let tracker = ClockOffsetTracker(base: ManualClock(t0))
        tracker.record(headers: response(at: t0, offset: 300), sent: t0, received: t0)
        tracker.record(headers: response(at: t0 + 5, offset: -900), sent: t0 + 5, received: t0 + 5)
        XCTAssertEqual(tracker.offset, -900, accuracy: 1)
    }

    func testOptOut() {
        let tracker = ClockOffsetTracker(base: ManualClock(t0), enabled: false)
        XCTAssertEqual(tracker.record(headers: response(at: t0, offset: 3600), sent: t0, received: t0), .disabled)
        XCTAssertEqual(tracker.now(), t0)
        tracker.isEnabled = true
        tracker.record(headers: response(at: t0, offset: 3600), sent: t0, received: t0)
        XCTAssertEqual(tracker.now(), t0 + 3600, accuracy: 1)
        tracker.isEnabled = false
        XCTAssertEqual(tracker.now(), t0)
        XCTAssertNil(tracker.interval)
    }

    func testConcurrentUse() {
        let tracker = ClockOffsetTracker(base: ManualClock(t0))
        let start = t0
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            let t = start + Double(i) * 0.013
            let date = UTCTime.httpDate(Int64((t + 42.5).rounded(.down)))
            tracker.record(date: date, age: nil, sent: t, received: t + 0.001)
            _ = tracker.now()
        }
        XCTAssertEqual(tracker.offset, 42.5, accuracy: 0.05)
    }

    func testWorksAsTheSignersClock() {
        let tracker: any SigningClock = ClockOffsetTracker(base: FixedClock(t0))
        XCTAssertEqual(tracker.now(), t0)
    }
}

final class OffsetEstimateTests: XCTestCase {
    func testIntersectsSampleIntervals() {
        // Truth 10.4: stamped at local 100.2 → server 110.6 → Date 110 ⇒ θ ∈ [9.8, 10.9).
        let a = ClockSample(sent: 100.1, received: 100.3, serverDate: 110)
        XCTAssertEqual(a.lowerBound, 9.7, accuracy: 1e-9)
        XCTAssertEqual(a.upperBound, 10.9, accuracy: 1e-9)
        // Stamped at local 100.7 → server 111.1 → Date 111 ⇒ θ ∈ [10.2, 11.3).
        let b = ClockSample(sent: 100.7, received: 100.8, serverDate: 111)
        let e = OffsetEstimate(samples: [a, b])!
        XCTAssertTrue(e.consistent)
        XCTAssertEqual(e.lower, 10.2, accuracy: 1e-9)
        XCTAssertEqual(e.upper, 10.9, accuracy: 1e-9)
        XCTAssertEqual(e.offset, 10.55, accuracy: 1e-9)
        XCTAssertEqual(e.uncertainty, 0.35, accuracy: 1e-9)
        XCTAssertEqual(e.roundTrip, 0.1, accuracy: 1e-9)
        XCTAssertTrue(e.contains(10.4))
    }

    func testContradictorySamplesWidenInsteadOfLying() {
        let a = ClockSample(sent: 100, received: 100.1, serverDate: 110)
        let b = ClockSample(sent: 101, received: 101.1, serverDate: 150)
        let e = OffsetEstimate(samples: [a, b])!
        XCTAssertFalse(e.consistent)
        XCTAssertTrue(e.contains(10) && e.contains(49))
        XCTAssertNil(OffsetEstimate(samples: []))
    }

    func testVerdicts() {
        XCTAssertEqual(SkewVerdict(offset: 0.2, uncertainty: 0.05).code, .inSync)
        XCTAssertEqual(SkewVerdict(offset: 1800, uncertainty: 0.05).code, .tooSkewed)
        XCTAssertEqual(SkewVerdict(offset: -1800, uncertainty: 0.05).code, .tooSkewed)
        XCTAssertEqual(SkewVerdict(offset: 899.8, uncertainty: 0.5).code, .cannotTell)
        XCTAssertEqual(SkewVerdict(offset: -30, uncertainty: 0.5).code, .clockAhead)
        XCTAssertEqual(SkewVerdict(offset: 30, uncertainty: 0.5).code, .clockBehind)
        XCTAssertEqual(SkewVerdict(offset: 1.2, uncertainty: 0.5).code, .inSync)
        let v = SkewVerdict(offset: -1800.02, uncertainty: 0.03)
        XCTAssertTrue(v.explanation.contains("1800.0 s (30 min) ahead"), v.explanation)
        XCTAssertTrue(v.explanation.contains("RequestTimeTooSkewed"))
    }
}
