import Signet

/// SigV4 operations; filled in once the SigV4 engine lands.
enum SigV4Bench {
    static func run(scale: Int, report: (String, Measurement) -> Void, log: Bool) {}
}
