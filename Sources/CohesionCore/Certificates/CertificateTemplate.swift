import Foundation

/// Fills an OpenDocument template (flat XML, `.fodt`) with a statement. Placeholders are written
/// in the document's text as `{{NAME}}` and so on (see `placeholders`); a value with several lines
/// becomes lines of the same paragraph. Values are XML-escaped, so no name can break the document.
/// `{{QR}}` becomes a picture: the verification address as a QR code, 2.6 cm wide, standing in the line.
public enum CertificateTemplate {
    public static let placeholders = [
        "NAME", "KOMMUNE", "PROGRAMM", "DURCHLAUF", "TEILE", "EINHEITEN", "STUNDEN", "MODULE", "KOMPETENZFELDER",
        "AUSSTELLER", "ORT_DATUM", "CODE", "PRUEFADRESSE", "QR",
    ]

    public static func values(_ statement: CertificateStatement, code: String, verificationURL: String) -> [String: [String]] {
        [
            "NAME": [statement.name],
            "KOMMUNE": [statement.municipality],
            "PROGRAMM": [statement.programme],
            "DURCHLAUF": [statement.edition],
            "TEILE": statement.parts.map { "Teil \($0.number): \($0.title), \($0.dates), \($0.city)" },
            "EINHEITEN": statement.units.map { "\($0.title) (\(CertificateStatement.hours($0.minutes)))" },
            "STUNDEN": [CertificateStatement.hours(statement.totalMinutes)],
            "MODULE": [statement.modules.joined(separator: " · ")],
            "KOMPETENZFELDER": [statement.competenceAreas.joined(separator: " · ")],
            "AUSSTELLER": [statement.issuer],
            "ORT_DATUM": ["\(statement.place), \(BerlinTime.longDate(statement.issuedOn))"],
            "CODE": [code],
            "PRUEFADRESSE": [verificationURL],
        ]
    }

    /// The `{{QR}}` picture: an SVG image embedded in the document, so no file travels beside it.
    public static func qrFrame(for verificationURL: String) -> String {
        guard let code = try? QRCode(text: verificationURL) else { return "" }
        let image = Data(code.svg(sizeInMillimetres: 26).utf8).base64EncodedString()
        return "<draw:frame draw:name=\"QR-Code\" text:anchor-type=\"as-char\" svg:width=\"2.6cm\" svg:height=\"2.6cm\">"
            + "<draw:image><office:binary-data>\(image)</office:binary-data></draw:image>"
            + "<svg:title>QR-Code der Prüfadresse</svg:title></draw:frame>"
    }

    /// A picture standing in the line: an SVG image embedded in the document, `widthCm` wide and
    /// as high as its aspect asks. `title` is the picture's text alternative.
    public static func svgFrame(_ svg: String, name: String, title: String, widthCm: Double, heightCm: Double) -> String {
        let image = Data(svg.utf8).base64EncodedString()
        let size = String(format: "svg:width=\"%.2fcm\" svg:height=\"%.2fcm\"", widthCm, heightCm)
        return "<draw:frame draw:name=\"\(escape(name))\" text:anchor-type=\"as-char\" \(size)>"
            + "<draw:image><office:binary-data>\(image)</office:binary-data></draw:image>"
            + "<svg:title>\(escape(title))</svg:title></draw:frame>"
    }

    public static func fill(_ template: String, with values: [String: [String]], verificationURL: String) -> String {
        fill(template, with: values, pictures: ["QR": qrFrame(for: verificationURL)])
    }

    /// `pictures` replace their placeholders with ready document markup (`svgFrame`, `qrFrame`);
    /// `values` are text, escaped.
    public static func fill(_ template: String, with values: [String: [String]], pictures: [String: String]) -> String {
        var document = template
        for (key, frame) in pictures { document = document.replacingOccurrences(of: "{{\(key)}}", with: frame) }
        for (key, lines) in values {
            let escaped = lines.map(escape).joined(separator: "<text:line-break/>")
            document = document.replacingOccurrences(of: "{{\(key)}}", with: escaped)
        }
        return document
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
