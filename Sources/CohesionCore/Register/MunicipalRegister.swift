import Foundation

/// The levels of the official register that Cohesion keeps.
public enum RegionLevel: String, Sendable, Codable, CaseIterable {
    case land, kreis, gemeinde

    public var label: String {
        switch self {
        case .land: "Land"
        case .kreis: "Kreis"
        case .gemeinde: "Gemeinde"
        }
    }
}

/// One Land, Kreis or Gemeinde of the Destatis municipal register (GV-ISys).
public struct RegisterEntry: Sendable, Equatable {
    /// 2 digits for a Land, 5 for a Kreis, the 8-digit AGS for a Gemeinde.
    public var key: String
    /// The Amtlicher Regionalschlüssel: 2, 5 or 12 digits.
    public var ars: String
    public var level: RegionLevel
    public var name: String
    /// The Textkennzeichen and its meaning ("Große Kreisstadt", "Landkreis", …).
    public var kindCode: String
    public var kind: String
    public var landKey: String
    public var kreisKey: String?
    /// Filled for Gemeinden; for a Kreis or Land the sum of its Gemeinden.
    public var population: Int?
    public var areaKm2: Double?
    public var postcode: String?
    public var urbanisation: String?
    /// The Gemeinde's geographic centre (WGS 84), for maps drawn without tiles.
    public var longitude: Double?
    public var latitude: Double?

