/// Runs `signet-diagnosis/1` cases against the diagnosis engine.
enum DiagnosisCaseRunner {
    static func run(_ c: JSONField, file: String) throws -> VectorResult {
        throw VectorFileError(
            file: file, path: "$.format",
            problem: "signet-diagnosis/1 files are not supported yet: the diagnosis engine has not landed")
    }
}
