import Foundation

/// Fills an OpenDocument template (flat XML, `.fodt`) with a statement. Placeholders are written
/// in the document's text as `{{NAME}}` and so on (see `placeholders`); a value with several lines
/// becomes lines of the same paragraph. Values are XML-escaped, so no name can break the document.
public enum CertificateTemplate {
    public static let placeholders = [
        "NAME", "KOMMUNE", "PROGRAMM", "DURCHLAUF", "TEILE", "EINHEITEN", "STUNDEN", "MODULE", "KOMPETENZFELDER",
        "AUSSTELLER", "ORT_DATUM", "CODE", "PRUEFADRESSE",
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

    public static func fill(_ template: String, with values: [String: [String]]) -> String {
        var document = template
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
