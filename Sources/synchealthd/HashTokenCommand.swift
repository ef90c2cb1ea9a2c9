import ArgumentParser
import Foundation
import SyncHealthServer

/// `synchealthd hash-token`: prints the SHA-256 of a token read from stdin,
/// for a `token.<name> = <role>:<sha256-hex>` config line, so the raw token
/// never goes into the config file or onto a command line.
struct HashTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-token",
        abstract: "Print the SHA-256 (hex) of a bearer token read from stdin.",
        discussion: """
        Example: printf '%s' "$TOKEN" | synchealthd hash-token
        One trailing newline is ignored. Tokens must be RFC 6750 b64token \
        characters (A-Z a-z 0-9 - . _ ~ + / then = padding).
        """
    )

    func run() throws {
        var bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.count <= BearerToken.maxTokenBytes, BearerToken.isB64Token(bytes) else {
            throw commandFailure("synchealthd hash-token", "stdin must hold exactly one token of 1-\(BearerToken.maxTokenBytes) b64token characters", exit: 64)
        }
        print(TokenDigest.hex(of: String(decoding: bytes, as: UTF8.self)))
    }
}
