import Foundation

/// How German text is prepared for searching, the same for what is indexed and what is asked:
/// words are split at everything that is not a letter or digit, lower-cased, stemmed and folded
/// (`stems`). Folding writes ß as "ss" and drops umlaut dots and other accents; it never reads
/// "ue" as "ü", so "Frauen", "neue" and "Feuer" stay what they are.
public enum GermanText {
    /// The words of `text`, lower-cased and in Unicode's composed form.
    public static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Plain ASCII, most words: nothing to compose, and letters and digits are known by their bytes.
            return text.utf8.split { !isASCIILetterOrDigit($0) }.map { String(decoding: $0.map(asciiLowercased), as: UTF8.self) }
        }
        return text.precomposedStringWithCanonicalMapping.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Each word stemmed by `GermanStemmer`, accents removed: "Wohnungen in der Straße" → ["wohnung", "in", "der", "strass"].
    public static func stems(_ text: String) -> [String] {
        words(text).map { fold(GermanStemmer.stem($0)) }
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
