import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

enum ProgrammeResource: AdminResource {
    static let kind = AdminResourceKind.programme

    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec] {
        [
            FieldSpec(name: "title", label: "Titel", required: true),
            FieldSpec(name: "summary", label: "Beschreibung", kind: .textarea),
        ]
    }

    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)? {
        guard let programme = try await Programme.find(id, on: req.db) else { return nil }
        return (FormValues(["title": programme.title, "summary": programme.summary]), nil)
    }

    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID> {
        var errors = FieldErrors()
        let title = errors.require("title", values["title"], "einen Titel")
        let summary = errors.optional("summary", values["summary"], multiline: true)
        guard errors.isEmpty else { return .invalid(errors) }
        let programme = try await id.asyncFlatMap { try await Programme.find($0, on: req.db) } ?? Programme()
        programme.title = title
        programme.summary = summary
        try await programme.save(on: req.db)
        return .valid(try programme.requireID())
    }

    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String] {
        async let editions = Edition.query(on: req.db).filter(\.$programme.$id == id).count()
        async let parts = Part.query(on: req.db).join(Edition.self, on: \Part.$edition.$id == \Edition.$id)
            .filter(Edition.self, \.$programme.$id == id).count()
        async let modules = CurriculumModule.query(on: req.db).filter(\.$programme.$id == id).count()
        async let areas = CompetenceArea.query(on: req.db).filter(\.$programme.$id == id).count()
        return [
            try await editions > 0
                ? counted(try await editions, "Durchlauf", "Durchläufe") + " mit " + counted(try await parts, "Teil", "Teilen") + " und allen Einheiten" : nil,
            try await modules > 0 ? counted(try await modules, "Modul", "Module") : nil,
            try await areas > 0 ? counted(try await areas, "Kompetenzfeld", "Kompetenzfelder") : nil,
        ].compactMap { $0 }
    }

    static func delete(_ id: UUID, on req: Request) async throws {
        try await Programme.query(on: req.db).filter(\.$id == id).delete()
    }

    static func returnPath(parentID: UUID?, id: UUID) -> String { AdminURL.overview.path }
}

enum EditionResource: AdminResource {
    static let kind = AdminResourceKind.edition

    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec] {
        if let parentID, try await Programme.find(parentID, on: req.db) == nil { throw AppError.notFound }
        return [
            FieldSpec(name: "title", label: "Titel", required: true, hint: "Zum Beispiel „Prototyp-Durchlauf 2022/23“."),
            FieldSpec(name: "summary", label: "Beschreibung", kind: .textarea),
        ]
    }

    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)? {
        guard let edition = try await Edition.find(id, on: req.db) else { return nil }
        return (FormValues(["title": edition.title, "summary": edition.summary]), edition.$programme.id)
    }

    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID> {
        var errors = FieldErrors()
        let title = errors.require("title", values["title"], "einen Titel")
        let summary = errors.optional("summary", values["summary"], multiline: true)
        guard errors.isEmpty, let parentID else { return .invalid(errors) }
        let edition = try await id.asyncFlatMap { try await Edition.find($0, on: req.db) } ?? Edition()
        edition.$programme.id = parentID
        edition.title = title
        edition.summary = summary
        try await edition.save(on: req.db)
        return .valid(try edition.requireID())
    }

    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String] {
        async let parts = Part.query(on: req.db).filter(\.$edition.$id == id).count()
        async let units = Unit.query(on: req.db).join(Part.self, on: \Unit.$part.$id == \Part.$id)
            .filter(Part.self, \.$edition.$id == id).count()
        async let members = EditionMember.query(on: req.db).filter(\.$edition.$id == id).count()
        async let invitations = Invitation.query(on: req.db).filter(\.$edition.$id == id).count()
        async let phases = AssessmentPhase.query(on: req.db).filter(\.$edition.$id == id).count()
        return [
            try await parts > 0
                ? counted(try await parts, "Teil", "Teile") + " mit " + counted(try await units, "Einheit", "Einheiten")
                    + " und allem, was dazu erfasst ist (Anmeldungen, Anwesenheit, Material, Feedback)" : nil,
            try await invitations > 0 ? counted(try await invitations, "Einladung", "Einladungen") : nil,
            try await phases > 0 ? counted(try await phases, "Zeitpunkt", "Zeitpunkte") + " der Selbsteinschätzung mit allen Antworten" : nil,
            try await members > 0 ? "die Zuordnung von " + counted(try await members, "Teilnehmer*in", "Teilnehmer*innen") + " (ihre Konten bleiben)" : nil,
        ].compactMap { $0 }
    }

    static func delete(_ id: UUID, on req: Request) async throws {
        try await Edition.query(on: req.db).filter(\.$id == id).delete()
    }

    static func returnPath(parentID: UUID?, id: UUID) -> String { AdminURL.edition(.value(id)).path }
}

