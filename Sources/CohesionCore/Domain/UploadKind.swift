import Foundation

/// What an uploaded file is, judged by its first bytes together with its name, never by the type
/// the browser claims. Material is served with the type found here, so a file named `.pdf` that is
/// really a web page cannot be passed off as a PDF, and an unknown kind is refused at upload.
public enum UploadKind: String, CaseIterable, Sendable {
    case pdf, officeOpenXML, openDocument, png, jpeg, gif, webp, text

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .officeOpenXML, .openDocument: "application/octet-stream"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .text: "text/plain; charset=utf-8"
        }
    }

    /// The accepted kinds in words, for the message when a file is refused.
    public static let accepted = "PDF, Word, Excel, PowerPoint, OpenDocument, Bilder (PNG, JPEG, GIF, WebP) und Text (TXT, CSV, Markdown)"

    static let officeExtensions: Set<String> = ["docx", "xlsx", "pptx"]
    static let openDocumentExtensions: Set<String> = ["odt", "ods", "odp", "odg"]
    static let textExtensions: Set<String> = ["txt", "csv", "md"]

    /// The kind, or nil when the content does not match a kind the name allows.
    public static func detect(fileName: String, prefix bytes: [UInt8]) -> UploadKind? {
        let ext = fileName.split(separator: ".").count > 1 ? fileName.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
        let zip = starts([0x50, 0x4B, 0x03, 0x04])
        switch ext {
        case "pdf": return starts(Array("%PDF-".utf8)) ? .pdf : nil
        case _ where officeExtensions.contains(ext): return zip ? .officeOpenXML : nil
        case _ where openDocumentExtensions.contains(ext): return zip ? .openDocument : nil
        case "png": return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? .png : nil
        case "jpg", "jpeg": return starts([0xFF, 0xD8, 0xFF]) ? .jpeg : nil
        case "gif": return starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) ? .gif : nil
        case "webp": return starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) ? .webp : nil
        case _ where textExtensions.contains(ext):
            // Text is UTF-8 without NUL bytes, and not markup a browser would run.
            guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil || bytes.count >= 4096 else { return nil }
            let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
            return head.contains("<html") || head.contains("<script") || head.contains("<svg") ? nil : .text
        default: return nil
        }
    }

    /// A file name as it may be stored and shown: the last path component, without control and
    /// bidirectional formatting characters (a right-to-left override makes `rechnung‮fdp.exe`
    /// look like `rechnungexe.pdf`), at most 200 characters.
    public static func cleanFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let bidi: ClosedRange<UInt32> = 0x202A...0x202E
        let isolates: ClosedRange<UInt32> = 0x2066...0x2069
        let kept = last.unicodeScalars.filter { scalar in
            !(scalar.value < 0x20 || scalar.value == 0x7F || bidi.contains(scalar.value) || isolates.contains(scalar.value)
                || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0xFEFF)
        }
        return String(String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces).prefix(200))
    }
}
