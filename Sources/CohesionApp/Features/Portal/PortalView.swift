import CohesionCore
import CohesionPlatform
import Foundation

/// The practice portal's pages.
enum PortalView {
    static func search(_ search: PortalSearch, result: PortalSearch.Result, tags: PortalTags, frame: PageFrame) -> HTML {
        var values = FormValues(["q": search.text])
        for (kind, value) in search.filters { values[PortalTags.field(kind)] = value }
        let filterFields = PortalTagKind.allCases.map { kind in
            FieldSpec(name: PortalTags.field(kind), label: PortalTags.title(kind), kind: .select(tags.choices(kind), emptyLabel: "alle"))
        }
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                if frame.visitor.user != nil {
                    HTML.a(.href(SiteURL.exchange.path)) { "Austausch" }
                    " · "
                    HTML.a(.href(SiteURL.topicTeams.path)) { "Thementeams" }
                    " · "
                }
                HTML.a(.href(SiteURL.portalFeed.path)) { "Neue öffentliche Beiträge als Atom-Feed" }
            }
            HTML.h1 { "Praxisportal" }
            HTML.p(.class("lead")) {
                "Was Integrationsbeauftragte in Thementeams erarbeitet und in ihren Praxisprojekten erprobt haben, zum Nachschlagen. "
                if frame.visitor.user == nil { "Ohne Anmeldung sehen Sie die Beiträge, deren Autor*innen sie öffentlich zeigen." }
            }
            HTML.form(.method("get"), .action(SiteURL.portal.path), .class("filters"), .role("search")) {
                Form.field(
                    FieldSpec(name: "q", label: "Suchbegriffe", hint: "Zum Beispiel „Wohnraum“, „Netzwerkrunde“ oder „Konzept“."), values: values, error: nil)
                HTML.div(.class("filters__fields")) { Form.fields(filterFields, values: values, errors: FieldErrors()) }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Suchen" } }
            }
            HTML.h2(.id("treffer")) { resultHeading(result, search: search) }
            if !result.hits.isEmpty {
                let snippets = SearchSnippet.make(result.hits.map { $0.summary + " " + PostText.plain($0.body) }, stems: result.terms.stems)
                HTML.ol(.class("portal-hits"), .ariaLabelledBy("treffer")) {
                    zip(result.hits, snippets).map { hit, snippet in
                        HTML.li(.class("card")) {
                            HTML.h3 { HTML.a(.href(SiteURL.portalArticle(.value(hit.id)).path)) { hit.title } }
                            HTML.p(.class("muted")) { hit.source.label + " · " + BerlinTime.date(hit.publishedAt) }
                            HTML.p(.class("portal-snippet")) {
                                snippet.map { piece in
                                    piece.isMatch ? HTML.element("mark", [], .text(piece.text)) : HTML.text(piece.text)
                                }
                            }
                        }
                    }
                }
                pagination(search, total: result.total)
            }
        }
    }

    private static func resultHeading(_ result: PortalSearch.Result, search: PortalSearch) -> String {
        let count = result.total == 1 ? "1 Beitrag" : "\(result.total) Beiträge"
        if result.total == 0 { return search.text.isEmpty && search.filters.isEmpty ? "Noch keine Beiträge" : "Keine Treffer" }
        return search.text.isEmpty ? count : "\(count) zu „\(search.text)“"
    }

    private static func pagination(_ search: PortalSearch, total: Int) -> HTML {
        PageLinks.nav(label: "Seiten der Treffer", page: search.page, pages: PageLinks.count(total, size: PortalSearch.pageSize)) { page in
            var items = [URLQueryItem(name: "q", value: search.text)]
            for kind in PortalTagKind.allCases {
                if let value = search.filters[kind] { items.append(URLQueryItem(name: PortalTags.field(kind), value: value)) }
            }
            items.append(URLQueryItem(name: "seite", value: String(page)))
            return PageLinks.address(SiteURL.portal.path, items)
        }
    }

    static func article(_ model: PortalArticlePage, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.portal.path)) { "Praxisportal" } }
            HTML.article {
                HTML.h1 { model.title }
                HTML.p(.class("post__meta")) {
                    model.source.label + " · "
                    "von " + model.authors.map(\.name).joined(separator: ", ") + " · "
                    HTML.time(.datetime(model.publishedAt.formatted(.iso8601))) { BerlinTime.date(model.publishedAt) }
                    if let teamID = model.teamID, let question = model.teamQuestion, model.viewerID != nil {
                        " · "
                        HTML.a(.href(SiteURL.topicTeam(.value(teamID)).path)) { "Team: " + question }
                    }
                }
                if !model.tags.isEmpty {
                    HTML.ul(.class("tags"), .ariaLabel("Passt zu")) {
                        model.tags.map { tag in HTML.li { PortalTags.title(tag.kind) + ": " + tag.label } }
                    }
                }
                HTML.p(.class("lead")) { model.summary }
                HTML.div(.class("post__body")) { PostText.html(model.body) }
            }
            if model.viewerID != nil { authorActions(model, visitor: frame.visitor) }
        }
    }

    private static func authorActions(_ model: PortalArticlePage, visitor: Visitor) -> HTML {
        .section(.class("card"), .ariaLabelledBy("sichtbarkeit")) {
            HTML.h2(.id("sichtbarkeit")) { "Sichtbarkeit" }
            HTML.p {
                model.isPublic
                    ? "Öffentlich: alle Autor*innen haben zugestimmt; der Beitrag steht auch ohne Anmeldung im Portal und im Atom-Feed."
                    : "Nur für Angemeldete. Öffentlich wird der Beitrag erst, wenn alle Autor*innen zustimmen "
                        + "(bisher \(model.authors.filter(\.publicConsent).count) von \(model.authors.count))."
            }
            if let own = model.viewerAuthor {
                HTML.form(.method("post"), .action(SiteURL.portalConsent(.value(model.id)).path), .class("actions")) {
                    Form.csrf(visitor)
                    HTML.input(.type("hidden"), .name("oeffentlich"), .value(own.publicConsent ? "nein" : "ja"))
                    HTML.button(.type("submit"), .class("button button--quiet")) {
                        own.publicConsent ? "Meine Zustimmung zur Veröffentlichung zurücknehmen" : "Ich stimme zu, dass der Beitrag öffentlich erscheint"
                    }
                }
            }
            if model.viewerAuthor != nil || model.viewerIsLead {
                HTML.form(.method("post"), .action(SiteURL.portalWithdraw(.value(model.id)).path), .class("actions")) {
                    Form.csrf(visitor)
                    HTML.button(.type("submit"), .class("button button--danger")) { "Beitrag aus dem Portal zurückziehen" }
                }
            }
        }
    }

    static func publishForm(
        source: PortalSource, sourceTitle: String, sourceText: String, action: String, tags: PortalTags, values: FormValues, errors: FieldErrors,
        frame: PageFrame
    ) -> HTML {
        var fields = [
            FieldSpec(name: "titel", label: "Titel", required: true),
            FieldSpec(name: "zusammenfassung", label: "Kurze Zusammenfassung", kind: .textarea, required: true, hint: "Zwei, drei Sätze für die Trefferliste."),
        ]
        fields += PortalTagKind.allCases.map { kind in
            FieldSpec(
                name: PortalTags.field(kind), label: PortalTags.title(kind) + (kind == .area ? "" : " (wozu der Beitrag passt)"),
                kind: .checkboxes(tags.choices(kind)), required: kind == .area)
        }
        if source == .practiceProject {
            fields.append(
                FieldSpec(
                    name: "einverstanden", label: "Einverständnis",
                    kind: .checkboxes([.init(value: "ja", label: "Ich bin einverstanden, dass mein Praxisprojekt mit meinem Namen im Praxisportal erscheint.")]
                    ),
                    required: true))
        }
        fields.append(
            FieldSpec(
                name: "oeffentlich", label: "Öffentlich",
                kind: .checkboxes([.init(value: "ja", label: "Auch ohne Anmeldung zeigen (und im Atom-Feed), sobald alle Autor*innen zustimmen.")])))
        return Layout.page(frame) {
            HTML.h1 { "Im Praxisportal veröffentlichen" }
            HTML.p(.class("lead")) {
                source == .team
                    ? "Das abgeschlossene Ergebnis des Teams „\(sourceTitle)“ wird als Beitrag übernommen. Autor*innen sind alle Mitglieder des Teams; "
                        + "jede*r entscheidet selbst, ob der Beitrag auch öffentlich erscheinen darf."
                    : "Ihr Praxisprojekt „\(sourceTitle)“ erscheint nur mit Ihrem ausdrücklichen Einverständnis."
            }
            HTML.details(.class("card")) {
                HTML.summary { "Der Text, der übernommen wird" }
                HTML.div(.class("post__body")) { PostText.html(sourceText) }
            }
            HTML.form(.method("post"), .action(action), .class("stack")) {
                Form.csrf(frame.visitor)
                Form.errorSummary(errors, fields: fields)
                Form.fields(fields, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Veröffentlichen" }
            }
        }
    }
}
