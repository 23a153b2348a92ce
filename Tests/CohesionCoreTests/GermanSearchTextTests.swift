import Foundation
import Testing

@testable import CohesionCore

@Suite("German words for searching")
struct GermanSearchTextTests {
    /// `Fixtures/german-stems.tsv`: 2,472 words, every 150th of Debian's `wngerman` word list plus
    /// words of the programme's own subject, each with the stem PyPI's `snowballstemmer` 3.1.1
    /// gives it. `Tests/Browser/test_search_words.py` recomputes the second column with that package,
    /// so the file cannot drift from it.
    @Test("the stemmer agrees with Snowball's reference word by word")
    func stemmerAgreesWithSnowball() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/german-stems.tsv")
        let pairs = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(pairs.count >= 2_000)
        let disagreements = pairs.filter { GermanStemmer.stem($0[0]) != $0[1] }.map { "\($0[0]): \(GermanStemmer.stem($0[0])) statt \($0[1])" }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("housing, compounds, ß and umlauts meet in one form")
    func forms() {
        #expect(GermanText.stems("Wohnungen") == GermanText.stems("Wohnung"))
        #expect(GermanText.stems("Straße") == GermanText.stems("strasse"))
        #expect(GermanText.stems("Geflüchtete") == GermanText.stems("geflüchteten"))
        #expect(GermanText.words("Straße für Geflüchtete").map(GermanText.fold) == ["strasse", "fur", "gefluchtete"])
        #expect(GermanText.stems("Kenntnisse der Ärztinnen") == ["kenntnis", "der", "arztinn"])
    }

    @Test("ue is never read as ü: Frauen, neue, Feuer keep their letters")
    func noUmlautGuessing() {
        #expect(GermanText.words("Frauen neue Feuer").map(GermanText.fold) == ["frauen", "neue", "feuer"])
        #expect(GermanText.stems("Frauen neue Feuer") == ["frau", "neu", "feu"])
    }

    @Test("words split at punctuation and hyphens; search syntax is just punctuation")
    func splitting() {
        #expect(
            GermanText.words("Integrations-Konzept: \"NEAR(a b)\" -x *y a&b|c!d <-> e:f") == [
                "integrations", "konzept", "near", "a", "b", "x", "y", "a", "b", "c", "d", "e", "f",
            ])
    }
}

@Suite("Word-level differences")
struct WordDifferenceTests {
    @Test("a changed word shows as removed and added, the rest as kept")
    func changedWord() {
        let difference = WordDifference(from: "Wir laden alle Träger ein.", to: "Wir laden alle Vereine und Träger ein.")
        #expect(difference.changes == [.kept("Wir laden alle "), .added("Vereine und "), .kept("Träger ein.")])
        #expect(difference.counts.added == 2 && difference.counts.removed == 0)
    }

    @Test("identical texts are one kept run; an emptied text is one removal")
    func edges() {
        #expect(WordDifference(from: "a b", to: "a b").changes == [.kept("a b")])
        #expect(WordDifference(from: "a b", to: "").changes == [.removed("a b")])
        #expect(WordDifference(from: "", to: "neu").changes == [.added("neu")])
    }
}

@Suite("Folding for the index of pieces")
struct GermanFoldingTests {
    @Test("the same as Foundation's diacritic folding, with ß as ss, for German and other Latin letters")
    func sameAsFoundation() {
        for word in ["straße", "geflüchtete", "café", "łódź", "çağrı", "ärztin", "søren", "naïve", "ǆ", "plain", "1234", "ﬁ"] {
            let expected = word.replacingOccurrences(of: "ß", with: "ss").folding(options: [.diacriticInsensitive], locale: Locale(identifier: "de_DE"))
            #expect(GermanText.fold(word) == expected, "\(word)")
        }
    }

    @Test("plain ASCII and text with umlauts are split alike, whichever way is taken")
    func asciiWords() {
        func reference(_ text: String) -> [String] {
            text.precomposedStringWithCanonicalMapping.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        for text in ["Netzwerk-Runde am 3.5.: JOBcenter, AfA & Co.", "tab\tand\r\nnewline", "", "   ", "ÄrztInnen in Köln", "A1_b2"] {
            #expect(GermanText.words(text) == reference(text), "\(text)")
        }
    }

    @Test("a snippet marks a word whose stem holds the query's stem, and a short stem only as a whole word")
    func snippetMarks() {
        let stems = GermanText.stems("Konzepte am")
        let pieces = SearchSnippet.make("Unser Integrationskonzept, am Montag im Amt beschlossen.", stems: stems)
        #expect(pieces.filter(\.isMatch).map(\.text) == ["Integrationskonzept", "am"])
        let page = SearchSnippet.make(["Ein Konzept.", "Kein Treffer."], stems: GermanText.stems("Konzept"))
        #expect(page.map { $0.filter(\.isMatch).map(\.text) } == [["Konzept"], []])
    }

    @Test("tokens keep every character: joined, they are the text again")
    func tokensKeepTheText() {
        for text in ["  Anfang mit Leerzeichen", "Straße\u{00A0}für\tFlüchtlinge\n\nNeuer Absatz ", "e\u{301}tude und Café", "", "ein"] {
            #expect(WordDifference.tokens(text).joined() == text, "\(text)")
        }
        #expect(WordDifference.tokens("Zwei  Wörter\u{00A0}hier") == ["Zwei  ", "Wörter\u{00A0}", "hier"])
    }
}