    public init(
        key: String, ars: String, level: RegionLevel, name: String, kindCode: String, kind: String,
        landKey: String, kreisKey: String?, population: Int? = nil, areaKm2: Double? = nil,
        postcode: String? = nil, urbanisation: String? = nil, longitude: Double? = nil, latitude: Double? = nil
    ) {
        self.key = key
        self.ars = ars
        self.level = level
        self.name = name
        self.kindCode = kindCode
        self.kind = kind
        self.landKey = landKey
        self.kreisKey = kreisKey
        self.population = population
        self.areaKm2 = areaKm2
        self.postcode = postcode
        self.urbanisation = urbanisation
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// Reads the GV-ISys extract "Alle politisch selbständigen Gemeinden" as converted to CSV
/// (see data/SOURCES.md): Satzart 10 Land, 40 Kreis, 60 Gemeinde; other record types
/// (Regierungsbezirk, Region, Gemeindeverband) are read past.
public enum MunicipalRegister {
    public static let header = [
        "Satzart", "Textkennzeichen", "ARS_Land", "ARS_RB", "ARS_Kreis", "ARS_VB", "ARS_Gem",
        "Gemeindename", "Flaeche_km2", "Bevoelkerung_insgesamt", "Bevoelkerung_maennlich",
        "Bevoelkerung_weiblich", "Bevoelkerung_je_km2", "Postleitzahl", "Laengengrad",
        "Breitengrad", "Reisegebiet_Schluessel", "Reisegebiet_Bezeichnung",
        "Verstaedterung_Schluessel", "Verstaedterung_Bezeichnung",
    ]

    static let kreisKinds = [
        "41": "Kreisfreie Stadt", "42": "Stadtkreis", "43": "Kreis", "44": "Landkreis",
        "45": "Regionalverband",
    ]
    static let gemeindeKinds = [
        "60": "Markt", "61": "Kreisfreie Stadt", "62": "Stadtkreis", "63": "Stadt",
        "64": "Kreisangehörige Gemeinde", "65": "Gemeindefreies Gebiet (bewohnt)",
        "66": "Gemeindefreies Gebiet (unbewohnt)", "67": "Große Kreisstadt",
    ]

    public static func parse(_ text: String) throws(CSVReader.Malformed) -> [RegisterEntry] {
        let rows = try CSVReader().rows(of: text)
        guard let first = rows.first, first.fields == header else {
            throw CSVReader.Malformed(line: 1, problem: "erwartet die Kopfzeile des GV-ISys-Auszugs (Satzart, Textkennzeichen, ARS_Land, …)")
        }
        var entries: [RegisterEntry] = []
        for row in rows.dropFirst() {
            if let entry = try entry(from: row) { entries.append(entry) }
        }
        guard entries.contains(where: { $0.level == .gemeinde }) else {
            throw CSVReader.Malformed(line: rows.count, problem: "die Datei enthält keine Gemeinde (Satzart 60)")
        }
        return withTotals(entries)
    }

    private static func entry(from row: CSVReader.Row) throws(CSVReader.Malformed) -> RegisterEntry? {
        func fail(_ problem: String) -> CSVReader.Malformed { CSVReader.Malformed(line: row.line, problem: problem) }
        guard row.fields.count == header.count else {
            throw fail("erwartet \(header.count) Spalten, gefunden \(row.fields.count)")
        }
        let f = row.fields
        let (land, rb, kreis, vb, gem, name) = (f[2], f[3], f[4], f[5], f[6], f[7].trimmingCharacters(in: .whitespaces))
        guard digits(land, 2) else { throw fail("ARS_Land „\(land)“ ist kein zweistelliger Schlüssel") }
        guard !name.isEmpty else { throw fail("Gemeindename fehlt") }
        switch f[0] {
        case "20", "30", "50":
            return nil
        case "10":
            return RegisterEntry(
                key: land, ars: land, level: .land, name: name, kindCode: "", kind: "Land",
                landKey: land, kreisKey: nil)
        case "40":
            guard digits(rb, 1), digits(kreis, 2) else { throw fail("ARS_RB/ARS_Kreis „\(rb)/\(kreis)“ sind keine gültigen Schlüssel") }
            guard let kind = kreisKinds[f[1]] else { throw fail("unbekanntes Textkennzeichen „\(f[1])“ für einen Kreis") }
            let key = land + rb + kreis
            return RegisterEntry(
                key: key, ars: key, level: .kreis, name: name, kindCode: f[1], kind: kind,
                landKey: land, kreisKey: key)
        case "60":
            guard digits(rb, 1), digits(kreis, 2), digits(vb, 4), digits(gem, 3) else {
                throw fail("Regionalschlüssel „\(land)\(rb)\(kreis)\(vb)\(gem)“ ist nicht vollständig")
            }
            guard let kind = gemeindeKinds[f[1]] else { throw fail("unbekanntes Textkennzeichen „\(f[1])“ für eine Gemeinde") }
            let population = try optionalInteger(f[9], column: "Bevoelkerung_insgesamt", line: row.line)
            let area = try optionalDecimal(f[8], column: "Flaeche_km2", line: row.line)
            return RegisterEntry(
                key: land + rb + kreis + gem, ars: land + rb + kreis + vb + gem, level: .gemeinde,
                name: name, kindCode: f[1], kind: kind, landKey: land, kreisKey: land + rb + kreis,
                population: population, areaKm2: area, postcode: f[13].isEmpty ? nil : f[13],
                urbanisation: f[19].isEmpty ? nil : f[19],
                longitude: try optionalCoordinate(f[14], column: "Laengengrad", line: row.line),
                latitude: try optionalCoordinate(f[15], column: "Breitengrad", line: row.line))
        default:
            throw fail("unbekannte Satzart „\(f[0])“")
        }
    }

    /// Kreis and Land carry no figures in the file: their population and area are the sums of their Gemeinden.
    private static func withTotals(_ entries: [RegisterEntry]) -> [RegisterEntry] {
        var population: [String: Int] = [:]
        var area: [String: Double] = [:]
        for entry in entries where entry.level == .gemeinde {
            for key in [entry.landKey, entry.kreisKey].compactMap({ $0 }) {
                if let value = entry.population { population[key, default: 0] += value }
                if let value = entry.areaKm2 { area[key, default: 0] += value }
            }
        }
        return entries.map { entry in
            guard entry.level != .gemeinde else { return entry }
            var total = entry
            total.population = population[entry.key]
            total.areaKm2 = area[entry.key].map { ($0 * 100).rounded() / 100 }
            return total
        }
    }

    static func digits(_ text: String, _ count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    static func optionalInteger(_ text: String, column: String, line: Int) throws(CSVReader.Malformed) -> Int? {
        if text.isEmpty { return nil }
        guard let value = Int(text), value >= 0 else { throw CSVReader.Malformed(line: line, problem: "\(column) „\(text)“ ist keine ganze Zahl") }
        return value
    }

    /// Degrees as the register writes them, with a decimal comma ("9,175957").
    static func optionalCoordinate(_ text: String, column: String, line: Int) throws(CSVReader.Malformed) -> Double? {
        if text.isEmpty { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), abs(value) <= 180 else {
            throw CSVReader.Malformed(line: line, problem: "\(column) „\(text)“ ist keine Koordinate")
        }
        return value
    }

    static func optionalDecimal(_ text: String, column: String, line: Int) throws(CSVReader.Malformed) -> Double? {
        if text.isEmpty { return nil }
        guard let value = Double(text), value >= 0 else { throw CSVReader.Malformed(line: line, problem: "\(column) „\(text)“ ist keine Zahl") }
        return value
    }
}
