import Foundation
import CohesionCore

enum RegistrationOverviewView {
    static func render(_ model: RegistrationOverview, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.part(.value(model.part.id)).path)) { "Teil \(model.part.number): \(model.part.title)" }
            }
            HTML.h1 { "Anmeldungen: Teil \(model.part.number)" }
            HTML.p(.class("lead")) { model.part.dates + " · " + model.part.venueName + ", " + model.part.city }
            counts(model)
            registeredTable(model, frame: frame)
            waitlistTable(model, frame: frame)
            if !model.cancelled.isEmpty {
                HTML.h2 { "Abgemeldet" }
                HTML.ul { model.cancelled.map { row in HTML.li { row.name } } }
            }
            onBehalf(model, values: values, errors: errors, frame: frame)
        }
    }

    private static func counts(_ model: RegistrationOverview) -> HTML {
        .section(.ariaLabelledBy("zahlen")) {
            HTML.h2(.id("zahlen")) { "Plätze, Verpflegung und Zimmer" }
            HTML.dl(.class("facts")) {
                HTML.dt { "Plätze" }; HTML.dd { "\(model.capacity)" }
                HTML.dt { "Angemeldet" }; HTML.dd { "\(model.registered.count)" }
                HTML.dt { "Frei" }; HTML.dd { "\(model.freeSeats)" }
                HTML.dt { "Warteliste" }; HTML.dd { "\(model.waitlist.count)" }
                HTML.dt { "Übernachtungen" }; HTML.dd { "\(model.overnightCount)" }
                HTML.dt { "Verpflegung" }
                HTML.dd { model.dietCounts.isEmpty ? "–" : model.dietCounts.map { "\($0.label): \($0.count)" }.joined(separator: " · ") }
                HTML.dt { "Ohne Foto-Einwilligung" }; HTML.dd { "\(model.registered.filter { !$0.photoConsent }.count)" }
            }
        }
    }

    private static func registeredTable(_ model: RegistrationOverview, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("angemeldet")) {
            HTML.h2(.id("angemeldet")) { "Angemeldet" }
            if model.registered.isEmpty { HTML.p(.class("muted")) { "Noch niemand." } } else {
                HTML.div(.class("table-scroll")) {
                    HTML.table {
                        HTML.thead { HTML.tr { ["Name", "Übernachtung", "Verpflegung", "Barrierefreiheit", "Fotos", "Aktion"].map { h in HTML.th(.scope("col")) { h } } } }
                        HTML.tbody {
                            model.registered.map { row in
                                HTML.tr {
                                    HTML.td { row.name }
                                    HTML.td { row.overnight ? "ja" : "nein" }
                                    HTML.td { row.dietLabel }
                                    HTML.td { row.accessibility.isEmpty ? "–" : row.accessibility }
                                    HTML.td { row.photoConsent ? "ja" : "nein" }
                                    HTML.td { cancelButton(row, frame: frame) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func waitlistTable(_ model: RegistrationOverview, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("warteliste")) {
            HTML.h2(.id("warteliste")) { "Warteliste" }
            if model.waitlist.isEmpty { HTML.p(.class("muted")) { "Niemand wartet." } } else {
                HTML.table {
                    HTML.thead { HTML.tr { ["Platz", "Name", "Aktion"].map { h in HTML.th(.scope("col")) { h } } } }
                    HTML.tbody {
                        model.waitlist.enumerated().map { index, row in
                            HTML.tr {
                                HTML.td { "\(index + 1)" }
                                HTML.td { row.name }
                                HTML.td { cancelButton(row, frame: frame) }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func cancelButton(_ row: RegistrationOverview.Row, frame: PageFrame) -> HTML {
        .form(.method("post"), .action(AdminURL.cancelRegistration(.value(row.registrationID)).path), .class("inline-form")) {
            Form.csrf(frame.visitor)
            HTML.button(.type("submit"), .class("button button--quiet")) {
                "Teilnahme absagen"
                HTML.span(.class("visually-hidden")) { ": " + row.name }
            }
        }
    }

    static func onBehalfFields(_ model: RegistrationOverview) -> [FieldSpec] {
        [FieldSpec(name: "userID", label: "Teilnehmer*in", kind: .select(model.unregistered.map { .init(value: $0.id.uuidString, label: $0.name) },
                                                                      emptyLabel: "Bitte wählen"), required: true)]
            + RegistrationForm.fields
    }

    private static func onBehalf(_ model: RegistrationOverview, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("stellvertretend")) {
            HTML.h2(.id("stellvertretend")) { "Für jemanden anmelden" }
            if model.unregistered.isEmpty {
                HTML.p(.class("muted")) { "Alle Teilnehmer*innen des Durchlaufs sind angemeldet oder auf der Warteliste." }
            } else {
                Form.errorSummary(errors, fields: onBehalfFields(model))
                HTML.form(.method("post"), .action(AdminURL.registrations(.value(model.part.id)).path), .class("stack"), .novalidate) {
                    Form.csrf(frame.visitor)
                    Form.fields(onBehalfFields(model), values: values, errors: errors)
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anmelden" } }
                }
            }
        }
    }
}
