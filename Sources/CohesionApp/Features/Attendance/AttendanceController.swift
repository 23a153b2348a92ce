import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lead, and a facilitator for their own units, record attendance and print sign-in lists.
struct AttendanceController {
    func sheet(req: Request) async throws -> Response {
        let sheet = try await authorisedSheet(req)
        return .html(AttendanceViews.sheet(sheet, errors: [], frame: req.frame("Anwesenheit: \(sheet.title)", section: section(req))))
    }

    func save(req: Request) async throws -> Response {
        let sheet = try await authorisedSheet(req)
        let values = req.formValues()
        let known = Set(sheet.rows.map(\.userID))
        var choices: [(UUID, AttendanceStatus)] = []
        var errors: [String] = []
        for row in sheet.rows {
            let raw = values["status-" + row.userID.uuidString]
            guard !raw.isEmpty else { continue }
            guard let status = AttendanceStatus(rawValue: raw) else { errors.append("Unbekannter Stand für \(row.name)."); continue }
            choices.append((row.userID, status))
        }
        let foreign = values.values.keys.filter { $0.hasPrefix("status-") }
            .compactMap { UUID(uuidString: String($0.dropFirst("status-".count))) }.filter { !known.contains($0) }
        if !foreign.isEmpty { errors.append("Die Liste enthält Personen, die für diesen Teil nicht angemeldet sind.") }
        guard errors.isEmpty else {
            let view = AttendanceViews.sheet(sheet, errors: errors, frame: req.frame("Anwesenheit: \(sheet.title)", section: section(req)))
            return .html(view, status: .unprocessableEntity)
        }
        let recorder = try req.requireUser().id
        let chosen = choices
        try await Audit.recording(
            .attendance, "Anwesenheit für die Einheit „\(sheet.title)“ erfasst (\(chosen.count) Personen)",
            objectID: sheet.unitID, by: req
        ) { db in
            for (userID, status) in chosen {
                let record =
                    try await Attendance.query(on: db).filter(\.$unit.$id == sheet.unitID).filter(\.$user.$id == userID).first()
                    ?? Attendance()
                record.$unit.id = sheet.unitID
                record.$user.id = userID
                record.status = status
                record.recordedBy = recorder
                try await record.save(on: db)
            }
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.attendance(.value(sheet.unitID)).path))
    }

    func signInList(req: Request) async throws -> Response {
        let sheet = try await authorisedSheet(req)
        return .html(AttendanceViews.signInList(sheet, frame: req.frame("Unterschriftenliste: \(sheet.title)", section: section(req))))
    }

    /// The route's rule lets the lead and admin see every unit, a facilitator only the units they give.
    private func authorisedSheet(_ req: Request) async throws -> AttendanceSheet {
        let unitID = try req.parameters.require(.unit).rawValue
        guard let sheet = try await AttendanceSheet.query(unitID: unitID, on: req.sql) else { throw AppError.notFound }
        return sheet
    }

    private func section(_ req: Request) -> NavSection {
        req.user?.role == .facilitator ? .myProgramme : .admin
    }
}
