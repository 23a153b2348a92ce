import CohesionCore
import CohesionPlatform
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

    /// The profile: public like the region page, since it shows only published figures.
    func profile(req: Request) async throws -> Response {
        guard let key = req.parameters.get("key"), var model = try await MunicipalProfile.query(key: key, on: req.sql, cache: req.cohesion.reports)
        else { throw AppError.notFound }
        if let user = req.user, user.role == .participant { model.colleagues = try await MunicipalProfile.colleagues(of: user, in: model, on: req.sql) }
        return .html(MunicipalProfileView.render(model, frame: req.frame("Profil " + model.page.name, section: .regions)))
    }

    /// Where an edition's participants come from; partners see small groups merged.
    func cohortMap(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let edition = try await Edition.find(try req.parameters.require(.edition), on: req.db) else { throw AppError.notFound }
        let model = try await CohortMap.query(
            edition: try req.parameters.require(.edition), title: edition.title, aggregated: user.role == .partner, rule: req.disclosureRule, on: req.sql)
        return .html(CohortMapView.render(model, frame: req.frame("Herkunft der Kohorte", section: user.role == .partner ? .reports : .admin)))
    }

    /// The profile as a PDF/A data sheet for the integration concept.
    func dataSheet(req: Request) async throws -> Response {
        guard let key = req.parameters.get("key"), let model = try await MunicipalProfile.query(key: key, on: req.sql, cache: req.cohesion.reports)
        else { throw AppError.notFound }
        let values = DataSheetTemplate.values(model, createdOn: BerlinTime.day(of: req.now))
        let filled = CertificateTemplate.fill(DataSheetTemplate.fodt, with: values, verificationURL: "")
        let pdf: Data
        do {
            pdf = try await PDFRenderer.pdfs(["datenblatt": (Data(filled.utf8), .flat)])["datenblatt"] ?? Data()
        } catch let failed as PDFRenderer.Failed {
            throw AppError.unavailable(failed.description, retryAfter: 60)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"datenblatt-\(model.page.key).pdf\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: pdf))
    }
}
