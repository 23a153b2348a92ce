import SQLKit

/// A name found by a part of it, in any case. PostgreSQL's ILIKE folds every letter; SQLite's LIKE
/// only ASCII ones, so there the text is also tried in lower case and capitalised („özdemir“ finds
/// „Özdemir“). Wildcards in the text are matched as characters.
package enum NameMatch {
    package static func condition(_ column: String, contains text: String, on db: any SQLDatabase) -> SQLQueryString {
        let sqlite = db.dialect.name == "sqlite"
        let spellings = sqlite ? Set([text, text.lowercased(), text.capitalized]).sorted() : [text]
        let tries = spellings.map { spelling -> SQLQueryString in
            "\(unsafeRaw: column) \(unsafeRaw: sqlite ? "LIKE" : "ILIKE") \(bind: "%" + LikePattern.escape(spelling) + "%") ESCAPE '\\'"
        }
        return "(\(tries.joined(separator: " OR ")))"
    }
}
