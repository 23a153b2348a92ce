/// An attribute of an element. Names are compile-time constants; values are escaped.
public struct Attribute: Sendable {
    let name: StaticString
    /// `nil` writes a boolean attribute (`required`, `checked`).
    let value: String?

    public init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }

    func write(into writer: inout HTMLWriter) {
        writer.writeStatic(" ")
        writer.writeStatic(name)
        if let value {
            writer.writeStatic("=\"")
            writer.writeEscaped(value)
            writer.writeStatic("\"")
        }
    }
}

extension Attribute {
    public static func `class`(_ value: String) -> Attribute { .init("class", value) }
    public static func id(_ value: String) -> Attribute { .init("id", value) }
    public static func href(_ value: String) -> Attribute { .init("href", value) }
    public static func src(_ value: String) -> Attribute { .init("src", value) }
    public static func rel(_ value: String) -> Attribute { .init("rel", value) }
    public static func lang(_ value: String) -> Attribute { .init("lang", value) }
    public static func name(_ value: String) -> Attribute { .init("name", value) }
    public static func content(_ value: String) -> Attribute { .init("content", value) }
    public static func type(_ value: String) -> Attribute { .init("type", value) }
    public static func value(_ value: String) -> Attribute { .init("value", value) }
    public static func action(_ value: String) -> Attribute { .init("action", value) }
    public static func method(_ value: String) -> Attribute { .init("method", value) }
    public static func `for`(_ value: String) -> Attribute { .init("for", value) }
    public static func autocomplete(_ value: String) -> Attribute { .init("autocomplete", value) }
    public static func datetime(_ value: String) -> Attribute { .init("datetime", value) }
    public static func ariaLabel(_ value: String) -> Attribute { .init("aria-label", value) }
    public static func ariaDescribedBy(_ value: String) -> Attribute { .init("aria-describedby", value) }
    public static func ariaCurrent(_ value: String) -> Attribute { .init("aria-current", value) }
    public static func ariaLabelledBy(_ value: String) -> Attribute { .init("aria-labelledby", value) }
    public static func role(_ value: String) -> Attribute { .init("role", value) }
    public static func scope(_ value: String) -> Attribute { .init("scope", value) }
    public static func min(_ value: String) -> Attribute { .init("min", value) }
    public static func max(_ value: String) -> Attribute { .init("max", value) }
    public static func step(_ value: String) -> Attribute { .init("step", value) }
    public static func rows(_ value: Int) -> Attribute { .init("rows", String(value)) }
    public static func inputmode(_ value: String) -> Attribute { .init("inputmode", value) }
    public static func media(_ value: String) -> Attribute { .init("media", value) }
    public static func charset(_ value: String) -> Attribute { .init("charset", value) }
    public static func tabindex(_ value: Int) -> Attribute { .init("tabindex", String(value)) }
    public static var required: Attribute { .init("required", nil) }
    public static var ariaRequired: Attribute { .init("aria-required", "true") }
    public static var checked: Attribute { .init("checked", nil) }
    public static var open: Attribute { .init("open", nil) }
    public static var selected: Attribute { .init("selected", nil) }
    public static var multiple: Attribute { .init("multiple", nil) }
    public static var `defer`: Attribute { .init("defer", nil) }
    public static var novalidate: Attribute { .init("novalidate", nil) }
    public static func ariaInvalid(_ invalid: Bool) -> Attribute? { invalid ? .init("aria-invalid", "true") : nil }
}
