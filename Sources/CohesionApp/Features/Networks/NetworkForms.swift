import CohesionCore
import CohesionPlatform
import Foundation

/// The editor's forms: an actor, a tie.
enum NetworkForms {
    static let kindChoices: [FieldSpec.Choice] = NetworkSector.allCases.flatMap { sector in
        ActorKind.allCases.filter { $0.sector == sector }.map { FieldSpec.Choice(value: $0.rawValue, label: "\(sector.label): \($0.label)") }
    }

    static let actorFields: [FieldSpec] = [
        FieldSpec(name: "name", label: "Name", required: true, hint: "Zum Beispiel „Caritasverband Konstanz“ oder „Ausländerbehörde im Landratsamt“."),
        FieldSpec(name: "kind", label: "Art", kind: .select(kindChoices, emptyLabel: "Bitte wählen"), required: true),
        FieldSpec(name: "contact", label: "Ansprechperson oder Kontakt", hint: "Nur für Sie sichtbar; erscheint nie in Auswertungen."),
        FieldSpec(name: "note", label: "Notiz", kind: .textarea),
    ]

    static func tieFields(_ network: NetworkStore.Editable) -> [FieldSpec] {
        let actors = network.actors.map { FieldSpec.Choice(value: $0.id.uuidString, label: $0.name) }
        return [
            FieldSpec(
                name: "from", label: "Von", kind: .select([.init(value: TieInput.ownOffice, label: "Sie (eigene Stelle)")] + actors, emptyLabel: nil),
                required: true),
            FieldSpec(name: "to", label: "Zu", kind: .select(actors, emptyLabel: "Bitte wählen"), required: true),
            FieldSpec(
                name: "kind", label: "Art der Verbindung",
                kind: .select(
                    TieKind.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    emptyLabel: "Bitte wählen"), required: true),
            FieldSpec(
                name: "intensity", label: "Stärke",
                kind: .select(
                    [
                        .init(value: "1", label: "1 – lose (seltener Kontakt)"), .init(value: "2", label: "2 – mittel"),
                        .init(value: "3", label: "3 – eng (regelmäßig, verlässlich)"),
                    ], emptyLabel: "Bitte wählen"), required: true),
            FieldSpec(
                name: "status", label: "Stand",
                kind: .select(
                    TieStatus.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    emptyLabel: "Bitte wählen"), required: true),
        ]
    }

    static func actorInput(_ values: FormValues) -> ActorInput {
        ActorInput(name: values["name"], kind: values["kind"], contact: values["contact"], note: values["note"])
    }

    static func tieInput(_ values: FormValues) -> TieInput {
        TieInput(from: values["from"], to: values["to"], kind: values["kind"], intensity: values["intensity"], status: values["status"])
    }
}
