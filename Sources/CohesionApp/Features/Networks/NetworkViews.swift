import CohesionCore
import CohesionPlatform
import Foundation

/// The participant's network page and the editor's pages.
enum NetworkViews {
    struct Page: Sendable {
        let network: NetworkStore.Editable
        /// Nil on the participant's own page; the owner's name on the lead's read-only view.
        let ownerName: String?
        let snapshotCount: Int
        var importResult: NetworkExchangeController.ImportResult? = nil
    }

    static func overview(_ page: Page, frame: PageFrame) -> HTML {
        let ego = page.network.network
        let layout = NetworkLayout(ego)
        let analysis = NetworkAnalysis(ego)
        let own = page.ownerName == nil
        return Layout.page(frame) {
            HTML.h1 { own ? "Mein Netzwerk" : "Netzwerk von \(page.ownerName ?? "")" }
            HTML.p(.class("lead")) {
                own
                    ? "Die Akteur*innen der Integrationsarbeit vor Ort und Ihre Verbindungen zu ihnen. Nur Sie und die Programmleitung sehen es."
                    : "Nur lesbar. Kontaktangaben sieht nur die Teilnehmer*in selbst."
            }
            if let result = page.importResult { importResult(result) }
            if own {
                HTML.p(.class("network-editor")) {
                    HTML.a(.class("button"), .href(SiteURL.newActor.path)) { "Akteur hinzufügen" }
                    " "
                    if !page.network.actors.isEmpty { HTML.a(.class("button button--quiet"), .href(SiteURL.newTie.path)) { "Verbindung hinzufügen" } }
                }
            }
            HTML.section(.ariaLabelledBy("befunde")) {
                HTML.h2(.id("befunde")) { "Was das Netzwerk zeigt" }
                HTML.ul(.class("findings")) { NetworkFindings.sentences(analysis).map { sentence in HTML.li { sentence } } }
            }
            if !page.network.actors.isEmpty {
                HTML.section(.ariaLabelledBy("karte")) {
                    HTML.h2(.id("karte")) { "Karte" }
                    ChartBox.scrolling(
                        labelledBy: "karte", centred: true, NetworkMap.render(layout, id: "netzwerkkarte", title: own ? "Mein Netzwerk" : "Netzwerk"))
                    NetworkMap.legend()
                }
                actorTable(page, layout: layout, own: own, frame: frame)
                tieTable(page, own: own, frame: frame)
            }
            if own { ownLinks(page, frame: frame) }
        }
    }

    private static func importResult(_ result: NetworkExchangeController.ImportResult) -> HTML {
        .div(.class(result.errors.isEmpty ? "notice" : "warning"), .role(result.errors.isEmpty ? "status" : "alert")) {
            if result.errors.isEmpty {
                HTML.p { "\(result.imported) \(result.what) eingelesen." }
            } else {
                HTML.p { "Nichts eingelesen: Bitte die folgenden Zeilen berichtigen und die Datei noch einmal hochladen." }
                HTML.ul { result.errors.map { error in HTML.li { error.line == 0 ? error.message : "Zeile \(error.line): \(error.message)" } } }
            }
        }
    }

