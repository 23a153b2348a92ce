import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

enum InvitationViews {
    static let fields = [
        FieldSpec(name: "name", label: "Name", required: true, autocomplete: "off"),
        FieldSpec(name: "email", label: "E-Mail-Adresse", kind: .email, required: true, autocomplete: "off"),
        FieldSpec(name: "ags", label: "Gemeindeschlüssel (AGS)", hint: "Achtstellig, z. B. 08335043. Kann auch später im Profil ergänzt werden."),
    ]

    struct UploadResult: Sendable, Codable {
        let invited: Int
        let errors: [InvitationList.RowError]
    }

    static func page(_ model: InvitationOverview, values: FormValues, errors: FieldErrors, upload: UploadResult?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.edition(.value(model.editionID)).path)) { model.editionTitle }
            }
            HTML.h1 { "Einladungen" }
            if let upload { uploadResult(upload) }
            table(model, frame: frame)
            HTML.h2 { "Eine Person einladen" }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(AdminURL.invitations(.value(model.editionID)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Einladen" } }
            }
            HTML.h2 { "Liste hochladen" }
            HTML.form(
                .method("post"), .action(AdminURL.invitationUpload(.value(model.editionID)).path),
                .init("enctype", "multipart/form-data"), .class("stack")
            ) {
                Form.csrf(frame.visitor)
                HTML.div(.class("field")) {
                    HTML.label(.for("liste")) { "Excel- oder CSV-Datei" }
                    HTML.p(.class("field__hint"), .id("liste-hinweis")) {
                        "Eine Zeile je Person mit drei Spalten: Name, E-Mail, AGS (der Gemeindeschlüssel darf fehlen). Gelesen werden "
                        "Excel-Arbeitsmappen (.xlsx, das erste Tabellenblatt) und CSV-Dateien, wie Excel sie speichert. "
                        "Fehlerhafte Zeilen werden benannt, die übrigen eingeladen."
                    }
                    HTML.input(.type("file"), .id("liste"), .name("datei"), .init("accept", SpreadsheetUpload.accept), .ariaDescribedBy("liste-hinweis"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Liste einladen" } }
            }
        }
    }

    private static func uploadResult(_ upload: UploadResult) -> HTML {
        .div(.class(upload.errors.isEmpty ? "notice" : "warning"), .role(upload.errors.isEmpty ? "status" : "alert")) {
            HTML.p { "\(upload.invited) " + (upload.invited == 1 ? "Einladung" : "Einladungen") + " verschickt." }
            if !upload.errors.isEmpty {
                HTML.p { "Nicht eingeladen:" }
                HTML.ul { upload.errors.map { error in HTML.li { error.line > 0 ? "Zeile \(error.line): \(error.message)" : error.message } } }
            }
        }
    }

    private static func table(_ model: InvitationOverview, frame: PageFrame) -> HTML {
        if model.rows.isEmpty { return .p(.class("muted")) { "Noch niemand eingeladen." } }
        return .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead { HTML.tr { ["Name", "E-Mail", "Kommune", "Stand", "Aktion"].map { h in HTML.th(.scope("col")) { h } } } }
                HTML.tbody {
                    model.rows.map { row in
                        HTML.tr {
                            HTML.td { row.name }
                            HTML.td { row.email }
                            HTML.td { row.regionName ?? "–" }
                            HTML.td { label(row.state) + (row.sentCount > 1 ? " (\(row.sentCount)× gesendet)" : "") }
                            HTML.td {
                                if row.state != .accepted {
                                    HTML.form(.method("post"), .action(AdminURL.resendInvitation(.value(row.id)).path), .class("inline-form")) {
                                        Form.csrf(frame.visitor)
                                        HTML.button(.type("submit"), .class("button button--quiet")) {
                                            "Erneut senden"
                                            HTML.span(.class("visually-hidden")) { ": " + row.name }
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

    static func label(_ state: Invitation.State) -> String {
        switch state {
        case .invited: "eingeladen"
        case .accepted: "angenommen"
        case .expired: "abgelaufen"
        }
    }
}
