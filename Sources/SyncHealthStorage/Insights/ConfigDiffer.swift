import SyncHealthJSON
package import SyncHealthWire

/// The differences between two configuration documents. Pure.
///
/// When both documents are JSON they are compared value by value: objects
/// by key (in byte order of the keys), arrays by index, numbers by decimal
/// value, a value whose type changed as one change. Otherwise the documents
/// are compared as whole text: the same bytes, or one change at "$".
package enum ConfigDiffer {
    /// Most changes reported; more set `truncated`.
    package static let maxChanges = 500
    /// Longest old or new value reported, in UTF-8 bytes ("…" included).
    package static let maxValueBytes = 1024

    package struct Result: Equatable {
        package var changes: [ConfigChange] = []
        package var comparedAsText = false
        package var truncated = false
    }

    /// What changed from `old` (the baseline) to `new`.
    package static func diff(old: [UInt8], new: [UInt8]) -> Result {
        guard let oldValue = JSONParser.parse(old), let newValue = JSONParser.parse(new) else {
            var result = Result(comparedAsText: true)
            if old != new {
                result.changes = [ConfigChange(
                    path: "$", kind: .changed, oldValue: displayText(old), newValue: displayText(new))]
            }
            return result
        }
        var collector = Collector()
        collector.compare(oldValue, newValue, path: "$")
        return Result(changes: collector.changes, comparedAsText: false, truncated: collector.truncated)
    }

    /// Walks two JSON values, collecting at most `maxChanges` changes.
    private struct Collector {
        package var changes: [ConfigChange] = []
        package var truncated = false

        package mutating func add(_ path: String, _ kind: ConfigChangeKind, old: JSONValue?, new: JSONValue?) {
            guard changes.count < ConfigDiffer.maxChanges else {
                truncated = true
                return
            }
            changes.append(ConfigChange(
                path: path, kind: kind,
                oldValue: old.map { ConfigDiffer.cut($0.compactText) } ?? "",
                newValue: new.map { ConfigDiffer.cut($0.compactText) } ?? ""))
        }

        package mutating func compare(_ old: JSONValue, _ new: JSONValue, path: String) {
            if truncated { return }
            switch (old, new) {
            case (.object, .object):
                let oldMembers = old.lastMembers
                let newMembers = new.lastMembers
                let keys = Set(oldMembers.keys).union(newMembers.keys)
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for key in keys {
                    let childPath = path + ConfigDiffer.pathComponent(key)
                    switch (oldMembers[key], newMembers[key]) {
                    case (let before?, let after?): compare(before, after, path: childPath)
                    case (let before?, nil): add(childPath, .removed, old: before, new: nil)
                    case (nil, let after?): add(childPath, .added, old: nil, new: after)
                    case (nil, nil): break
                    }
                }
            case (.array(let before), .array(let after)):
                for position in 0..<max(before.count, after.count) {
                    let childPath = path + "[\(position)]"
                    if position >= after.count {
                        add(childPath, .removed, old: before[position], new: nil)
                    } else if position >= before.count {
                        add(childPath, .added, old: nil, new: after[position])
                    } else {
                        compare(before[position], after[position], path: childPath)
                    }
                }
            default:
                if !old.sameValue(as: new) {
                    add(path, .changed, old: old, new: new)
                }
            }
        }
    }

    /// ".key" for identifier keys, `["key"]` (a JSON string) for the rest.
    package static func pathComponent(_ key: String) -> String {
        let isIdentifier = key.unicodeScalars.enumerated().allSatisfy { offset, scalar in
            scalar == "_" || scalar == "$" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || (offset > 0 && ("0"..."9").contains(scalar))
        }
        if isIdentifier && !key.isEmpty { return "." + key }
        var text = "["
        JSONValue.writeString(key, to: &text)
        return text + "]"
    }

    /// A document as text when it is UTF-8, else a short description.
    package static func displayText(_ document: [UInt8]) -> String {
        guard let text = String(validating: document, as: UTF8.self) else {
            return "(\(document.count) bytes, not UTF-8 text)"
        }
        return cut(text)
    }

    /// `text` cut to `maxValueBytes` on a character boundary, ending in "…".
    package static func cut(_ text: String) -> String {
        guard text.utf8.count > maxValueBytes else { return text }
        let ellipsis = "…"
        let budget = maxValueBytes - ellipsis.utf8.count
        var result = ""
        for character in text {
            if result.utf8.count + character.utf8.count > budget { break }
            result.append(character)
        }
        return result + ellipsis
    }
}
