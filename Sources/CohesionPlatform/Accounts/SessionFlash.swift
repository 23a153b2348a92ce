import Fluent
import Foundation
import SQLKit
import Vapor

/// A result to show once on the page a form redirects to (post/redirect/get): kept in the
/// visitor's session row, so any instance can show it and a reload does not send the form again.
package enum SessionFlash {
    private struct FlashRow: Decodable { let flash: String? }

    package static func put(_ value: some Encodable, on req: Request) async throws {
        guard let sessionID = req.visitor.sessionID else { return }
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        try await req.sql.update(WebSession.schema).set("flash", to: SQLBind(json))
            .where("id", .equal, SQLBind(sessionID)).run()
    }

    /// The value put last, removed as it is read; nil when there is none or it is of another kind.
    package static func take<Value: Decodable>(_ type: Value.Type, on req: Request) async throws -> Value? {
        guard let sessionID = req.visitor.sessionID else { return nil }
        guard
            let json = try await req.sql.select().column("flash").from(WebSession.schema)
                .where("id", .equal, SQLBind(sessionID)).first(decoding: FlashRow.self)?.flash
        else { return nil }
        try await req.sql.update(WebSession.schema).set("flash", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(sessionID)).run()
        return try? JSONDecoder().decode(type, from: Data(json.utf8))
    }
}

package struct UpdateWebSessionAddFlash: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(WebSession.schema).field("flash", .string).update()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(WebSession.schema).deleteField("flash").update()
    }

    package init() {}
}
