import CohesionPlatform
import Fluent
import Foundation

extension Audit {
    /// A part as the log names it.
    static func part(_ partID: UUID, on db: any Database) async throws -> String {
        guard let part = try await Part.find(partID, on: db) else { return "unbekannter Teil" }
        return "Teil \(part.number) (\(part.title))"
    }
}
