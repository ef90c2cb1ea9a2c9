extension String {
    /// This text cut to at most `maxBytes` UTF-8 bytes on a character
    /// boundary (never half a character, never half a grapheme): the one
    /// truncation for stored error messages and status messages.
    public func truncatedToUTF8(maxBytes: Int) -> String {
        guard utf8.count > maxBytes else { return self }
        var result = ""
        var used = 0
        for character in self {
            let size = character.utf8.count
            guard used + size <= maxBytes else { break }
            result.append(character)
            used += size
        }
        return result
    }
}
