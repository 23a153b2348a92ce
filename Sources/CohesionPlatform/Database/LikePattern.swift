/// A text searched for with LIKE: its wildcards and the escape character are matched literally
/// (statements using it say `ESCAPE '\\'` where the database needs it).
package enum LikePattern {
    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The longest text a search box takes; nothing people search for is longer.
    package static let maxQueryLength = 200
}
