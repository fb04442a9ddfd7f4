import Testing

/// Signs 2,000 fresh random S3 requests with botocore's S3SigV4Auth / S3SigV4QueryAuth (through
/// the committed generator) and requires Signet to reproduce every stage with 0 mismatches.
/// Without botocore the test fails under CI and is skipped otherwise.
struct SigV4DifferentialTests {
    @Test(.enabled(if: pythonPeerAvailable("botocore"), "botocore is not installed (pip install botocore)"))
    func twoThousandRandomRequestsMatchBotocore() throws {
        try expectPeerAgreement(generator: "scripts/sigv4_botocore.py")
    }
}
