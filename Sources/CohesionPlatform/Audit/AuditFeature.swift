import CohesionCore
import Fluent
import SQLKit
import Vapor

/// The admin's view of the audit log, newest first, filtered by kind, person and period.
/// There is no route that changes or deletes a line.
package enum AuditFeature: Feature {
    package static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .administration = page, user.role == .admin else { return [] }
        return [PageLink(order: 40, label: "Änderungsprotokoll", path: AdminURL.auditLog.path)]
    }

    package static func register(on routes: any RoutesBuilder, app: Application) throws {
        routes.get(AdminURL.auditLog, AccessRule.roles([.admin], "Administration"), use: page)
    }

    package static let personalData = [
        PersonalData(
            table: "audit_log", data: "wer wann was geändert hat (Name und Rolle, Art und Gegenstand der Änderung, nicht deren Inhalt)",
            purpose: "Nachvollziehbarkeit von Änderungen an Personen, Anmeldungen, Anwesenheit, Bescheinigungen und Einstellungen",
            kept: "unbegrenzt; die Anwendung bietet keine Änderung oder Löschung",
            links: [.account("actor_id", .anonymiseAuditTrail)])
    ]

    package static let pageSize = 100

    package struct Filter: Sendable {
        package var action: AuditAction?
        package var person = ""
        package var from: CalendarDay?
        package var to: CalendarDay?
        package var before: Date?

        package init(query: [String: String], features: FeatureCatalog) {
            action = query["bereich"].flatMap(features.auditAction(named:))
            person = String((query["person"] ?? "").trimmingCharacters(in: .whitespaces).prefix(LikePattern.maxQueryLength))
            from = query["von"].flatMap(CalendarDay.init(iso:))
            to = query["bis"].flatMap(CalendarDay.init(iso:))
            before = query["vor"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        }
    }

    @Sendable package static func page(req: Request) async throws -> Response {
        let filter = Filter(query: (try? req.query.decode([String: String].self)) ?? [:], features: req.features)
        var query = AuditEntry.query(on: req.db).sort(\.$at, .descending).sort(\.$id, .descending).limit(pageSize + 1)
        if let action = filter.action { query = query.filter(\.$action == action) }
        if !filter.person.isEmpty { query = query.filter(\.$actor, .custom("LIKE"), "%" + LikePattern.escape(filter.person) + "%") }
        if let from = filter.from, let start = BerlinTime.instant(on: from, at: "00:00") { query = query.filter(\.$at >= start) }
        if let to = filter.to, let end = BerlinTime.instant(on: to.adding(days: 1), at: "00:00") { query = query.filter(\.$at < end) }
        if let before = filter.before { query = query.filter(\.$at < before) }
        let entries = try await query.all()
        let view = AuditViews.page(
            Array(entries.prefix(pageSize)), filter: filter, older: entries.count > pageSize ? entries[pageSize - 1].at : nil,
            frame: req.frame("Änderungsprotokoll", section: .admin))
        return .html(view)
    }
}

extension AdminURL {
    package static var auditLog: AdminURL { AdminURL(["verwaltung", "protokoll"]) }
}
