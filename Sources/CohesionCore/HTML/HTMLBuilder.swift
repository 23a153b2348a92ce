@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ html: HTML) -> HTML { html }
    public static func buildExpression(_ text: String) -> HTML { .text(text) }
    public static func buildExpression(_ pieces: [HTML]) -> HTML { buildArray(pieces) }

    public static func buildBlock() -> HTML { .empty }
    public static func buildBlock(_ piece: HTML) -> HTML { piece }
    public static func buildBlock(_ pieces: HTML...) -> HTML { buildArray(pieces) }

    public static func buildArray(_ pieces: [HTML]) -> HTML {
        HTML { writer in
            for piece in pieces { piece.write(&writer) }
        }
    }

    public static func buildOptional(_ piece: HTML?) -> HTML { piece ?? .empty }
    public static func buildEither(first piece: HTML) -> HTML { piece }
    public static func buildEither(second piece: HTML) -> HTML { piece }
    public static func buildLimitedAvailability(_ piece: HTML) -> HTML { piece }
}
