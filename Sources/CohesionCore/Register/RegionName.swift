import Foundation

/// Municipal names as people read them. The register abbreviates what follows the comma
/// ("Altdorf, M", "Aach, St", "Lahr/Schwarzwald, GKSt"); those are written out.
public enum RegionName {
    static let abbreviations = [
        "M": "Markt", "St": "Stadt", "GKSt": "Große Kreisstadt",
        "gemfr. Gebiet": "gemeindefreies Gebiet", "gemfr. Geb.": "gemeindefreies Gebiet", "gemfr.Geb.": "gemeindefreies Gebiet",
        "gemfr. Bezirk": "gemeindefreier Bezirk",
    ]

    /// "Altdorf, M" → "Altdorf, Markt"; names without an abbreviation stay as they are.
    public static func readable(_ name: String) -> String {
        guard let comma = name.firstIndex(of: ",") else { return name }
        let suffix = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        guard let word = abbreviations[suffix] else { return name }
        return name[..<comma] + ", " + word
    }

    /// "Landkreis Konstanz" for the register's "Konstanz" of kind Landkreis; "Stuttgart, Stadtkreis"
    /// and other names that say their kind already stay as they are.
    public static func kreis(name: String, kind: String?) -> String {
        guard let kind, !kind.isEmpty, !name.contains(",") else { return readable(name) }
        return kind + " " + name
    }

    /// "Altdorf, Markt (Landkreis Böblingen, Baden-Württemberg)": a name that tells apart
    /// municipalities of the same name. A Kreis is qualified by its Land only.
    public static func label(name: String, kreis: String?, land: String?) -> String {
        let qualifiers = [kreis, land].compactMap { $0 }.filter { !$0.isEmpty && $0 != name }
        return qualifiers.isEmpty ? name : name + " (" + qualifiers.joined(separator: ", ") + ")"
    }
}
