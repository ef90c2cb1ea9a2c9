/// Random lower-case hex text: demo tokens, request ids.
enum RandomHex {
    /// 16 hex characters per 64-bit word drawn from `generator`.
    static func string<Generator: RandomNumberGenerator>(words: Int, using generator: inout Generator) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(words * 16)
        for _ in 0..<words {
            var word = generator.next()
            for _ in 0..<16 {
                text.append(digits[Int(word & 0xF)])
                word >>= 4
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
