import Foundation

/// How an integration officer's post is set up (DESIGN.md, "Municipal context and position").
public enum Embedding: String, CaseIterable, Sendable, Codable {
    case staffUnit, officeUnit, welfareAssociation, sharedBetweenMunicipalities, voluntary

    public var label: String {
        switch self {
        case .staffUnit: "Stabsstelle bei der Verwaltungsspitze (Bürgermeister*in, Landrät*in)"
        case .officeUnit: "Stelle in einem Amt oder Fachbereich"
        case .welfareAssociation: "Stelle bei einem Wohlfahrtsverband"
        case .sharedBetweenMunicipalities: "Stelle für mehrere Kommunen"
        case .voluntary: "Ehrenamt"
        }
    }
}

public enum Mandate: String, CaseIterable, Sendable, Codable {
    case councilResolution, jobDescription, none

    public var label: String {
        switch self {
        case .councilResolution: "Beschluss des Gemeinderats oder Kreistags"
        case .jobDescription: "Stellenbeschreibung"
        case .none: "kein schriftlicher Auftrag"
        }
    }
}

public enum TaskField: String, CaseIterable, Sendable, Codable {
    case contactPoint, network, integrationConcept, interculturalOpening, councilInformation, volunteers,
        projectsFunding, publicRelations, antiDiscrimination

    public var label: String {
        switch self {
        case .contactPoint: "Anlaufstelle und Beratung"
        case .network: "Netzwerk aufbauen und pflegen"
        case .integrationConcept: "Integrationskonzept"
        case .interculturalOpening: "Interkulturelle Öffnung der Verwaltung"
        case .councilInformation: "Gemeinderat und Gremien informieren"
        case .volunteers: "Ehrenamtliche koordinieren"
        case .projectsFunding: "Projekte und Fördermittel"
        case .publicRelations: "Öffentlichkeitsarbeit"
        case .antiDiscrimination: "Antidiskriminierung"
        }
    }
}

public enum FieldOfAction: String, CaseIterable, Sendable, Codable {
    case language, work, education, housing, health, cultureLeisure

    public var label: String {
        switch self {
        case .language: "Sprache"
        case .work: "Arbeit"
        case .education: "Bildung"
        case .housing: "Wohnen"
        case .health: "Gesundheit"
        case .cultureLeisure: "Kultur und Freizeit"
        }
    }
}

/// The position part of a participant's profile, as typed.
public struct PositionInput: Sendable, Equatable {
    public var embedding = ""
    public var sharePercent = ""
    public var fixedTerm = ""
    public var funding = ""
    public var mandate = ""
    public var taskFields: [String] = []
    public var fieldsOfAction: [String] = []
    public var inPostSince = ""

    public init() {}
}

public struct PositionValues: Sendable, Equatable {
    public var embedding: Embedding
    public var sharePercent: Int
    public var fixedTerm: Bool?
    public var funding: String
    public var mandate: Mandate
    public var taskFields: [TaskField]
    public var fieldsOfAction: [FieldOfAction]
    /// "2021-09": month and year are what people know of their start.
    public var inPostSince: String?
}

extension PositionInput {
    public func check(today: CalendarDay) -> Checked<PositionValues> {
        var errors = FieldErrors()
        let embedding = Embedding(rawValue: self.embedding)
        if embedding == nil { errors.add("embedding", "Bitte wählen, wie die Stelle angebunden ist.") }
        let share = Int(sharePercent.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: ""))
        if share == nil || !(1...100).contains(share!) { errors.add("sharePercent", "Bitte den Stellenanteil in Prozent angeben (1 bis 100).") }
        let fixedTerm: Bool? =
            switch self.fixedTerm {
            case "ja": true;
            case "nein": false;
            default: nil
            }
        if !["ja", "nein", ""].contains(self.fixedTerm) { errors.add("fixedTerm", "Bitte „befristet“ oder „unbefristet“ wählen.") }
        let funding = errors.optional("funding", self.funding, maxLength: 200)
        let mandate = Mandate(rawValue: self.mandate)
        if mandate == nil { errors.add("mandate", "Bitte wählen, worauf der Auftrag beruht.") }
        let tasks = taskFields.compactMap(TaskField.init(rawValue:))
        if tasks.count != taskFields.count { errors.add("taskFields", "Bitte nur Aufgabenfelder aus der Liste wählen.") }
        let fields = fieldsOfAction.compactMap(FieldOfAction.init(rawValue:))
        if fields.count != fieldsOfAction.count { errors.add("fieldsOfAction", "Bitte nur Handlungsfelder aus der Liste wählen.") }
        let since = inPostSince.trimmingCharacters(in: .whitespaces)
        var inPostSince: String?
        if !since.isEmpty {
            if let month = CalendarDay(iso: since + "-01"), month.year >= 1970, month <= today {
                inPostSince = String(since.prefix(7))
            } else {
                errors.add("inPostSince", "Bitte Monat und Jahr angeben (JJJJ-MM), nicht in der Zukunft.")
            }
        }
        guard errors.isEmpty, let embedding, let share, let mandate else { return .invalid(errors) }
        return .valid(
            PositionValues(
                embedding: embedding, sharePercent: share, fixedTerm: fixedTerm, funding: funding,
                mandate: mandate, taskFields: tasks, fieldsOfAction: fields, inPostSince: inPostSince))
    }
}
