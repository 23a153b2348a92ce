import Foundation

/// How German text is prepared for searching, the same for what is indexed and what is asked:
/// words are split at everything that is not a letter or digit, lower-cased, and either stemmed
/// (`stems`, for the word index) or only folded (`folded`, for the index of three-letter pieces
/// that finds parts of compound words). Folding writes ß as "ss" and drops umlaut dots and other
/// accents; it never reads "ue" as "ü", so "Frauen", "neue" and "Feuer" stay what they are.
public enum GermanText {
    /// The words of `text`, lower-cased and in Unicode's composed form.
    public static func words(_ text: String) -> [String] {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    /// Each word stemmed by `GermanStemmer`, accents removed: "Wohnungen in der Straße" → ["wohnung", "in", "der", "strass"].
    public static func stems(_ text: String) -> [String] {
        words(text).map { fold(GermanStemmer.stem($0)) }
    }

    /// The words folded and joined by single spaces: "Straße für Geflüchtete" → "strasse fur gefluchtete".
    public static func folded(_ text: String) -> String {
        words(text).map(fold).joined(separator: " ")
    }

    /// ß → ss, then every accent and umlaut dropped (ä → a, é → e): the word decomposed and its
    /// combining marks left out. Words of plain ASCII, most of them, come back as they are.
    /// (Foundation's `folding(options:locale:)` gives the same and cost 40 ms per page of snippets.)
    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var folded = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "ß": folded.append(contentsOf: "ss".unicodeScalars)
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: folded.append(scalar)
            }
        }
        return String(folded).precomposedStringWithCanonicalMapping
    }
}
