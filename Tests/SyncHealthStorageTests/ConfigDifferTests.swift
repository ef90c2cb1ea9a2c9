@testable import SyncHealthStorage
@testable import SyncHealthSQLite
@testable import SyncHealthRelational
import SyncHealthJSON
import SyncHealthWire
import Testing
import SyncHealthTestSupport
import SyncHealthTestTraits

@Suite(.offThePool) struct ConfigDifferTests {
    static func diff(_ old: String, _ new: String) -> ConfigDiffer.Result {
        ConfigDiffer.diff(old: Array(old.utf8), new: Array(new.utf8))
    }

    @Test func sameDocumentsHaveNoChanges() {
        #expect(Self.diff(#"{"a":1}"#, #"{"a":1}"#) == ConfigDiffer.Result())
        // Key order, whitespace and how a number is written do not matter.
        #expect(Self.diff(#"{"a":1.50,"b":[1,2],"c":{"x":null}}"#, "{ \"c\": {\"x\": null},\n \"b\": [1, 2], \"a\": 15e-1 }")
            == ConfigDiffer.Result())
        #expect(Self.diff("[100, 0, -0.0]", "[1E2, -0, 0]") == ConfigDiffer.Result())
        #expect(Self.diff("plain text", "plain text") == ConfigDiffer.Result(comparedAsText: true))
    }

    @Test func objectsByKeyArraysByIndex() {
        let old = #"""
            {"currency": "EUR", "accounts": {"sales": "200", "fees": "404"}, "taxRates": ["OUTPUT2", "NONE"],
             "sync": {"enabled": true}, "legacy": 1}
            """#
        let new = #"""
            {"currency": "USD", "accounts": {"sales": "200", "fees": "405", "refunds": "260"},
             "taxRates": ["OUTPUT2"], "sync": {"enabled": "true"}, "new key": {"x": [1]}}
            """#
        let result = Self.diff(old, new)
        #expect(!result.comparedAsText && !result.truncated)
        #expect(result.changes == [
            ConfigChange(path: "$.accounts.fees", kind: .changed, oldValue: #""404""#, newValue: #""405""#),
            ConfigChange(path: "$.accounts.refunds", kind: .added, newValue: #""260""#),
            ConfigChange(path: "$.currency", kind: .changed, oldValue: #""EUR""#, newValue: #""USD""#),
            ConfigChange(path: "$.legacy", kind: .removed, oldValue: "1"),
            ConfigChange(path: #"$["new key"]"#, kind: .added, newValue: #"{"x":[1]}"#),
            ConfigChange(path: "$.sync.enabled", kind: .changed, oldValue: "true", newValue: #""true""#),
            ConfigChange(path: "$.taxRates[1]", kind: .removed, oldValue: #""NONE""#),
        ])
    }

    @Test func typeChangesAndRootsAreOneChange() {
        #expect(Self.diff(#"{"a":{"b":1}}"#, #"{"a":[1]}"#).changes
            == [ConfigChange(path: "$.a", kind: .changed, oldValue: #"{"b":1}"#, newValue: "[1]")])
        #expect(Self.diff("[1]", "{}").changes == [ConfigChange(path: "$", kind: .changed, oldValue: "[1]", newValue: "{}")])
        #expect(Self.diff("[]", "[true, null]").changes == [
            ConfigChange(path: "$[0]", kind: .added, newValue: "true"),
            ConfigChange(path: "$[1]", kind: .added, newValue: "null"),
        ])
        #expect(Self.diff("\"a\\u00e9\\n\"", "\"a\\u00e9\\t\"").changes
            == [ConfigChange(path: "$", kind: .changed, oldValue: "\"aé\\n\"", newValue: "\"aé\\t\"")])
    }

    @Test func oddKeysArePathSafe() {
        #expect(ConfigDiffer.pathComponent("sales_2") == ".sales_2")
        #expect(ConfigDiffer.pathComponent("2fa") == #"["2fa"]"#)
        #expect(ConfigDiffer.pathComponent("") == #"[""]"#)
        #expect(ConfigDiffer.pathComponent("a.b") == #"["a.b"]"#)
        #expect(ConfigDiffer.pathComponent("say \"hi\"") == #"["say \"hi\""]"#)
    }

    @Test func nonJSONComparesAsText() {
        let result = Self.diff("currency=EUR\n", #"{"currency":"USD"}"#)
        #expect(result.comparedAsText)
        #expect(result.changes == [ConfigChange(path: "$", kind: .changed, oldValue: "currency=EUR\n", newValue: #"{"currency":"USD"}"#)])
        let binary = ConfigDiffer.diff(old: [0xFF, 0xFE], new: Array("x".utf8))
        #expect(binary.changes.first?.oldValue == "(2 bytes, not UTF-8 text)")
        // Trailing garbage, bad escapes, lone surrogates, raw control characters: not JSON.
        for broken in [#"{"a":1} x"#, #"{"a":"\q"}"#, #"["\ud800"]"#, "[\"a\u{01}\"]", "{\"a\":01}", "[1,]", "{'a':1}"] {
            #expect(JSONParser.parse(Array(broken.utf8)) == nil, "\(broken)")
        }
        #expect(JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(" [\"\\ud83d\\ude00\"] ".utf8))?.compactText == "[\"😀\"]")
    }

    @Test func deepNestingIsTextNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONParser.parse(Array(deep.utf8)) == nil)
        let justDeepEnough = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(JSONParser.parse(Array(justDeepEnough.utf8)) != nil)
        #expect(Self.diff(deep, "[]").comparedAsText)
    }

    @Test func longValuesAreCutAndManyChangesTruncated() {
        let big = String(repeating: "é", count: 2_000)
        let result = Self.diff(#"{"a":"x"}"#, "{\"a\":\"\(big)\"}")
        let value = result.changes.first?.newValue ?? ""
        #expect(value.utf8.count <= ConfigDiffer.maxValueBytes && value.hasSuffix("…"))
        let many = "[" + (0..<700).map(String.init).joined(separator: ",") + "]"
        let truncated = Self.diff("[]", many)
        #expect(truncated.truncated && truncated.changes.count == ConfigDiffer.maxChanges)
        #expect(truncated.changes.last?.path == "$[499]")
    }
}

