import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The lead takes a strong need up with a unit, dismisses it with a reason, or withdraws the
/// decision. A refused decision shows the needs page again with what was typed.
struct NeedDecisionController {
    private let pages = EvaluationController()

    func decide(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        let values = req.formValues()
        let (needs, trace) = try await pages.needsAndTrace(req, edition: edition)
        let fields = NeedTraceView.fields
        var errors = FieldErrors()
        let row = UUID(uuidString: values[fields.area]).flatMap { id in trace.rows.first { $0.area.id == id } }
        if row == nil { errors.add(fields.area, "Bitte ein Kompetenzfeld aus der Liste wählen.") }
        let unit = UUID(uuidString: values[fields.unit]).flatMap { id in trace.units.first { $0.id == id } }
        let reason = values[fields.reason].trimmingCharacters(in: .whitespacesAndNewlines)
        let action = values["aktion"]
        switch action {
        case "aufgreifen":
            if unit == nil { errors.add(fields.unit, "Bitte die Einheit wählen, die den Bedarf aufgreift.") }
        case "verwerfen":
            if reason.isEmpty { errors.add(fields.reason, "Bitte kurz begründen, warum der Bedarf nicht aufgegriffen wird.") }
            if reason.count > 1000 { errors.add(fields.reason, "Bitte höchstens 1000 Zeichen.") }
        case "zuruecknehmen":
            if let row, row.decision == .open { errors.add(fields.area, "Zu diesem Kompetenzfeld gibt es noch keine Entscheidung.") }
        default:
            errors.add(fields.area, "Bitte „Aufgreifen“, „Verwerfen“ oder „Entscheidung zurücknehmen“ wählen.")
        }
        guard let row, errors.isEmpty else {
            return try await pages.needsPage(req, edition: edition, entry: .init(values: values, errors: errors))
        }
        let areaID = row.area.id
        let summary = needs.summaries[areaID]
        let description: String
        switch action {
        case "aufgreifen": description = "Bedarf „\(row.area.title)“ in \(edition.title) aufgegriffen mit „\(unit?.title ?? "")“"
        case "verwerfen": description = "Bedarf „\(row.area.title)“ in \(edition.title) verworfen"
        default: description = "Entscheidung zum Bedarf „\(row.area.title)“ in \(edition.title) zurückgenommen"
        }
        let now = req.now
        // Decisions at once on one edition: PostgreSQL takes them one after the other (the edition's
        // row is locked first); should one still meet the unique (edition, area), it is tried once
        // more and replaces the other decision, as a later one would.
        let strongNeed = summary.map(NeedTrace.strongText)
        do {
            try await record(action, row: row, unit: unit, reason: reason, strongNeed: strongNeed, now: now, description: description, req)
        } catch {
            try await record(action, row: row, unit: unit, reason: reason, strongNeed: strongNeed, now: now, description: description, req)
        }
        return req.redirect(to: SiteURL.needs(.value(editionID)).path + "#vom-bedarf-zum-curriculum")
    }

    private func record(
        _ action: String, row: NeedTrace.Row, unit: NeedTrace.UnitChoice?, reason: String, strongNeed: String?, now: Date, description: String,
        _ req: Request
    ) async throws {
        let editionID = try req.parameters.require(.edition).rawValue
        let areaID = row.area.id
        try await Audit.recording(EvaluationFeature.needsAudit, description, objectID: editionID, by: req) { db in
            if db.sql.dialect.name == "postgresql" {
                try await db.sql.raw("SELECT id FROM editions WHERE id = \(bind: editionID) FOR UPDATE").run()
            }
            try await NeedDecision.query(on: db).filter(\.$edition.$id == editionID).filter(\.$competenceAreaID == areaID).delete()
            guard action != "zuruecknehmen" else { return }
            let decision = NeedDecision()
            decision.$edition.id = editionID
            decision.competenceAreaID = areaID
            decision.kind = action == "aufgreifen" ? .takenUp : .dismissed
            decision.unitID = action == "aufgreifen" ? unit?.id : nil
            decision.unitTitle = action == "aufgreifen" ? unit?.title ?? "" : ""
            decision.reason = action == "verwerfen" ? reason : ""
            decision.suggestedFrom = row.suggestedFrom
            decision.strongNeed = strongNeed ?? row.strongNeed
            decision.decidedAt = now
            try await decision.create(on: db)
            // Taking a need up makes the unit address its area, so the coverage counts it from now on.
            if let unitID = decision.unitID,
                try await UnitCompetenceArea.query(on: db).filter(\.$unit.$id == unitID).filter(\.$competenceArea.$id == areaID).count() == 0
            {
                try await UnitCompetenceArea(unitID: unitID, competenceAreaID: areaID).create(on: db)
            }
        }
    }
}
