import Foundation

/// Paths in the repository, found from this file's location so the tests
/// run the same from any working directory.
enum Repo {
    /// The repository root: Tests/ContractTests/Support/Repo.swift, three levels up.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let protoDir = root.appendingPathComponent("proto")
    static let snapshot = protoDir.appendingPathComponent("api-snapshot.txt")
    static let protocolDoc = root.appendingPathComponent("docs/PROTOCOL.md")
    static let fixtures = root.appendingPathComponent("Tests/ContractTests/Fixtures")

    /// The API's .proto files, relative to `protoDir`, sorted.
    static func protoFiles() throws -> [String] {
        let dir = protoDir.appendingPathComponent("synchealth/v1")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".proto") }
            .sorted()
            .map { "synchealth/v1/" + $0 }
    }

    /// A file's text.
    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// A new empty directory, removed by the caller with `removeTemporary`.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("synchealth-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func removeTemporary(_ dir: URL) {
        try? FileManager.default.removeItem(at: dir)
    }
}
