import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

enum UnitResource: AdminResource {
    static let kind = AdminResourceKind.unit

    /// The part and what a unit of it may refer to.
    private struct Choices {
        let part: Part
        let programmeID: UUID
        let modules: [CurriculumModule]
        let areas: [CompetenceArea]
        let facilitators: [User]
    }

    private static func choices(partID: UUID, on db: Database) async throws -> Choices {
        guard let part = try await Part.query(on: db).filter(\.$id == partID).with(\.$edition).first() else {
            throw AppError.notFound
        }
        let programmeID = part.edition.$programme.id
        async let modules = CurriculumModule.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$position).all()
        async let areas = CompetenceArea.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$position).all()
        async let facilitators = User.query(on: db).filter(\.$role == Role.facilitator).sort(\.$name).all()
        return Choices(
            part: part, programmeID: programmeID, modules: try await modules, areas: try await areas,
            facilitators: try await facilitators)
    }

    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec] {
        guard let parentID else { throw AppError.notFound }
        let choices = try await choices(partID: parentID, on: req.db)
        let days = choices.part.dates
        return [
            FieldSpec(name: "title", label: "Titel", required: true),
            FieldSpec(name: "day", label: "Tag", kind: .date, required: true, hint: "Ein Tag des Teils: \(days)."),
            FieldSpec(name: "startTime", label: "Beginn", kind: .time, required: true, hint: "SS:MM, zum Beispiel 09:30"),
            FieldSpec(name: "endTime", label: "Ende", kind: .time, required: true, hint: "SS:MM, zum Beispiel 11:00"),
            FieldSpec(name: "room", label: "Raum"),
            FieldSpec(
                name: "format", label: "Format",
                kind: .select(
                    UnitFormat.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    emptyLabel: "Bitte wählen"), required: true),
            FieldSpec(
                name: "delivery", label: "Durchführung", kind: .select(Delivery.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: nil),
                required: true),
            FieldSpec(
                name: "videoURL", label: "Adresse des Videoraums", kind: .url,
                hint: "Nur online und hybrid. Angemeldete und die Referent*innen sehen sie ab 30 Minuten vor Beginn.", autocomplete: "off"),
            FieldSpec(
                name: "moduleID", label: "Modul",
                kind: .select(
                    choices.modules.map {
                        .init(value: $0.id?.uuidString ?? "", label: "Modul \($0.code): \($0.title)")
                    }, emptyLabel: "Keinem Modul zugeordnet")),
            FieldSpec(name: "description", label: "Beschreibung", kind: .textarea),
            FieldSpec(name: "objectives", label: "Ziele", kind: .textarea, hint: "Was die Teilnehmer*innen danach wissen oder können."),
            FieldSpec(
                name: "competenceAreaIDs", label: "Kompetenzfelder",
                kind: .checkboxes(
                    choices.areas.map {
                        .init(value: $0.id?.uuidString ?? "", label: $0.title)
                    })),
            FieldSpec(
                name: "facilitatorIDs", label: "Referent*innen",
                kind: .checkboxes(
                    choices.facilitators.map {
                        .init(value: $0.id?.uuidString ?? "", label: $0.name)
                    })),
        ]
    }

    static func defaults(parentID: UUID?, on req: Request) async throws -> FormValues {
        let part = try await parentID.asyncFlatMap { try await Part.find($0, on: req.db) }
        return FormValues(["day": part?.startsOn.iso ?? "", "format": UnitFormat.lecture.rawValue, "delivery": part?.delivery ?? Delivery.inPerson.rawValue])
    }

    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)? {
        guard let unit = try await Unit.find(id, on: req.db) else { return nil }
        async let areas = UnitCompetenceArea.query(on: req.db).filter(\.$unit.$id == id).all()
        async let facilitators = UnitFacilitator.query(on: req.db).filter(\.$unit.$id == id).all()
        var values = FormValues([
            "title": unit.title, "description": unit.description, "objectives": unit.objectives,
            "day": BerlinTime.day(of: unit.startsAt).iso, "startTime": BerlinTime.clock(unit.startsAt),
            "endTime": BerlinTime.clock(unit.endsAt), "room": unit.room, "format": unit.format,
            "delivery": unit.delivery, "videoURL": unit.videoURL,
            "moduleID": unit.$module.id?.uuidString ?? "",
        ])
        values.set("competenceAreaIDs", all: try await areas.map { $0.$competenceArea.id.uuidString })
        values.set("facilitatorIDs", all: try await facilitators.map { $0.$user.id.uuidString })
        return (values, unit.$part.id)
    }

    static func input(_ values: FormValues) -> UnitInput {
        var input = UnitInput()
        input.title = values["title"]
        input.description = values["description"]
        input.objectives = values["objectives"]
        input.day = values["day"]
        input.startTime = values["startTime"]
        input.endTime = values["endTime"]
        input.room = values["room"]
        input.format = values["format"]
        input.delivery = values["delivery"]
        input.videoURL = values["videoURL"]
        input.moduleID = values["moduleID"]
        input.competenceAreaIDs = values.all("competenceAreaIDs")
        input.facilitatorIDs = values.all("facilitatorIDs")
        return input
    }

    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID> {
        guard let parentID else { throw AppError.notFound }
        // Check and write in one transaction, so a unit saved meanwhile in the same room is seen.
        let saved = try await req.db.transaction { db -> Checked<UUID> in
            let choices = try await choices(partID: parentID, on: db)
            let others = try await Unit.query(on: db).filter(\.$part.$id == parentID).all()
            let first = choices.part.startsOn
            let last = choices.part.endsOn
            let context = UnitContext(
                firstDay: first, lastDay: last, editedUnitID: id,
                otherSlots: others.compactMap { unit in
                    unit.id.map { BookedSlot(unitID: $0, title: unit.title, room: unit.room, startsAt: unit.startsAt, endsAt: unit.endsAt) }
                },
                moduleIDs: Set(choices.modules.compactMap(\.id)), competenceAreaIDs: Set(choices.areas.compactMap(\.id)),
                facilitatorIDs: Set(choices.facilitators.compactMap(\.id)))
            switch input(values).check(in: context) {
            case .invalid(let errors):
                return .invalid(errors)
            case .valid(let checked):
                return .valid(try await write(checked, id: id, partID: parentID, on: db))
            }
        }
        // A moved unit's notices go out now, not at the outbox's next round.
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return saved
    }

    private static func write(_ checked: UnitValues, id: UUID?, partID: UUID, on db: Database) async throws -> UUID {
        let existing = try await id.asyncFlatMap { try await Unit.find($0, on: db) }
        let before = existing.map(UnitChangeNotice.Schedule.init)
        let unit = existing ?? Unit()
        unit.sequence = existing.map { $0.sequence + 1 } ?? 0
        unit.$part.id = partID
        unit.title = checked.title
        unit.description = checked.description
        unit.objectives = checked.objectives
        unit.startsAt = checked.startsAt
        unit.endsAt = checked.endsAt
        unit.room = checked.room
        unit.format = checked.format.rawValue
        unit.delivery = checked.delivery.rawValue
        unit.videoURL = checked.videoURL
        unit.$module.id = checked.moduleID
        try await unit.save(on: db)
        let unitID = try unit.requireID()
        try await UnitCompetenceArea.query(on: db).filter(\.$unit.$id == unitID).delete()
        try await UnitFacilitator.query(on: db).filter(\.$unit.$id == unitID).delete()
        for areaID in checked.competenceAreaIDs {
            try await UnitCompetenceArea(unitID: unitID, competenceAreaID: areaID).create(on: db)
        }
        for userID in checked.facilitatorIDs {
            try await UnitFacilitator(unitID: unitID, userID: userID).create(on: db)
        }
        if let before {
            try await UnitChangeNotice.tellRegistered(before: before, after: .init(unit), partID: partID, on: db)
        }
        return unitID
    }

    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String] {
        async let facilitators = UnitFacilitator.query(on: req.db).filter(\.$unit.$id == id).count()
        async let attendance = Attendance.query(on: req.db).filter(\.$unit.$id == id).count()
        async let materials = Material.query(on: req.db).filter(\.$unit.$id == id).count()
        async let surveys = Survey.query(on: req.db).filter(\.$unit.$id == id).count()
        return [
            try await facilitators > 0 ? "die Zuordnung von " + counted(try await facilitators, "Referent*in", "Referent*innen") + " zu dieser Einheit" : nil,
            try await attendance > 0 ? counted(try await attendance, "erfasste Anwesenheit", "erfasste Anwesenheiten") : nil,
            try await materials > 0 ? counted(try await materials, "Datei", "Dateien") + " Material" : nil,
            try await surveys > 0 ? counted(try await surveys, "Feedbackbogen", "Feedbackbögen") + " mit allen Rückmeldungen" : nil,
        ].compactMap { $0 }
    }

    static func delete(_ id: UUID, on req: Request) async throws {
        try await Unit.query(on: req.db).filter(\.$id == id).delete()
    }

    static func returnPath(parentID: UUID?, id: UUID) -> String {
        parentID.map { AdminURL.part(.value($0)).path } ?? AdminURL.overview.path
    }
}
