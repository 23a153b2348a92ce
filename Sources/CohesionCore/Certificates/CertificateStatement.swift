import Foundation

/// What a Teilnahmebescheinigung states: filled into the template, and shown again by the public
/// verification page, so both always say the same.
public struct CertificateStatement: Sendable, Codable, Equatable {
    public struct PartLine: Sendable, Codable, Equatable {
        public let number: Int
        public let title: String
        public let dates: String
        public let city: String

        public init(number: Int, title: String, dates: String, city: String) {
            self.number = number
            self.title = title
            self.dates = dates
            self.city = city
        }
    }

    public struct UnitLine: Sendable, Codable, Equatable {
        public let title: String
        public let minutes: Int

        public init(title: String, minutes: Int) {
            self.title = title
            self.minutes = minutes
        }
    }

    public let name: String
    public let municipality: String
    public let programme: String
    public let edition: String
    public let parts: [PartLine]
    public let units: [UnitLine]
    public let modules: [String]
    public let competenceAreas: [String]
    public let issuer: String
    public let place: String
    public let issuedOn: CalendarDay

    public init(
        name: String, municipality: String, programme: String, edition: String, parts: [PartLine], units: [UnitLine],
        modules: [String], competenceAreas: [String], issuer: String, place: String, issuedOn: CalendarDay
    ) {
        self.name = name
        self.municipality = municipality
        self.programme = programme
        self.edition = edition
        self.parts = parts
        self.units = units
        self.modules = modules
        self.competenceAreas = competenceAreas
        self.issuer = issuer
        self.place = place
        self.issuedOn = issuedOn
    }

    public var totalMinutes: Int { units.reduce(0) { $0 + $1.minutes } }

    /// "7,5 Stunden": hours as German certificates state them.
    public static func hours(_ minutes: Int) -> String {
        let hours = Double(minutes) / 60
        let text = hours == hours.rounded() ? "\(Int(hours))" : germanDecimal(hours)
        return text + (minutes == 60 ? " Stunde" : " Stunden")
    }
}

/// Verification codes: 80 random bits in Crockford's base 32 (no I, L, O, U), grouped for reading
/// aloud, e.g. "7KQ2-9XMD-PA4T-3HWC". Nobody guesses one.
public enum VerificationCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func make<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        // Sixteen characters of five random bits each.
        let characters = (0..<16).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] }
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// A typed code as stored: upper case, I/L read as 1, O as 0, spaces and dashes regrouped.
    public static func normalized(_ typed: String) -> String? {
        let mapped = typed.uppercased().compactMap { character -> Character? in
            switch character {
            case "I", "L": "1"
            case "O": "0"
            case "-", " ": nil
            default: character
            }
        }
        guard mapped.count == 16, mapped.allSatisfy(alphabet.contains) else { return nil }
        return stride(from: 0, to: 16, by: 4).map { String(mapped[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
