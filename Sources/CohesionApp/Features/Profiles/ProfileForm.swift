import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// The profile form: municipality from the register, and the position.
enum ProfileForm {
    static let fields: [FieldSpec] = [
        FieldSpec(
            name: "municipality", label: "Kommune", required: true,
            hint:
                "Name oder Gemeindeschlüssel (AGS) aus dem Gemeindeverzeichnis, z. B. „Konstanz, Universitätsstadt“ oder „08335043“; für einen Landkreis dessen fünfstelliger Schlüssel."
        ),
        FieldSpec(
            name: "embedding", label: "Anbindung der Stelle",
            kind: .select(Embedding.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: "Bitte wählen"), required: true),
        FieldSpec(name: "sharePercent", label: "Stellenanteil in Prozent", kind: .number, required: true, hint: "100 für eine volle Stelle."),
        FieldSpec(
            name: "fixedTerm", label: "Befristung",
            kind: .select([.init(value: "ja", label: "befristet"), .init(value: "nein", label: "unbefristet")], emptyLabel: "keine Angabe")),
        FieldSpec(name: "funding", label: "Finanzierung", hint: "Zum Beispiel kommunale Mittel oder ein Förderprogramm des Landes."),
        FieldSpec(
            name: "mandate", label: "Auftrag beruht auf",
            kind: .select(Mandate.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: "Bitte wählen"), required: true),
        FieldSpec(name: "taskFields", label: "Aufgabenfelder", kind: .checkboxes(TaskField.allCases.map { .init(value: $0.rawValue, label: $0.label) })),
        FieldSpec(
            name: "fieldsOfAction", label: "Handlungsfelder", kind: .checkboxes(FieldOfAction.allCases.map { .init(value: $0.rawValue, label: $0.label) })),
        FieldSpec(name: "inPostSince", label: "In der Stelle seit", kind: .month, hint: "Monat und Jahr, JJJJ-MM."),
    ]

    static func values(of profile: Profile?, regionName: String?) -> FormValues {
        guard let profile else { return FormValues() }
        var values = FormValues([
            "municipality": profile.regionKey ?? "", "embedding": profile.embedding, "sharePercent": "\(profile.sharePercent)",
            "fixedTerm": profile.fixedTerm.map { $0 ? "ja" : "nein" } ?? "", "funding": profile.funding,
            "mandate": profile.mandate, "inPostSince": profile.inPostSince ?? "",
        ])
        values.set("taskFields", all: profile.taskFields.split(separator: ",").map(String.init))
        values.set("fieldsOfAction", all: profile.fieldsOfAction.split(separator: ",").map(String.init))
        return values
    }

    /// Checks everything, then saves in one statement; nothing is written when a field is wrong.
    static func save(_ values: FormValues, for userID: UUID, today: CalendarDay, on db: any Database) async throws -> FieldErrors {
        var input = PositionInput()
        input.embedding = values["embedding"]
        input.sharePercent = values["sharePercent"]
        input.fixedTerm = values["fixedTerm"]
        input.funding = values["funding"]
        input.mandate = values["mandate"]
        input.taskFields = values.all("taskFields")
        input.fieldsOfAction = values.all("fieldsOfAction")
        input.inPostSince = values["inPostSince"]
        var errors = FieldErrors()
        var region: RegionSummary?
        guard let sql = db as? any SQLDatabase else { return errors }
        switch try await RegionLookup.resolve(values["municipality"], on: sql) {
        case .found(let summary): region = summary
        case .problem(let message): errors.add("municipality", message)
        }
        switch input.check(today: today) {
        case .invalid(let positionErrors):
            for field in fields.map(\.name) { if let message = positionErrors[field] { errors.add(field, message) } }
            return errors
        case .valid(let position):
            guard errors.isEmpty, let region else { return errors }
            let profile = try await Profile.query(on: db).filter(\.$user.$id == userID).first() ?? Profile()
            profile.$user.id = userID
            profile.regionKey = region.key
            profile.embedding = position.embedding.rawValue
            profile.sharePercent = position.sharePercent
            profile.fixedTerm = position.fixedTerm
            profile.funding = position.funding
            profile.mandate = position.mandate.rawValue
            profile.taskFields = position.taskFields.map(\.rawValue).joined(separator: ",")
            profile.fieldsOfAction = position.fieldsOfAction.map(\.rawValue).joined(separator: ",")
            profile.inPostSince = position.inPostSince
            try await profile.save(on: db)
            return errors
        }
    }
}
