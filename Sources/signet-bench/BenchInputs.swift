/// The inputs issue 6 fixes, identical to the C floor and the Python peers (Benchmarks/compare).
/// The keys are the public documentation example pairs, not secrets of anyone's.
enum BenchInputs {
    /// The object key of both workloads.
    static let key = "photos/2024/06/holiday pictures/IMG_20240612_141459.jpg"
    /// 2024-06-12T14:14:59Z, the time the floor and the peers sign at.
    static let time: Int64 = 1_718_201_699

    /// The COS documentation's example SecretId and SecretKey.
    static let cosExampleSecretId = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
    static let cosExampleSecretKey = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"  // documented example
    /// The AWS documentation's example access key pair.
    static let awsExampleAccessKeyId = "AKIAIOSFODNN7EXAMPLE"
    static let awsExampleSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  // documented example
}
