import Testing

@testable import CohesionCore

@Suite("HTML builder")
struct HTMLBuilderTests {
    @Test("text content is escaped, so user input cannot become markup")
    func escapesText() {
        let page = HTML.p { "<script>alert('x') & \"y\"</script>" }
        #expect(page.renderString() == "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>")
    }

    @Test("attribute values are escaped, so a value cannot close its quotes")
    func escapesAttributes() {
        let page = HTML.a(.href("/x\" onmouseover=\"alert(1)"), .class("a<b>")) { "Link" }
        #expect(page.renderString() == "<a href=\"/x&quot; onmouseover=&quot;alert(1)\" class=\"a&lt;b&gt;\">Link</a>")
    }

    @Test("umlauts and other non-ASCII text pass through unchanged")
    func keepsUnicode() {
        #expect(HTML.span { "Schäfer – Yılmaz" }.renderString() == "<span>Schäfer – Yılmaz</span>")
    }

    @Test("raw markup is written only through the raw door")
    func rawDoor() {
        #expect(HTML.div { HTML.raw("<svg></svg>") }.renderString() == "<div><svg></svg></div>")
    }

    @Test("conditions, loops and optional attributes compose")
    func composition() {
        let items = ["eins", "zwei"]
        let flag = items.count > 2
        let page = HTML.ul(.id("l"), flag ? .class("x") : nil) {
            items.map { item in HTML.li { item } }
            if flag { HTML.li { "nie" } } else { HTML.li(.init("hidden", nil)) { "drei" } }
        }
        #expect(page.renderString() == "<ul id=\"l\"><li>eins</li><li>zwei</li><li hidden>drei</li></ul>")
    }

    @Test("void elements have no end tag, documents start with the doctype")
    func voidAndDocument() {
        let page = HTML.document(.html(.lang("de")) { HTML.input(.type("text"), .required) })
        #expect(page.renderString() == "<!DOCTYPE html><html lang=\"de\"><input type=\"text\" required></html>")
    }
}
