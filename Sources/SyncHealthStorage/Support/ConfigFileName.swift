/// Suggested download names for configuration documents.
package enum ConfigFileName {
    /// The engine's file name when it gave one, else `config-<sync_id>.<ext>`
    /// with the extension chosen by content type; either way sanitized to
    /// `[A-Za-z0-9._-]`, no leading dot, bounded length, so it is safe as a
    /// file name and in a Content-Disposition header.
    package static func suggested(requested: String, syncId: String, contentType: String) -> String {
        let cleaned = sanitize(requested)
        if !cleaned.isEmpty { return cleaned }
        let stem = sanitize("config-" + syncId)
        return stem + "." + fileExtension(forContentType: contentType)
    }

    /// The extension for a MIME type ("application/json" -> "json").
    package static func fileExtension(forContentType contentType: String) -> String {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingSpaces().lowercased() } ?? ""
        switch mediaType {
        case "application/json", "text/json": return "json"
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml": return "yaml"
        case "application/xml", "text/xml": return "xml"
        case "application/toml": return "toml"
        case "text/plain": return "txt"
        case "text/csv": return "csv"
        default:
            if mediaType.hasSuffix("+json") { return "json" }
            if mediaType.hasSuffix("+xml") { return "xml" }
            return "bin"
        }
    }

    /// Keeps ASCII letters, digits, '.', '-', '_'; replaces anything else with
    /// '_'; drops leading dots; keeps at most `maxLength` characters.
    package static func sanitize(_ name: String, maxLength: Int = 128) -> String {
        var out: [UInt8] = []
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let keep = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || value == 0x2E || value == 0x2D || value == 0x5F
            out.append(keep ? UInt8(value) : UInt8(ascii: "_"))
        }
        while out.first == UInt8(ascii: ".") { out.removeFirst() }
        if out.count > maxLength { out.removeLast(out.count - maxLength) }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
