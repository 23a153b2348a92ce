import CohesionCore
import Foundation

/// Links between the pages of a long list: the previous page, where one is, and the next.
package enum PageLinks {
    /// How many pages `total` rows fill, `size` to a page; at least one.
    package static func count(_ total: Int, size: Int) -> Int {
        max((total + size - 1) / size, 1)
    }

    /// Nothing when everything fits on one page. `link` gives the address of a page.
    package static func nav(label: String, page: Int, pages: Int, link: (Int) -> String) -> HTML {
        guard pages > 1 else { return .empty }
        return .nav(.ariaLabel(label), .class("actions")) {
            if page > 1 { HTML.a(.href(link(page - 1)), .rel("prev")) { "Vorherige Seite" } }
            HTML.span { "Seite \(page) von \(pages)" }
            if page < pages { HTML.a(.href(link(page + 1)), .rel("next")) { "Nächste Seite" } }
        }
    }

    /// „10 Personen“, or on a list of several pages which of them this page shows:
    /// „241 Personen, hier 101 bis 200“.
    package static func people(total: Int, page: Int, shown: Int) -> String {
        let all = total == 1 ? "1 Person" : Indicator.groupThousands(total) + " Personen"
        guard count(total, size: ListPage.size) > 1, shown > 0 else { return all }
        let first = (page - 1) * ListPage.size + 1
        return all + ", hier " + Indicator.groupThousands(first) + " bis " + Indicator.groupThousands(first + shown - 1)
    }

    /// The search over a long list (`suche`, kept as typed): the form sends it to `path`, which
    /// shows everyone again.
    package static func searchForm(_ path: String, label: String, list: ListPage) -> HTML {
        var values = FormValues()
        values["suche"] = list.search
        return .form(.method("get"), .action(path), .class("filters"), .ariaLabel("Suche")) {
            HTML.div(.class("filters__fields")) {
                Form.fields([FieldSpec(name: "suche", label: label, kind: .text)], values: values, errors: FieldErrors())
            }
            HTML.div(.class("actions")) {
                HTML.button(.type("submit"), .class("button")) { "Suchen" }
                if !list.search.isEmpty { HTML.a(.href(path)) { "Alle zeigen" } }
            }
        }
    }

    /// `path` with `items` as its query, for a page's link.
    package static func address(_ path: String, _ items: [URLQueryItem]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}
