import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// A person's registration for one part, as the lead's list filters and shows it: a status, or none.
enum PartRegistration: Sendable, Equatable, Codable {
    case registered(RegistrationStatus)
    case notRegistered

    /// As the list's links write it (`stand=…`): the status's raw value, or `none`.
    init?(queryValue: String) {
        if queryValue == "none" {
            self = .notRegistered
        } else if let status = RegistrationStatus(rawValue: queryValue) {
            self = .registered(status)
        } else {
            return nil
        }
    }

    var queryValue: String {
        switch self {
        case .registered(let status): status.rawValue
        case .notRegistered: "none"
        }
    }

    var label: String {
        switch self {
        case .registered(let status): status.label
        case .notRegistered: "nicht angemeldet"
        }
    }

    /// Every choice of the filter, in the order it offers them.
    static let choices: [PartRegistration] = RegistrationStatus.allCases.map { .registered($0) } + [.notRegistered]
}

/// Which participants the lead's list shows: by part and registration status, kind of municipality, Kreis.
struct ParticipantFilter: Sendable, Equatable {
    var partID: UUID?
    var status: PartRegistration?
    var kind: String?
    var kreisKey: String?
    /// One person only (their own profile on "Mein Programm").
    var userID: UUID?

    init(partID: UUID? = nil, status: PartRegistration? = nil, kind: String? = nil, kreisKey: String? = nil) {
        self.partID = partID
        self.status = status
        self.kind = kind
        self.kreisKey = kreisKey
    }

    init(query: [String: String]) {
        partID = query["teil"].flatMap(UUID.init(uuidString:))
        status = query["stand"].flatMap(PartRegistration.init(queryValue:))
        kind = query["art"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        kreisKey = query["kreis"].flatMap { $0.count == 5 && $0.allSatisfy(\.isNumber) ? $0 : nil }
    }

    /// The same filter as a query string, for the export link.
    var queryString: String {
        var items: [String] = []
        if let partID { items.append("teil=\(partID)") }
        if let status { items.append("stand=\(status.queryValue)") }
        if let kind { items.append("art=" + (kind.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if let kreisKey { items.append("kreis=\(kreisKey)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }
}

/// The lead's list of participants with their municipality, post and registration.
struct ParticipantList: Codable, Sendable {
    struct Row: Codable, Sendable {
        let id: UUID
        let name: String
        let email: String
        let regionKey: String?
        let regionName: String?
        let regionKind: String?
        let kreisName: String?
        let embedding: String?
        let sharePercent: Int?
        /// For the chosen part only.
        let registration: PartRegistration?
    }

    struct Choice: Codable, Sendable {
        let value: String
        let label: String
    }

    let participants: [Row]
    let parts: [Choice]
    let kinds: [Choice]
    let kreise: [Choice]

    private struct SQLRow: Decodable {
        let id: UUID; let name: String; let email: String; let regionKey: String?; let regionName: String?
        let regionKind: String?; let kreisName: String?; let kreisKind: String?; let embedding: String?; let sharePercent: Int?; let registration: String?
    }

    private struct ChoiceRow: Decodable { let value: String; let label: String }
    private struct PartRow: Decodable { let id: UUID; let number: Int; let title: String; let editionTitle: String }

    /// One participant's row, without the filter choices.
    static func row(for userID: UUID, on db: any SQLDatabase) async throws -> Row? {
        var filter = ParticipantFilter()
        filter.userID = userID
        return try await query(filter, on: db, withChoices: false).participants.first
    }

    static func query(_ filter: ParticipantFilter = .init(), on db: any SQLDatabase, withChoices: Bool = true) async throws -> ParticipantList {
        // The Kreis of a Gemeinde is its kreis_key; a profile may also name a Kreis itself.
        let partID = filter.partID ?? UUID()
        var conditions: [SQLQueryString] = ["u.role = \(bind: Role.participant)"]
        if let userID = filter.userID { conditions.append("u.id = \(bind: userID)") }
        switch filter.partID == nil ? nil : filter.status {
        case .registered(let status): conditions.append("g.status = \(bind: status)")
        case .notRegistered: conditions.append("g.id IS NULL")
        case nil: break
        }
        if let kind = filter.kind { conditions.append("r.kind = \(bind: kind)") }
        if let kreis = filter.kreisKey { conditions.append("COALESCE(r.kreis_key, r.key) = \(bind: kreis)") }
        async let rows = db.raw(
            """
            SELECT u.id, u.name, u.email, p.region_key, r.name AS region_name, r.kind AS region_kind, k.name AS kreis_name,
                   k.kind AS kreis_kind,
                   p.embedding, p.share_percent, g.status AS registration
            FROM users u LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN regions r ON r.key = p.region_key
            LEFT JOIN regions k ON k.key = COALESCE(r.kreis_key, r.key) AND k.level = \(bind: RegionLevel.kreis)
            LEFT JOIN registrations g ON g.user_id = u.id AND g.part_id = \(bind: partID)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY u.name
            """
        ).all(decoding: SQLRow.self, with: .snakeCaseColumns)
        async let parts =
            !withChoices
            ? []
            : db.raw(
                """
                SELECT p.id, p.number, p.title, e.title AS edition_title FROM parts p JOIN editions e ON e.id = p.edition_id ORDER BY p.starts_on
                """
            ).all(decoding: PartRow.self, with: .snakeCaseColumns)
        async let kinds =
            !withChoices
            ? []
            : db.raw(
                """
                SELECT DISTINCT r.kind AS value, r.kind AS label FROM profiles p JOIN regions r ON r.key = p.region_key ORDER BY r.kind
                """
            ).all(decoding: ChoiceRow.self)
        async let kreise =
            !withChoices
            ? []
            : db.raw(
                """
                SELECT DISTINCT k.key AS value, k.name AS label FROM profiles p JOIN regions r ON r.key = p.region_key
                JOIN regions k ON k.key = COALESCE(r.kreis_key, r.key) AND k.level = \(bind: RegionLevel.kreis) ORDER BY k.name
                """
            ).all(decoding: ChoiceRow.self)
        return ParticipantList(
            participants: try await rows.map { row in
                Row(
                    id: row.id, name: row.name, email: row.email, regionKey: row.regionKey, regionName: row.regionName.map(RegionName.readable),
                    regionKind: row.regionKind, kreisName: row.kreisName.map { RegionName.kreis(name: $0, kind: row.kreisKind) },
                    embedding: row.embedding, sharePercent: row.sharePercent,
                    registration: filter.partID == nil
                        ? nil : (row.registration.flatMap(RegistrationStatus.init(rawValue:)).map { .registered($0) } ?? .notRegistered))
            },
            parts: try await parts.map { Choice(value: $0.id.uuidString, label: "Teil \($0.number): \($0.title) (\($0.editionTitle))") },
            kinds: try await kinds.map { Choice(value: $0.value, label: $0.label) },
            kreise: try await kreise.map { Choice(value: $0.value, label: $0.label) })
    }
}
