import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

enum PartResource: AdminResource {
    static let kind = AdminResourceKind.part

    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec] {
        if let parentID, try await Edition.find(parentID, on: req.db) == nil { throw AppError.notFound }
        return [
            FieldSpec(name: "number", label: "Nummer", kind: .number, required: true),
            FieldSpec(name: "title", label: "Titel", required: true),
            FieldSpec(name: "focus", label: "Schwerpunkt", hint: "Zum Beispiel „Fachkenntnisse und Empowerment“."),
            FieldSpec(name: "startsOn", label: "Erster Tag", kind: .date, required: true, hint: "TT.MM.JJJJ"),
            FieldSpec(name: "endsOn", label: "Letzter Tag", kind: .date, required: true, hint: "TT.MM.JJJJ"),
            FieldSpec(name: "venueName", label: "Tagungsort", required: true, hint: "Zum Beispiel „Kulturzentrum am Münster“."),
            // No autocomplete: this is the venue's address, not the person's own.
            FieldSpec(name: "address", label: "Anschrift", autocomplete: "off"),
            FieldSpec(name: "city", label: "Stadt", required: true),
            FieldSpec(name: "capacity", label: "Plätze", kind: .number, required: true),
            FieldSpec(
                name: "delivery", label: "Durchführung", kind: .select(Delivery.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: nil),
                required: true, hint: "Online und hybrid: die Adresse des Videoraums steht bei den Einheiten."),
        ]
    }

    static func defaults(parentID: UUID?, on req: Request) async throws -> FormValues {
        let count = try await Part.query(on: req.db).filter(\.$edition.$id == parentID ?? UUID()).count()
        return FormValues(["number": "\(count + 1)", "capacity": "20", "delivery": Delivery.inPerson.rawValue])
    }

    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)? {
        guard let part = try await Part.find(id, on: req.db) else { return nil }
        return (
            FormValues([
                "number": "\(part.number)", "title": part.title, "focus": part.focus, "startsOn": part.startsOn.iso,
                "endsOn": part.endsOn.iso, "venueName": part.venueName, "address": part.address, "city": part.city,
                "capacity": "\(part.capacity)", "delivery": part.delivery,
            ]), part.$edition.id
        )
    }

    static func input(_ values: FormValues) -> PartInput {
        var input = PartInput()
        input.number = values["number"]
        input.title = values["title"]
        input.focus = values["focus"]
        input.startsOn = values["startsOn"]
        input.endsOn = values["endsOn"]
        input.venueName = values["venueName"]
        input.address = values["address"]
        input.city = values["city"]
        input.capacity = values["capacity"]
        input.delivery = values["delivery"]
        return input
    }

    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID> {
        guard let parentID else { throw AppError.notFound }
        let unitDays =
            try await id.asyncFlatMap { partID in
                try await Unit.query(on: req.db).filter(\.$part.$id == partID).all().map { BerlinTime.day(of: $0.startsAt) }
            } ?? []
        switch input(values).check(unitDays: unitDays) {
        case .invalid(let errors):
            return .invalid(errors)
        case .valid(let checked):
            let part = try await id.asyncFlatMap { try await Part.find($0, on: req.db) } ?? Part()
            part.$edition.id = parentID
            part.number = checked.number
            part.title = checked.title
            part.focus = checked.focus
            part.startsOn = checked.startsOn
            part.endsOn = checked.endsOn
            part.venueName = checked.venueName
            part.address = checked.address
            part.city = checked.city
            part.capacity = checked.capacity
            part.delivery = checked.delivery.rawValue
            try await part.save(on: req.db)
            // A larger capacity frees seats: the waitlist moves up at once.
            if id != nil {
                try await Registrations.fillFreeSeats(partID: try part.requireID(), services: req.cohesion, on: req.db)
                await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
            }
            return .valid(try part.requireID())
        }
    }

    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String] {
        async let units = Unit.query(on: req.db).filter(\.$part.$id == id).count()
        async let registrations = Registration.query(on: req.db).filter(\.$part.$id == id).count()
        async let surveys = Survey.query(on: req.db).filter(\.$part.$id == id).count()
        async let materials = Material.query(on: req.db).join(Unit.self, on: \Material.$unit.$id == \Unit.$id).filter(Unit.self, \.$part.$id == id).count()
        async let projects = PracticeProject.query(on: req.db).filter(\.$part.$id == id).count()
        return [
            try await units > 0
                ? counted(try await units, "Einheit", "Einheiten") + " mit ihren Zuordnungen, Anwesenheiten und ihrem Material"
                    + (try await materials > 0 ? " (" + counted(try await materials, "Datei", "Dateien") + ")" : "") : nil,
            try await registrations > 0 ? counted(try await registrations, "Anmeldung", "Anmeldungen") : nil,
            try await surveys > 0 ? counted(try await surveys, "Feedbackbogen", "Feedbackbögen") + " mit allen Rückmeldungen" : nil,
            try await projects > 0 ? counted(try await projects, "Praxisprojekt", "Praxisprojekte") : nil,
        ].compactMap { $0 }
    }

    static func delete(_ id: UUID, on req: Request) async throws {
        try await Part.query(on: req.db).filter(\.$id == id).delete()
    }

    static func returnPath(parentID: UUID?, id: UUID) -> String { AdminURL.part(.value(id)).path }
}
