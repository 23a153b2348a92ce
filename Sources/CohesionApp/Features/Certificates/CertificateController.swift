import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Issuing, downloading, revoking and verifying Teilnahmebescheinigungen.
struct CertificateController {
    func issue(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        let edition = try await Edition.find(editionID, on: req.db)?.title ?? ""
        let count = try await CertificateIssuing.issueForCompleted(editionID: editionID, services: req.cohesion, now: req.now, on: req.db) { db, count in
            try await Audit.record(.certificate, "\(count) Bescheinigungen für „\(edition)“ ausgestellt", objectID: editionID, by: req, on: db)
        }
        try await SessionFlash.put(
            CompletionViews.Flash(message: count == 1 ? "1 Bescheinigung ausgestellt." : "\(count) Bescheinigungen ausgestellt."),
            on: req)
        return req.redirect(to: AdminURL.completion(.value(editionID)).path)
    }

    func revoke(req: Request) async throws -> Response {
        guard let certificate = try await Certificate.find(try req.parameters.require(.certificate), on: req.db) else { throw AppError.notFound }
        let typed = req.formValues()["reason"]
        var errors = FieldErrors()
        let reason = errors.require("reason", typed, "den Grund des Widerrufs", maxLength: 500)
        let editionID = certificate.$edition.id
        guard errors.isEmpty else {
            return try await CompletionController().render(
                req, editionID: editionID, ruleValues: nil, ruleErrors: FieldErrors(),
                rowError:
                    .init(form: .revocation, userID: certificate.$user.id, message: errors["reason"] ?? "", typed: typed))
        }
        certificate.revokedAt = req.now
        certificate.revokeReason = reason
        certificate.historyJSON = String(
            decoding: try JSONEncoder().encode(certificate.history + ["Widerrufen am \(BerlinTime.longDate(BerlinTime.day(of: req.now)))"]),
            as: UTF8.self)
        try await Audit.recording(
            .certificate, "Bescheinigung \(certificate.code) von \(try await Audit.name(of: certificate.$user.id, on: req.db)) widerrufen",
            objectID: certificate.id, by: req
        ) { db in
            try await certificate.save(on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.completion(.value(editionID)).path))
    }

    /// The PDF for its owner and the lead (the route's rule checks); a revoked one is gone for its owner.
    func pdf(req: Request) async throws -> Response {
        guard let certificate = try await Certificate.find(try req.parameters.require(.certificate), on: req.db) else { throw AppError.notFound }
        if certificate.revokedAt != nil, try req.requireUser().role == .participant { throw AppError.gone }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"teilnahmebescheinigung.pdf\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: certificate.pdf))
    }

    /// The template in use for the edition's programme, to edit in an office program.
    func template(req: Request) async throws -> Response {
        let template = try await CertificateTemplateRecord.forEdition(try req.parameters.require(.edition).rawValue, on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType,
            value: template.format == .packed
                ? "application/vnd.oasis.opendocument.text"
                : "application/vnd.oasis.opendocument.text-flat-xml")
        let name = template.fileName ?? "teilnahmebescheinigung." + template.format.rawValue
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name.replacingOccurrences(of: "\"", with: ""))\"")
        return Response(status: .ok, headers: headers, body: .init(data: template.data))
    }

    /// The lead's own template for the programme: checked for its placeholders, kept whole.
    func uploadTemplate(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        guard let edition = try await Edition.find(editionID, on: req.db) else { throw AppError.notFound }
        struct Upload: Decodable { var datei: File? }
        let message: String
        if let file = (try? req.content.decode(Upload.self))?.datei, file.data.readableBytes > 0 {
            let data = Data(file.data.readableBytesView)
            // The name goes into the audit log and a Content-Disposition header: no line breaks, no paths.
            let fileName = UploadKind.cleanFileName(file.filename)
            do {
                let format = try OpenDocumentFile.check(data)
                let record =
                    try await CertificateTemplateRecord.query(on: req.db).filter(\.$programme.$id == edition.$programme.id).first()
                    ?? CertificateTemplateRecord()
                record.$programme.id = edition.$programme.id
                record.fileName = fileName
                record.format = format
                record.data = data
                record.uploadedAt = req.now
                try await Audit.recording(
                    .setting, "Vorlage der Bescheinigung „\(fileName)“ hochgeladen", objectID: edition.$programme.id,
                    by: req
                ) { db in
                    try await record.save(on: db)
                }
                message = "Die Vorlage „\(fileName)“ gilt jetzt für alle Bescheinigungen des Programms."
            } catch let invalid as OpenDocumentFile.Invalid {
                message = "Vorlage nicht übernommen: " + invalid.message
            }
        } else {
            message = "Vorlage nicht übernommen: Bitte eine Datei wählen (.odt)."
        }
        try await SessionFlash.put(CompletionViews.Flash(message: message), on: req)
        return req.redirect(to: AdminURL.completion(.value(editionID)).path)
    }

    func resetTemplate(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        guard let edition = try await Edition.find(editionID, on: req.db) else { throw AppError.notFound }
        try await CertificateTemplateRecord.query(on: req.db).filter(\.$programme.$id == edition.$programme.id).delete()
        try await SessionFlash.put(CompletionViews.Flash(message: "Es gilt wieder die mitgelieferte Vorlage."), on: req)
        return req.redirect(to: AdminURL.completion(.value(editionID)).path)
    }

    /// Public: what the certificate states and whether it was revoked, and nothing else.
    func verify(req: Request) async throws -> Response {
        let typed = req.parameters.get("code") ?? ""
        let certificate = try await VerificationCode.normalized(typed).asyncFlatMap {
            try await Certificate.query(on: req.db).filter(\.$code == $0).first()
        }
        let view = CertificateViews.verification(certificate, typed: typed, frame: req.frame("Bescheinigung prüfen"))
        return .html(view, status: certificate == nil ? .notFound : .ok)
    }
}
