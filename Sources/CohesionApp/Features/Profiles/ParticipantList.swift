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
    /// The search (part of a name, an e-mail address or a municipality's name) and the page; the export takes every page.
    var list = ListPage()
    /// One person only (their own profile on "Mein Programm").
    var userID: UUID?

    init(partID: UUID? = nil, status: PartRegistration? = nil, kind: String? = nil, kreisKey: String? = nil, search: String = "") {
        self.partID = partID
        self.status = status
        self.kind = kind
        self.kreisKey = kreisKey
        list.search = search
    }

    init(query: [String: String]) {
        partID = query["teil"].flatMap(UUID.init(uuidString:))
        status = query["stand"].flatMap(PartRegistration.init(queryValue:))
        kind = query["art"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        kreisKey = query["kreis"].flatMap { $0.count == 5 && $0.allSatisfy(\.isNumber) ? $0 : nil }
        list = ListPage(query: query)
    }

    /// Whether the conditions ask about the municipality or the registration: a count or a page's
    /// choice of accounts joins only those tables.
    var asksAboutRegion: Bool { kind != nil || kreisKey != nil || !list.search.isEmpty }
    var asksAboutRegistration: Bool { partID != nil && status != nil }

    /// The filter as query items, without the page: for the export link and the page links.
    var queryItems: [URLQueryItem] {
        var items = list.searchItems
        if let partID { items.append(URLQueryItem(name: "teil", value: partID.uuidString)) }
        if let status { items.append(URLQueryItem(name: "stand", value: status.queryValue)) }
        if let kind { items.append(URLQueryItem(name: "art", value: kind)) }
        if let kreisKey { items.append(URLQueryItem(name: "kreis", value: kreisKey)) }
        return items
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

    /// A page's people, in the order of their names.
    let participants: [Row]
    /// Everyone the filter matches, on every page.
    let total: Int
    /// The page shown (the last one where the filter asked for a page beyond it).
    let page: Int
    let parts: [Choice]
    let kinds: [Choice]
    let kreise: [Choice]

    var pages: Int { PageLinks.count(total, size: ListPage.size) }

    private struct SQLRow: Decodable {
        let id: UUID; let name: String; let email: String; let regionKey: String?; let regionName: String?
        let regionKind: String?; let kreisName: String?; let kreisKind: String?; let embedding: String?; let sharePercent: Int?; let registration: String?
    }

    private struct ChoiceRow: Decodable { let value: String; let label: String }
    private struct PartRow: Decodable { let id: UUID; let number: Int; let title: String; let editionTitle: String }

    /// The filter choices: kept behind the report counter (profiles, the register and the parts
    /// move it), since each is a walk over every profile.
    private struct Choices: Sendable {
        let parts: [Choice]
        let kinds: [Choice]
        let kreise: [Choice]
    }

    /// One participant's row, without the filter choices.
    static func row(for userID: UUID, on db: any SQLDatabase) async throws -> Row? {
        var filter = ParticipantFilter()
        filter.userID = userID
        return try await query(filter, paged: false, on: db).participants.first
    }

    /// The page the filter asks for with the filter's choices; with `paged` false every row the
    /// filter matches (the export) and no choices.
    static func query(
        _ filter: ParticipantFilter = .init(), paged: Bool = true, cache: ReportCache? = nil, on db: any SQLDatabase
    ) async throws -> ParticipantList {
        let partID = filter.partID ?? UUID()
        let matching = conditions(filter, partID: partID, on: db)
        func rows(page: Int?) async throws -> [SQLRow] {
            try await Self.rows(matching, partID: partID, limit: ListPage.limit(page: page), on: db)
        }
        guard paged else {
            let all = try await rows(page: nil)
            return ParticipantList(participants: all.map { row($0, filter: filter) }, total: all.count, page: 1, parts: [], kinds: [], kreise: [])
        }
        struct CountRow: Decodable { let total: Int }
        // The count joins only what the filter asks about: SQLite walks every join for each of
        // 100,000 accounts (the count with all joins took 285 ms, without them 9 ms); the count of
        // everyone is kept, the accounts move the report counter.
        let countFrom = filteredFrom(filter, partID: partID)
        let count: @Sendable () async throws -> Int = {
            try await db.raw("SELECT COUNT(*) AS total \(countFrom) WHERE \(matching)").first(decoding: CountRow.self)?.total ?? 0
        }
        async let counted =
            filter.asksAboutRegion || filter.asksAboutRegistration ? try await count() : try await cache.value("participant-count", on: db, compute: count)
        async let firstTry = rows(page: filter.list.number)
        async let choices = cache.value("participant-list-choices", on: db) { try await Self.choices(on: db) }
        let total = try await counted
        var page = filter.list.number
        var shown = try await firstTry
        if shown.isEmpty, total > 0 {
            // Beyond the last page (the list got shorter since the link was made): the last page.
            page = PageLinks.count(total, size: ListPage.size)
            shown = try await rows(page: page)
        }
        let kept = try await choices
        return ParticipantList(
            participants: shown.map { row($0, filter: filter) }, total: total, page: page, parts: kept.parts, kinds: kept.kinds, kreise: kept.kreise)
    }

    /// Every row the filter matches, a batch at a time in the list's order, inside the export's
    /// snapshot transaction. PostgreSQL reads the one statement through a cursor: one plan for all
    /// batches (a statement per page joined all 100,000 accounts again each time, 100 ms a page).
    /// SQLite pages by name and account, each page's accounts chosen first with only the joins the
    /// filter asks about, so that a page never walks the list from its start.
    static func export(_ filter: ParticipantFilter, batch: Int, on db: any SQLDatabase, each: ([Row]) async throws -> Void) async throws {
        let partID = filter.partID ?? UUID()
        if db.dialect.name == "postgresql" {
            let statement = select(conditions(filter, partID: partID, on: db), partID: partID, limit: "")
            try await db.eachBatch(of: statement, size: batch, decoding: SQLRow.self, with: .snakeCaseColumns) { rows in
                try await each(rows.map { row($0, filter: filter) })
            }
            return
        }
        var last: Row?
        repeat {
            var matching = conditions(filter, partID: partID, on: db)
            if let last { matching = "\(matching) AND (u.name, u.id) > (\(bind: last.name), \(bind: last.id))" }
            let page: SQLQueryString = """
                u.id IN (SELECT u.id \(filteredFrom(filter, partID: partID)) WHERE \(matching) ORDER BY u.name, u.id LIMIT \(literal: batch))
                """
            let rows = try await rows(page, partID: partID, limit: "", on: db).map { row($0, filter: filter) }
            try await each(rows)
            last = rows.count == batch ? rows.last : nil
        } while last != nil
    }

    /// The accounts with only the joins the filter's conditions need.
    private static func filteredFrom(_ filter: ParticipantFilter, partID: UUID) -> SQLQueryString {
        """
        FROM users u \(filter.asksAboutRegion ? "LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN regions r ON r.key = p.region_key" : "" as SQLQueryString)
        \(filter.asksAboutRegistration ? "LEFT JOIN registrations g ON g.user_id = u.id AND g.part_id = \(bind: partID)" : "" as SQLQueryString)
        """
    }

    private static func rows(_ matching: SQLQueryString, partID: UUID, limit: SQLQueryString, on db: any SQLDatabase) async throws -> [SQLRow] {
        try await db.allRowsAtOnce(select(matching, partID: partID, limit: limit), decoding: SQLRow.self, with: .snakeCaseColumns)
    }

    /// Every column the list shows. The Kreis of a Gemeinde is its kreis_key; a profile may also name a Kreis itself.
    private static func select(_ matching: SQLQueryString, partID: UUID, limit: SQLQueryString) -> SQLQueryString {
        """
        SELECT u.id, u.name, u.email, p.region_key, r.name AS region_name, r.kind AS region_kind, k.name AS kreis_name,
               k.kind AS kreis_kind, p.embedding, p.share_percent, g.status AS registration
        FROM users u LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN regions r ON r.key = p.region_key
        LEFT JOIN registrations g ON g.user_id = u.id AND g.part_id = \(bind: partID)
        LEFT JOIN regions k ON k.key = COALESCE(r.kreis_key, r.key) AND k.level = \(bind: RegionLevel.kreis)
        WHERE \(matching) ORDER BY u.name, u.id \(limit)
        """
    }

    private static func conditions(_ filter: ParticipantFilter, partID: UUID, on db: any SQLDatabase) -> SQLQueryString {
        var conditions: [SQLQueryString] = ["u.role = \(bind: Role.participant)"]
        if let userID = filter.userID { conditions.append("u.id = \(bind: userID)") }
        switch filter.partID == nil ? nil : filter.status {
        case .registered(let status): conditions.append("g.status = \(bind: status)")
        case .notRegistered: conditions.append("g.id IS NULL")
        case nil: break
        }
        if let kind = filter.kind { conditions.append("r.kind = \(bind: kind)") }
        if let kreis = filter.kreisKey { conditions.append("COALESCE(r.kreis_key, r.key) = \(bind: kreis)") }
        if !filter.list.search.isEmpty {
            // Municipalities are matched by the lower-case name stored at import.
            let pattern = "%" + LikePattern.escape(filter.list.search.lowercased()) + "%"
            conditions.append(
                """
                (\(NameMatch.condition("u.name", contains: filter.list.search, on: db)) OR \(NameMatch.condition("u.email", contains: filter.list.search, on: db))
                 OR r.search_name LIKE \(bind: pattern) ESCAPE '\\')
                """)
        }
        return conditions.joined(separator: " AND ")
    }

    private static func row(_ row: SQLRow, filter: ParticipantFilter) -> Row {
        Row(
            id: row.id, name: row.name, email: row.email, regionKey: row.regionKey, regionName: row.regionName.map(RegionName.readable),
            regionKind: row.regionKind, kreisName: row.kreisName.map { RegionName.kreis(name: $0, kind: row.kreisKind) },
            embedding: row.embedding, sharePercent: row.sharePercent,
            registration: filter.partID == nil
                ? nil : (row.registration.flatMap(RegistrationStatus.init(rawValue:)).map { .registered($0) } ?? .notRegistered))
    }

    private static func choices(on db: any SQLDatabase) async throws -> Choices {
        async let parts = db.raw(
            """
            SELECT p.id, p.number, p.title, e.title AS edition_title FROM parts p JOIN editions e ON e.id = p.edition_id ORDER BY p.starts_on
            """
        ).all(decoding: PartRow.self, with: .snakeCaseColumns)
        async let kinds = db.raw(
            """
            SELECT DISTINCT r.kind AS value, r.kind AS label FROM profiles p JOIN regions r ON r.key = p.region_key ORDER BY r.kind
            """
        ).all(decoding: ChoiceRow.self)
        async let kreise = db.raw(
            """
            SELECT DISTINCT k.key AS value, k.name AS label FROM profiles p JOIN regions r ON r.key = p.region_key
            JOIN regions k ON k.key = COALESCE(r.kreis_key, r.key) AND k.level = \(bind: RegionLevel.kreis) ORDER BY k.name
            """
        ).all(decoding: ChoiceRow.self)
        return Choices(
            parts: try await parts.map { Choice(value: $0.id.uuidString, label: "Teil \($0.number): \($0.title) (\($0.editionTitle))") },
            kinds: try await kinds.map { Choice(value: $0.value, label: $0.label) },
            kreise: try await kreise.map { Choice(value: $0.value, label: $0.label) })
    }
}

/// The list reads users by role in name order, a page at a time: without this index every page
/// sorts all 100,000 participants.
struct CreateParticipantListIndex: IndexMigration {
    static let indexes = [("idx_users_role_name", "users (role, name, id)")]
}

/// Colleagues on a region profile and the cohort's map look profiles up by municipality: without
/// the index PostgreSQL read all 100,000 profiles for the colleagues of one region (16 ms, 0.9 with it).
struct CreateProfileRegionIndex: IndexMigration {
    static let indexes = [("idx_profiles_region", "profiles (region_key)")]
}
