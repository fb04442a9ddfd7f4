// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Signet",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Signet", targets: ["Signet"]),
        .executable(name: "signet", targets: ["signet"]),
        .executable(name: "signet-bench", targets: ["signet-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // OpenSSL's libcrypto from libssl-dev; only SignetCrypto imports it.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "SignetCrypto", dependencies: ["COpenSSL"]),
        .target(name: "SignetHTTP"),
        .target(name: "COSSigning", dependencies: ["SignetCrypto", "SignetHTTP"]),
        .target(name: "SigV4", dependencies: ["SignetCrypto", "SignetHTTP"]),
        .target(name: "SignetSkew", dependencies: ["SignetHTTP"]),
        .target(
            name: "SignetDiagnosis",
            dependencies: ["SignetHTTP", "SignetCrypto", "COSSigning", "SigV4", "SignetSkew"]
        ),
        .target(
            name: "SignetVectors",
            dependencies: ["SignetHTTP", "SignetCrypto", "COSSigning", "SigV4", "SignetDiagnosis"]
        ),
        .target(
            name: "Signet",
            dependencies: [
                "SignetCrypto", "SignetHTTP", "COSSigning", "SigV4", "SignetSkew", "SignetDiagnosis",
                "SignetVectors",
            ]
        ),
        .executableTarget(
            name: "signet",
            dependencies: ["Signet", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Allocation counting for the benchmark only (interposes malloc in that executable).
        .target(name: "CMallocCounter"),
        .executableTarget(name: "signet-bench", dependencies: ["Signet", "CMallocCounter"]),

        // Helpers shared by the test targets (seeded generators).
        .target(name: "SignetTestSupport", path: "Tests/SignetTestSupport"),
        .testTarget(name: "SignetCryptoTests", dependencies: ["SignetCrypto"]),
        .testTarget(name: "SignetHTTPTests", dependencies: ["SignetHTTP", "SignetTestSupport"]),
        .testTarget(
            name: "COSSigningTests", dependencies: ["COSSigning", "SignetCrypto", "SignetHTTP", "SignetTestSupport"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4", "SignetCrypto", "SignetHTTP", "SignetTestSupport"]),
        .testTarget(name: "SignetSkewTests", dependencies: ["SignetSkew", "SignetHTTP"]),
        .testTarget(name: "SignetDiagnosisTests", dependencies: ["SignetDiagnosis", "SignetHTTP"]),
        .testTarget(name: "SignetVectorsTests", dependencies: ["SignetVectors", "Signet"]),
        .testTarget(name: "SignetIntegrationTests", dependencies: ["Signet"]),
    ]
)
