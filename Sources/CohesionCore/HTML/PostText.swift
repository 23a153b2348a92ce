import Foundation

/// The formatting a post on the board may use, and nothing more: paragraphs, lists, links and
/// emphasis, written as in a plain mail ("- " for a list, "*so*", "**so**", "[Text](https://…)").
/// Cohesion parses it into these few cases and writes them through the HTML builder, so whatever a
/// post contains reaches the page as escaped text; no markup typed by a person is ever passed on.
public enum PostText {
    public enum Inline: Equatable, Sendable {
        case text(String)
        case emphasis([Inline])
        case strong([Inline])
        /// Only http, https and mailto addresses become links; anything else stays text.
        case link(text: String, url: String)
        case lineBreak
    }

    public enum Block: Equatable, Sendable {
        case paragraph([Inline])
        case list(ordered: Bool, items: [[Inline]])
    }

    // MARK: - Blocks

    public static func parse(_ source: String) -> [Block] {
        // Carriage returns are rare; looking for them costs less than replacing nothing.
        let unified =
            source.utf8.contains(UInt8(ascii: "\r"))
            ? source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : source
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?

        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inlines(paragraph.joined(separator: "\n")))) }
            paragraph = []
        }
        func flushList() {
            if let current = list { blocks.append(.list(ordered: current.ordered, items: current.items.map(inlines))) }
            list = nil
        }

        for line in lines {
            let trimmed = trimmingSpaces(line)
            if trimmed.isEmpty {
                flushParagraph()
                flushList()
            } else if let (ordered, item) = listItem(trimmed) {
                flushParagraph()
                if let current = list, current.ordered != ordered { flushList() }
                if list == nil { list = (ordered, []) }
                list?.items.append(item)
            } else if list != nil, line.first?.isWhitespace == true, var current = list, !current.items.isEmpty {
                // An indented line continues the list item above it.
                current.items[current.items.count - 1] += " " + trimmed
                list = current
            } else {
                flushList()
                paragraph.append(trimmed)
            }
        }
        flushParagraph()
        flushList()
        return blocks
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        for bullet in ["- ", "* ", "• "] where line.hasPrefix(bullet) {
            return (false, String(line.dropFirst(bullet.count)).trimmingCharacters(in: .whitespaces))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                return (true, String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    // MARK: - Inline

    public static func inlines(_ text: String) -> [Inline] {
        // Most text has no marker at all: it is one piece, known without reading it character by character.
        let markers: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "\n")]
        if !text.utf8.contains(where: markers.contains), !holdsHTTP(text) {
            return text.isEmpty ? [] : [.text(text)]
        }
        var scanner = InlineScanner(Array(text))
        return merged(scanner.run(until: nil))
    }

    /// Whether "http" occurs, looked for in the bytes (Foundation's `contains` compares by locale and is slow).
    private static func holdsHTTP(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return false }
        return (0...(bytes.count - 4)).contains { bytes[$0] == 0x68 && bytes[$0 + 1] == 0x74 && bytes[$0 + 2] == 0x74 && bytes[$0 + 3] == 0x70 }
    }

    /// Spaces and tabs removed at both ends; a line that starts and ends with a visible ASCII
    /// character, nearly every line, is returned without asking Foundation.
    private static func trimmingSpaces(_ line: String) -> String {
        guard let first = line.utf8.first, let last = line.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) else {
            return line.trimmingCharacters(in: .whitespaces)
        }
        return line
    }

    /// Neighbouring text pieces as one, so that equal texts compare equal however they were scanned.
    static func merged(_ pieces: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for piece in pieces {
            if case .text(let next) = piece, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    static func safeURL(_ raw: String) -> String? {
        guard !raw.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
            let url = URL(string: raw), let scheme = url.scheme?.lowercased()
        else { return nil }
        switch scheme {
        case "http", "https": return url.host?.isEmpty == false ? raw : nil
        case "mailto": return raw.count > 7 ? raw : nil
        default: return nil
        }
    }

    // MARK: - Rendering

    public static func html(_ source: String) -> HTML {
        HTMLBuilder.buildArray(parse(source).map(html))
    }

    static func html(_ block: Block) -> HTML {
        switch block {
        case .paragraph(let inlines):
            .p { html(inlines) }
        case .list(let ordered, let items):
            ordered
                ? .ol { items.map { item in HTML.li { html(item) } } }
                : .ul { items.map { item in HTML.li { html(item) } } }
        }
    }

    static func html(_ inlines: [Inline]) -> HTML {
        HTMLBuilder.buildArray(
            inlines.map { inline in
                switch inline {
                case .text(let text): .text(text)
                case .emphasis(let inner): .element("em", [], html(inner))
                case .strong(let inner): .strong { html(inner) }
                case .link(let text, let url): .a(.href(url), .rel("nofollow ugc noopener")) { text }
                case .lineBreak: .void("br", [])
                }
            })
    }

    /// The text without formatting, for a mail or a subject line.
    public static func plain(_ source: String) -> String {
        parse(source).map { block in
            switch block {
            case .paragraph(let inlines): plain(inlines)
            case .list(_, let items): items.map { "- " + plain($0) }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    static func plain(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): text
            case .emphasis(let inner), .strong(let inner): plain(inner)
            case .link(let text, let url): text == url ? url : "\(text) (\(url))"
            case .lineBreak: "\n"
            }
        }.joined()
    }
}

/// Reads emphasis, links and line breaks from left to right; a marker without its closing partner
/// is plain text, so nothing a person types is lost.
private struct InlineScanner {
    let characters: [Character]
    var index = 0

    init(_ characters: [Character]) { self.characters = characters }

    mutating func run(until closing: String?) -> [PostText.Inline] {
        var pieces: [PostText.Inline] = []
        var text = ""
        func flush() {
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
        }
        while index < characters.count {
            if let closing, matches(closing) { break }
            let character = characters[index]
            if character == "\n" {
                flush()
                pieces.append(.lineBreak)
                index += 1
            } else if matches("**") {
                if let inner = enclosed(by: "**") {
                    flush()
                    pieces.append(.strong(inner))
                } else {
                    // Without its partner the pair is text, not the start of an emphasis.
                    text += "**"
                    index += 2
                }
            } else if character == "*" || character == "_", !followsWord, let inner = enclosed(by: String(character)) {
                flush()
                pieces.append(.emphasis(inner))
            } else if character == "[", let link = bracketLink() {
                flush()
                pieces.append(link)
            } else if matches("https://") || matches("http://"), let link = bareLink() {
                flush()
                pieces.append(link)
            } else {
                text.append(character)
                index += 1
            }
        }
        flush()
        return pieces
    }

    /// Within a word ("snake_case", "2*3") a marker is a character, not emphasis.
    private var followsWord: Bool {
        index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
    }

    private func matches(_ marker: String) -> Bool {
        var position = index
        for character in marker {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }

    /// `marker`text`marker` with text that neither starts nor ends with a space; nil leaves the marker as text.
    private mutating func enclosed(by marker: String) -> [PostText.Inline]? {
        let start = index
        let width = marker.count
        guard index + width < characters.count, !characters[index + width].isWhitespace else { return nil }
        var probe = self
        probe.index += width
        let inner = probe.run(until: marker)
        let after = probe.index + width
        let closesWord = after >= characters.count || !(characters[after].isLetter || characters[after].isNumber)
        guard probe.index < characters.count, probe.matches(marker), !characters[probe.index - 1].isWhitespace, closesWord, !inner.isEmpty else {
            index = start
            return nil
        }
        index = probe.index + width
        return PostText.merged(inner)
    }

    /// `[text](address)` with an address Cohesion accepts.
    private mutating func bracketLink() -> PostText.Inline? {
        guard let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count, characters[close + 1] == "(",
            let end = characters[(close + 1)...].firstIndex(of: ")")
        else { return nil }
        let text = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
        let address = String(characters[(close + 2)..<end])
        guard !text.isEmpty, !text.contains("\n"), let url = PostText.safeURL(address) else { return nil }
        index = end + 1
        return .link(text: text, url: url)
    }

    /// An address written out; a full stop or comma right after it ends the sentence, not the address.
    private mutating func bareLink() -> PostText.Inline? {
        var end = index
        while end < characters.count, !characters[end].isWhitespace, characters[end] != "<", characters[end] != ">" { end += 1 }
        while end > index, ".,;:!?)".contains(characters[end - 1]) { end -= 1 }
        let address = String(characters[index..<end])
        guard let url = PostText.safeURL(address) else { return nil }
        index = end
        return .link(text: address, url: url)
    }
}
