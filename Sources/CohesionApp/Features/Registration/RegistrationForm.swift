import CohesionCore
import CohesionPlatform
import Foundation

/// The venue's questions, as one form for the participant and for the lead acting on their behalf.
enum RegistrationForm {
    static let yesNo: [FieldSpec.Choice] = [.init(value: "ja", label: "ja"), .init(value: "nein", label: "nein")]

    static let fields: [FieldSpec] = [
        FieldSpec(
            name: "overnight", label: "Übernachtung am Tagungsort", kind: .select(yesNo, emptyLabel: "Bitte wählen"), required: true,
            hint: "Für mehrtägige Teile: ein Zimmer für die Nacht(e) dazwischen."),
        FieldSpec(
            name: "diet", label: "Verpflegung",
            kind: .select(
                Diet.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                emptyLabel: "Bitte wählen"), required: true),
        FieldSpec(name: "dietNote", label: "Andere Verpflegung", hint: "Nur wenn Sie oben „andere“ gewählt haben."),
        FieldSpec(
            name: "accessibility", label: "Barrierefreiheit", kind: .textarea,
            hint: "Was brauchen Sie, um gut teilnehmen zu können? Zum Beispiel stufenloser Zugang, Induktionsschleife, Pausen."),
        FieldSpec(
            name: "photos", label: "Fotos",
            kind: .select(
                [
                    .init(value: "ja", label: "Ja, Fotos von mir dürfen gemacht und für das Programm genutzt werden"),
                    .init(value: "nein", label: "Nein, bitte keine Fotos von mir"),
                ],
                emptyLabel: "Bitte wählen"), required: true),
    ]

    static func check(_ values: FormValues) -> Checked<VenueAnswers> {
        VenueAnswers.check(
            overnight: values["overnight"], diet: values["diet"], dietNote: values["dietNote"],
            accessibility: values["accessibility"], photos: values["photos"])
    }

    static func values(of registration: Registration?) -> FormValues {
        guard let registration else { return FormValues() }
        return FormValues([
            "overnight": registration.overnight ? "ja" : "nein", "diet": registration.diet,
            "dietNote": registration.dietNote, "accessibility": registration.accessibility,
            "photos": registration.photoConsent ? "ja" : "nein",
        ])
    }
}

extension RegistrationForm {
    /// An answer as the participant chose it: the label of a choice, "–" for nothing.
    static func readable(_ field: FieldSpec, values: FormValues) -> String {
        let value = values[field.name]
        if case .select(let choices, _) = field.kind, let choice = choices.first(where: { $0.value == value }) {
            return choice.label
        }
        return value.isEmpty ? "–" : value
    }
}
