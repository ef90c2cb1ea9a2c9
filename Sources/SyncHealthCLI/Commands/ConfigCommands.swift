public import ArgumentParser
import Foundation
public import SyncHealthClient
import SyncHealthWire

/// `synchealth config show SYNC_ID`: the customer's configuration as it was for a sync.
public struct ConfigShowCommand: SyncCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the sync configuration in force for a sync."
    )

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var syncArgument: SyncIdArgument
    @Flag(help: "Print only the document, nothing else (for piping).") var raw = false

    public init() {}

    public func execute(syncId id: String, api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.getSyncConfig(GetSyncConfigRequest(syncId: id))
        guard let config = response.config else { throw RPCError(.notFound, "no configuration recorded for sync \(id)") }
        let text = String(decoding: config.document, as: UTF8.self)
        let isText = String(validating: config.document, as: UTF8.self) != nil
        if !raw {
            output.line("# sync \(id)")
            output.line("# \(config.contentType), \(config.document.count) bytes, sha256 \(config.hash)\(config.version.isEmpty ? "" : ", version \(config.version)")")
            output.line("# download: synchealth config download \(id.prefix(8)) -o \(config.fileName)")
        }
        if isText {
            output.write(text.hasSuffix("\n") ? text : text + "\n")
        } else {
            output.line("(binary document; use config download)")
        }
    }
}

/// `synchealth config download SYNC_ID -o FILE`.
public struct ConfigDownloadCommand: SyncCommand {
    public static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Save the sync configuration in force for a sync to a file."
    )

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var syncArgument: SyncIdArgument
    @Option(name: [.short, .customLong("output")], help: "File to write (default: the server's suggested name).") var outputPath: String?
    @Flag(help: "Overwrite the file if it exists.") var force = false

    public init() {}

    public func execute(syncId id: String, api: any SyncHealthAPI, output: any CLIOutput) async throws {
        let response = try await api.getSyncConfig(GetSyncConfigRequest(syncId: id))
        guard let config = response.config else { throw RPCError(.notFound, "no configuration recorded for sync \(id)") }
        let path = outputPath ?? (config.fileName.isEmpty ? "config-\(id).json" : config.fileName)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) && !force {
            throw CLIInputError("\(path) exists; pass --force to overwrite it")
        }
        // Write to a temporary file and rename, so an interrupted download
        // never leaves a half-written configuration under the final name.
        let temporary = path + ".partial-\(getpid())"
        guard fileManager.createFile(atPath: temporary, contents: Data(config.document)) else {
            throw CLIInputError("cannot write \(path)")
        }
        do {
            if fileManager.fileExists(atPath: path) { try fileManager.removeItem(atPath: path) }
            try fileManager.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? fileManager.removeItem(atPath: temporary)
            throw CLIInputError("cannot write \(path): \(error.localizedDescription)")
        }
        output.line("wrote \(config.document.count) bytes to \(path) (\(config.contentType), sha256 \(config.hash))")
    }
}
