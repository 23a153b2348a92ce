import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Stände: the participant freezes the network at a part and sees what changed since.
struct NetworkSnapshotController {
    struct MemberPart: Decodable, Sendable { let id: UUID; let number: Int; let title: String }

    func list(req: Request) async throws -> Response {
        try await page(req, errors: FieldErrors())
    }

    func take(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let parts = try await memberParts(user.id, on: req)
        let values = req.formValues()
        guard let partID = UUID(uuidString: values["partID"]), let part = parts.first(where: { $0.id == partID }) else {
            var errors = FieldErrors()
            errors.add("partID", "Bitte den Teil wählen, zu dem Sie den Stand festhalten.")
            return try await page(req, errors: errors)
        }
        try await NetworkStore.snapshot(userID: user.id, partID: partID, label: "Teil \(part.number): \(part.title)", now: req.now, on: req.db)
        return req.redirect(to: Notice.saved.appended(to: SiteURL.snapshots.path))
    }

    private func page(_ req: Request, errors: FieldErrors) async throws -> Response {
        let user = try req.requireUser()
        let parts = try await memberParts(user.id, on: req)
        let snapshots = try await NetworkStore.snapshots(userID: user.id, on: req.db)
        let current = try await NetworkStore.load(userID: user.id, on: req.sql).network
        let view = NetworkSnapshotViews.page(
            parts: parts, snapshots: snapshots, current: current, errors: errors,
            frame: req.frame("Stände meines Netzwerks", section: .myProgramme))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func memberParts(_ userID: UUID, on req: Request) async throws -> [MemberPart] {
        try await req.sql.raw(
            """
            SELECT p.id, p.number, p.title FROM parts p JOIN edition_members m ON m.edition_id = p.edition_id
            WHERE m.user_id = \(bind: userID) ORDER BY p.starts_on
            """
        ).all(decoding: MemberPart.self)
    }
}

enum NetworkSnapshotViews {
    static func page(
        parts: [NetworkSnapshotController.MemberPart], snapshots: [NetworkSnapshot], current: EgoNetwork,
        errors: FieldErrors, frame: PageFrame
    ) -> HTML {
        let field = FieldSpec(
            name: "partID", label: "Zu welchem Teil?",
            kind: .select(parts.map { .init(value: $0.id.uuidString, label: "Teil \($0.number): \($0.title)") }, emptyLabel: "Bitte wählen"),
            required: true)
        let frozen = snapshots.compactMap { snapshot in snapshot.network.map { (snapshot, $0) } }
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.network.path)) { "Mein Netzwerk" } }
            HTML.h1 { "Stände meines Netzwerks" }
            HTML.p(.class("lead")) {
                "Halten Sie zu jedem Teil fest, wie Ihr Netzwerk steht. So sehen Sie, was sich zwischen den Teilen verändert hat."
            }
            if let (last, network) = frozen.last {
                section(
                    title: "Seit dem letzten Stand (\(last.label))", id: "seit-letztem", change: NetworkChange(from: network, to: current),
                    afterLabel: "heute")
            }
            Form.errorSummary(errors, fields: [field])
            HTML.form(.method("post"), .action(SiteURL.snapshots.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields([field], values: FormValues(), errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Stand festhalten" } }
            }
            if frozen.count > 1 {
                HTML.h2 { "Zwischen den Ständen" }
                zip(frozen, frozen.dropFirst()).reversed().map { pair in
                    let ((first, before), (second, after)) = pair
                    return section(
                        title: "\(first.label) → \(second.label)", id: "stand-" + (second.id?.uuidString.lowercased() ?? ""),
                        change: NetworkChange(from: before, to: after), afterLabel: second.label, level: 3)
                }
            }
            if frozen.isEmpty { HTML.p(.class("muted")) { "Noch kein Stand festgehalten." } }
        }
    }

    private static func section(title: String, id: String, change: NetworkChange, afterLabel: String, level: Int = 2) -> HTML {
        .section(.ariaLabelledBy(id)) {
            if level == 2 { HTML.h2(.id(id)) { title } } else { HTML.h3(.id(id)) { title } }
            HTML.ul(.class("findings")) {
                if change.isEmpty { HTML.li { "Keine neuen Akteur*innen oder Verbindungen." } }
                if !change.addedActors.isEmpty { HTML.li { "Neu: " + NetworkFindings.list(change.addedActors) + "." } }
                if !change.removedActors.isEmpty { HTML.li { "Nicht mehr dabei: " + NetworkFindings.list(change.removedActors) + "." } }
                if !change.newTies.isEmpty { HTML.li { "Neue Verbindungen: " + NetworkFindings.list(change.newTies.map(\.ends)) + "." } }
                if !change.strongerTies.isEmpty {
                    HTML.li { "Stärker: " + NetworkFindings.list(change.strongerTies.map { "\($0.ends) (\($0.before ?? 0) → \($0.after))" }) + "." }
                }
                if !change.wishesMet.isEmpty { HTML.li { "Gewünscht und jetzt geknüpft: " + NetworkFindings.list(change.wishesMet) + "." } }
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Kennzahlen vorher und \(afterLabel)" }
                    HTML.thead { TableHeadings.row(["Kennzahl", "Vorher", "Nachher"]) }
                    HTML.tbody { measures(change.before, change.after) }
                }
            }
        }
    }

    private static func measures(_ before: NetworkAnalysis, _ after: NetworkAnalysis) -> HTML {
        func optional(_ value: Double?, _ digits: Int = 1) -> String { value.map { germanDecimal($0, digits: digits) } ?? "–" }
        let rows: [(String, String, String)] = [
            ("Akteur*innen", "\(before.actorCount)", "\(after.actorCount)"),
            ("Bereiche mit Verbindung (von 6)", "\(6 - before.missingSectors.count)", "\(6 - after.missingSectors.count)"),
            ("Wichtige Arten ohne Verbindung", "\(before.missingReferenceKinds.count)", "\(after.missingReferenceKinds.count)"),
            ("Effektive Größe", optional(before.effectiveSize), optional(after.effectiveSize)),
            ("Effizienz", optional(before.efficiency, 2), optional(after.efficiency, 2)),
            ("Beschränkung (Burt)", optional(before.constraint, 2), optional(after.constraint, 2)),
            ("Dichte ohne Sie", germanDecimal(before.density, digits: 2), germanDecimal(after.density, digits: 2)),
            ("Offene Wünsche", "\(before.openWishes.count)", "\(after.openWishes.count)"),
        ]
        return HTMLBuilder.buildArray(
            rows.map { row in
                HTML.tr {
                    HTML.th(.scope("row")) { row.0 }
                    HTML.td(.class("number")) { row.1 }
                    HTML.td(.class("number")) { row.2 }
                }
            })
    }
}
