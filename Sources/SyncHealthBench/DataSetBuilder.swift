import SyncHealthClient
import Foundation
import SyncHealthStorage
import SyncHealthSQLite
import SyncHealthWire
import Synchronization

/// Builds the benchmark data set, two ways.
public enum DataSetBuilder {
    /// Bulk path, for repeated runs: SQLiteSyncStore.bulkIngest straight into
    /// the file (same validation and statements as the RPCs, one commit per
    /// chunk of syncs). Syncs `range` of `spec` with their items.
    /// - Parameter progress: called after each chunk with the syncs done.
    public static func bulk(
        spec: DataSetSpec, path: String, range: Range<Int>? = nil, chunk: Int = 5_000,
        progress: (Int) -> Void = { _ in }
    ) throws {
        let store = try SQLiteSyncStore(configuration: .init(path: path, readerCount: 1))
        let range = range ?? 0..<spec.syncs
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + chunk, range.upperBound)
            let syncs = (start..<end).map { RecordSyncRequest(sync: spec.sync($0)) }
            let items = (start..<end).compactMap { index -> RecordPushItemsRequest? in
                let reports = spec.items(ofSync: index)
                return reports.isEmpty ? nil : RecordPushItemsRequest(syncId: spec.syncId(index), items: reports)
            }
            try store.bulkIngest(syncs: syncs, pushItems: items, now: DataSetSpec.yearEndMs)
            start = end
            progress(end - range.lowerBound)
        }
    }

    /// Ingest path: RecordSync then RecordPushItems (all its items in one
    /// batch) per sync, through SyncIngest over RPC on `connections`
    /// connections with `inFlight` syncs in flight each. This is what the
    /// sync engine does; it measures ingest.
    /// - Returns: calls = syncs recorded, units = push items stored.
    public static func ingest(
        spec: DataSetSpec, target: String, range: Range<Int>, connections: Int = 4, inFlight: Int = 4,
        maxDuration: Duration = .seconds(3_600)
    ) async throws -> LoadResult {
        let options = LoadOptions(
            connections: connections, inFlight: inFlight, duration: maxDuration, maxCalls: range.count, warmupCalls: 0)
        return try await LoadGenerator.run(target: target, options: options) { client, sequence in
            let index = range.lowerBound + sequence
            _ = try await client.recordSync(RecordSyncRequest(sync: spec.sync(index)))
            let reports = spec.items(ofSync: index)
            guard !reports.isEmpty else { return 0 }
            let reply = try await client.recordPushItems(RecordPushItemsRequest(syncId: spec.syncId(index), items: reports))
            return Int(reply.accepted)
        }
    }

    /// The cached bulk-built file for `spec` in `directory`, built when
    /// missing (a ".done" marker says a build finished). Returns its path.
    public static func cached(spec: DataSetSpec, directory: String, log: (String) -> Void) throws -> String {
        let path = "\(directory)/dataset-\(spec.label).sqlite"
        let marker = path + ".done"
        let files = FileManager.default
        if files.fileExists(atPath: marker) {
            // Apply migrations added since the build, once, to the cached file.
            let applied = try SQLiteSyncStore(configuration: .init(path: path, readerCount: 1)).appliedMigrations
            if !applied.isEmpty { log("migrated cached data set: \(applied.joined(separator: ", "))") }
            return path
        }
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: path + suffix) }
        let started = ContinuousClock.now
        var last = started
        try bulk(spec: spec, path: path) { done in
            let now = ContinuousClock.now
            if now - last > .seconds(30) || done == spec.syncs {
                last = now
                let rate = Double(done) / max((now - started).seconds, 0.001)
                log("bulk build: \(done)/\(spec.syncs) syncs, \(Int(rate)) syncs/s")
            }
        }
        _ = files.createFile(atPath: marker, contents: Data("built in \((ContinuousClock.now - started).seconds) s\n".utf8))
        return path
    }

    /// Copies a built file (and its WAL, if any) to `destination` for a run
    /// that writes.
    public static func copy(_ source: String, to destination: String) throws {
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            try? files.removeItem(atPath: destination + suffix)
            if files.fileExists(atPath: source + suffix) {
                try files.copyItem(atPath: source + suffix, toPath: destination + suffix)
            }
        }
    }
}
