import SyncHealthWire

/// Large repeated and bytes fields, with their text built here rather than
/// committed: thousands of lines of fixture would hide the point.
enum LargeVectors {
    /// A string as protoc prints it: bytes past ASCII as octal escapes.
    /// (Only for strings without quotes, backslashes or control characters.)
    static func protocEscaped(_ string: String) -> String {
        string.utf8.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\" + String($0, radix: 8) }.joined()
    }

    static func all(_ snapshot: ApiSnapshot) throws -> [Vector] {
        let itemIds = (0..<5000).map { "item-\($0)" }
        let dataTypes = (0..<100).map { "type-\($0)" }
        let scopeText = "sync_id: \"s\"\n" + itemIds.map { "item_ids: \"\($0)\"\n" }.joined()
            + dataTypes.map { "data_types: \"\($0)\"\n" }.joined()

        // 4,000 packed enum values, including numbers this version does not know (-1 is a 10-byte varint).
        let codes = (0..<4000).map { i -> SyncStatusCode in
            i % 401 == 400 ? .unrecognized(-1) : SyncStatusCode.allKnown[i % SyncStatusCode.allKnown.count]
        }
        let codesText = codes.map { code in
            let number = code.rawValue
            let printed = snapshot.enumValueName("synchealth.v1.SyncStatusCode", number) ?? String(number)
            return "status_codes: \(printed)\n"
        }.joined()

        let reports = (1...2000).map { PushItemReport(itemId: "i-\($0)", status: .failed, attemptedAtMs: Int64($0)) }
        let reportsText = "sync_id: \"sync-big\"\n" + (1...2000).map {
            "items {\n  item_id: \"i-\($0)\"\n  status: PUSH_ITEM_STATUS_FAILED\n  attempted_at_ms: \($0)\n}\n"
        }.joined()

        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        let document = (0..<300_000).map { letters[$0 % letters.count] }

        let notes = (0..<1000).map { "✓ note \($0) — é" }
        let notesText = notes.map { "notes: \"\(protocEscaped($0))\"\n" }.joined()

        return [
            Vector("large-repeated-strings", SyncRetryScope(syncId: "s", itemIds: itemIds, dataTypes: dataTypes), text: scopeText),
            Vector("large-packed-enums", ListSyncsRequest(statusCodes: codes), text: codesText),
            Vector("large-repeated-messages", RecordPushItemsRequest(syncId: "sync-big", items: reports), text: reportsText),
            Vector("large-bytes", SyncConfig(document: document), text: "document: \"\(String(decoding: document, as: UTF8.self))\"\n"),
            Vector("large-utf8-strings", Sync(notes: notes), text: notesText),
        ]
    }
}