enum ModuleResource: AdminResource {
    static let kind = AdminResourceKind.module

    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec] {
        if let parentID, try await Programme.find(parentID, on: req.db) == nil { throw AppError.notFound }
        return [
            FieldSpec(name: "code", label: "Kürzel", required: true, hint: "Zum Beispiel „I“ oder „II“."),
            FieldSpec(name: "title", label: "Titel", required: true),
            FieldSpec(name: "position", label: "Reihenfolge", kind: .number, required: true),
        ]
    }

    static func defaults(parentID: UUID?, on req: Request) async throws -> FormValues {
        let count = try await CurriculumModule.query(on: req.db).filter(\.$programme.$id == parentID ?? UUID()).count()
        return FormValues(["position": "\(count + 1)"])
    }

    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)? {
        guard let module = try await CurriculumModule.find(id, on: req.db) else { return nil }
        return (FormValues(["code": module.code, "title": module.title, "position": "\(module.position)"]), module.$programme.id)
    }

    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID> {
        var errors = FieldErrors()
        let code = errors.require("code", values["code"], "ein Kürzel", maxLength: 10)
        let title = errors.require("title", values["title"], "einen Titel")
        let position = positionValue(values["position"], errors: &errors)
        guard errors.isEmpty, let parentID else { return .invalid(errors) }
        let module = try await id.asyncFlatMap { try await CurriculumModule.find($0, on: req.db) } ?? CurriculumModule()
        module.$programme.id = parentID
        module.code = code
        module.title = title
        module.position = position
        try await module.save(on: req.db)
        return .valid(try module.requireID())
    }

    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String] {
        let units = try await Unit.query(on: req.db).filter(\.$module.$id == id).count()
        return units > 0 ? [counted(units, "Einheit verliert", "Einheiten verlieren") + " ihre Zuordnung zu diesem Modul (die Einheiten bleiben)"] : []
    }

    static func delete(_ id: UUID, on req: Request) async throws {
        try await CurriculumModule.query(on: req.db).filter(\.$id == id).delete()
    }

    static func returnPath(parentID: UUID?, id: UUID) -> String { AdminURL.overview.path }
}

enum CompetenceAreaResource: AdminResource {
    static let kind = AdminResourceKind.competenceArea

    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec] {
        if let parentID, try await Programme.find(parentID, on: req.db) == nil { throw AppError.notFound }
        return [
            FieldSpec(name: "title", label: "Titel", required: true),
            FieldSpec(name: "position", label: "Reihenfolge", kind: .number, required: true),
        ]
    }

    static func defaults(parentID: UUID?, on req: Request) async throws -> FormValues {
        let count = try await CompetenceArea.query(on: req.db).filter(\.$programme.$id == parentID ?? UUID()).count()
        return FormValues(["position": "\(count + 1)"])
    }

    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)? {
        guard let area = try await CompetenceArea.find(id, on: req.db) else { return nil }
        return (FormValues(["title": area.title, "position": "\(area.position)"]), area.$programme.id)
    }

    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID> {
        var errors = FieldErrors()
        let title = errors.require("title", values["title"], "einen Titel")
        let position = positionValue(values["position"], errors: &errors)
        guard errors.isEmpty, let parentID else { return .invalid(errors) }
        let area = try await id.asyncFlatMap { try await CompetenceArea.find($0, on: req.db) } ?? CompetenceArea()
        area.$programme.id = parentID
        area.title = title
        area.position = position
        try await area.save(on: req.db)
        return .valid(try area.requireID())
    }

    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String] {
        let units = try await UnitCompetenceArea.query(on: req.db).filter(\.$competenceArea.$id == id).count()
        return units > 0 ? ["die Zuordnung zu " + counted(units, "Einheit", "Einheiten") + " (die Einheiten bleiben)"] : []
    }

    static func delete(_ id: UUID, on req: Request) async throws {
        try await CompetenceArea.query(on: req.db).filter(\.$id == id).delete()
    }

    static func returnPath(parentID: UUID?, id: UUID) -> String { AdminURL.overview.path }
}

func positionValue(_ raw: String, errors: inout FieldErrors) -> Int {
    guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), (1...999).contains(value) else {
        errors.add("position", "Bitte eine Zahl von 1 bis 999 angeben.")
        return 0
    }
    return value
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
