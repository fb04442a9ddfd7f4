import ArgumentParser
import Signet

struct S3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3", abstract: "Sign S3-compatible requests with AWS Signature V4.")
}
