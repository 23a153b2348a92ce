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

    /// Adds "Bitte … angeben." when the trimmed value is empty and returns the trimmed value.
    @discardableResult
    public mutating func require(_ field: String, _ value: String, _ label: String, maxLength: Int = 200) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            add(field, "Bitte \(label) angeben.")
        } else if trimmed.count > maxLength {
            add(field, "Höchstens \(maxLength) Zeichen, bitte kürzen.")
        }
        return trimmed
    }

    /// Limits an optional text and returns it trimmed.
    public mutating func optional(_ field: String, _ value: String, maxLength: Int = 4000) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count > maxLength { add(field, "Höchstens \(maxLength) Zeichen, bitte kürzen.") }
        return trimmed
    }
}

/// The outcome of checking a form: the values to save, or what to say next to each field.
public enum Checked<Value: Sendable>: Sendable {
    case valid(Value)
    case invalid(FieldErrors)
}
