/// A piece of a page: a function that writes itself into an `HTMLWriter`.
///
/// Pieces are composed with `@HTMLBuilder`; nothing is rendered to an intermediate
/// string, every element writes straight into the single buffer of the page.
public struct HTML: Sendable {
    let write: @Sendable (inout HTMLWriter) -> Void

    init(_ write: @escaping @Sendable (inout HTMLWriter) -> Void) {
        self.write = write
    }

    public static let empty = HTML { _ in }

    /// Several pieces without an element around them, for a helper that returns more than one.
    public static func fragment(@HTMLBuilder _ content: () -> HTML) -> HTML { content() }

    /// Escaped text.
    public static func text(_ text: String) -> HTML {
        HTML { $0.writeEscaped(text) }
    }

    /// Unescaped markup. The only door for raw HTML: use it for trusted constants only
    /// (for example an SVG icon written in this code base), never for user input.
    public static func raw(_ trustedMarkup: String) -> HTML {
        HTML { $0.writeTrusted(trustedMarkup) }
    }

    /// A piece rendered earlier by this code (`render()`), kept to be written again: its text was
    /// escaped when it was first written.
    public static func rendered(_ bytes: [UInt8]) -> HTML {
        HTML { $0.writeRendered(bytes) }
    }

    /// Attributes may be nil (an attribute that applies only sometimes); nils are skipped when writing.
    public static func element(_ name: StaticString, _ attributes: [Attribute?], _ content: HTML) -> HTML {
        HTML { writer in
            writer.openTag(name, attributes)
            content.write(&writer)
            writer.writeStatic("</")
            writer.writeStatic(name)
            writer.writeStatic(">")
        }
    }

    /// An element without content or end tag (`<input>`, `<meta>`, `<br>`).
    public static func void(_ name: StaticString, _ attributes: [Attribute?]) -> HTML {
        HTML { $0.openTag(name, attributes) }
    }

    public func render(capacity: Int = 32_768) -> [UInt8] {
        var writer = HTMLWriter(capacity: capacity)
        write(&writer)
        return writer.finish()
    }

    public func renderString() -> String {
        String(decoding: render(), as: UTF8.self)
    }

    /// A whole document with its doctype.
    public static func document(_ root: HTML) -> HTML {
        HTML { writer in
            writer.writeStatic("<!DOCTYPE html>")
            root.write(&writer)
        }
    }
}

extension HTMLWriter {
    mutating func openTag(_ name: StaticString, _ attributes: [Attribute?]) {
        writeStatic("<")
        writeStatic(name)
        for case let attribute? in attributes {
            attribute.write(into: &self)
        }
        writeStatic(">")
    }
}
