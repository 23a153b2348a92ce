/// The kinds of actors in a municipality's integration network (DESIGN.md, "The local network"),
/// each in one of six sectors that give the map its fixed directions.
public enum ActorKind: String, CaseIterable, Sendable, Codable {
    case foreignersAuthority, socialOffice, youthOffice, schoolOffice, integrationCouncil
    case jobcenter, employmentAgency, chamber, employer
    case languageCourseProvider, schoolsDayCare, university
    case welfareAssociation, migrationAdvice, integrationManagement, sportsClub, cultureClub, volunteerGroup
    case migrantOrganisation, religiousCommunity
    case stateFederal

    public var label: String {
        switch self {
        case .foreignersAuthority: "Ausländerbehörde"
        case .socialOffice: "Sozialamt"
        case .youthOffice: "Jugendamt"
        case .schoolOffice: "Schulamt oder Schulverwaltung"
        case .integrationCouncil: "Integrationsrat oder -ausschuss"
        case .jobcenter: "Jobcenter"
        case .employmentAgency: "Agentur für Arbeit"
        case .chamber: "Kammer (IHK oder Handwerkskammer)"
        case .employer: "Arbeitgeber*in"
        case .languageCourseProvider: "Sprach- und Integrationskursträger"
        case .schoolsDayCare: "Schule oder Kita"
        case .university: "Hochschule"
        case .welfareAssociation: "Wohlfahrtsverband"
        case .migrationAdvice: "Migrationsberatung (MBE oder JMD)"
        case .integrationManagement: "Integrationsmanagement"
        case .sportsClub: "Sportverein"
        case .cultureClub: "Kulturverein"
        case .volunteerGroup: "Ehrenamtliche Gruppe oder Freundeskreis"
        case .migrantOrganisation: "Migrantenorganisation"
        case .religiousCommunity: "Religionsgemeinschaft"
        case .stateFederal: "Land oder Bund (Behörde, Programm)"
        }
    }

    public var sector: NetworkSector {
        switch self {
        case .foreignersAuthority, .socialOffice, .youthOffice, .schoolOffice, .integrationCouncil: .administration
        case .jobcenter, .employmentAgency, .chamber, .employer: .labourMarket
        case .languageCourseProvider, .schoolsDayCare, .university: .education
        case .welfareAssociation, .migrationAdvice, .integrationManagement, .sportsClub, .cultureClub, .volunteerGroup: .civilSociety
        case .migrantOrganisation, .religiousCommunity: .migrantAndReligious
        case .stateFederal: .stateAndFederal
        }
    }

    /// Kinds nearly every officer's work touches; a network without them is missing something.
    public static let reference: [ActorKind] = [
        .foreignersAuthority, .jobcenter, .employmentAgency, .welfareAssociation, .migrationAdvice,
        .languageCourseProvider, .schoolsDayCare, .migrantOrganisation, .volunteerGroup,
    ]
}

/// The six directions of the network map, in clockwise order from the top.
public enum NetworkSector: String, CaseIterable, Sendable, Codable, Comparable {
    case administration, labourMarket, education, civilSociety, migrantAndReligious, stateAndFederal

    public var label: String {
        switch self {
        case .administration: "Verwaltung und Kommunalpolitik"
        case .labourMarket: "Arbeitsmarkt"
        case .education: "Bildung"
        case .civilSociety: "Zivilgesellschaft und Wohlfahrt"
        case .migrantAndReligious: "Migrantenorganisationen und Religionsgemeinschaften"
        case .stateAndFederal: "Land und Bund"
        }
    }

    public var index: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// What a tie carries.
public enum TieKind: String, CaseIterable, Sendable, Codable {
    case information, cooperation, committee, funding

    public var label: String {
        switch self {
        case .information: "Information"
        case .cooperation: "Zusammenarbeit"
        case .committee: "Gremium"
        case .funding: "Förderung"
        }
    }
}

/// A tie that exists, or one the officer wants to make.
public enum TieStatus: String, CaseIterable, Sendable, Codable {
    case exists, wanted

    public var label: String {
        switch self {
        case .exists: "besteht"
        case .wanted: "gewünscht"
        }
    }
}
