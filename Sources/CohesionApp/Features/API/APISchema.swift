import CohesionCore
import CohesionPlatform
import Foundation

/// The part of JSON Schema the API document uses, read from the document itself, so that every
/// limit it states (lengths, patterns, formats, ranges, required fields) is what the server enforces.
indirect enum APISchema: Sendable {
    case string(maxLength: Int?, pattern: String?, format: String?, allowed: [String]?)
    case integer(minimum: Double?, maximum: Double?)
    case number(minimum: Double?, maximum: Double?)
    case boolean
    case array(items: APISchema)
    case object(properties: [String: APISchema], required: Set<String>, closed: Bool)
    case nullable(APISchema)
    case any

    /// Reads a schema, following `$ref`s into `document`.
    init(_ node: JSONValue, in document: JSONValue) {
        if let reference = node["$ref"]?.string {
            let path = reference.dropFirst(2).split(separator: "/").map(String.init)
            self = APISchema(path.reduce(document) { $0[$1] ?? .null }, in: document)
            return
        }
        var types = node["type"]?.array?.compactMap(\.string) ?? node["type"]?.string.map { [$0] } ?? []
        let nullable = types.contains("null")
        types.removeAll { $0 == "null" }
        let schema: APISchema
        switch types.first {
        case "string":
            schema = .string(
                maxLength: node["maxLength"]?.double.map(Int.init), pattern: node["pattern"]?.string,
                format: node["format"]?.string, allowed: node["enum"]?.array?.compactMap(\.string))
        case "integer": schema = .integer(minimum: node["minimum"]?.double, maximum: node["maximum"]?.double)
        case "number": schema = .number(minimum: node["minimum"]?.double, maximum: node["maximum"]?.double)
        case "boolean": schema = .boolean
        case "array": schema = .array(items: node["items"].map { APISchema($0, in: document) } ?? .any)
        case "object":
            let properties = (node["properties"]?.object ?? [:]).mapValues { APISchema($0, in: document) }
            schema = .object(
                properties: properties, required: Set(node["required"]?.array?.compactMap(\.string) ?? []),
                closed: node["additionalProperties"] == .bool(false))
        default:
            if let allowed = node["enum"]?.array?.compactMap(\.string) {
                schema = .string(maxLength: nil, pattern: nil, format: nil, allowed: allowed)
            } else {
                schema = .any
            }
        }
        self = nullable ? .nullable(schema) : schema
    }

    /// What is wrong with `value`, field by field (`""` for the value itself); empty when it fits.
    func problems(_ value: JSONValue, at field: String = "") -> [String: String] {
        switch (self, value) {
        case (.any, _): return [:]
        case (.nullable, .null): return [:]
        case (.nullable(let inner), _): return inner.problems(value, at: field)
        case (.string(let maxLength, let pattern, let format, let allowed), .string(let text)):
            if let allowed, !allowed.contains(text) { return [field: "Erlaubt sind: " + allowed.joined(separator: ", ") + "."] }
            if let maxLength, text.unicodeScalars.count > maxLength { return [field: "Höchstens \(maxLength) Zeichen."] }
            if let pattern, text.range(of: pattern, options: .regularExpression) == nil { return [field: "Hat nicht die erwartete Form."] }
            if let format, !Self.fits(text, format: format) { return [field: "Erwartet wird das Format \(format)."] }
            return [:]
        case (.integer(let minimum, let maximum), .integer(let number)):
            return Self.range(Double(number), minimum, maximum, field)
        case (.number(let minimum, let maximum), _) where value.double != nil:
            return Self.range(value.double ?? 0, minimum, maximum, field)
        case (.boolean, .bool): return [:]
        case (.array(let items), .array(let elements)):
            return elements.enumerated().reduce(into: [:]) { result, element in
                result.merge(items.problems(element.element, at: field + "[\(element.offset)]")) { first, _ in first }
            }
        case (.object(let properties, let required, let closed), .object(let members)):
            var result: [String: String] = [:]
            for name in required where members[name] == nil { result[Self.join(field, name)] = "Fehlt." }
            for (name, member) in members {
                if let property = properties[name] {
                    result.merge(property.problems(member, at: Self.join(field, name))) { first, _ in first }
                } else if closed {
                    result[Self.join(field, name)] = "Unbekanntes Feld."
                }
            }
            return result
        default:
            return [field: "Falscher Typ."]
        }
    }

    private static func join(_ field: String, _ name: String) -> String { field.isEmpty ? name : field + "." + name }

    private static func range(_ number: Double, _ minimum: Double?, _ maximum: Double?, _ field: String) -> [String: String] {
        if let minimum, number < minimum { return [field: "Mindestens \(readable(minimum))."] }
        if let maximum, number > maximum { return [field: "Höchstens \(readable(maximum))."] }
        return [:]
    }

    private static func readable(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : germanDecimal(number, digits: 2)
    }

    static func fits(_ text: String, format: String) -> Bool {
        switch format {
        case "uuid": UUID(uuidString: text) != nil
        case "date": CalendarDay(iso: text) != nil
        case "date-time": (try? Date(text, strategy: .iso8601)) != nil
        default: true
        }
    }
}

extension JSONValue {
    /// Strings anywhere in a body that hold NUL or another control character (tab and line breaks
    /// are fine): they show nothing anywhere, and PostgreSQL refuses NUL in text. Checked for bodies
    /// only; a search parameter simply loses them (`APIText.cleaned`).
    func controlCharacterProblems(at field: String = "") -> [String: String] {
        switch self {
        case .string(let text):
            return APIText.hasControlCharacters(text) ? [field: "Steuerzeichen sind nicht erlaubt."] : [:]
        case .array(let elements):
            return elements.enumerated().reduce(into: [:]) { result, element in
                result.merge(element.element.controlCharacterProblems(at: field + "[\(element.offset)]")) { first, _ in first }
            }
        case .object(let members):
            return members.reduce(into: [:]) { result, member in
                result.merge(member.value.controlCharacterProblems(at: field.isEmpty ? member.key : field + "." + member.key)) { first, _ in first }
            }
        default:
            return [:]
        }
    }
}

enum APIText {
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }
    }

    static func cleaned(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 }))
    }
}
