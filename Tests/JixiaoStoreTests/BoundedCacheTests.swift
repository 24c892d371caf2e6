import Testing
import JixiaoStore

/// The one bounded cache (compared figures by version, rendered pages and PDFs by bytes): the oldest go first, and a
/// key kept again is counted at its new cost and keeps its place.
@Suite struct BoundedCacheTests {
    @Test func theOldestGoFirstByCost() {
        let cache = BoundedCache<String, [UInt8]>(capacity: 10, cost: \.count)
        cache.keep([1, 2, 3, 4], for: "a")
        cache.keep([1, 2, 3, 4], for: "b")
        cache.keep([9], for: "a")
        #expect(cache.value(for: "a") == [9], "the newer value is kept")
        cache.keep([1, 2, 3, 4, 5], for: "c")
        #expect(cache.value(for: "a") != nil && cache.value(for: "b") != nil && cache.value(for: "c") != nil, "1 + 4 + 5 fit")
        cache.keep([1], for: "d")
        #expect(cache.value(for: "a") == nil && cache.value(for: "b") != nil, "the oldest goes first")
        for index in 0..<1_000 { cache.keep([0], for: "k\(index)") }
        #expect(cache.value(for: "k999") == [0] && cache.value(for: "k990") == [0] && cache.value(for: "k989") == nil)
        #expect(cache.value(for: "b") == nil, "ten of cost one fill it")
    }
}
