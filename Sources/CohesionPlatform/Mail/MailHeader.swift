import Foundation

/// Header values as RFC 5322 and RFC 2047 want them. Whatever a value holds (a title typed with a
/// line break, a name from a spreadsheet), the header it goes into can never end early: control
/// characters become spaces, and text that is not plain ASCII travels as encoded words.
package enum MailHeader {
    /// An unstructured value (a subject): plain when it is printable ASCII that no mail program
    /// would read as an encoded word, otherwise base64 encoded words folded onto lines of their own.
    package static func unstructured(_ text: String) -> String {
        let flat = singleLine(text)
        let plain = flat.unicodeScalars.allSatisfy { $0.isASCII } && !flat.contains("=?") && flat.utf8.count <= 900
        return plain ? flat : encodedWords(flat)
    }

    /// The text on one line: CR, LF and every other control character become a space.
    package static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// RFC 2047 "B" encoded words of at most 75 characters each (45 bytes of UTF-8, never a
    /// character cut in two), joined by folding whitespace that readers drop between words.
    package static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}

/// One mailbox: an address with an optional display name ("Cohesion <cohesion@example.org>").
package struct MailAddress: Equatable, Sendable {
    package let name: String?
    package let address: String

    /// Reads `Name <address>` or a bare address; nil for anything else, including a line break.
    package init?(_ mailbox: String) {
        let text = mailbox.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let display = text[..<open].trimmingCharacters(in: .whitespaces)
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            guard Self.isAddress(inner), !display.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
            name = display.isEmpty ? nil : display
            address = inner
        } else {
            guard Self.isAddress(text) else { return nil }
            name = nil
            address = text
        }
    }

    /// A plain addr-spec: one @, no white space, no control characters, nothing that would start
    /// another address or a comment in a header.
    package static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        let forbidden = Set("<>()[]\\,;:\"".unicodeScalars)
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || forbidden.contains($0) }
    }

    /// The mailbox as a header writes it: the name quoted, or as encoded words when it is not ASCII.
    package var header: String {
        guard let name else { return address }
        let flat = MailHeader.singleLine(name)
        if flat.unicodeScalars.allSatisfy({ $0.isASCII }) && !flat.contains("=?") {
            let quoted = flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        return MailHeader.encodedWords(flat) + " <\(address)>"
    }
}
