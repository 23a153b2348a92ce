import Foundation
import SQLKit
import CohesionCore

/// The lead's list of participants with their municipality and post.
struct ParticipantList: Codable, Sendable {
    struct Row: Codable, Sendable {
        let id: UUID
        let name: String
        let email: String
        let regionKey: String?
        let regionName: String?
        let regionKind: String?
        let embedding: String?
        let sharePercent: Int?
    }

    let participants: [Row]

    private struct SQLRow: Decodable {
        let id: UUID; let name: String; let email: String; let region_key: String?; let region_name: String?
        let region_kind: String?; let embedding: String?; let share_percent: Int?
    }

    static func query(on db: any SQLDatabase) async throws -> ParticipantList {
        let rows = try await db.raw("""
            SELECT u.id, u.name, u.email, p.region_key, r.name AS region_name, r.kind AS region_kind, p.embedding, p.share_percent
            FROM users u LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN regions r ON r.key = p.region_key
            WHERE u.role = \(bind: Role.participant.rawValue) ORDER BY u.name
            """).all(decoding: SQLRow.self)
        return ParticipantList(participants: rows.map {
            Row(id: $0.id, name: $0.name, email: $0.email, regionKey: $0.region_key, regionName: $0.region_name,
                regionKind: $0.region_kind, embedding: $0.embedding, sharePercent: $0.share_percent)
        })
    }
}

enum ParticipantListView {
    static func render(_ model: ParticipantList, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" } }
            HTML.h1 { "Teilnehmer*innen" }
            if model.participants.isEmpty { HTML.p { "Noch keine Teilnehmer*innen." } } else {
                HTML.div(.class("table-scroll")) {
                    HTML.table {
                        HTML.thead { HTML.tr { ["Name", "E-Mail", "Kommune", "Stelle", "Profil"].map { h in HTML.th(.scope("col")) { h } } } }
                        HTML.tbody { model.participants.map(row) }
                    }
                }
            }
        }
    }

    private static func row(_ row: ParticipantList.Row) -> HTML {
        .tr {
            HTML.td { row.name }
            HTML.td { row.email }
            HTML.td {
                if let key = row.regionKey {
                    HTML.a(.href(SiteURL.region(.value(key)).path)) { row.regionName ?? key }
                } else { "noch nicht angegeben" }
            }
            HTML.td { position(row) }
            HTML.td {
                HTML.a(.href(AdminURL.profile(.value(row.id)).path)) {
                    "Bearbeiten"
                    HTML.span(.class("visually-hidden")) { ": Profil von " + row.name }
                }
            }
        }
    }

    static func position(_ row: ParticipantList.Row) -> String {
        guard let embedding = row.embedding.flatMap(Embedding.init(rawValue:)), let share = row.sharePercent else { return "–" }
        return embedding.label + ", \(share) %"
    }
}
