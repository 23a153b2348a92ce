import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// A small feature as the guide to adding one describes it (docs/adding-a-feature.md), kept in the
/// test target: a folder of its own and one line where the app is composed (`ExampleFeatureTests`),
/// nothing else. It uses every part of the manifest that the new features of the programme need.
enum ExampleNotesFeature: Feature {
    static let own = AccessRule.roles([.participant], "Teilnehmer*innen, nur die eigenen Notizen")

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        routes.get(SiteURL.exampleNotes, own, use: page)
        routes.post(SiteURL.exampleNotes, own, use: create)
    }

    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        user?.role == .participant ? NavigationEntry(label: "Notizen", path: SiteURL.exampleNotes.path, section: .myProgramme) : nil
    }

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .account = page, user.role == .participant else { return [] }
        return [PageLink(order: 90, label: "Meine Notizen", path: SiteURL.exampleNotes.path)]
    }

    static let notices = [Notice.exampleNoteSaved]
    static let auditAreas = [AuditAction.exampleNote]
    static let stylesheet = ".example-note { border-left: 3px solid var(--line); padding-left: .5rem; }"
    static let commands = [FeatureCommand("example-notes-count", ExampleNotesCountCommand())]
    static let dumpTreatment: [DumpTreatment] = [.rebuilt(ExampleNote.wordsTable, by: ExampleNote.rebuildIndex)]
    static let personalData = [
        PersonalData(
            table: ExampleNote.schema, data: "kurze Notizen", purpose: "eigene Notizen zwischen den Teilen", kept: PersonalData.untilErased,
            links: [.owner])
    ]

    @Sendable static func page(req: Request) async throws -> Response {
        try await render(req, values: FormValues(), errors: FieldErrors())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = req.formValues()
        var errors = FieldErrors()
        let text = errors.require("text", values["text"], "eine Notiz", maxLength: 500, multiline: true)
        guard errors.isEmpty else { return try await render(req, values: values, errors: errors, status: .unprocessableEntity) }
        try await Audit.recording(.exampleNote, "Notiz angelegt", by: req) { db in
            let note = ExampleNote(userID: user.id, text: text)
            try await note.create(on: db)
            try await ExampleNote.index(try note.requireID(), text: text, on: db.sql)
        }
        return req.redirect(to: Notice.exampleNoteSaved.appended(to: SiteURL.exampleNotes.path))
    }

    private static func render(_ req: Request, values: FormValues, errors: FieldErrors, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let field = FieldSpec(name: "text", label: "Neue Notiz", kind: .textarea, required: true)
        let notes = try await ExampleNote.query(on: req.db).filter(\.$user.$id == user.id).all().map(\.text)
        let page = Layout.page(req.frame("Notizen", section: .myProgramme)) {
            HTML.h1 { "Notizen" }
            notes.map { note in HTML.p(.class("example-note")) { note } }
            Form.errorSummary(errors, fields: [field])
            HTML.form(.method("post"), .action(SiteURL.exampleNotes.path), .class("stack")) {
                Form.csrf(req.visitor)
                Form.field(field, values: values, error: errors["text"])
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Speichern" } }
            }
        }
        return .html(page, status: status)
    }
}

/// `cohesion example-notes-count`: how many notes there are.
struct ExampleNotesCountCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Zählt die Notizen." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = try await ExampleNote.query(on: context.application.db).count()
        context.console.print("\(count) Notizen")
    }
}
