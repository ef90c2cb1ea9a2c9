import Foundation
import SyncHealthProcess
import Testing
import SyncHealthTestTraits

/// One edit of a copy of proto/ and what tools/check-api must say about it.
struct ProtoMutation: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var edits: [(from: String, to: String)]
    /// nil: check-api must pass. Otherwise it must fail naming this change.
    var expectedProblem: String?

    var testDescription: String { name }
}

/// tools/check-api against the committed snapshot: the real proto passes,
/// each kind of breaking change fails with a message naming it, additions pass.
@Suite("API compatibility", .offThePool)
struct ApiCompatibilityTests {
    static let checkAPI = Repo.root.appendingPathComponent("tools/check-api").path

    @Test("proto/ is compatible with the committed snapshot, and the snapshot is current")
    func realProto() async throws {
        _ = try Command.protoc()
        let result = try await Command.run(Self.checkAPI, [])
        #expect(result.exit == .exited(0), "\(result.output)")
        #expect(result.stdout.contains("API matches"), "snapshot lacks additive changes; run tools/check-api --update: \(result.output)")
    }

    static let breaking: [ProtoMutation] = [
        .init(name: "field number reused with another name", file: "connector.proto",
              edits: [("string idempotency_key = 1;", "string dedupe_key = 1;")],
              expectedProblem: "message synchealth.v1.PushRequest: field 1 idempotency_key: number reused with another name, dedupe_key"),
        .init(name: "field type changed", file: "connector.proto",
              edits: [("string core_id = 4;", "int64 core_id = 4;")],
              expectedProblem: "message synchealth.v1.PushRequest: field 4 core_id: type changed from string to int64"),
        .init(name: "field message type changed", file: "history.proto",
              edits: [("  Count total = 3;\n}\n\nmessage GetSyncRequest", "  ItemCounts total = 3;\n}\n\nmessage GetSyncRequest")],
              expectedProblem: "message synchealth.v1.ListSyncsResponse: field 3 total: type changed from synchealth.v1.Count to synchealth.v1.ItemCounts"),
        .init(name: "field label changed", file: "connector.proto",
              edits: [("  string sync_id = 2;", "  repeated string sync_id = 2;")],
              expectedProblem: "message synchealth.v1.PushRequest: field 2 sync_id: label changed from singular to repeated"),
        .init(name: "field made proto3 optional", file: "connector.proto",
              edits: [("  int32 attempt_number = 8;", "  optional int32 attempt_number = 8;")],
              expectedProblem: "field 8 attempt_number: label changed from singular to optional"),
        .init(name: "field removed without reserving its number", file: "connector.proto",
              edits: [("  int32 attempt_number = 8;\n", "")],
              expectedProblem: "message synchealth.v1.PushRequest: field 8 attempt_number removed without reserving its number"),
        .init(name: "field renumbered", file: "connector.proto",
              edits: [("int32 attempt_number = 8;", "int32 attempt_number = 9;")],
              expectedProblem: "message synchealth.v1.PushRequest: field 8 attempt_number renumbered to 9"),
        .init(name: "field moved out of its oneof", file: "sync.proto",
              edits: [("    FilterRetryScope filter = 2;\n  }", "  }\n  FilterRetryScope filter = 2;")],
              expectedProblem: "message synchealth.v1.RetryScope: field 2 filter: oneof changed from 'scope' to '(none)'"),
        .init(name: "enum value renumbered", file: "connector.proto",
              edits: [("PUSH_OUTCOME_TIMED_OUT = 3;", "PUSH_OUTCOME_TIMED_OUT = 4;")],
              expectedProblem: "enum synchealth.v1.PushOutcome: value PUSH_OUTCOME_TIMED_OUT (3) renumbered to 4"),
        .init(name: "enum value removed without reserving its number", file: "connector.proto",
              edits: [("  PUSH_OUTCOME_TIMED_OUT = 3;\n", "")],
              expectedProblem: "enum synchealth.v1.PushOutcome: value PUSH_OUTCOME_TIMED_OUT (3) removed without reserving its number"),
        .init(name: "enum value renamed", file: "health.proto",
              edits: [("SERVING_STATUS_NOT_SERVING = 2;", "SERVING_STATUS_DOWN = 2;")],
              expectedProblem: "enum synchealth.v1.ServingStatus: value SERVING_STATUS_NOT_SERVING (2): number reused with another name, SERVING_STATUS_DOWN"),
        .init(name: "enum removed", file: "history.proto",
              edits: [("  SortOrder order = 11;\n", "  reserved 11;\n"),
                      ("enum SortOrder {\n  // Same as DESCENDING (newest first).\n  SORT_ORDER_UNSPECIFIED = 0;\n  SORT_ORDER_ASCENDING = 1;\n  SORT_ORDER_DESCENDING = 2;\n}\n", "")],
              expectedProblem: "enum synchealth.v1.SortOrder removed"),
        .init(name: "message removed", file: "history.proto",
              edits: [("  Count total = 3;\n}\n\nmessage GetSyncRequest", "  reserved 3;\n}\n\nmessage GetSyncRequest"),
                      ("  Count total = 3;\n}\n\nmessage GetDashboardRequest", "  reserved 3;\n}\n\nmessage GetDashboardRequest"),
                      ("message Count {\n  int64 value = 1;\n}\n", "")],
              expectedProblem: "message synchealth.v1.Count removed"),
        .init(name: "method removed", file: "history.proto",
              edits: [("  rpc GetDashboard(GetDashboardRequest) returns (GetDashboardResponse);\n", "")],
              expectedProblem: "service synchealth.v1.SyncHistory: method GetDashboard removed"),
        .init(name: "method request type changed", file: "retry.proto",
              edits: [("rpc GetRetryJob(GetRetryJobRequest)", "rpc GetRetryJob(CancelRetryJobRequest)")],
              expectedProblem: "service synchealth.v1.Retry: method GetRetryJob: request type changed from synchealth.v1.GetRetryJobRequest to synchealth.v1.CancelRetryJobRequest"),
        .init(name: "method response type changed", file: "health.proto",
              edits: [("returns (HealthCheckResponse)", "returns (HealthCheckRequest)")],
              expectedProblem: "service synchealth.v1.Health: method Check: response type changed from synchealth.v1.HealthCheckResponse to synchealth.v1.HealthCheckRequest"),
        .init(name: "method made streaming", file: "health.proto",
              edits: [("returns (HealthCheckResponse)", "returns (stream HealthCheckResponse)")],
              expectedProblem: "service synchealth.v1.Health: method Check: streaming changed"),
        .init(name: "service removed", file: "health.proto",
              edits: [("service Health {\n  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);\n}\n", "")],
              expectedProblem: "service synchealth.v1.Health removed"),
        .init(name: "package renamed", file: "health.proto",
              edits: [("package synchealth.v1;", "package synchealth.v2;")],
              expectedProblem: "service synchealth.v1.Health removed"),
    ]

