import Dispatch
import Foundation
import SignetHTTP
import Testing

/// `ThreadKeySlot`: one plain value per thread, labelled by (owner, tag). `load` runs only when the
/// slot holds something else; another owner, another tag or another thread never sees the value.
///
/// Every check here runs synchronously, so nothing else uses this thread's slot in between.
struct ThreadKeySlotTests {
    /// A plain value of a few words.
    struct Words: Equatable {
        var a: UInt64
        var b: UInt64
        var c: UInt64
        var d: UInt64

        init(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0, _ d: UInt64 = 0) {
            self.a = a
            self.b = b
            self.c = c
            self.d = d
        }
    }

    /// Counts the calls of `load` and returns what the slot handed to `body`.
    struct Probe {
        var loads = 0

        mutating func use(owner: UInt64, tag: (Int64, Int64), making value: Words) -> Words {
            var loaded = 0
            let seen = ThreadKeySlot.withValue(
                owner: owner, tag: tag,
                load: { () -> Words in
                    loaded += 1
                    return value
                }
            ) { $0.pointee }
            loads += loaded
            return seen
        }
    }

    @Test func loadRunsOncePerOwnerAndTagAndAgainWhenEitherChanges() {
        let owner = ThreadKeySlot.newOwner()
        let other = ThreadKeySlot.newOwner()
        var p = Probe()

        #expect(p.use(owner: owner, tag: (1, 2), making: Words(1, 1)) == Words(1, 1))
        #expect(p.loads == 1)
        // Same owner and tag: the kept value, not the one `load` would make now.
        for i in 0..<50 {
            #expect(p.use(owner: owner, tag: (1, 2), making: Words(99, UInt64(i))) == Words(1, 1))
        }
        #expect(p.loads == 1)

        // The first tag word changes.
        #expect(p.use(owner: owner, tag: (3, 2), making: Words(2, 2)) == Words(2, 2))
        #expect(p.loads == 2)
        #expect(p.use(owner: owner, tag: (3, 2), making: Words(99, 0)) == Words(2, 2))
        #expect(p.loads == 2)

        // The second tag word changes.
        #expect(p.use(owner: owner, tag: (3, 5), making: Words(3, 3)) == Words(3, 3))
        #expect(p.loads == 3)
        #expect(p.use(owner: owner, tag: (3, 5), making: Words(99, 0)) == Words(3, 3))
        #expect(p.loads == 3)

        // Back to the first tag: the slot holds one value, so it is made again.
        #expect(p.use(owner: owner, tag: (1, 2), making: Words(4, 4)) == Words(4, 4))
        #expect(p.loads == 4)

        // The owner changes, same tag.
        #expect(p.use(owner: other, tag: (1, 2), making: Words(5, 5)) == Words(5, 5))
        #expect(p.loads == 5)
        #expect(p.use(owner: other, tag: (1, 2), making: Words(99, 0)) == Words(5, 5))
        #expect(p.loads == 5)
        #expect(p.use(owner: owner, tag: (1, 2), making: Words(6, 6)) == Words(6, 6))
        #expect(p.loads == 6)

        // Extreme and negative tag words are compared as they are.
        #expect(p.use(owner: owner, tag: (Int64.min, Int64.max), making: Words(7, 7)) == Words(7, 7))
        #expect(p.use(owner: owner, tag: (Int64.max, Int64.min), making: Words(8, 8)) == Words(8, 8))
        #expect(p.use(owner: owner, tag: (-1, -1), making: Words(9, 9)) == Words(9, 9))
        #expect(p.use(owner: owner, tag: (-1, -1), making: Words(99, 0)) == Words(9, 9))
        #expect(p.loads == 9)
    }

    @Test func alternatingOwnersEachGetTheirOwnValue() {
        let owners = [ThreadKeySlot.newOwner(), ThreadKeySlot.newOwner(), ThreadKeySlot.newOwner()]
        var p = Probe()
        var state: UInt64 = 0x1234_5678
        var last: (owner: UInt64, tag: Int64)? = nil
        var changes = 0
        for i in 0..<3_000 {
            // A seeded walk: strict alternation for a while, then runs of random length.
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = i < 1_000 ? i % 2 : Int((state >> 33) % 3)
            let owner = owners[pick]
            let tag = Int64((state >> 40) % 2)
            if last.map({ $0.owner != owner || $0.tag != tag }) ?? true { changes += 1 }
            last = (owner, tag)
            // What this owner's value for this tag must be: its own, whenever it was made.
            let mine = Words(owner, UInt64(tag), ~owner, 0xABCD)
            let seen = p.use(owner: owner, tag: (tag, 0), making: mine)
            #expect(seen == mine, "step \(i): owner \(owner) tag \(tag) saw \(seen)")
        }
        // One value at a time: made again exactly when the owner or tag differs from the last use.
        #expect(p.loads == changes)
        #expect(changes > 1_000)
    }

