import CohesionCore
import CohesionPlatform
import Foundation

/// The follow-up's pages: the lead's dates and count of answers, the participant's questionnaire.
enum FollowUpView {
    static func phase(
        editionID: UUID, editionTitle: String, lastDay: CalendarDay?, report: TransferReport, saved: Bool, values: FormValues,
        errors: FieldErrors, frame: PageFrame
    ) -> HTML {
        let specs = [
            FieldSpec(name: "beginn", label: "Beginn", kind: .date, required: true, hint: "Üblich sind drei bis sechs Monate nach dem letzten Teil."),
            FieldSpec(name: "ende", label: "Ende", kind: .date, required: true),
        ]
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }; " · "
                HTML.a(.href(AdminURL.edition(.value(editionID)).path)) { editionTitle }
            }
            HTML.h1 { "Nachbefragung zum Transfer" }
            HTML.p(.class("lead")) {
                "Einige Monate nach dem letzten Teil fragt Cohesion die Teilnehmer*innen, was sie in die Praxis gebracht haben: genutzte Kompetenzfelder, "
                "was sich in der Kommune verändert hat, was half und was hinderte, und wie die Praxisprojekte ausgingen. Die Antworten tragen keinen Namen; "
                "ausgewertet wird erst, wenn genug Personen geantwortet haben."
            }
            if saved { HTML.p(.class("status-box"), .role("status")) { "Gespeichert." } }
            HTML.p {
                if let opens = report.opensOn, let closes = report.closesOn {
                    "Geöffnet vom \(BerlinTime.longDate(opens)) bis \(BerlinTime.longDate(closes)). "
                        + "\(report.summary.responses) von \(report.members) Teilnehmer*innen haben geantwortet."
                } else {
                    "Noch nicht geöffnet." + (lastDay.map { " Der letzte Teil endet am \(BerlinTime.longDate($0))." } ?? "")
                }
            }
            HTML.form(.method("post"), .action(AdminURL.followUpPhase(.value(editionID)).path), .class("stack")) {
                Form.csrf(frame.visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { report.opensOn == nil ? "Nachbefragung öffnen" : "Zeitraum ändern" }
            }
            HTML.p { HTML.a(.href(SiteURL.partnerReport(.value(editionID)).path + "#verhalten")) { "Ergebnisse im Wirkungsbericht" } }
        }
    }

    static func openRequests(_ open: [(editionID: UUID, title: String, closesOn: CalendarDay)]) -> HTML {
        .section(.class("card"), .ariaLabelledBy("nachbefragung")) {
            HTML.h2(.id("nachbefragung")) { "Was ist aus der Fortbildung geworden?" }
            HTML.ul {
                open.map { item in
                    HTML.li {
                        HTML.a(.href(SiteURL.followUp(.value(item.editionID)).path)) { "Nachbefragung „\(item.title)“" }
                        " – fünf Minuten, bis \(BerlinTime.longDate(item.closesOn))"
                    }
                }
            }
        }
    }

    static func form(
        editionID: UUID, editionTitle: String, areas: [AssessmentQueries.Area], projects: [FollowUpController.OwnProject], values: FormValues,
        errors: FieldErrors, frame: PageFrame
    ) -> HTML {
        var specs = [
            FieldSpec(
                name: "felder", label: "Welche Kompetenzfelder haben Sie seitdem in Ihrer Arbeit genutzt?",
                kind: .checkboxes(areas.map { .init(value: $0.id.uuidString.lowercased(), label: $0.title) })),
            FieldSpec(
                name: "veraenderungen", label: "Was hat sich in Ihrer Kommune seitdem verändert?",
                kind: .checkboxes(TransferOption.changes.map { .init(value: $0.code, label: $0.label) })),
            FieldSpec(
                name: "geholfen", label: "Was hat Ihnen bei der Umsetzung geholfen?",
                kind: .checkboxes(TransferOption.helped.map { .init(value: $0.code, label: $0.label) })),
            FieldSpec(
                name: "gehindert", label: "Was hat die Umsetzung behindert?",
                kind: .checkboxes(TransferOption.hindered.map { .init(value: $0.code, label: $0.label) })),
        ]
        specs += projects.map { project in
            FieldSpec(
                name: "projekt-" + project.id.uuidString.lowercased(), label: "Stand Ihres Praxisprojekts aus Teil \(project.partNumber): \(project.goal)",
                kind: .select(ProjectOutcome.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: "keine Angabe"))
        }
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.myProgramme.path)) { "Mein Programm" } }
            HTML.h1 { "Nachbefragung: " + editionTitle }
            HTML.p(.class("lead")) {
                "Alle Fragen sind freiwillig. Ihre Antworten werden ohne Ihren Namen gespeichert und erst ausgewertet, wenn genug Personen geantwortet haben. "
                "Den Stand Ihrer Praxisprojekte speichert Cohesion wie auf der Seite des Projekts bei Ihnen."
            }
            HTML.form(.method("post"), .action(SiteURL.followUp(.value(editionID)).path), .class("stack")) {
                Form.csrf(frame.visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Antworten senden" }
            }
        }
    }
}
