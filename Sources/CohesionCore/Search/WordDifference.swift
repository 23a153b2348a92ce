/// The difference between two versions of a text, word by word, for reading: runs of words that
/// stayed, were removed or were added, in the order of the text. Whitespace is kept with the word
/// before it, so a changed line break shows as a change of that word.
public struct WordDifference: Equatable, Sendable {
    public enum Change: Equatable, Sendable {
        case kept(String)
        case removed(String)
        case added(String)
    }

    public let changes: [Change]

    public init(from old: String, to new: String) {
        let before = Self.tokens(old)
        let after = Self.tokens(new)
        // The standard library's Myers difference; its offsets say where each removal and insertion is.
        let difference = after.difference(from: before)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var changes: [Change] = []
        var oldIndex = 0
        var newIndex = 0
        func append(_ change: Change) {
            switch (changes.last, change) {
            case (.kept(let a)?, .kept(let b)): changes[changes.count - 1] = .kept(a + b)
            case (.removed(let a)?, .removed(let b)): changes[changes.count - 1] = .removed(a + b)
            case (.added(let a)?, .added(let b)): changes[changes.count - 1] = .added(a + b)
            default: changes.append(change)
            }
        }
        while oldIndex < before.count || newIndex < after.count {
            if oldIndex < before.count && removed.contains(oldIndex) {
                append(.removed(before[oldIndex]))
                oldIndex += 1
            } else if newIndex < after.count && inserted.contains(newIndex) {
                append(.added(after[newIndex]))
                newIndex += 1
            } else {
                append(.kept(after[newIndex]))
                oldIndex += 1
                newIndex += 1
            }
        }
        self.changes = changes
    }

    /// How many words were removed and added.
    public var counts: (removed: Int, added: Int) {
        changes.reduce(into: (0, 0)) { total, change in
            switch change {
            case .removed(let text): total.0 += text.split(whereSeparator: \.isWhitespace).count
            case .added(let text): total.1 += text.split(whereSeparator: \.isWhitespace).count
            case .kept: break
            }
        }
    }

    /// Words with the whitespace after them; leading whitespace is a token of its own. Read by
    /// Unicode scalars, not characters: a page of snippets tokenizes twenty texts, and telling
    /// ASCII spaces by their value spares the character and property look-ups for most of them.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var inSpace = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isSpace = scalar.isASCII ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if isSpace {
                inSpace = true
            } else {
                if inSpace && index > start {
                    tokens.append(String(scalars[start..<index]))
                    start = index
                }
                inSpace = false
            }
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex { tokens.append(String(scalars[start...])) }
        return tokens
    }
}
