import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Who may see and who may add a unit's material.
enum MaterialAccess {
    struct UnitInfo: Decodable, Sendable {
        let id: UUID
        let title: String
        let partID: UUID
        let partNumber: Int
        let partTitle: String
        let editionID: UUID
    }

    static func unit(_ unitID: UUID, on db: any SQLDatabase) async throws -> UnitInfo? {
        try await db.raw(
            """
            SELECT u.id, u.title, p.id AS part_id, p.number AS part_number, p.title AS part_title, p.edition_id
            FROM units u JOIN parts p ON p.id = u.part_id WHERE u.id = \(bind: unitID)
            """
        ).first(decoding: UnitInfo.self, with: .snakeCaseColumns)
    }

    /// The unit a file belongs to.
    static func unit(ofMaterial materialID: UUID, on db: any SQLDatabase) async throws -> UnitInfo? {
        try await db.raw(
            """
            SELECT u.id, u.title, p.id AS part_id, p.number AS part_number, p.title AS part_title, p.edition_id
            FROM materials m JOIN units u ON u.id = m.unit_id JOIN parts p ON p.id = u.part_id WHERE m.id = \(bind: materialID)
            """
        ).first(decoding: UnitInfo.self, with: .snakeCaseColumns)
    }

    /// Lead and admin, the unit's facilitators.
    static func mayUpload(_ user: CurrentUser, unitID: UUID, on db: any SQLDatabase) async throws -> Bool {
        if user.role.canEditStructure { return true }
        guard user.role == .facilitator else { return false }
        return try await Involvement.gives(user.id, unit: unitID, on: db)
    }

    /// Those who may upload, and the participants of the unit's edition.
    static func mayDownload(_ user: CurrentUser, unit: UnitInfo, on db: any SQLDatabase) async throws -> Bool {
        if try await mayUpload(user, unitID: unit.id, on: db) { return true }
        guard user.role == .participant else { return false }
        return try await Involvement.isMember(user.id, ofEdition: unit.editionID, on: db)
    }

    /// "Präsentation Straße.pdf" as a Content-Disposition that keeps the umlauts (RFC 6266 / 5987)
    /// with a plain-ASCII fallback for old programs.
    static func contentDisposition(fileName: String) -> String {
        let fallback = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// The file name as uploaded, without any path a browser may send along (see `UploadKind.cleanFileName`).
    static func cleanFileName(_ name: String) -> String {
        UploadKind.cleanFileName(name)
    }
}
