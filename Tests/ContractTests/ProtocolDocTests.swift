import Foundation
import SyncHealthWire
import Testing
import SyncHealthTestTraits

/// docs/PROTOCOL.md is normative, so its tables and its worked example are
/// checked against proto/, protoc and the Swift frame codec.
@Suite("docs/PROTOCOL.md", .offThePool)
struct ProtocolDocTests {
    static func doc() throws -> String { try Repo.read(Repo.protocolDoc) }

    /// The bytes of each ```hex block, in order; text after `|` is a comment.
    static func hexBlocks(_ doc: String) throws -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var current: [UInt8]?
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```hex" {
                current = []
            } else if line == "```", let bytes = current {
                blocks.append(bytes)
                current = nil
            } else if current != nil {
                let hex = line.split(separator: "|", maxSplits: 1).first ?? ""
                for word in hex.split(separator: " ") {
                    guard word.count == 2, let byte = UInt8(word, radix: 16) else {
                        throw DocError(text: "bad hex \(word) in line: \(line)")
                    }
                    current?.append(byte)
                }
            }
        }
        return blocks
    }

    /// Table rows whose first cell starts with `prefix`: the cells, trimmed,
    /// without the empty ones outside the outer bars.
    static func rows(_ doc: String, firstCellPrefix prefix: String) -> [[String]] {
        doc.split(separator: "\n")
            .filter { $0.hasPrefix("| " + prefix) }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    static func example(_ name: String) throws -> String {
        try Repo.read(Repo.fixtures.appendingPathComponent("protocol-example/\(name).txtpb"))
    }

    @Test("the worked example's hex is what protoc and the frame encoder produce")
    func workedExample() async throws {
        let protoc = try Protoc.api()
        let blocks = try Self.hexBlocks(try Self.doc())
        try #require(blocks.count == 2, "expected two hex blocks in section 18")

        let request = Frame.request(
            streamId: 1,
            header: try await protoc.encode("synchealth.v1.RequestHeader", try Self.example("RequestHeader")),
            message: try await protoc.encode("synchealth.v1.HealthCheckRequest", try Self.example("HealthCheckRequest"))
        )
        #expect(blocks[0] == Preface.bytes + FrameEncoder.encode(request))
        #expect(blocks[0].count == 8 + 104)

        let settings = Frame(type: .settings, streamId: 0,
                             payload: try await protoc.encode("synchealth.v1.Settings", try Self.example("Settings")))
        let response = Frame.response(
            streamId: 1,
            header: try await protoc.encode("synchealth.v1.ResponseHeader", try Self.example("ResponseHeader")),
            message: try await protoc.encode("synchealth.v1.HealthCheckResponse", try Self.example("HealthCheckResponse"))
        )
        #expect(blocks[1] == FrameEncoder.encode(settings) + FrameEncoder.encode(response))
    }

    @Test("the worked example's messages encode the same from Swift")
    func workedExampleFromSwift() async throws {
        let protoc = try Protoc.api()
        let pairs: [(String, [UInt8])] = [
            ("RequestHeader", RequestHeader(
                method: "/synchealth.v1.Health/Check", timeoutMs: 5000,
                metadata: [MetadataEntry(key: "authorization", value: "Bearer t0ken")]
            ).serializedBytes()),
            ("HealthCheckRequest", HealthCheckRequest(service: "synchealth.v1.SyncHistory").serializedBytes()),
            ("Settings", Settings(
                protocolMajor: 1, maxFrameSize: Frame.defaultMaxFrameSize, maxConcurrentStreams: 100,
                serverName: "synchealthd", serverVersion: "1.0.0"
            ).serializedBytes()),
            ("ResponseHeader", ResponseHeader(statusCode: .ok).serializedBytes()),
            ("HealthCheckResponse", HealthCheckResponse(status: .serving).serializedBytes()),
        ]
        for (name, swift) in pairs {
            let reference = try await protoc.encode("synchealth.v1.\(name)", try Self.example(name))
            #expect(swift == reference, "\(name)")
        }
    }

    @Test("the worked example decodes with the Swift decoders, in both directions")
    func workedExampleDecodes() throws {
        let blocks = try Self.hexBlocks(try Self.doc())
        try #require(blocks.count == 2)
        var server = FrameBuffer(blocks[0])
        #expect(try Preface.decode(&server)?.major == 1)
        var serverDecoder = FrameDecoder(role: .server)
        let request = try #require(try serverDecoder.decode(&server))
        #expect(request.type == .request && request.streamId == 1)
        #expect(server.readableBytes == 0)

        var client = FrameBuffer(blocks[1])
        var clientDecoder = FrameDecoder(role: .client)
        #expect(try clientDecoder.decode(&client)?.type == .settings)
        let response = try #require(try clientDecoder.decode(&client))
        #expect(response.type == .response)
        #expect(try response.splitHeaderAndMessage().header.isEmpty)
    }

    @Test("the method table lists exactly the methods in proto/")
    func methodTable() throws {
        let rows = Self.rows(try Self.doc(), firstCellPrefix: "`/synchealth.v1.")
        let documented = Set(rows.map { row in
            [row[0], "synchealth.v1." + row[1].trimmingCharacters(in: ["`"]), "synchealth.v1." + row[2].trimmingCharacters(in: ["`"])]
        })
        let methods = try ApiSnapshot.load().methods
        let actual = Set(methods.map { ["`\($0.path)`", $0.request, $0.response] })
        #expect(documented == actual)
        #expect(rows.count == methods.count)
    }

    @Test("the status table is StatusCode in protocol.proto, 0-16")
    func statusTable() throws {
        let rows = Self.rows(try Self.doc(), firstCellPrefix: "").filter { row in
            row.count >= 4 && Int(row[0]) != nil && !row[1].isEmpty && row[1].allSatisfy { $0.isUppercase || $0 == "_" }
        }
        let documented = rows.map { (Int32($0[0]) ?? -1, "STATUS_CODE_" + $0[1]) }
        let values = try #require(try ApiSnapshot.load().enums["synchealth.v1.StatusCode"])
        #expect(documented.map(\.0) == values.map(\.number))
        #expect(documented.map(\.1) == values.map(\.name))
        #expect(values.map(\.number) == Array(0...16))
    }

    @Test("the frame type table is FrameType")
    func frameTypeTable() throws {
        let rows = Self.rows(try Self.doc(), firstCellPrefix: "`0x")
        let documented = rows.map { ($0[0], $0[1]) }
        let actual = FrameType.allCases.map { ("`0x" + String(format: "%02X", $0.rawValue) + "`", "\($0)".uppercased()) }
        #expect(documented.map(\.0) == actual.map(\.0))
        #expect(documented.map(\.1) == actual.map(\.1))
    }

    @Test("the documented limits are the code's")
    func limits() throws {
        let doc = try Self.doc()
        #expect(Frame.defaultMaxFrameSize == 4_194_304)
        #expect(doc.contains("4 MiB (4,194,304)"))
        #expect(Frame.headerSize == 12 && doc.contains("fixed 12-byte header"))
        #expect(Preface.size == 8 && doc.contains("The first 8 bytes"))
    }
}

struct DocError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
