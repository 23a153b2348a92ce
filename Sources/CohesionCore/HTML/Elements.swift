// The elements pages use; add one here when a page needs it.

extension HTML {
    public static func html(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("html", attributes.compactMap { $0 }, content())
    }
    public static func head(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("head", attributes.compactMap { $0 }, content())
    }
    public static func body(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("body", attributes.compactMap { $0 }, content())
    }
    public static func title(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("title", attributes.compactMap { $0 }, content())
    }
    public static func header(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("header", attributes.compactMap { $0 }, content())
    }
    public static func footer(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("footer", attributes.compactMap { $0 }, content())
    }
    public static func main(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("main", attributes.compactMap { $0 }, content())
    }
    public static func nav(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("nav", attributes.compactMap { $0 }, content())
    }
    public static func section(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("section", attributes.compactMap { $0 }, content())
    }
    public static func article(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("article", attributes.compactMap { $0 }, content())
    }
    public static func aside(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("aside", attributes.compactMap { $0 }, content())
    }
    public static func div(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("div", attributes.compactMap { $0 }, content())
    }
    public static func span(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("span", attributes.compactMap { $0 }, content())
    }
    public static func p(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("p", attributes.compactMap { $0 }, content())
    }
    public static func a(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("a", attributes.compactMap { $0 }, content())
    }
    public static func h1(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h1", attributes.compactMap { $0 }, content())
    }
    public static func h2(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h2", attributes.compactMap { $0 }, content())
    }
    public static func h3(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h3", attributes.compactMap { $0 }, content())
    }
    public static func h4(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h4", attributes.compactMap { $0 }, content())
    }
    public static func ul(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("ul", attributes.compactMap { $0 }, content())
    }
    public static func ol(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("ol", attributes.compactMap { $0 }, content())
    }
    public static func li(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("li", attributes.compactMap { $0 }, content())
    }
    public static func dl(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("dl", attributes.compactMap { $0 }, content())
    }
    public static func dt(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("dt", attributes.compactMap { $0 }, content())
    }
    public static func dd(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("dd", attributes.compactMap { $0 }, content())
    }
    public static func table(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("table", attributes.compactMap { $0 }, content())
    }
    public static func caption(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("caption", attributes.compactMap { $0 }, content())
    }
    public static func thead(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("thead", attributes.compactMap { $0 }, content())
    }
    public static func tbody(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("tbody", attributes.compactMap { $0 }, content())
    }
    public static func tr(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("tr", attributes.compactMap { $0 }, content())
    }
    public static func th(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("th", attributes.compactMap { $0 }, content())
    }
    public static func td(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("td", attributes.compactMap { $0 }, content())
    }
    public static func form(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("form", attributes.compactMap { $0 }, content())
    }
    public static func fieldset(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("fieldset", attributes.compactMap { $0 }, content())
    }
    public static func legend(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("legend", attributes.compactMap { $0 }, content())
    }
    public static func label(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("label", attributes.compactMap { $0 }, content())
    }
    public static func button(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("button", attributes.compactMap { $0 }, content())
    }
    public static func select(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("select", attributes.compactMap { $0 }, content())
    }
    public static func option(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("option", attributes.compactMap { $0 }, content())
    }
    public static func optgroup(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("optgroup", attributes.compactMap { $0 }, content())
    }
    public static func textarea(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("textarea", attributes.compactMap { $0 }, content())
    }
    public static func strong(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("strong", attributes.compactMap { $0 }, content())
    }
    public static func em(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("em", attributes.compactMap { $0 }, content())
    }
    public static func small(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("small", attributes.compactMap { $0 }, content())
    }
    public static func time(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("time", attributes.compactMap { $0 }, content())
    }
    public static func abbr(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("abbr", attributes.compactMap { $0 }, content())
    }
    public static func address(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("address", attributes.compactMap { $0 }, content())
    }
    public static func details(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("details", attributes.compactMap { $0 }, content())
    }
    public static func summary(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("summary", attributes.compactMap { $0 }, content())
    }
    public static func script(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("script", attributes.compactMap { $0 }, content())
    }
    public static func style(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("style", attributes.compactMap { $0 }, content())
    }
    public static func figure(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("figure", attributes.compactMap { $0 }, content())
    }
    public static func figcaption(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("figcaption", attributes.compactMap { $0 }, content())
    }
    public static func blockquote(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("blockquote", attributes.compactMap { $0 }, content())
    }
    public static func code(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("code", attributes.compactMap { $0 }, content())
    }
    public static func pre(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("pre", attributes.compactMap { $0 }, content())
    }
    public static func meta(_ attributes: Attribute?...) -> HTML {
        .void("meta", attributes.compactMap { $0 })
    }
    public static func link(_ attributes: Attribute?...) -> HTML {
        .void("link", attributes.compactMap { $0 })
    }
    public static func input(_ attributes: Attribute?...) -> HTML {
        .void("input", attributes.compactMap { $0 })
    }
    public static func br(_ attributes: Attribute?...) -> HTML {
        .void("br", attributes.compactMap { $0 })
    }
    public static func hr(_ attributes: Attribute?...) -> HTML {
        .void("hr", attributes.compactMap { $0 })
    }
    public static func img(_ attributes: Attribute?...) -> HTML {
        .void("img", attributes.compactMap { $0 })
    }
}
