/// Turns an error message into its fingerprint text; the rules are listed on
/// `ErrorFingerprint`. Pure.
///
/// The message is read once into tokens (spaces, delimiters, words, and
/// placeholders for quoted text), each word is classified
/// (`FingerprintWords`), month names next to numbers and lists of one
/// placeholder are folded, and the tokens are joined again.
package enum FingerprintNormalizer {
    package enum Token: Equatable {
        case space
        /// A delimiter, kept as it is: ( ) [ ] { } < > , ; = | and unmatched quotes.
        case punct(Unicode.Scalar)
        case word(String)
        /// "<num>", "<id>", "<q>", ...
        case placeholder(String)
    }

    package static func normalize(_ message: String) -> String {
        var tokens = tokenize(Array(message.unicodeScalars))
        markMonths(&tokens)
        tokens = collapseLists(tokens)
        return render(tokens)
    }

    // MARK: Tokens

    private static let delimiters: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", "<", ">", ",", ";", "=", "|", "\"", "'", "`",
        "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{AB}", "\u{BB}",
    ]
    /// Sentence punctuation taken off both ends of a word.
    private static let edgePunctuation: Set<Unicode.Scalar> = [".", ",", ":", ";", "!", "?"]

    package static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var word: [Unicode.Scalar] = []
        func flushWord() {
            guard !word.isEmpty else { return }
            tokens += classify(word, after: tokens)
            word.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if word.isEmpty, let end = urlEnd(scalars, startingAt: index) {
                tokens.append(.placeholder("<url>"))
                tokens += scalars[end..<urlTokenEnd(scalars, from: end)].map { Token.punct($0) }
                index = urlTokenEnd(scalars, from: end)
            } else if let close = closingQuote(scalars, openingAt: index) {
                flushWord()
                tokens.append(.placeholder("<q>"))
                index = close + 1
            } else if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
                flushWord()
                if tokens.last != .space { tokens.append(.space) }
                index += 1
            } else if delimiters.contains(scalar) {
                flushWord()
                tokens.append(.punct(scalar))
                index += 1
            } else {
                word.append(scalar)
                index += 1
            }
        }
        flushWord()
        while tokens.first == .space { tokens.removeFirst() }
        while tokens.last == .space { tokens.removeLast() }
        return tokens
    }

    /// When an http(s) URL starts at `index`, where it ends: URLs hold "=",
    /// "&" and digits that must not split them. A URL runs to whitespace, a
    /// quote or an angle bracket, less trailing sentence punctuation and
    /// closing brackets.
    package static func urlEnd(_ scalars: [Unicode.Scalar], startingAt index: Int) -> Int? {
        let prefix = scalars[index..<min(index + 8, scalars.count)]
            .map { Character($0).lowercased() }.joined()
        guard prefix.hasPrefix("http://") || prefix.hasPrefix("https://") else { return nil }
        var end = index
        while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end].value >= 0x20,
              !["\"", "'", "<", ">", "`"].contains(scalars[end]) {
            end += 1
        }
        while end > index, edgePunctuation.contains(scalars[end - 1]) || [")", "]"].contains(scalars[end - 1]) {
            end -= 1
        }
        return end
    }

    /// The end of the punctuation `urlEnd` gave back after a URL.
    private static func urlTokenEnd(_ scalars: [Unicode.Scalar], from end: Int) -> Int {
        var position = end
        while position < scalars.count, edgePunctuation.contains(scalars[position]) || [")", "]"].contains(scalars[position]) {
            position += 1
        }
        return position
    }

    /// When the scalar at `index` opens a quoted value, the index of the
    /// quote that closes it. A straight single quote opens only after a
    /// non-alphanumeric (so "doesn't" is a word) and closes only before one.
    package static func closingQuote(_ scalars: [Unicode.Scalar], openingAt index: Int) -> Int? {
        let closer: Unicode.Scalar
        switch scalars[index] {
        case "\"": closer = "\""
        case "`": closer = "`"
        case "\u{201C}": closer = "\u{201D}"
        case "\u{2018}": closer = "\u{2019}"
        case "\u{AB}": closer = "\u{BB}"
        case "'":
            if index > 0 && isAlphanumeric(scalars[index - 1]) { return nil }
            var candidate = index + 1
            while candidate < scalars.count {
                if scalars[candidate] == "'"
                    && (candidate + 1 == scalars.count || !isAlphanumeric(scalars[candidate + 1])) {
                    return candidate
                }
                candidate += 1
            }
            return nil
        default:
            return nil
        }
        var candidate = index + 1
        while candidate < scalars.count {
            if scalars[candidate] == closer { return candidate }
            candidate += 1
        }
        return nil
    }

    package static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A word with sentence punctuation split off both ends, its core
    /// classified. `tokens` (what came before) decides whether a number is a
    /// status or error code to keep.
    private static func classify(_ scalars: [Unicode.Scalar], after tokens: [Token]) -> [Token] {
        var start = 0
        var end = scalars.count
        while start < end && edgePunctuation.contains(scalars[start]) { start += 1 }
        while end > start && edgePunctuation.contains(scalars[end - 1]) { end -= 1 }
        var result = scalars[0..<start].map { Token.punct($0) }
        if start < end {
            var core = String.UnicodeScalarView()
            core.append(contentsOf: scalars[start..<end])
            let text = String(core)
            if let placeholder = FingerprintWords.placeholder(for: text, after: previousWord(tokens)) {
                result.append(.placeholder(placeholder))
            } else {
                result.append(.word(text))
            }
        }
        result += scalars[end...].map { Token.punct($0) }
        return result
    }

    /// The last word before the current position, looking past spaces and a
    /// ":", "=" or "#" ("status: 401", "code=6000").
    private static func previousWord(_ tokens: [Token]) -> String? {
        for token in tokens.reversed() {
            switch token {
            case .space, .punct(":"), .punct("="), .punct("#"): continue
            case .word(let word): return word
            default: return nil
            }
        }
        return nil
    }

    // MARK: Folding

    /// A month name next to a number (one space or comma apart) becomes
    /// "<month>", so "31 Jan 2024" and "1 Feb 2023" match.
    package static func markMonths(_ tokens: inout [Token]) {
        for index in tokens.indices {
            guard case .word(let word) = tokens[index], FingerprintWords.isMonth(word) else { continue }
            if neighbourIsNumber(tokens, from: index, step: -1) || neighbourIsNumber(tokens, from: index, step: 1) {
                tokens[index] = .placeholder("<month>")
            }
        }
    }

    private static func neighbourIsNumber(_ tokens: [Token], from index: Int, step: Int) -> Bool {
        var position = index + step
        var skipped = 0
        while tokens.indices.contains(position), skipped < 2,
              tokens[position] == .space || tokens[position] == .punct(",") {
            position += step
            skipped += 1
        }
        return tokens.indices.contains(position) && tokens[position] == .placeholder("<num>")
    }

    /// "<id>, <id>, <id>" (any one placeholder repeated, separated by spaces,
    /// commas or semicolons) becomes "<id>": a list's length is not
    /// its cause.
    package static func collapseLists(_ tokens: [Token]) -> [Token] {
        var output: [Token] = []
        for token in tokens {
            if case .placeholder = token {
                var back = output.count - 1
                while back >= 0, back >= output.count - 2, isListSeparator(output[back]) { back -= 1 }
                if back >= 0, output[back] == token {
                    output.removeSubrange((back + 1)...)
                    continue
                }
            }
            output.append(token)
        }
        return output
    }

    private static func isListSeparator(_ token: Token) -> Bool {
        switch token {
        case .space, .punct(","), .punct(";"): return true
        default: return false
        }
    }

    package static func render(_ tokens: [Token]) -> String {
        var text = ""
        for token in tokens {
            switch token {
            case .space: text += " "
            case .punct(let scalar): text.unicodeScalars.append(scalar)
            case .word(let word): text += word
            case .placeholder(let placeholder): text += placeholder
            }
        }
        guard text.utf8.count > ErrorFingerprint.maxBytes else { return text }
        var cut = ""
        for character in text {
            if cut.utf8.count + character.utf8.count > ErrorFingerprint.maxBytes { break }
            cut.append(character)
        }
        return cut
    }
}
