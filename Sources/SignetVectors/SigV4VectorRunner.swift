/// Runs `scheme: "sigv4"` vectors against the SigV4 signer.
enum SigV4VectorRunner {
    static func run(_ v: JSONField, id: String, file: String) throws -> VectorResult {
        throw VectorFileError(file: file, path: v.path, problem: "SigV4 vectors are not supported yet")
    }
}