    static let compatible: [ProtoMutation] = [
        .init(name: "fields, enum values, messages, methods and a service added", file: "connector.proto",
              edits: [("  int32 attempt_number = 8;\n", "  int32 attempt_number = 8;\n  string note = 9;\n  repeated int64 extra = 10;\n"),
                      ("  PUSH_OUTCOME_TIMED_OUT = 3;\n", "  PUSH_OUTCOME_TIMED_OUT = 3;\n  PUSH_OUTCOME_SKIPPED = 4;\n"),
                      ("  rpc Push(PushRequest) returns (PushResponse);\n", "  rpc Push(PushRequest) returns (PushResponse);\n  rpc Probe(ProbeRequest) returns (PushResponse);\n"),
                      ("enum PushOutcome {", "message ProbeRequest {}\n\nservice ConnectorAdmin {\n  rpc Probe(ProbeRequest) returns (ProbeRequest);\n}\n\nenum PushOutcome {")],
              expectedProblem: nil),
        .init(name: "field removed with its number and name reserved", file: "connector.proto",
              edits: [("  int32 attempt_number = 8;\n", "  reserved 8;\n  reserved \"attempt_number\";\n")],
              expectedProblem: nil),
        .init(name: "enum value removed with its number reserved", file: "connector.proto",
              edits: [("  PUSH_OUTCOME_TIMED_OUT = 3;\n", "  reserved 3;\n")],
              expectedProblem: nil),
        .init(name: "declarations reordered and comments changed", file: "health.proto",
              edits: [("message HealthCheckRequest {\n  // Empty for the server as a whole, or a service name such as\n  // \"synchealth.v1.SyncHistory\".\n  string service = 1;\n}\n", ""),
                      ("message HealthCheckResponse {", "message HealthCheckRequest {\n  string service = 1; // renamed comment\n}\n\nmessage HealthCheckResponse {")],
              expectedProblem: nil),
    ]

