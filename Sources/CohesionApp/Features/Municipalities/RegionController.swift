import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// The municipal register: search, and a page per Land, Kreis or Gemeinde.
struct RegionController {
    func regions(req: Request) async throws -> Response {
        let text = String((try? req.query.get(String.self, at: "suche"))?.prefix(100) ?? "")
        let model = try await RegionSearch.query(text, on: req.sql)
        return .html(RegionViews.search(model, frame: req.frame("Kommunen", section: .regions)))
    }

    func region(req: Request) async throws -> Response {
        guard let key = req.parameters.get("key"), let model = try await RegionPage.query(key: key, on: req.sql) else {
            throw AppError.notFound
        }
        return .html(RegionViews.page(model, frame: req.frame(model.name, section: .regions)))
    }

    /// The profile: public like the region page, since it shows only published figures. An officer
    /// looking at their own municipality sees their own choice of comparable ones and may change it.
    func profile(req: Request) async throws -> Response {
        try await renderProfile(req, values: FormValues(), errors: FieldErrors())
    }

    private func renderProfile(_ req: Request, values: FormValues, errors: FieldErrors, status: HTTPStatus = .ok) async throws -> Response {
        guard let key = req.parameters.get("key") else { throw AppError.notFound }
        var choice = MunicipalProfile.Choice()
        var editable = false
        if let user = req.user, user.role == .participant, try await Self.ownRegion(of: user, on: req.sql) == key {
            choice = try await ComparisonChoice.of(user.id, subject: key, on: req.db)
            editable = true
        }
        guard var model = try await MunicipalProfile.query(key: key, on: req.sql, cache: req.cohesion.reports, choice: choice) else {
            throw AppError.notFound
        }
        let ownGroup = model.comparison?.subjectKey == key
        model.comparison?.editable = editable && ownGroup
        if let user = req.user, user.role == .participant { model.colleagues = try await MunicipalProfile.colleagues(of: user, in: model, on: req.sql) }
        let frame = req.frame("Profil " + model.page.name, section: .regions)
        return .html(MunicipalProfileView.render(model, values: values, errors: errors, frame: frame), status: status)
    }

    /// Adds a region to the officer's comparison group, takes one out, or puts it back.
    func choose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let key = req.parameters.get("key") else { throw AppError.notFound }
        let values = req.formValues()
        guard let profile = try await MunicipalProfile.query(key: key, on: req.sql, cache: req.cohesion.reports), let comparison = profile.comparison,
            comparison.subjectKey == key, let setKind = MunicipalProfile.comparisonSet(for: profile.page)?.kind
        else { throw AppError.conflict("Für diese Kommune gibt es keine Vergleichsgruppe, die sich ändern ließe.") }
        let set = try await ComparisonSet.load(setKind, on: req.sql, cache: req.cohesion.reports)
        let typed = values["kommune"].trimmingCharacters(in: .whitespaces)
        let region = set.members.first { $0.key == typed || $0.name.lowercased() == typed.lowercased() }
        var errors = FieldErrors()
        guard let region, region.key != key else {
            errors.add(
                "kommune",
                typed.isEmpty
                    ? "Bitte den Namen oder den Gemeindeschlüssel einer Kommune angeben."
                    : "„\(typed)“ gehört nicht zur Vergleichsgruppe (\(comparison.setDescription)).")
            return try await renderProfile(req, values: values, errors: errors, status: .unprocessableEntity)
        }
        let included: Bool? =
            switch values["aktion"] {
            case "hinzufuegen": true
            case "entfernen": false
            default: nil
            }
        try await ComparisonChoice.set(included, userID: user.id, subject: key, region: region.key, on: req.db)
        return req.redirect(to: Notice.saved.appended(to: SiteURL.regionProfile(.value(key)).path) + "#vergleich")
    }

    private struct OwnRegionRow: Decodable { let regionKey: String? }

    /// The municipality in the person's profile.
    static func ownRegion(of user: CurrentUser, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT region_key FROM profiles WHERE user_id = \(bind: user.id)").first(decoding: OwnRegionRow.self, with: .snakeCaseColumns)?
            .regionKey
    }

    /// Where an edition's participants come from; partners see small groups merged.
    func cohortMap(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edition = try await Edition.named(by: req)
        let model = try await CohortMap.query(
            edition: try req.parameters.require(.edition), title: edition.title, aggregated: user.role == .partner, rule: req.disclosureRule,
            cache: req.cohesion.reports, on: req.sql)
        return .html(CohortMapView.render(model, frame: req.frame("Herkunft der Kohorte", section: user.role == .partner ? .reports : .admin)))
    }

    /// The profile as a PDF/A data sheet for the integration concept.
    func dataSheet(req: Request) async throws -> Response {
        guard let key = req.parameters.get("key"), let model = try await MunicipalProfile.query(key: key, on: req.sql, cache: req.cohesion.reports)
        else { throw AppError.notFound }
        let today = BerlinTime.day(of: req.now)
        let db = req.db
        // Kept until the register, the figures or the template change (each moves the report counter).
        return try await PDFRenderer.download(
            kept: "data-sheet:\(key):\(today.iso)", cache: req.cohesion.reports, on: req.sql, fileName: "datenblatt-\(model.page.key).pdf"
        ) {
            let template = try await DataSheetTemplateRecord.current(on: db)
            let filled = try OpenDocumentFile.fill(
                template.data, format: template.format, values: DataSheetTemplate.values(model, createdOn: today), verificationURL: "")
            return (filled, template.format)
        }
    }
}
