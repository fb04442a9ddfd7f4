import ArgumentParser
import Signet

@main
struct SignetCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signet",
        abstract: "Sign object-storage requests (Tencent COS and AWS SigV4) and explain why they fail.",
        discussion: """
            Exit status: 0 ok, 1 a check failed, 2 bad input.
            Secrets are read from the environment or a credentials file, never from arguments.
            """,
        subcommands: [
            COSCommand.self, S3Command.self, VerifyCommand.self, ExplainCommand.self, DiagnoseCommand.self,
            SkewCommand.self, ExpiryCommand.self,
        ])
}
