import CohesionCore
import CohesionPlatform
import Foundation

enum CompletionViews {
    /// A result shown once after a redirect (issuing certificates, a refused revocation).
    struct Flash: Codable {
        let message: String
    }

    /// An issued certificate as the row shows it.
    struct CertificateInfo: Sendable {
        let id: UUID
        let code: String
        let revoked: Bool
    }

    /// An exception or a revocation without its reason: shown at that participant's row, with what was typed.
    struct RowError {
        enum Form { case exception, revocation }
        let form: Form
        let userID: UUID
        let message: String
        let typed: String
    }

    static func fields(_ overview: CompletionOverview) -> [FieldSpec] {
        [
            FieldSpec(
                name: "requiredParts", label: "Teile, die besucht sein müssen",
                kind: .checkboxes(overview.parts.map { .init(value: $0.id.uuidString, label: "Teil \($0.number): \($0.title)") }), required: true),
            FieldSpec(
                name: "minimumAttendancePercent", label: "Mindestanteil besuchter Einheiten (%)", kind: .number, required: true,
                hint: "Über alle Einheiten der gewählten Teile, zum Beispiel 80."),
            FieldSpec(
                name: "options", label: "Weitere Bedingungen",
                kind: .checkboxes([
                    .init(value: "excusedCounts", label: "Entschuldigtes Fehlen zählt als besucht"),
                    .init(value: "selfAssessments", label: "Selbsteinschätzung vorher und nachher abgegeben"),
                    .init(value: "projectReport", label: "Bericht zu einem Praxisprojekt abgegeben"),
                ])),
        ]
    }

    static func values(of rule: CompletionRule) -> FormValues {
        var values = FormValues(["minimumAttendancePercent": "\(rule.minimumAttendancePercent)"])
        values.set("requiredParts", all: rule.requiredParts.map(\.uuidString))
        values.set(
            "options",
            all: [
                rule.excusedCounts ? "excusedCounts" : nil, rule.requiresSelfAssessments ? "selfAssessments" : nil,
                rule.requiresProjectReport ? "projectReport" : nil,
            ].compactMap { $0 })
        return values
    }

