import Foundation
import SyncHealthServer
import SyncHealthWire

/// Every method the service defines, from two independent sources: the
/// descriptors (`Methods.all`) and the rpc lines of proto/.
enum MethodCatalog {
    /// Every descriptor's full name.
    static let known: [String] = Methods.all.map(\.fullName)

    /// The repository root: this file is Tests/SyncHealthAuthTests/Support/MethodCatalog.swift.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// "/<package>.<Service>/<Method>" for every rpc in proto/synchealth/v1/*.proto.
    static func protoMethods() throws -> [String] {
        let directory = repoRoot.appendingPathComponent("proto/synchealth/v1")
        var methods: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".proto") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            var package = ""
            var service = ""
            for rawLine in text.split(separator: "\n") {
                let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ";" || $0 == "{" })
                guard let first = words.first, words.count >= 2 else { continue }
                switch first {
                case "package": package = String(words[1])
                case "service": service = String(words[1])
                case "rpc": methods.append("/\(package).\(service)/\(words[1])")
                default: continue
                }
            }
        }
        return methods.sorted()
    }
}
