import ArgumentParser
import Signet

struct COSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cos", abstract: "Sign Tencent COS requests (q-sign-algorithm=sha1).")
}
