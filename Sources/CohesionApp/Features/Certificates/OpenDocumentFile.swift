import CohesionCore
import CohesionPlatform
import Foundation
import ZIPFoundation

/// A certificate template uploaded by the lead: an OpenDocument text, either packed (`.odt`, a
/// ZIP of XML parts, as LibreOffice and Word save it) or flat (`.fodt`). Placeholders are looked
/// for and filled in the parts that hold text: the body and the styles (headers and footers).
enum OpenDocumentFile {
    struct Invalid: Error {
        let message: String
    }

    enum Format: String, Codable, Sendable {
        case packed = "odt"
        case flat = "fodt"
    }

    static let textParts = ["content.xml", "styles.xml"]
    /// Placeholders a template must have: without them a certificate names no one and cannot be verified.
    static let required = ["NAME", "CODE"]

    /// Checks an upload and tells its format; the message says how to mend the file.
    static func check(_ data: Data, required: [String] = required) throws(Invalid) -> Format {
        let format: Format = data.starts(with: Array("PK".utf8)) ? .packed : .flat
        let text: String
        switch format {
        case .flat:
            guard let flat = String(data: data, encoding: .utf8), flat.contains("office:document") else {
                throw Invalid(message: "Die Datei ist kein OpenDocument-Text. Bitte in LibreOffice oder Word als „ODF-Textdokument (.odt)“ speichern.")
            }
            text = flat
        case .packed:
            do {
                let archive = try Archive(data: data, accessMode: .read)
                guard archive["mimetype"] != nil, archive["content.xml"] != nil else {
                    throw Invalid(message: "Die Datei ist kein OpenDocument-Text. Bitte als „ODF-Textdokument (.odt)“ speichern.")
                }
                text = try textParts.compactMap { archive[$0] }.map { try String(decoding: extract($0, from: archive), as: UTF8.self) }.joined()
            } catch let invalid as Invalid {
                throw invalid
            } catch {
                throw Invalid(message: "Die Datei lässt sich nicht öffnen. Bitte in LibreOffice oder Word neu als „.odt“ speichern.")
            }
        }
        let missing = required.filter { !text.contains("{{\($0)}}") }
        guard missing.isEmpty else {
            throw Invalid(
                message: "Platzhalter fehlen: " + missing.map { "{{\($0)}}" }.joined(separator: ", ")
                    + ". Wurde einer beim Bearbeiten zerteilt (etwa durch eine Formatierung mitten im Wort), bitte ihn in einem Zug neu tippen.")
        }
        return format
    }

    /// The template with its placeholders filled, in the same format.
    static func fill(_ template: Data, format: Format, values: [String: [String]], verificationURL: String) throws -> Data {
        try fill(template, format: format, values: values, pictures: ["QR": CertificateTemplate.qrFrame(for: verificationURL)])
    }

    /// The template with its placeholders filled: `values` as text, `pictures` as document markup.
    static func fill(_ template: Data, format: Format, values: [String: [String]], pictures: [String: String]) throws -> Data {
        switch format {
        case .flat:
            return Data(CertificateTemplate.fill(String(decoding: template, as: UTF8.self), with: values, pictures: pictures).utf8)
        case .packed:
            let source = try Archive(data: template, accessMode: .read)
            let target = try Archive(data: Data(), accessMode: .create)
            // The mimetype entry comes first and uncompressed, as OpenDocument requires.
            let entries = source.sorted { ($0.path == "mimetype" ? 0 : 1) < ($1.path == "mimetype" ? 0 : 1) }
            for entry in entries where entry.type == .file {
                var data = try extract(entry, from: source)
                if textParts.contains(entry.path) {
                    data = Data(CertificateTemplate.fill(String(decoding: data, as: UTF8.self), with: values, pictures: pictures).utf8)
                }
                let contents = data
                try target.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(contents.count),
                    compressionMethod: entry.path == "mimetype" ? .none : .deflate
                ) { position, size in
                    contents.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = target.data else { throw Invalid(message: "Die Vorlage ließ sich nicht füllen.") }
            return data
        }
    }

    private static func extract(_ entry: Entry, from archive: Archive) throws -> Data {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }
}
