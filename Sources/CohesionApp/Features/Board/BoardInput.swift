import CohesionCore
import CohesionPlatform
import Foundation

/// A post as typed into a form (or sent through the API), checked once for both.
struct BoardInput: Sendable {
    static let maxBody = 10_000

    var kind = ""
    var title = ""
    var body = ""

    init(_ values: FormValues) {
        kind = values["art"]
        title = values["titel"]
        body = values["text"]
    }

    init(kind: String, title: String, body: String) {
        self.kind = kind
        self.title = title
        self.body = body
    }

    struct Valid: Sendable {
        let kind: BoardPostKind
        let title: String
        let body: String
    }

    /// A new thread: the lead announces or asks; everyone else asks, whatever the request says
    /// (their form has no choice, so the role decides).
    func checkThread(byLead: Bool) -> Checked<Valid> {
        var errors = FieldErrors()
        let kind = !byLead || kind.isEmpty ? BoardPostKind.question : BoardPostKind(rawValue: kind)
        if kind == nil || kind == .answer { errors.add("art", "Bitte Ankündigung oder Frage wählen.") }
        let title = errors.require("titel", self.title, "einen Titel", maxLength: 150)
        let body = errors.require("text", self.body, "einen Text", maxLength: Self.maxBody, multiline: true)
        guard errors.isEmpty, let kind else { return .invalid(errors) }
        return .valid(Valid(kind: kind, title: title, body: body))
    }

    /// An answer in a thread.
    func checkAnswer() -> Checked<Valid> {
        var errors = FieldErrors()
        let body = errors.require("text", self.body, "einen Text", maxLength: Self.maxBody, multiline: true)
        guard errors.isEmpty else { return .invalid(errors) }
        return .valid(Valid(kind: .answer, title: "", body: body))
    }
}
