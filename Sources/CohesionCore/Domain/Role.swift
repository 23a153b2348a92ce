/// The roles of DESIGN.md. Raw values are stored in the database and never change.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin, lead, facilitator, participant, partner

    public var germanName: String {
        switch self {
        case .admin: "Administration"
        case .lead: "Programmleitung"
        case .facilitator: "Referent*in"
        case .participant: "Teilnehmer*in"
        case .partner: "Partner"
        }
    }

    /// Who may change the programme's structure (programmes, editions, parts, units).
    public var canEditStructure: Bool { self == .lead || self == .admin }

    /// Who has a personal "Mein Programm" page.
    public var hasPersonalProgramme: Bool { self == .participant || self == .facilitator || self == .lead }
}
