/// Classifies one word of an error message for `FingerprintNormalizer`:
/// which placeholder replaces it, if any. Pure; ASCII digits only.
package enum FingerprintWords {
    /// Words after which a number of up to four digits is a code to keep.
    package static let codeWords: Set<String> = ["http", "status", "code", "error", "errorcode", "statuscode"]

    /// ISO 4217 codes common in commerce and accounting data.
    package static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "AUD", "NZD", "CAD", "JPY", "CHF", "SEK", "NOK", "DKK", "ZAR", "SGD",
        "HKD", "INR", "MXN", "BRL", "PLN", "CZK", "HUF", "AED", "SAR", "CNY", "KRW", "THB", "MYR",
        "PHP", "IDR", "ILS", "TRY", "RON", "BGN", "ISK", "CLP", "COP", "ARS", "PEN", "NGN", "KES",
    ]

    package static let months: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
        "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
        "november", "dec", "december",
    ]

    private static let currencySymbols: Set<Unicode.Scalar> = ["$", "\u{20AC}", "\u{A3}", "\u{A5}", "\u{20B9}"]

    /// The placeholder for `word` ("<num>", "<id>", ...), or nil to keep it.
    /// - Parameter previous: the word before it, for the status-code rule.
    package static func placeholder(for word: String, after previous: String?) -> String? {
        let scalars = Array(word.unicodeScalars)
        let lower = word.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return "<url>" }
        if isEmail(scalars) { return "<email>" }
        if isUUID(scalars) { return "<uuid>" }
        if isDate(scalars) { return "<date>" }
        if isTime(scalars) { return "<time>" }
        if scalars.contains(where: isDigit) {
            guard isNumber(scalars) else { return "<id>" }
            if let previous, codeWords.contains(previous.lowercased()),
               scalars.count <= 4, scalars.allSatisfy(isDigit) {
                return nil
            }
            return "<num>"
        }
        if currencyCodes.contains(word) { return "<cur>" }
        return nil
    }

    package static func isMonth(_ word: String) -> Bool { months.contains(word.lowercased()) }

    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// local@domain.tld
    package static func isEmail(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let at = scalars.lastIndex(of: "@"), at > 0 else { return false }
        let domain = scalars[(at + 1)...]
        guard let dot = domain.lastIndex(of: "."), dot > domain.startIndex, dot < scalars.count - 1 else { return false }
        return true
    }

    /// 8-4-4-4-12 hex digits.
    package static func isUUID(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count == 36 else { return false }
        for (index, scalar) in scalars.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if scalar != "-" { return false }
            } else if !isHex(scalar) {
                return false
            }
        }
        return true
    }

    /// 2024-01-31 (and any ISO timestamp starting so), 2024/01/31, 31/01/2024,
    /// 1-31-24, 31.01.2024: three digit groups joined by one separator.
    package static func isDate(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.count > 10, scalars[4] == "-", scalars[7] == "-", scalars[10] == "T" || scalars[10] == " ",
           isDate(Array(scalars[0..<10])) {
            return true
        }
        guard let separator = scalars.first(where: { !isDigit($0) }), ["/", "-", "."].contains(separator) else {
            return false
        }
        let groups = scalars.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count == 3, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        let lengths = groups.map(\.count)
        if lengths[0] == 4 { return (1...2).contains(lengths[1]) && (1...2).contains(lengths[2]) }
        return (1...2).contains(lengths[0]) && (1...2).contains(lengths[1]) && [2, 4].contains(lengths[2])
    }

    /// 9:05, 12:30:05, 12:30:05.123, with an optional Z, am or pm.
    package static func isTime(_ scalars: [Unicode.Scalar]) -> Bool {
        var body = scalars[...]
        let lower = String(String.UnicodeScalarView(scalars)).lowercased()
        if lower.hasSuffix("am") || lower.hasSuffix("pm") {
            body = body.dropLast(2)
        } else if lower.hasSuffix("z") {
            body = body.dropLast()
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[0].allSatisfy(isDigit) else {
            return false
        }
        for part in parts.dropFirst() {
            let whole = part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard whole[0].count == 2, whole[0].allSatisfy(isDigit) else { return false }
            if whole.count == 2, whole[1].isEmpty || !whole[1].allSatisfy(isDigit) { return false }
        }
        return true
    }

    /// A number or amount: optional currency symbols or sign, digits with
    /// single separators (. , ' _) between them, an optional exponent, and an
    /// optional % or currency symbol: 31.20, -8,00, $1,234.50, 12%, 1e5, 9€.
    package static func isNumber(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        let count = scalars.count
        while index < count, currencySymbols.contains(scalars[index]) || scalars[index] == "+" || scalars[index] == "-" {
            index += 1
        }
        guard index < count, isDigit(scalars[index]) else { return false }
        while index < count {
            if isDigit(scalars[index]) {
                index += 1
            } else if [".", ",", "'", "_"].contains(scalars[index]), index + 1 < count, isDigit(scalars[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        if index + 1 < count, scalars[index] == "e" || scalars[index] == "E" {
            var exponent = index + 1
            if scalars[exponent] == "+" || scalars[exponent] == "-" { exponent += 1 }
            if exponent < count, isDigit(scalars[exponent]) {
                index = exponent
                while index < count, isDigit(scalars[index]) { index += 1 }
            }
        }
        while index < count, scalars[index] == "%" || currencySymbols.contains(scalars[index]) { index += 1 }
        return index == count
    }
}