    /// `shown`: the page of members the search (`list`) finds, `found` of them in all.
    static func page(
        _ overview: CompletionOverview, shown: [CompletionOverview.Member], found: Int, list: ListPage, certificates: [UUID: CertificateInfo],
        flash: Flash?, ruleValues: FormValues, ruleErrors: FieldErrors, rowError: RowError?, frame: PageFrame
    ) -> HTML {
        let fields = fields(overview)
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.edition(.value(overview.editionID)).path)) { overview.editionTitle }
            }
            HTML.h1 { "Abschluss: \(overview.editionTitle)" }
            HTML.p(.class("lead")) { "\(overview.completedCount) von \(overview.members.count) Teilnehmer*innen haben den Durchlauf abgeschlossen." }
            if let flash { HTML.div(.class("notice"), .role("status")) { HTML.p { flash.message } } }
            HTML.form(.method("post"), .action(AdminURL.issueCertificates(.value(overview.editionID)).path), .class("actions")) {
                Form.csrf(frame.visitor)
                HTML.button(.type("submit"), .class("button")) { "Bescheinigungen für alle Abgeschlossenen ausstellen" }
            }
            if let rowError {
                HTML.div(.class("error-summary"), .role("alert")) {
                    HTML.p {
                        HTML.a(.href("#" + (rowError.form == .exception ? "grund-" : "widerruf-") + rowError.userID.uuidString.lowercased())) {
                            (rowError.form == .exception ? "Ausnahme nicht gespeichert: " : "Nicht widerrufen: ") + rowError.message
                        }
                    }
                }
            }
            if overview.members.count > ListPage.size || !list.search.isEmpty { search(overview, list: list, found: found, shown: shown.count) }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Stand je Teilnehmer*in" }
                    HTML.thead { TableHeadings.row(["Name", "Stand", "Ausnahme", "Bescheinigung", "Anwesenheit"], textColumns: 4) }
                    HTML.tbody {
                        shown.map {
                            row(
                                $0, certificate: certificates[$0.userID], editionID: overview.editionID,
                                error: rowError?.userID == $0.userID ? rowError : nil, frame: frame)
                        }
                    }
                }
            }
            PageLinks.nav(label: "Seiten der Liste", page: list.number, pages: PageLinks.count(found, size: ListPage.size)) { page in
                PageLinks.address(AdminURL.completion(.value(overview.editionID)).path, list.searchItems + [ListPage.pageItem(page)])
            }
            templateSection(overview.editionID, frame: frame)
            HTML.h2 { "Was als abgeschlossen gilt" }
            Form.errorSummary(ruleErrors, fields: fields)
            HTML.form(.method("post"), .action(AdminURL.completion(.value(overview.editionID)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: ruleValues, errors: ruleErrors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Regel speichern" } }
            }
        }
    }

    /// On a long list: find people by name, and where in the list this page is.
    private static func search(_ overview: CompletionOverview, list: ListPage, found: Int, shown: Int) -> HTML {
        HTML.fragment {
            PageLinks.searchForm(AdminURL.completion(.value(overview.editionID)).path, label: "Name", list: list)
            HTML.p { found == 0 ? "Niemand gefunden." : PageLinks.people(total: found, page: list.number, shown: shown) }
        }
    }

    private static func row(
        _ member: CompletionOverview.Member, certificate: CertificateInfo?, editionID: UUID, error: RowError?,
        frame: PageFrame
    ) -> HTML {
        .tr {
            HTML.th(.scope("row")) { member.name }
            HTML.td { statusText(member.status) }
            HTML.td {
                if let exceptionID = member.exceptionID {
                    HTML.form(.method("post"), .action(AdminURL.removeCompletionException(.value(exceptionID)).path), .class("inline-form")) {
                        Form.csrf(frame.visitor)
                        HTML.button(.type("submit"), .class("button button--quiet")) {
                            "Ausnahme zurücknehmen"; HTML.span(.class("visually-hidden")) { ": " + member.name }
                        }
                    }
                } else if case .missing = member.status {
                    exceptionForm(member, editionID: editionID, error: error?.form == .exception ? error : nil, frame: frame)
                } else {
                    "–"
                }
            }
            HTML.td { certificateCell(certificate, member: member, error: error?.form == .revocation ? error : nil, frame: frame) }
            HTML.td(.class("number")) { member.attendancePercent.map { "\(Int($0.rounded(.down))) %" } ?? "–" }
        }
    }

    private static func templateSection(_ editionID: UUID, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("vorlage")) {
            HTML.h2(.id("vorlage")) { "Vorlage der Bescheinigung" }
            HTML.p {
                "Die Bescheinigung entsteht aus einem OpenDocument-Text. "
                HTML.a(.href(AdminURL.certificateTemplate(.value(editionID)).path)) { "Die geltende Vorlage herunterladen" }
                ", in LibreOffice oder Word mit Logo und Gestaltung anpassen und als „.odt“ wieder hochladen. Platzhalter, die ersetzt werden: "
                CertificateTemplate.placeholders.map { "{{\($0)}}" }.joined(separator: ", ") + "."
            }
            HTML.form(
                .method("post"), .action(AdminURL.certificateTemplate(.value(editionID)).path), .init("enctype", "multipart/form-data"),
                .class("stack")
            ) {
                Form.csrf(frame.visitor)
                HTML.div(.class("field")) {
                    HTML.label(.for("vorlagendatei")) { "Eigene Vorlage (.odt)" }
                    HTML.input(
                        .type("file"), .id("vorlagendatei"), .name("datei"),
                        .init("accept", ".odt,.fodt,application/vnd.oasis.opendocument.text"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button button--quiet")) { "Vorlage hochladen" } }
            }
            HTML.form(.method("post"), .action(AdminURL.defaultCertificateTemplate(.value(editionID)).path)) {
                Form.csrf(frame.visitor)
                HTML.button(.type("submit"), .class("button button--quiet")) { "Mitgelieferte Vorlage verwenden" }
            }
        }
    }

    private static func certificateCell(
        _ certificate: CertificateInfo?, member: CompletionOverview.Member, error: RowError?,
        frame: PageFrame
    ) -> HTML {
        guard let certificate else { return .text("–") }
        let name = member.name
        let id = "widerruf-" + member.userID.uuidString.lowercased()
        return .fragment {
            HTML.a(.href(SiteURL.certificatePDF(.value(certificate.id)).path)) {
                "PDF"; HTML.span(.class("visually-hidden")) { " von " + name }
            }
            " · "
            HTML.a(.href(SiteURL.verification(.value(certificate.code)).path)) { certificate.code }
            if certificate.revoked {
                " (widerrufen)"
            } else {
                HTML.details(.class("late-cancel"), error == nil ? nil : .open) {
                    HTML.summary {
                        "Widerrufen …"; HTML.span(.class("visually-hidden")) { ": " + name }
                    }
                    HTML.form(.method("post"), .action(AdminURL.revokeCertificate(.value(certificate.id)).path), .class("stack"), .novalidate) {
                        Form.csrf(frame.visitor)
                        HTML.div(.class(error == nil ? "field" : "field field--error")) {
                            HTML.label(.for(id)) {
                                "Grund"; HTML.span(.class("field__required")) { " (Pflichtfeld)" }
                            }
                            if let error { HTML.p(.class("field__error"), .id(id + "-fehler")) { error.message } }
                            HTML.input(
                                .type("text"), .id(id), .name("reason"), .required, .value(error?.typed ?? ""), .ariaInvalid(error != nil),
                                error == nil ? nil : .ariaDescribedBy(id + "-fehler"))
                        }
                        HTML.button(.type("submit"), .class("button button--danger")) { "Widerrufen" }
                    }
                }
            }
        }
    }

    static func statusText(_ status: CompletionStatus) -> String {
        switch status {
        case .complete: "abgeschlossen"
        case .byException(let reason, let missing): "abgeschlossen als Ausnahme (\(reason)); fehlte: " + missing.joined(separator: ", ")
        case .missing(let missing): "fehlt: " + missing.joined(separator: ", ")
        }
    }

    private static func exceptionForm(_ member: CompletionOverview.Member, editionID: UUID, error: RowError?, frame: PageFrame) -> HTML {
        let id = "grund-" + member.userID.uuidString.lowercased()
        return .details(.class("late-cancel"), error == nil ? nil : .open) {
            HTML.summary {
                "Ausnahme …"; HTML.span(.class("visually-hidden")) { ": " + member.name }
            }
            HTML.form(.method("post"), .action(AdminURL.completionExceptions(.value(editionID)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                HTML.input(.type("hidden"), .name("userID"), .value(member.userID.uuidString))
                HTML.div(.class(error == nil ? "field" : "field field--error")) {
                    HTML.label(.for(id)) {
                        "Grund"; HTML.span(.class("field__required")) { " (Pflichtfeld)" }
                    }
                    if let error { HTML.p(.class("field__error"), .id(id + "-fehler")) { error.message } }
                    HTML.input(
                        .type("text"), .id(id), .name("reason"), .required, .value(error?.typed ?? ""), .ariaInvalid(error != nil),
                        error == nil ? nil : .ariaDescribedBy(id + "-fehler"))
                }
                HTML.button(.type("submit"), .class("button button--quiet")) { "Als abgeschlossen werten" }
            }
        }
    }
}
