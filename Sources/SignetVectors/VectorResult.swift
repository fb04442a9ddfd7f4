/// The verdict on one vector or diagnosis case.
public struct VectorResult: Sendable {
    /// Where a failing case parts from its expectation.
    public struct Failure: Sendable {
        /// The first stage that differs (`httpString`, `canonicalRequest`, `signature`, …) or `error`.
        public let stage: String
        public let expected: String
        public let actual: String
    }

    public let file: String
    public let id: String
    public let failure: Failure?
    /// Stages compared (for reports).
    public let checkedStages: [String]

    public var passed: Bool { failure == nil }

    public static func pass(_ file: String, _ id: String, stages: [String]) -> VectorResult {
        VectorResult(file: file, id: id, failure: nil, checkedStages: stages)
    }

    public static func fail(_ file: String, _ id: String, stage: String, expected: String, actual: String)
        -> VectorResult
    {
        VectorResult(
            file: file, id: id, failure: Failure(stage: stage, expected: expected, actual: actual), checkedStages: [])
    }
}

/// Compares stages in pipeline order and stops at the first that differs.
struct StageComparison {
    let file: String
    let id: String
    var checked: [String] = []

    init(file: String, id: String) {
        self.file = file
        self.id = id
    }

    /// Nil when `actual` matches; otherwise the failure.
    mutating func check(_ stage: String, expected: String?, actual: String?) -> VectorResult? {
        guard let expected else { return nil }
        checked.append(stage)
        guard let actual else {
            return .fail(file, id, stage: stage, expected: expected, actual: "(not produced)")
        }
        return expected == actual ? nil : .fail(file, id, stage: stage, expected: expected, actual: actual)
    }

    /// Checks `stages` in order, each against `expected(stage)`, which is read only when the
    /// stages before it matched. Nil when all match; otherwise the first failure.
    mutating func check(_ stages: KeyValuePairs<String, String?>, expected: (String) throws -> String?) rethrows
        -> VectorResult?
    {
        for (stage, actual) in stages {
            if let f = check(stage, expected: try expected(stage), actual: actual) { return f }
        }
        return nil
    }

    func pass() -> VectorResult { .pass(file, id, stages: checked) }
}
