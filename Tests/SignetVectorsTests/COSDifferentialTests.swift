import Testing

/// Signs 2,000 fresh random requests with Tencent's cos-python-sdk-v5 (through the committed
/// generator) and requires Signet to reproduce every stage: HttpString, StringToSign, SignKey,
/// signature, Authorization, and the URL where the SDK's URL is canonical.
struct COSDifferentialTests {
    @Test(
        .enabled(
            if: pythonPeerAvailable("qcloud_cos"), "cos-python-sdk-v5 is not installed (pip install cos-python-sdk-v5)")
    )
    func twoThousandRandomRequestsMatchTheSDK() throws {
        try expectPeerAgreement(generator: "scripts/cos_vectors.py")
    }
}
