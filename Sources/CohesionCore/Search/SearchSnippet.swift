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

    /// `stems` as the portal's query has them (`GermanText.stems`): a word matches when its stem
    /// holds one of three letters or more anywhere ("konzept" in "integrationskonzept") or equals a
    /// shorter one, as the portal's index finds them.
    public static func make(_ text: String, stems: [String], length: Int = 36) -> [Piece] {
        make([text], stems: stems, length: length)[0]
    }

    /// A snippet for each text; the texts of one page of hits share their words, and each word is
    /// decided once for all of them.
    public static func make(_ texts: [String], stems: [String], length: Int = 36) -> [[Piece]] {
        var decided: [String: Bool] = [:]
        func matches(_ token: String) -> Bool {
            guard !stems.isEmpty else { return false }
            return GermanText.words(token).contains { word in
                if let known = decided[word] { return known }
                let stem = GermanText.fold(GermanStemmer.stem(word))
                let match = stems.contains { $0.count >= 3 ? stem.contains($0) : stem == $0 }
                decided[word] = match
                return match
            }
        }
        return texts.map { snippet(of: $0, length: length, matches: matches) }
    }

    private static func snippet(of text: String, length: Int, matches: (String) -> Bool) -> [Piece] {
        let tokens = WordDifference.tokens(text)
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