    private static func actorTable(_ page: Page, layout: NetworkLayout, own: Bool, frame: PageFrame) -> HTML {
        let rows = Dictionary(uniqueKeysWithValues: page.network.actors.map { ($0.id, $0) })
        return .section(.ariaLabelledBy("akteure")) {
            HTML.h2(.id("akteure")) { "Akteur*innen (\(page.network.actors.count))" }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead {
                        TableHeadings.row(
                            own
                                ? ["Nr.", "Name", "Art", "Verbindung zu Ihnen", "Kontakt", "Aktionen"]
                                : ["Nr.", "Name", "Art", "Verbindung zur Stelle"], textColumns: 0)
                    }
                    HTML.tbody {
                        layout.nodes.map { node in
                            HTML.tr {
                                HTML.td { "\(node.number)" }
                                HTML.th(.scope("row")) { node.actor.name }
                                HTML.td { node.actor.kind.label + " (" + node.actor.kind.sector.label + ")" }
                                HTML.td { node.ring.label }
                                if own {
                                    HTML.td { rows[node.actor.id].map { $0.contact.isEmpty ? "–" : $0.contact } ?? "–" }
                                    HTML.td {
                                        HTML.a(.href(SiteURL.actor(.value(node.actor.id)).path)) {
                                            "Bearbeiten"; HTML.span(.class("visually-hidden")) { ": " + node.actor.name }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func tieTable(_ page: Page, own: Bool, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("verbindungen")) {
            HTML.h2(.id("verbindungen")) { "Verbindungen (\(page.network.ties.count))" }
            if page.network.ties.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Verbindung eingetragen." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead {
                            TableHeadings.row(
                                own ? ["Von", "Zu", "Art", "Stärke", "Stand", "Aktion"] : ["Von", "Zu", "Art", "Stärke", "Stand"],
                                textColumns: 3)
                        }
                        HTML.tbody {
                            page.network.ties.sorted {
                                (page.network.name($0.from), page.network.name($0.to)) < (page.network.name($1.from), page.network.name($1.to))
                            }
                            .map { tie in
                                HTML.tr {
                                    HTML.td { page.network.name(tie.from) }
                                    HTML.td { page.network.name(tie.to) }
                                    HTML.td { tie.kind.label }
                                    HTML.td(.class("number")) { "\(tie.intensity)" }
                                    HTML.td(.class("number")) { tie.status.label }
                                    if own {
                                        HTML.td(.class("number")) {
                                            HTML.form(.method("post"), .action(SiteURL.deleteTie(.value(tie.id)).path), .class("inline-form")) {
                                                Form.csrf(frame.visitor)
                                                HTML.button(.type("submit"), .class("button button--quiet")) {
                                                    "Löschen"
                                                    HTML.span(.class("visually-hidden")) { ": \(page.network.name(tie.from)) – \(page.network.name(tie.to))" }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func ownLinks(_ page: Page, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("weiter"), .class("network-editor")) {
            HTML.h2(.id("weiter")) { "Stände, Vergleich, Tabellen" }
            HTML.ul {
                HTML.li { HTML.a(.href(SiteURL.snapshots.path)) { "Stände zu den Teilen (\(page.snapshotCount)) und was sich verändert hat" } }
                HTML.li { HTML.a(.href(SiteURL.networkComparison.path)) { "Vergleich mit der Kohorte und ähnlichen Kommunen" } }
                HTML.li { HTML.a(.href(SiteURL.peers.path)) { "Kolleg*innen finden" } }
                HTML.li {
                    HTML.a(.href(SiteURL.actorsCSV.path)) { "Akteur*innen als CSV" }
                    " · "
                    HTML.a(.href(SiteURL.tiesCSV.path)) { "Verbindungen als CSV" }
                }
            }
            HTML.h3 { "Aus einer Tabelle einlesen" }
            HTML.form(.method("post"), .action(SiteURL.networkImport.path), .init("enctype", "multipart/form-data"), .class("stack")) {
                Form.csrf(frame.visitor)
                HTML.div(.class("field")) {
                    HTML.label(.for("art")) { "Inhalt der Datei" }
                    HTML.select(.id("art"), .name("inhalt")) {
                        HTML.option(.value("akteure")) { "Akteur*innen: Name; Art; Kontakt; Notiz" }
                        HTML.option(.value("verbindungen")) { "Verbindungen: Von; Zu; Art; Stärke; Stand" }
                    }
                }
                HTML.div(.class("field")) {
                    HTML.label(.for("netzwerkdatei")) { "Excel- oder CSV-Datei" }
                    HTML.p(.class("field__hint"), .id("netzwerkdatei-hinweis")) {
                        "Mit Kopfzeile wie in der Ausgabe oben. Bei Verbindungen steht „Sie“ für Ihre eigene Stelle; Akteur*innen werden über ihren Namen gefunden. "
                        "Enthält eine Zeile einen Fehler, wird nichts eingelesen und jede fehlerhafte Zeile genannt."
                    }
                    HTML.input(
                        .type("file"), .id("netzwerkdatei"), .name("datei"), .init("accept", SpreadsheetUpload.accept),
                        .ariaDescribedBy("netzwerkdatei-hinweis"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Einlesen" } }
            }
        }
    }

    static func actorForm(actorID: UUID?, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.network.path)) { "Mein Netzwerk" } }
            HTML.h1 { actorID == nil ? "Akteur hinzufügen" : "Akteur bearbeiten" }
            Form.errorSummary(errors, fields: NetworkForms.actorFields)
            HTML.form(
                .method("post"), .action(actorID.map { SiteURL.actor(.value($0)).path } ?? SiteURL.newActor.path),
                .class("stack"), .novalidate
            ) {
                Form.csrf(frame.visitor)
                Form.fields(NetworkForms.actorFields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Speichern" } }
            }
            if let actorID {
                HTML.h2 { "Löschen" }
                HTML.p { "Mit dem Akteur werden seine Verbindungen gelöscht. Frühere Stände bleiben, wie sie waren." }
                HTML.form(.method("post"), .action(SiteURL.deleteActor(.value(actorID)).path)) {
                    Form.csrf(frame.visitor)
                    HTML.button(.type("submit"), .class("button button--danger")) { "Akteur löschen" }
                }
            }
        }
    }

    static func tieForm(_ network: NetworkStore.Editable, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        let fields = NetworkForms.tieFields(network)
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.network.path)) { "Mein Netzwerk" } }
            HTML.h1 { "Verbindung hinzufügen" }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(SiteURL.newTie.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Speichern" } }
            }
        }
    }
}
