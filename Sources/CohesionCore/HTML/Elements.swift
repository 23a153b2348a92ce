// The elements pages use; add one here when a page needs it.

extension HTML {
    public static func html(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("html", attributes, content())
    }
    public static func head(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("head", attributes, content())
    }
    public static func body(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("body", attributes, content())
    }
    public static func title(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("title", attributes, content())
    }
    public static func header(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("header", attributes, content())
    }
    public static func footer(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("footer", attributes, content())
    }
    public static func main(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("main", attributes, content())
    }
    public static func nav(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("nav", attributes, content())
    }
    public static func section(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("section", attributes, content())
    }
    public static func article(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("article", attributes, content())
    }
    public static func aside(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("aside", attributes, content())
    }
    public static func div(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("div", attributes, content())
    }
    public static func span(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("span", attributes, content())
    }
    public static func p(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("p", attributes, content())
    }
    public static func a(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("a", attributes, content())
    }
    public static func h1(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h1", attributes, content())
    }
    public static func h2(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h2", attributes, content())
    }
    public static func h3(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h3", attributes, content())
    }
    public static func h4(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("h4", attributes, content())
    }
    public static func ul(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("ul", attributes, content())
    }
    public static func ol(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("ol", attributes, content())
    }
    public static func li(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("li", attributes, content())
    }
    public static func dl(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("dl", attributes, content())
    }
    public static func dt(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("dt", attributes, content())
    }
    public static func dd(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("dd", attributes, content())
    }
    public static func table(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("table", attributes, content())
    }
    public static func caption(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("caption", attributes, content())
    }
    public static func thead(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("thead", attributes, content())
    }
    public static func tbody(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("tbody", attributes, content())
    }
    public static func tr(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("tr", attributes, content())
    }
    public static func th(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("th", attributes, content())
    }
    public static func td(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("td", attributes, content())
    }
    public static func form(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("form", attributes, content())
    }
    public static func fieldset(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("fieldset", attributes, content())
    }
    public static func legend(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("legend", attributes, content())
    }
    public static func label(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("label", attributes, content())
    }
    public static func button(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("button", attributes, content())
    }
    public static func select(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("select", attributes, content())
    }
    public static func option(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("option", attributes, content())
    }
    public static func optgroup(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("optgroup", attributes, content())
    }
    public static func textarea(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("textarea", attributes, content())
    }
    public static func strong(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("strong", attributes, content())
    }
    public static func em(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("em", attributes, content())
    }
    public static func small(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("small", attributes, content())
    }
    public static func time(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("time", attributes, content())
    }
    public static func abbr(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("abbr", attributes, content())
    }
    public static func address(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("address", attributes, content())
    }
    public static func details(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("details", attributes, content())
    }
    public static func summary(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("summary", attributes, content())
    }
    public static func script(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("script", attributes, content())
    }
    public static func style(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("style", attributes, content())
    }
    public static func figure(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("figure", attributes, content())
    }
    public static func figcaption(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("figcaption", attributes, content())
    }
    public static func blockquote(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("blockquote", attributes, content())
    }
    public static func code(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("code", attributes, content())
    }
    public static func pre(_ attributes: Attribute?..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML {
        .element("pre", attributes, content())
    }
    public static func meta(_ attributes: Attribute?...) -> HTML {
        .void("meta", attributes)
    }
    public static func link(_ attributes: Attribute?...) -> HTML {
        .void("link", attributes)
    }
    public static func input(_ attributes: Attribute?...) -> HTML {
        .void("input", attributes)
    }
    public static func br(_ attributes: Attribute?...) -> HTML {
        .void("br", attributes)
    }
    public static func hr(_ attributes: Attribute?...) -> HTML {
        .void("hr", attributes)
    }
    public static func img(_ attributes: Attribute?...) -> HTML {
        .void("img", attributes)
    }
}
