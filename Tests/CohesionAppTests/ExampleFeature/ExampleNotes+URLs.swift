import CohesionPlatform
import Foundation

/// The example feature's one address (see `ExampleNotesFeature`).
extension SiteURL {
    static var exampleNotes: SiteURL { SiteURL(["beispiel-notizen"]) }
}

extension Notice {
    static let exampleNoteSaved = Notice("notiz-gespeichert", "Die Notiz ist gespeichert.")
}

extension AuditAction {
    static let exampleNote = AuditAction("example-note", "Beispielnotizen")
}
