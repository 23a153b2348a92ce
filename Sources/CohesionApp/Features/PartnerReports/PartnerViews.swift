import CohesionCore
import CohesionPlatform
import Foundation

/// The lead's page of a programme's partners.
enum PartnerViews {
    static func assignment(
        programmeID: UUID, programmeTitle: String, assigned: [ProgrammePartnerController.Person],
        candidates: [ProgrammePartnerController.Person], error: String?, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }; " · " + programmeTitle
            }
            HTML.h1 { "Partner des Programms" }
            HTML.p(.class("lead")) { "Partner lesen die zusammengefassten, anonymen Berichte der Durchläufe dieses Programms, keine anderen." }
            if assigned.isEmpty {
                HTML.p(.class("muted")) { "Noch kein Partner zugeordnet." }
            } else {
                HTML.ul { assigned.map { person in HTML.li { removal(programmeID, person, visitor: frame.visitor) } } }
            }
            addForm(programmeID, candidates: candidates, error: error, visitor: frame.visitor)
        }
    }

    private static func removal(_ programmeID: UUID, _ person: ProgrammePartnerController.Person, visitor: Visitor) -> HTML {
        .form(.method("post"), .action(AdminURL.removeProgrammePartner(.value(programmeID), .value(person.id)).path), .class("inline-form")) {
            Form.csrf(visitor)
            person.name + " (" + person.email + ") "
            HTML.button(.type("submit"), .class("button button--quiet")) {
                "Entfernen"
                HTML.span(.class("visually-hidden")) { ": " + person.name }
            }
        }
    }

    private static func addForm(_ programmeID: UUID, candidates: [ProgrammePartnerController.Person], error: String?, visitor: Visitor) -> HTML {
        let field = FieldSpec(
            name: "partner", label: "Partner-Konto",
            kind: .select(
                candidates.map { .init(value: $0.id.uuidString, label: $0.name + " (" + $0.email + ")") },
                emptyLabel: "Bitte wählen"), required: true,
            hint: "Partner-Konten legt die Administration an (cohesion create-user --role partner).")
        var errors = FieldErrors()
        if let error { errors.add(field.name, error) }
        return .form(.method("post"), .action(AdminURL.programmePartners(.value(programmeID)).path)) {
            Form.csrf(visitor)
            Form.errorSummary(errors, fields: [field])
            Form.field(field, values: FormValues([:]), error: error)
            HTML.button(.type("submit"), .class("button")) { "Zuordnen" }
        }
    }
}
