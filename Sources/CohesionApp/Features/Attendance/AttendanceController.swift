import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lead, and a facilitator for their own units, record attendance and print sign-in lists.
struct AttendanceController {
    func sheet(req: Request) async throws -> Response {
        let sheet = try await authorisedSheet(req, list: Self.list(req))
        return .html(AttendanceViews.sheet(sheet, errors: [], frame: req.frame("Anwesenheit: \(sheet.title)", section: section(req))))
    }

    /// Stores what the page's form sends: the people of one page, each registered for the part.
    func save(req: Request) async throws -> Response {
        let list = Self.list(req)
        let sheet = try await authorisedSheet(req, list: list)
        let values = req.formValues()
        var posted: [(UUID, String)] = []
        for (key, _) in values.values where key.hasPrefix("status-") {
            guard let userID = UUID(uuidString: String(key.dropFirst("status-".count))) else { continue }
            posted.append((userID, values[key]))
        }
        let registered = try await AttendanceSheet.registered(Set(posted.map(\.0)), forPartOf: sheet.unit, on: req.sql)
        var choices: [(UUID, AttendanceStatus)] = []
        var errors: [String] = []
        for (userID, raw) in posted where registered.contains(userID) && !raw.isEmpty {
            guard let status = AttendanceStatus(rawValue: raw) else {
                errors.append("Unbekannter Stand für \(sheet.rows.first { $0.userID == userID }?.name ?? "eine Person")."); continue
            }
            choices.append((userID, status))
        }
        if posted.contains(where: { !registered.contains($0.0) }) {
            errors.append("Die Liste enthält Personen, die für diesen Teil nicht angemeldet sind.")
        }
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
        return req.redirect(to: Notice.saved.appended(to: AttendanceViews.address(sheet)))
    }

    /// The page and search the address asks for (the form posts to the page it was on).
    private static func list(_ req: Request) -> ListPage {
        ListPage(query: (try? req.query.decode([String: String].self)) ?? [:])
    }

    func signInList(req: Request) async throws -> Response {
        let sheet = try await authorisedSheet(req)
        return .html(AttendanceViews.signInList(sheet, frame: req.frame("Unterschriftenliste: \(sheet.title)", section: section(req))))
    }

    /// The route's rule lets the lead and admin see every unit, a facilitator only the units they give.
    private func authorisedSheet(_ req: Request, list: ListPage? = nil) async throws -> AttendanceSheet {
        let unitID = try req.parameters.require(.unit).rawValue
        guard let sheet = try await AttendanceSheet.query(unitID: unitID, list: list, cache: req.cohesion.reports, on: req.sql) else {
            throw AppError.notFound
        }
        return sheet
    }

    private func section(_ req: Request) -> NavSection {
        req.user?.role == .facilitator ? .myProgramme : .admin
    }
}
