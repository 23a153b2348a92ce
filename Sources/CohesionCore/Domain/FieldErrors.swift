import Foundation

/// Messages in German for the fields of one form, keyed by the field's name.
/// The first message for a field wins: it names the most basic problem.
public struct FieldErrors: Sendable, Equatable {
    public private(set) var messages: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    public subscript(field: String) -> String? { messages[field] }

    public mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil { messages[field] = message }
    }

    /// What a one-line field says when it holds a line break. A browser never sends one from a
    /// one-line field, and such a value could end a mail header early, so it is refused, not cleaned.
    public static let lineBreakMessage = "Bitte in einer Zeile eingeben, ohne Zeilenumbruch."

    /// Adds "Bitte … angeben." when the trimmed value is empty and returns the trimmed value.
    /// A line break is refused unless the field is `multiline` (a text area).
    @discardableResult
    public mutating func require(_ field: String, _ value: String, _ label: String, maxLength: Int = 200, multiline: Bool = false) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            add(field, "Bitte \(label) angeben.")
        } else if trimmed.count > maxLength {
            add(field, "Höchstens \(maxLength) Zeichen, bitte kürzen.")
        } else if !multiline {
            refuseLineBreak(field, trimmed)
        }
        return trimmed
    }

    /// Limits an optional text and returns it trimmed; a line break only where `multiline`.
    public mutating func optional(_ field: String, _ value: String, maxLength: Int = 4000, multiline: Bool = false) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count > maxLength { add(field, "Höchstens \(maxLength) Zeichen, bitte kürzen.") }
        if !multiline { refuseLineBreak(field, trimmed) }
        return trimmed
    }

    /// Adds `lineBreakMessage` when the value holds CR or LF (or another line separator).
    public mutating func refuseLineBreak(_ field: String, _ value: String) {
        if Self.hasLineBreak(value) { add(field, Self.lineBreakMessage) }
    }

    public static func hasLineBreak(_ value: String) -> Bool {
        value.unicodeScalars.contains { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) }
    }
}

/// The outcome of checking a form: the values to save, or what to say next to each field.
public enum Checked<Value: Sendable>: Sendable {
    case valid(Value)
    case invalid(FieldErrors)
}
