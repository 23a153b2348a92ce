import CohesionPlatform
import Foundation

/// The addresses of AccountAdmin: the admin's list of accounts (GET, POST to create) and one account's
/// page with its role, lock and erasure.
extension AdminURL {
    static var accounts: AdminURL { AdminURL(["verwaltung", "konten"]) }
    static func account(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "konten", id.component(.person)]) }
    static func accountRole(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "konten", id.component(.person), "rolle"]) }
    static func accountLock(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "konten", id.component(.person), "sperre"]) }
    static func accountErasure(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "konten", id.component(.person), "loeschen"]) }
}
