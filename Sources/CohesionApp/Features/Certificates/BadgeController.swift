import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import JWTKit
import Vapor

/// The certificate as an Open Badges 3.0 credential, its issuer profile and the keys that verify it.
struct BadgeController {
    /// The signed badge for its owner and the lead (the route's rule checks); none for a revoked certificate.
    func badge(req: Request) async throws -> Response {
        guard let certificate = try await Certificate.find(try req.parameters.require(.certificate), on: req.db) else { throw AppError.notFound }
        if certificate.revokedAt != nil { throw AppError(.gone, "Die Bescheinigung wurde widerrufen.") }
        guard let credential = try await OpenBadgeIssuing.credential(for: certificate, config: req.cohesion.config, on: req.db) else {
            throw AppError.notFound
        }
        let token = try await OpenBadgeIssuing.sign(credential, on: req.db, now: req.now)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vc+jwt")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"open-badge-\(certificate.code).jwt\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(string: token))
    }

    /// The issuer `Profile` a badge names: the programme, at this installation's address.
    func issuer(req: Request) async throws -> Response {
        let programmeID = try req.parameters.require(.programme).rawValue
        guard let programme = try await Programme.find(programmeID, on: req.db) else { throw AppError.notFound }
        let config = req.cohesion.config
        struct Profile: Encodable {
            let context = OpenBadgeCredential.contexts
            let id: String
            let type = ["Profile"]
            let name: String
            let url: String
            let description: String
            enum CodingKeys: String, CodingKey {
                case context = "@context"
                case id, type, name, url, description
            }
        }
        let profile = Profile(
            id: config.absoluteURL(SiteURL.badgeIssuer(.value(programmeID)).path), name: programme.title,
            url: config.absoluteURL(SiteURL.home.path), description: programme.summary)
        return try Self.json(profile, contentType: "application/ld+json")
    }

    func jwks(req: Request) async throws -> Response {
        try Self.json(try await BadgeKeys.jwks(on: req.db), contentType: "application/jwk-set+json")
    }

    private static func json(_ value: some Encodable, contentType: String) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType + "; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}
