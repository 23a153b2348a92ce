import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// `/verwaltung/datenblatt`: the lead downloads the template in use, uploads their own or goes
/// back to the shipped one.
struct DataSheetTemplateController {
    func page(req: Request) async throws -> Response {
        let current = try await DataSheetTemplateRecord.current(on: req.db)
        let message = try await SessionFlash.take(Flash.self, on: req)?.message
        return .html(DataSheetTemplateView.page(fileName: current.fileName, message: message, frame: req.frame("Vorlage des Datenblatts", section: .admin)))
    }

    struct Flash: Codable, Sendable { let message: String }

    func download(req: Request) async throws -> Response {
        let current = try await DataSheetTemplateRecord.current(on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType,
            value: current.format == .packed ? "application/vnd.oasis.opendocument.text" : "application/vnd.oasis.opendocument.text-flat-xml")
        let name = (current.fileName ?? "datenblatt." + current.format.rawValue).replacingOccurrences(of: "\"", with: "")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: current.data))
    }

    func upload(req: Request) async throws -> Response {
        struct Upload: Decodable { var datei: File? }
        let message: String
        if let file = (try? req.content.decode(Upload.self))?.datei, file.data.readableBytes > 0 {
            let data = Data(file.data.readableBytesView)
            // The name goes into the audit log and a Content-Disposition header: no line breaks, no paths.
            let fileName = UploadKind.cleanFileName(file.filename)
            do {
                let format = try OpenDocumentFile.check(data, required: DataSheetTemplateRecord.required)
                let record = try await DataSheetTemplateRecord.query(on: req.db).first() ?? DataSheetTemplateRecord()
                record.fileName = fileName
                record.format = format
                record.data = data
                record.uploadedAt = req.now
                try await Audit.recording(.setting, "Vorlage des Datenblatts „\(fileName)“ hochgeladen", by: req) { db in
                    try await record.save(on: db)
                }
                message = "Die Vorlage „\(fileName)“ gilt jetzt für alle Datenblätter."
            } catch let invalid as OpenDocumentFile.Invalid {
                message = "Vorlage nicht übernommen: " + invalid.message
            }
        } else {
            message = "Vorlage nicht übernommen: Bitte eine Datei wählen (.odt)."
        }
        try await SessionFlash.put(Flash(message: message), on: req)
        return req.redirect(to: AdminURL.dataSheetTemplate.path)
    }

    func reset(req: Request) async throws -> Response {
        try await Audit.recording(.setting, "Mitgelieferte Vorlage des Datenblatts wieder in Kraft", by: req) { db in
            try await DataSheetTemplateRecord.query(on: db).delete()
        }
        try await SessionFlash.put(Flash(message: "Es gilt wieder die mitgelieferte Vorlage."), on: req)
        return req.redirect(to: AdminURL.dataSheetTemplate.path)
    }
}
