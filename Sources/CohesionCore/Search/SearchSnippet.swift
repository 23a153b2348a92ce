/// A short passage of a found text around the first word that matches the query, with every
/// matching word marked; the caller escapes and renders it (the portal with `<mark>`).
public enum SearchSnippet {
    public struct Piece: Equatable, Sendable {
        public let text: String
        public let isMatch: Bool

        public init(_ text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// `stems` and `pieces` as the portal's query has them (`GermanText.stems`, folded words).
    public static func make(_ text: String, stems: [String], pieces: [String], length: Int = 36) -> [Piece] {
        let tokens = WordDifference.tokens(text)
        // A text repeats its words; each is decided once.
        var decided: [String: Bool] = [:]
        func matches(_ token: String) -> Bool {
            guard !stems.isEmpty || !pieces.isEmpty else { return false }
            return GermanText.words(token).contains { word in
                if let known = decided[word] { return known }
                let stem = GermanText.fold(GermanStemmer.stem(word))
                let folded = GermanText.fold(word)
                let match = stems.contains { $0.count >= 3 ? stem.hasPrefix($0) : stem == $0 } || pieces.contains { folded.contains($0) }
                decided[word] = match
                return match
            }
        }
        let first = tokens.firstIndex(where: matches) ?? 0
        let start = max(0, first - 8)
        let end = min(tokens.count, start + length)
        var result: [Piece] = []
        if start > 0 { result.append(Piece("… ", isMatch: false)) }
        for token in tokens[start..<end] {
            if matches(token) {
                // The word without the punctuation and space after it.
                let word = String(token.reversed().drop { !($0.isLetter || $0.isNumber) }.reversed())
                result.append(Piece(word, isMatch: true))
                result.append(Piece(String(token.dropFirst(word.count)), isMatch: false))
            } else {
                result.append(Piece(token, isMatch: false))
            }
        }
        if end < tokens.count { result.append(Piece(" …", isMatch: false)) }
        return result
    }
}
