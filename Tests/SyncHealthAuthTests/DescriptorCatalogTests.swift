import Foundation
import SyncHealthServer
import SyncHealthSQLite
import SyncHealthTestSupport
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// The descriptors (`Methods`) are the one declaration of each method, and
/// the proto stays the source of truth: every rpc has a descriptor with the
/// same request and response messages, and every descriptor an rpc.
@Suite(.offThePool) struct DescriptorCatalogTests {
    /// (full name, request message, response message) of every rpc in proto/.
    static func protoSignatures() throws -> Set<[String]> {
        let directory = MethodCatalog.repoRoot.appendingPathComponent("proto/synchealth/v1")
        var signatures: Set<[String]> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".proto") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            var package = ""
            var service = ""
            for line in text.split(separator: "\n") {
                let words = line.split(whereSeparator: { " \t();{".contains($0) }).map(String.init)
                guard let first = words.first, words.count >= 2 else { continue }
                switch first {
                case "package": package = words[1]
                case "service": service = words[1]
                case "rpc":
                    // rpc Name(Request) returns (Response);
                    guard words.count >= 5, words[3] == "returns" else {
                        Issue.record("cannot read rpc line in \(file): \(line)")
                        continue
                    }
                    signatures.insert(["/\(package).\(service)/\(words[1])", words[2], words[4]])
                default: continue
                }
            }
        }
        return signatures
    }

    @Test func everyRPCHasADescriptorAndEveryDescriptorAnRPC() throws {
        let proto = try Self.protoSignatures()
        #expect(proto.count >= 15)
        let declared = Set(Methods.all.map { [$0.fullName, $0.requestType, $0.responseType] })
        #expect(declared.subtracting(proto) == [], "descriptors with no matching rpc in proto/")
        #expect(proto.subtracting(declared) == [], "rpcs in proto/ with no descriptor in Methods")
        #expect(Methods.all.count == Set(Methods.all.map(\.fullName)).count, "a method declared twice")
    }

    @Test func lookupByNameFindsEveryDescriptor() {
        for info in Methods.all {
            #expect(Methods.info(named: info.fullName) == info)
        }
        #expect(Methods.info(named: "/synchealth.v1.SyncHistory/Nope") == nil)
    }

    @Test func onlyCancelAndRuleChangesAreNotRepeatable() {
        #expect(Set(Methods.all.filter { !$0.idempotent }.map(\.fullName)) == [
            Methods.Retry.cancelRetryJob.fullName, Methods.Alerts.createAlertRule.fullName,
            Methods.Alerts.deleteAlertRule.fullName,
        ])
    }

    /// The daemon's handlers register exactly the descriptors synchealthd
    /// serves: every method but Connector/Push (served by connectors).
    @Test func theServerRegistersEveryServedDescriptor() throws {
        let directory = TemporaryDirectory(prefix: "synchealth-descriptors")
        let store = try SQLiteSyncStore(path: directory.file("d.sqlite"))
        let router = Router()
        SyncHealthHandlers.register(on: router, store: store)
        RetryHandlers.register(on: router, store: store)
        AlertHandlers.register(on: router, store: store)
        HealthService.register(on: router, state: ServingState())
        let served = Set(Methods.all.map(\.fullName)).subtracting([Methods.Connector.push.fullName])
        #expect(Set(router.methods) == served)
    }
}