    /// Copies proto/ to a temporary directory, applies the edits and runs check-api on it.
    private func check(_ mutation: ProtoMutation) async throws -> ChildProcess.Result {
        let dir = try Repo.temporaryDirectory()
        defer { Repo.removeTemporary(dir) }
        let copy = dir.appendingPathComponent("proto")
        try FileManager.default.copyItem(at: Repo.protoDir, to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("api-snapshot.txt"))
        let file = copy.appendingPathComponent("synchealth/v1/" + mutation.file)
        var text = try Repo.read(file)
        for edit in mutation.edits {
            try #require(text.contains(edit.from), "proto text changed; update the mutation: \(edit.from)")
            text = text.replacingOccurrences(of: edit.from, with: edit.to)
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try await Command.run(Self.checkAPI, ["--proto-dir", copy.path, "--snapshot", Repo.snapshot.path])
    }

    @Test("a breaking change fails, naming the change", arguments: breaking)
    func breakingChange(mutation: ProtoMutation) async throws {
        let result = try await check(mutation)
        #expect(result.exit == .exited(1), "\(result.output)")
        #expect(result.stderr.contains(mutation.expectedProblem ?? "?"), "\(result.output)")
    }

    @Test("a compatible change passes", arguments: compatible)
    func compatibleChange(mutation: ProtoMutation) async throws {
        let result = try await check(mutation)
        #expect(result.exit == .exited(0), "\(result.output)")
    }

    @Test("a proto that does not compile is an error (exit 2), not a pass")
    func brokenProto() async throws {
        let mutation = ProtoMutation(name: "syntax error", file: "health.proto",
                                     edits: [("string service = 1;", "string service = ;")], expectedProblem: nil)
        let result = try await check(mutation)
        #expect(result.exit == .exited(2), "\(result.output)")
        #expect(result.stderr.contains("protoc failed"))
    }

    @Test("--update rewrites the snapshot; the rewrite equals the committed one")
    func update() async throws {
        let dir = try Repo.temporaryDirectory()
        defer { Repo.removeTemporary(dir) }
        let snapshot = dir.appendingPathComponent("snapshot.txt")
        let result = try await Command.run(Self.checkAPI, ["--update", "--snapshot", snapshot.path])
        #expect(result.exit == .exited(0), "\(result.output)")
        #expect(try Repo.read(snapshot) == Repo.read(Repo.snapshot))
    }

    @Test("the snapshot lists all 70 messages, 16 enums and 6 services of v1")
    func snapshotContents() throws {
        let snapshot = try ApiSnapshot.load()
        #expect(snapshot.messages.count == 70)
        #expect(snapshot.enums.count == 16)
        #expect(Set(snapshot.methods.map(\.service)).count == 6)
        #expect(snapshot.methods.count == 19)
    }
}
