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

    /// ß → ss, then every accent and umlaut dropped (ä → a, é → e).
    public static func fold(_ word: String) -> String {
        word.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive], locale: Locale(identifier: "de_DE"))
    }
}
