import CohesionCore
import CohesionPlatform
import Foundation

/// What the team forms send, checked once.
enum TopicTeamInput {
    static let maxResult = 50_000

    struct Proposal: Sendable { let question: String; let description: String }

    static func proposal(_ values: FormValues) -> Checked<Proposal> {
        var errors = FieldErrors()
        let question = errors.require("frage", values["frage"], "die Frage des Teams", maxLength: 200)
        let description = errors.optional("beschreibung", values["beschreibung"], maxLength: 2_000, multiline: true)
        guard errors.isEmpty else { return .invalid(errors) }
        return .valid(Proposal(question: question, description: description))
    }

    struct Post: Sendable { let parentID: UUID?; let body: String }

    static func post(_ values: FormValues) -> Checked<Post> {
        var errors = FieldErrors()
        let body = errors.require("text", values["text"], "einen Text", maxLength: BoardInput.maxBody, multiline: true)
        var parentID: UUID?
        if !values["antwort_auf"].isEmpty {
            parentID = UUID(uuidString: values["antwort_auf"])
            if parentID == nil { errors.add("text", "Der Beitrag, auf den Sie antworten, ist nicht bekannt.") }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        return .valid(Post(parentID: parentID, body: body))
    }

    struct ResultEdit: Sendable { let basis: Int; let text: String; let note: String }

    /// The result as typed, with the number of the version the editor started from.
    static func result(_ values: FormValues) -> Checked<ResultEdit> {
        var errors = FieldErrors()
        let text = errors.require("text", values["text"], "den Text des Ergebnisses", maxLength: maxResult, multiline: true)
        let note = errors.optional("notiz", values["notiz"], maxLength: 300)
        guard let basis = Int(values["grundlage"]), basis >= 0 else {
            errors.add("text", "Die Fassung, auf der Ihre Änderung beruht, fehlt. Bitte die Seite neu laden.")
            return .invalid(errors)
        }
        guard errors.isEmpty else { return .invalid(errors) }
        return .valid(ResultEdit(basis: basis, text: text, note: note))
    }
}
