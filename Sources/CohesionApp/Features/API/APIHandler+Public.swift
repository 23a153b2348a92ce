import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// What anyone may read: programmes, parts with their timetable, municipalities, and whether a certificate is valid.
extension APIHandler {
    func listProgrammes(_ input: Operations.ListProgrammes.Input) async throws -> Operations.ListProgrammes.Output {
        let overview = try await ProgrammeOverview.query(on: try request.sql)
        return .ok(.init(body: .json(.init(programmes: overview.programmes.map(Components.Schemas.Programme.init)))))
    }

    func getPart(_ input: Operations.GetPart.Input) async throws -> Operations.GetPart.Output {
        guard let page = try await PartPage.query(partID: try id(input.path.part), on: try request.sql) else { throw AppError.notFound }
        return .ok(.init(body: .json(.init(page))))
    }

    func listRegions(_ input: Operations.ListRegions.Input) async throws -> Operations.ListRegions.Output {
        let limit = try APICursor.limit(input.query.limit)
        let after = input.query.cursor ?? ""
        let search = APIText.cleaned(input.query.q ?? "").trimmingCharacters(in: .whitespaces)
        let sql = try request.sql
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: RegionPage.summaryColumns) FROM regions r \(RegionPage.summaryJoins)
            WHERE r.key > \(bind: after) AND r.search_name LIKE \(bind: "%" + RegionSearch.escapeLike(search.lowercased()) + "%") ESCAPE '\\'
            ORDER BY r.key LIMIT \(bind: limit + 1)
            """
        ).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
        let page = APICursor.page(rows, limit: limit, key: \.key)
        return .ok(.init(body: .json(.init(items: page.items.map { .init($0.summary) }, nextCursor: page.next))))
    }

    func getRegion(_ input: Operations.GetRegion.Input) async throws -> Operations.GetRegion.Output {
        guard let page = try await RegionPage.query(key: input.path.key, on: try request.sql) else { throw AppError.notFound }
        return .ok(.init(body: .json(.init(page))))
    }

    func getRegionProfile(_ input: Operations.GetRegionProfile.Input) async throws -> Operations.GetRegionProfile.Output {
        let request = try request
        guard let profile = try await MunicipalProfile.query(key: input.path.key, on: request.sql, cache: request.cohesion.reports) else {
            throw AppError.notFound
        }
        return .ok(.init(body: .json(.init(profile))))
    }

    func verifyCertificate(_ input: Operations.VerifyCertificate.Input) async throws -> Operations.VerifyCertificate.Output {
        let db = try request.db
        guard let code = VerificationCode.normalized(input.path.code),
            let certificate = try await Certificate.query(on: db).filter(\.$code == code).first(),
            let statement = certificate.statement
        else { throw AppError(.notFound, "Zu diesem Prüfcode gibt es keine Bescheinigung.") }
        return .ok(
            .init(
                body: .json(
                    .init(
                        code: certificate.code, valid: certificate.revokedAt == nil, revokedOn: certificate.revokedAt?.apiDay,
                        revocationReason: certificate.revokedAt == nil ? nil : certificate.revokeReason, name: statement.name,
                        programme: statement.programme, edition: statement.edition,
                        parts: statement.parts.map { "Teil \($0.number): \($0.title), \($0.dates), \($0.city)" },
                        hours: Double(statement.totalMinutes) / 60, issuedOn: statement.issuedOn.iso, place: statement.place))))
    }
}

extension Components.Schemas.Programme {
    init(_ programme: ProgrammeSummary) {
        self.init(
            id: programme.id.uuidString, title: programme.title, summary: programme.summary,
            editions: programme.editions.map { edition in
                .init(id: edition.id.uuidString, title: edition.title, summary: edition.summary, parts: edition.parts.map(Components.Schemas.PartSummary.init))
            },
            modules: programme.modules.map { .init(id: $0.id.uuidString, code: $0.code, title: $0.title) },
            competenceAreas: programme.competenceAreas.map { .init(id: $0.id.uuidString, title: $0.title) })
    }
}

extension Components.Schemas.PartSummary {
    init(_ part: CohesionApp.PartSummary) {
        self.init(
            id: part.id.uuidString, editionID: part.editionID.uuidString, number: part.number, title: part.title, focus: part.focus,
            startsOn: part.startsOn.iso, endsOn: part.endsOn.iso, venueName: part.venueName, city: part.city)
    }
}

extension Components.Schemas.PartDetail {
    init(_ page: PartPage) {
        self.init(
            part: .init(page.part), address: page.address, capacity: page.capacity, programmeTitle: page.programmeTitle,
            editionTitle: page.editionTitle,
            days: page.days.map { day in
                .init(
                    day: day.day.iso,
                    units: day.units.map { unit in
                        .init(
                            id: unit.id.uuidString, title: unit.title, description: unit.description, objectives: unit.objectives,
                            startsAt: unit.startsAt, endsAt: unit.endsAt, room: unit.room, format: unit.format,
                            delivery: .init(rawValue: unit.delivery) ?? .praesenz,
                            module: unit.module.map { .init(id: $0.id.uuidString, code: $0.code, title: $0.title) },
                            competenceAreas: unit.competenceAreas, facilitators: unit.facilitators)
                    })
            })
    }
}

extension Components.Schemas.RegionSummary {
    init(_ region: CohesionApp.RegionSummary) {
        self.init(
            key: region.key, name: region.name, kind: region.kind, level: .init(rawValue: region.level) ?? .gemeinde,
            population: region.population, kreisName: region.kreisName, landName: region.landName)
    }
}

extension Components.Schemas.RegionProfile {
    init(_ profile: MunicipalProfile) {
        self.init(
            region: .init(profile.page),
            comparison: profile.comparison.map { comparison in
                .init(
                    subjectKey: comparison.subjectKey, set: comparison.setDescription, setSize: comparison.setSize, leftOut: comparison.leftOut,
                    indicators: comparison.standings.map {
                        .init(
                            label: $0.label, weight: $0.weight, source: $0.source, value: $0.value, median: $0.median, minimum: $0.minimum,
                            maximum: $0.maximum, percentile: $0.percentile, logarithmic: $0.logarithmic)
                    },
                    peers: comparison.peers.map {
                        .init(key: $0.key, name: $0.name, kind: $0.kind, distance: $0.distance, alikeIn: $0.alikeIn, apartIn: $0.apartIn)
                    })
            },
            noComparison: profile.noComparison)
    }
}

extension Components.Schemas.RegionDetail {
    init(_ page: RegionPage) {
        self.init(
            key: page.key, ars: page.ars, level: .init(rawValue: page.level) ?? .gemeinde, name: page.name, kind: page.kind,
            population: page.population, areaKm2: page.areaKm2, postcode: page.postcode, urbanisation: page.urbanisation,
            territoryDate: page.territoryDate, populationDate: page.populationDate, land: page.land.map { .init($0) },
            kreis: page.kreis.map { .init($0) },
            sources: page.sources.map { source in
                .init(
                    source: source.source, attribution: source.attribution,
                    figures: source.figures.map {
                        .init(indicator: $0.indicator, label: $0.label, value: $0.value, formatted: $0.formatted, reference: $0.reference)
                    })
            },
            members: page.members.map { .init($0) })
    }
}
