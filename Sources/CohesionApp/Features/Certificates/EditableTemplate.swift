import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// What the lead's page for a replaceable document template says and where it lives.
struct EditableTemplateInfo: Sendable {
    let title: String
    /// One sentence: what the template makes.
    let purpose: String
    /// What a new template changes: "alle Datenblätter".
    let appliesTo: String
    /// The name of the downloaded file, without extension.
    let downloadName: String
    /// The shipped template (flat OpenDocument), used until the lead uploads one.
    let shipped: String
    let placeholders: [String]
    /// Placeholders an upload must keep, and why.
    let required: [String]
    let requiredNote: String
    let page: AdminURL
    let file: AdminURL
    let reset: AdminURL
}

/// A template the lead may replace with their own OpenDocument text: one row per site, none
/// while the shipped one applies. The data sheet and the impact report use it, as the
/// certificates use their own per programme.
protocol EditableTemplateRecord: Model where IDValue == UUID {
    var fileName: String { get set }
    var format: OpenDocumentFile.Format { get set }
    var data: Data { get set }
    var uploadedAt: Date { get set }
    static var about: EditableTemplateInfo { get }
}

extension EditableTemplateRecord {
    static func current(on db: any Database) async throws -> (data: Data, format: OpenDocumentFile.Format, fileName: String?) {
        guard let own = try await Self.query(on: db).first() else { return (Data(about.shipped.utf8), .flat, nil) }
        return (own.data, own.format, own.fileName)
    }
}

/// The lead downloads the template in use, uploads their own or goes back to the shipped one.
struct EditableTemplateController<Record: EditableTemplateRecord> {
    struct Flash: Codable, Sendable { let message: String }

    func register(on routes: any RoutesBuilder) {
        routes.get(Record.about.page, .leadArea, use: page)
        routes.get(Record.about.file, .leadArea, use: download)
        routes.post(Record.about.page, .leadArea, bodyLimit: "10mb", use: upload)
        routes.post(Record.about.reset, .leadArea, use: reset)
    }

    func page(req: Request) async throws -> Response {
        let current = try await Record.current(on: req.db)
        let message = try await SessionFlash.take(Flash.self, on: req)?.message
        return .html(
            EditableTemplateView.page(Record.about, fileName: current.fileName, message: message, frame: req.frame(Record.about.title, section: .admin)))
    }

    func download(req: Request) async throws -> Response {
        let current = try await Record.current(on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType,
            value: current.format == .packed ? "application/vnd.oasis.opendocument.text" : "application/vnd.oasis.opendocument.text-flat-xml")
        let name = (current.fileName ?? Record.about.downloadName + "." + current.format.rawValue).replacingOccurrences(of: "\"", with: "")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: current.data))
    }

    func upload(req: Request) async throws -> Response {
        let message: String
        if let file = (try? req.content.decode(TemplateUpload.self))?.datei, file.data.readableBytes > 0 {
            let data = Data(file.data.readableBytesView)
            // The name goes into the audit log and a Content-Disposition header: no line breaks, no paths.
            let fileName = UploadKind.cleanFileName(file.filename)
            do {
                let format = try OpenDocumentFile.check(data, required: Record.about.required)
                let record = try await Record.query(on: req.db).first() ?? Record()
                record.fileName = fileName
                record.format = format
                record.data = data
                record.uploadedAt = req.now
                try await Audit.recording(.setting, "\(Record.about.title) „\(fileName)“ hochgeladen", by: req) { db in
                    try await record.save(on: db)
                }
                message = "Die Vorlage „\(fileName)“ gilt jetzt für \(Record.about.appliesTo)."
            } catch let invalid as OpenDocumentFile.Invalid {
                message = "Vorlage nicht übernommen: " + invalid.message
            }
        } else {
            message = "Vorlage nicht übernommen: Bitte eine Datei wählen (.odt)."
        }
        try await SessionFlash.put(Flash(message: message), on: req)
        return req.redirect(to: Record.about.page.path)
    }

    func reset(req: Request) async throws -> Response {
        try await Audit.recording(.setting, "Mitgelieferte \(Record.about.title) wieder in Kraft", by: req) { db in
            try await Record.query(on: db).delete()
        }
        try await SessionFlash.put(Flash(message: "Es gilt wieder die mitgelieferte Vorlage."), on: req)
        return req.redirect(to: Record.about.page.path)
    }
}

/// The shipped templates' frame: an A4 OpenDocument text in DejaVu Sans (which LibreOffice embeds
/// and which covers every name in the register), with "Titel", "Abschnitt" and "Klein" styles;
/// each template adds its own styles and its body.
enum ShippedDocument {
    static func a4(styles: String = "", body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
        <office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
        <office:styles>
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.12cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt" fo:language="de" fo:country="DE"/></style:default-style>
        <style:style style:name="Titel" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Abschnitt" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11.5pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Klein" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:color="#4a5561"/></style:style>
        \(styles)
        </office:styles>
        <office:automatic-styles><style:page-layout style:name="Seite"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin="1.8cm"/></style:page-layout></office:automatic-styles>
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Seite"/></office:master-styles>
        <office:body><office:text>
        \(body)
        </office:text></office:body></office:document>
        """
    }
}

/// The table of a replaceable template: one row while the lead's own applies.
enum EditableTemplateSchema {
    static func create(_ schema: String, on database: any Database) async throws {
        try await database.schema(schema)
            .id()
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
    }
}

/// The upload form's one field.
private struct TemplateUpload: Decodable { var datei: File? }

/// The lead's page for one replaceable template.
enum EditableTemplateView {
    static func page(_ about: EditableTemplateInfo, fileName: String?, message: String?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { about.title }
            if let message { HTML.p(.class("notice"), .role("status")) { message } }
            HTML.p {
                about.purpose + " Es gilt " + (fileName.map { "die hochgeladene Vorlage „\($0)“" } ?? "die mitgelieferte Vorlage") + ". "
                HTML.a(.href(about.file.path)) { "Die geltende Vorlage herunterladen" }
                ", in LibreOffice oder Word anpassen und als „.odt“ wieder hochladen. Platzhalter: "
                about.placeholders.map { "{{\($0)}}" }.joined(separator: ", ") + ". " + about.requiredNote
            }
            HTML.form(.method("post"), .action(about.page.path), .init("enctype", "multipart/form-data"), .class("stack")) {
                Form.csrf(frame.visitor)
                HTML.div(.class("field")) {
                    HTML.label(.for("vorlagendatei")) { "Eigene Vorlage (.odt)" }
                    HTML.input(.type("file"), .id("vorlagendatei"), .name("datei"), .init("accept", ".odt,.fodt,application/vnd.oasis.opendocument.text"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Vorlage hochladen" } }
            }
            HTML.form(.method("post"), .action(about.reset.path)) {
                Form.csrf(frame.visitor)
                HTML.button(.type("submit"), .class("button button--quiet")) { "Mitgelieferte Vorlage verwenden" }
            }
        }
    }
}
