package import SyncHealthWire

/// Field checks shared by every call. Messages name the field and the limit,
/// never the value: values may be customer data.
package enum FieldRules {
    /// An identifier: non-empty when `required`, at most `Limits.maxIdBytes`,
    /// no control characters.
    package static func identifier(_ value: String, _ field: String, required: Bool = true) throws(RPCError) {
        if value.isEmpty {
            if required { throw .invalidArgument("\(field) must not be empty") }
            return
        }
        try key(value, field, maxBytes: Limits.maxIdBytes)
    }

    /// A short key (ids, platform keys, data types): bounded, no control
    /// characters. Empty passes; callers that need a value check first.
    package static func key(_ value: String, _ field: String, maxBytes: Int) throws(RPCError) {
        try length(value, field, maxBytes: maxBytes)
        if value.unicodeScalars.contains(where: isControl) {
            throw .invalidArgument("\(field) must not contain control characters")
        }
    }

    /// Free text (messages, notes): bounded, and no U+0000. Every other rule
    /// here goes through this one, so no validated string holds a NUL: the
    /// wire cannot carry one (protobuf-c strings are C strings), and a
    /// response built from stored text must always encode.
    package static func length(_ value: String, _ field: String, maxBytes: Int) throws(RPCError) {
        if value.utf8.count > maxBytes {
            throw .invalidArgument("\(field) is longer than \(maxBytes) bytes")
        }
        if value.utf8.contains(0) {
            throw .invalidArgument("\(field) must not contain NUL (U+0000)")
        }
    }

    /// A list of free-text strings: bounded count and lengths.
    package static func textList(_ values: [String], _ field: String, maxCount: Int, maxBytes: Int) throws(RPCError) {
        if values.count > maxCount {
            throw .invalidArgument("\(field) has more than \(maxCount) entries")
        }
        for (index, value) in values.enumerated() {
            try length(value, "\(field)[\(index)]", maxBytes: maxBytes)
        }
    }

    /// A timestamp that may be 0 (unset) but not negative.
    package static func timestamp(_ value: Int64, _ field: String) throws(RPCError) {
        if value < 0 {
            throw .invalidArgument("\(field) must not be negative")
        }
    }

    /// A start-time range where 0 means unbounded: not negative, not reversed.
    package static func optionalRange(from: Int64, to: Int64, _ field: String) throws(RPCError) {
        try timestamp(from, "\(field)_from_ms")
        try timestamp(to, "\(field)_to_ms")
        if from != 0 && to != 0 && to < from {
            throw .invalidArgument("\(field) range is reversed: \(field)_to_ms is before \(field)_from_ms")
        }
    }

    /// A requested page size: 0 means the default; negative or over the
    /// maximum is rejected.
    package static func pageSize(_ value: Int32) throws(RPCError) -> Int {
        if value < 0 {
            throw .invalidArgument("page_size must not be negative")
        }
        if value > Limits.maxPageSize {
            throw .invalidArgument("page_size must be at most \(Limits.maxPageSize)")
        }
        return Int(value == 0 ? Limits.defaultPageSize : value)
    }

    /// A repeated filter field: bounded count.
    package static func filterCount(_ count: Int, _ field: String) throws(RPCError) {
        if count > Limits.maxFilterValues {
            throw .invalidArgument("\(field) has more than \(Limits.maxFilterValues) values")
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
