import CohesionCore
import CohesionPlatform
import Foundation

enum RegistrationOverviewView {
    /// A cancellation after the part began that lacked its reason: shown at that row's form.
    struct CancelError {
        let registrationID: UUID
        let message: String
        let typed: String
    }

    static let reasonField = FieldSpec(
        name: "reason", label: "Begründung der nachträglichen Änderung", kind: .text, required: true,
        hint: "Der Teil hat begonnen. Die Begründung wird bei der Anmeldung gespeichert.")

    static func render(
        _ model: RegistrationOverview, isOpen: Bool, values: FormValues, errors: FieldErrors, cancelError: CancelError?,
        frame: PageFrame
    ) -> HTML {
        let context = Context(isOpen: isOpen, cancelError: cancelError, frame: frame)
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.part(.value(model.part.id)).path)) { "Teil \(model.part.number): \(model.part.title)" }
            }
            HTML.h1 { "Anmeldungen: Teil \(model.part.number)" }
            HTML.p(.class("lead")) { model.part.dates + " · " + model.part.venueName + ", " + model.part.city }
            if !isOpen {
                HTML.div(.class("status-box")) {
                    HTML.p {
                        "Teil \(model.part.number) hat am \(BerlinTime.longDate(model.part.startsOn)) begonnen. Teilnehmer*innen können "
                        "ihre Anmeldung nicht mehr selbst ändern; Änderungen hier brauchen eine Begründung."
                    }
                }
            }
            if let cancelError {
                HTML.div(.class("error-summary"), .role("alert")) {
                    HTML.p {
                        HTML.a(.href("#grund-" + cancelError.registrationID.uuidString.lowercased())) {
                            "Absage nicht gespeichert: " + cancelError.message
                        }
                    }
                }
            }
            counts(model)
            if model.counts.registered + model.counts.waitlisted > ListPage.size || !model.list.search.isEmpty || model.moreUnregistered {
                search(model)
            }
            registeredTable(model, context)
            waitlistTable(model, context)
            if !model.cancelled.isEmpty {
                HTML.h2 { "Abgesagt" }
                HTML.ul { model.cancelled.map { row in HTML.li { nameWithReason(row) } } }
                if model.moreCancelled { HTML.p(.class("muted")) { "Weitere finden Sie über die Suche nach dem Namen." } }
            }
            onBehalf(model, isOpen: isOpen, values: values, errors: errors, frame: frame)
        }
    }

    private struct Context {
        let isOpen: Bool
        let cancelError: CancelError?
        let frame: PageFrame
    }

    private static func nameWithReason(_ row: RegistrationOverview.Row) -> HTML {
        .fragment {
            row.name
            if !row.lateChangeReason.isEmpty {
                HTML.span(.class("muted")) { " (nachträglich: " + row.lateChangeReason + ")" }
            }
        }
    }

    private static func counts(_ model: RegistrationOverview) -> HTML {
        .section(.ariaLabelledBy("zahlen")) {
            HTML.h2(.id("zahlen")) { "Plätze, Verpflegung und Zimmer" }
            HTML.dl(.class("facts")) {
                HTML.dt { "Plätze" }; HTML.dd { "\(model.capacity)" }
                HTML.dt { "Angemeldet" }; HTML.dd { "\(model.counts.registered)" }
                HTML.dt { "Frei" }; HTML.dd { "\(model.freeSeats)" }
                HTML.dt { "Warteliste" }; HTML.dd { "\(model.counts.waitlisted)" }
                HTML.dt { "Übernachtungen" }; HTML.dd { "\(model.counts.overnight)" }
                HTML.dt { "Verpflegung" }
                HTML.dd { model.counts.diets.isEmpty ? "–" : model.counts.diets.map { "\($0.label): \($0.count)" }.joined(separator: " · ") }
                HTML.dt { "Ohne Foto-Einwilligung" }; HTML.dd { "\(model.counts.withoutPhotoConsent)" }
            }
        }
    }

    private static func registeredTable(_ model: RegistrationOverview, _ context: Context) -> HTML {
        .section(.ariaLabelledBy("angemeldet")) {
            HTML.h2(.id("angemeldet")) { "Angemeldet" }
            if model.registered.isEmpty {
                HTML.p(.class("muted")) { model.list.search.isEmpty ? "Noch niemand." : "Niemand gefunden." }
            } else {
                if model.registeredFound > ListPage.size || !model.list.search.isEmpty {
                    HTML.p { PageLinks.people(total: model.registeredFound, page: model.list.number, shown: model.registered.count) }
                }
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead {
                            HTML.tr {
                                ["Name", "Übernachtung", "Verpflegung", "Barrierefreiheit", "Fotos", "Aktion"].map { h in HTML.th(.scope("col")) { h } }
                            }
                        }
                        HTML.tbody {
                            model.registered.map { row in
                                HTML.tr {
                                    HTML.td { nameWithReason(row) }
                                    HTML.td { row.overnight ? "ja" : "nein" }
                                    HTML.td { row.dietLabel }
                                    HTML.td { row.accessibility.isEmpty ? "–" : row.accessibility }
                                    HTML.td { row.photoConsent ? "ja" : "nein" }
                                    HTML.td { cancelButton(row, context) }
                                }
                            }
                        }
                    }
                }
                PageLinks.nav(
                    label: "Seiten der Angemeldeten", page: model.list.number, pages: PageLinks.count(model.registeredFound, size: ListPage.size)
                ) { page in
                    PageLinks.address(AdminURL.registrations(.value(model.part.id)).path, model.list.searchItems + [ListPage.pageItem(page)])
                }
            }
        }
    }

    /// Find people on the lists by name; the counts above stay those of everyone.
    private static func search(_ model: RegistrationOverview) -> HTML {
        PageLinks.searchForm(AdminURL.registrations(.value(model.part.id)).path, label: "Name", list: model.list)
    }

    private static func waitlistTable(_ model: RegistrationOverview, _ context: Context) -> HTML {
        .section(.ariaLabelledBy("warteliste")) {
            HTML.h2(.id("warteliste")) { "Warteliste" }
            if model.waitlist.isEmpty {
                HTML.p(.class("muted")) { model.list.search.isEmpty || model.counts.waitlisted == 0 ? "Niemand wartet." : "Niemand gefunden." }
            } else {
                HTML.table {
                    HTML.thead { HTML.tr { ["Platz", "Name", "Aktion"].map { h in HTML.th(.scope("col")) { h } } } }
                    HTML.tbody {
                        model.waitlist.map { place, row in
                            HTML.tr {
                                HTML.td { "\(place)" }
                                HTML.td { nameWithReason(row) }
                                HTML.td { cancelButton(row, context) }
                            }
                        }
                    }
                }
                if model.waitlistFound > model.waitlist.count {
                    HTML.p(.class("muted")) {
                        "Die ersten \(model.waitlist.count) von \(Indicator.groupThousands(model.waitlistFound)); weitere finden Sie über die Suche nach dem Namen."
                    }
                }
            }
        }
    }

    /// Before the part begins one click; afterwards the button opens a small form that asks for the reason.
    private static func cancelButton(_ row: RegistrationOverview.Row, _ context: Context) -> HTML {
        let action = AdminURL.cancelRegistration(.value(row.registrationID)).path
        let button = HTML.button(.type("submit"), .class("button button--quiet")) {
            "Teilnahme absagen"
            HTML.span(.class("visually-hidden")) { ": " + row.name }
        }
        if context.isOpen {
            return .form(.method("post"), .action(action), .class("inline-form")) {
                Form.csrf(context.frame.visitor)
                button
            }
        }
        let failed = context.cancelError?.registrationID == row.registrationID ? context.cancelError : nil
        // One form per row: the field's id carries the registration so that labels stay unique on the page.
        let id = "grund-" + row.registrationID.uuidString.lowercased()
        return .details(.class("late-cancel"), failed == nil ? nil : .open) {
            HTML.summary {
                "Absagen …"; HTML.span(.class("visually-hidden")) { ": " + row.name }
            }
            HTML.form(.method("post"), .action(action), .class("stack"), .novalidate) {
                Form.csrf(context.frame.visitor)
                HTML.div(.class(failed == nil ? "field" : "field field--error")) {
                    HTML.label(.for(id)) {
                        "Begründung"; HTML.span(.class("field__required")) { " (Pflichtfeld)" }
                    }
                    if let failed { HTML.p(.class("field__error"), .id(id + "-fehler")) { failed.message } }
                    HTML.input(
                        .type("text"), .id(id), .name("reason"), .required, .value(failed?.typed ?? ""),
                        .ariaInvalid(failed != nil), failed == nil ? nil : .ariaDescribedBy(id + "-fehler"))
                }
                button
            }
        }
    }

    static func onBehalfFields(_ model: RegistrationOverview, isOpen: Bool) -> [FieldSpec] {
        [
            FieldSpec(
                name: "userID", label: "Teilnehmer*in",
                kind: .select(
                    model.unregistered.map { .init(value: $0.id.uuidString, label: $0.name) },
                    emptyLabel: "Bitte wählen"), required: true)
        ]
            + RegistrationForm.fields + (isOpen ? [] : [reasonField])
    }

    private static func onBehalf(
        _ model: RegistrationOverview, isOpen: Bool, values: FormValues, errors: FieldErrors,
        frame: PageFrame
    ) -> HTML {
        .section(.ariaLabelledBy("stellvertretend")) {
            HTML.h2(.id("stellvertretend")) { "Für jemanden anmelden" }
            if model.unregistered.isEmpty {
                HTML.p(.class("muted")) {
                    model.list.search.isEmpty
                        ? "Alle Teilnehmer*innen des Durchlaufs sind angemeldet oder auf der Warteliste." : "Niemand ohne Anmeldung gefunden."
                }
            } else {
                if model.moreUnregistered {
                    HTML.p(.class("muted")) {
                        "Zur Wahl stehen die ersten \(model.unregistered.count) ohne Anmeldung; weitere finden Sie über die Suche nach dem Namen."
                    }
                }
                Form.errorSummary(errors, fields: onBehalfFields(model, isOpen: isOpen))
                HTML.form(.method("post"), .action(AdminURL.registrations(.value(model.part.id)).path), .class("stack"), .novalidate) {
                    Form.csrf(frame.visitor)
                    Form.fields(onBehalfFields(model, isOpen: isOpen), values: values, errors: errors)
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anmelden" } }
                }
            }
        }
    }
}