    /// A value behind a pthread lock (one the thread sanitizer understands), for results handed
    /// back from other threads.
    final class Locked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Value

        init(_ value: Value) { self.value = value }

        func withLock<R>(_ body: (inout Value) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&value)
        }
    }

    /// Runs `body` on a newly created thread and waits for it.
    static func onNewThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        done.wait()
    }

    @Test func valuesArePerThread() {
        let owner = ThreadKeySlot.newOwner()
        let tag: (Int64, Int64) = (20_000, 1)
        var p = Probe()
        #expect(p.use(owner: owner, tag: tag, making: Words(1, 1)) == Words(1, 1))
        #expect(p.loads == 1)

        struct Seen: Sendable {
            var loads = 0
            var first = Words(0, 0)
            var again = Words(0, 0)
            var elsewhere = false
        }
        let here = ObjectIdentifier(Thread.current)
        let seen = Locked(Seen())
        Self.onNewThread {
            var q = Probe()
            let first = q.use(owner: owner, tag: tag, making: Words(2, 2))
            let again = q.use(owner: owner, tag: tag, making: Words(99, 0))
            let loads = q.loads
            let elsewhere = ObjectIdentifier(Thread.current) != here
            seen.withLock { $0 = Seen(loads: loads, first: first, again: again, elsewhere: elsewhere) }
        }
        let other = seen.withLock { $0 }
        // The new thread did not see this thread's value: it made its own, once.
        #expect(other.elsewhere)
        #expect(other.loads == 1)
        #expect(other.first == Words(2, 2))
        #expect(other.again == Words(2, 2))
        // And it did not disturb this thread's slot.
        #expect(p.use(owner: owner, tag: tag, making: Words(99, 0)) == Words(1, 1))
        #expect(p.loads == 1)
    }

    @Test func threadsSharingOwnerAndTagKeepTheirOwnValues() {
        let owner = ThreadKeySlot.newOwner()
        let other = ThreadKeySlot.newOwner()
        let threads = 8
        let results = Locked([Int: (loads: Int, wrong: Int)]())
        let done = DispatchSemaphore(value: 0)
        let start = DispatchSemaphore(value: 0)
        for t in 0..<threads {
            let thread = Thread {
                start.wait()
                var p = Probe()
                var wrong = 0
                // All threads use the same owner and tags at once; each must only see its own values.
                for i in 0..<2_000 {
                    let tag = Int64(i / 500)
                    let useOther = i % 7 == 3
                    let o = useOther ? other : owner
                    let mine = Words(UInt64(t), UInt64(tag), o, useOther ? 1 : 0)
                    if p.use(owner: o, tag: (tag, 0), making: mine) != mine { wrong += 1 }
                }
                let loads = p.loads
                results.withLock { $0[t] = (loads, wrong) }
                done.signal()
            }
            thread.start()
        }
        for _ in 0..<threads { start.signal() }
        for _ in 0..<threads { done.wait() }
        let all = results.withLock { $0 }
        // Counted independently: one value at a time per thread, so a load at each step whose
        // (owner, tag) differs from the step before, on every thread alike.
        var expectedLoads = 0
        var last: (UInt64, Int64)? = nil
        for i in 0..<2_000 {
            let step = (i % 7 == 3 ? other : owner, Int64(i / 500))
            if last.map({ $0 != step }) ?? true { expectedLoads += 1 }
            last = step
        }
        #expect(all.count == threads)
        for t in 0..<threads {
            #expect(all[t]?.wrong == 0, "thread \(t)")
            #expect(all[t]?.loads == expectedLoads, "thread \(t)")
        }
    }

    @Test func newOwnerNumbersAreDistinctAndNotZero() async {
        var seen = Set<UInt64>()
        for _ in 0..<10_000 {
            let o = ThreadKeySlot.newOwner()
            #expect(o != 0)
            #expect(seen.insert(o).inserted, "owner \(o) handed out twice")
        }
        // From several tasks at once too.
        let batches = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<5_000).map { _ in ThreadKeySlot.newOwner() } }
            }
            var all: [[UInt64]] = []
            for await batch in group { all.append(batch) }
            return all
        }
        let concurrent = batches.flatMap { $0 }
        #expect(concurrent.count == 40_000)
        #expect(!concurrent.contains(0))
        #expect(Set(concurrent).count == concurrent.count)
        #expect(seen.isDisjoint(with: concurrent))
    }
}
