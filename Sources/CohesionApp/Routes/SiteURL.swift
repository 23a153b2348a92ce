import Vapor

/// A path parameter: `.key` when registering a route, `.value` when linking to it.
enum Param<Value: CustomStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)

    func component(_ name: String) -> String {
        switch self {
        case .key: ":" + name
        case .value(let value): value.description
        }
    }
}


/// Every page's address, used by the route table and by links alike, so a renamed path
/// cannot leave a dead link.
enum SiteURL: Sendable {
    case home
    case part(Param<UUID>)
    case login
    case logout
    case forgotPassword
    case setPassword(Param<String>)
    case myProgramme
    case regions
    case region(Param<String>)
    case profile
    case registration(Param<UUID>)
    case partCalendar(Param<UUID>)
    case personalCalendar(Param<String>)
    case renewCalendar
    case attendance(Param<UUID>)
    case assessments
    case projects
    case survey(Param<UUID>)
    case surveyReport(Param<UUID>)
    case feedbackOverview(Param<UUID>)
    case partFeedback(Param<UUID>)
    case facilitatorFeedback(Param<UUID>, Param<UUID>)
    case project(Param<UUID>)
    case needs(Param<UUID>)
    case reports
    case partnerReport(Param<UUID>)
    case aggregatesExport(Param<UUID>)
    case researchExport(Param<UUID>)
    case change(Param<UUID>)
    case assessment(Param<UUID>)
    case invitation(Param<String>)
    case unitMaterial(Param<UUID>)
    case partMaterial(Param<UUID>)
    case material(Param<UUID>)
    case deleteMaterial(Param<UUID>)
    case signInList(Param<UUID>)
    case cancellation(Param<UUID>)
    case healthz
    case stylesheet
    case script

    var path: String { "/" + segments.joined(separator: "/") }

    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }

    private var segments: [String] {
        switch self {
        case .home: []
        case .part(let id): ["teile", id.component("partID")]
        case .login: ["anmelden"]
        case .logout: ["abmelden"]
        case .forgotPassword: ["passwort-vergessen"]
        case .setPassword(let token): ["passwort-setzen", token.component("token")]
        case .myProgramme: ["mein-programm"]
        case .profile: ["profil"]
        case .registration(let id): ["teile", id.component("partID"), "anmeldung"]
        case .partCalendar(let id): ["teile", id.component("partID"), "zeitplan.ics"]
        case .personalCalendar(let token): ["kalender", token.component("file")]
        case .renewCalendar: ["kalender", "erneuern"]
        case .attendance(let id): ["einheiten", id.component("unitID"), "anwesenheit"]
        case .assessments: ["selbsteinschaetzung"]
        case .projects: ["praxisprojekte"]
        case .survey(let id): ["feedback", id.component("surveyID")]
        case .surveyReport(let id): ["auswertung", "feedback", id.component("surveyID")]
        case .feedbackOverview(let id): ["auswertung", "durchlaeufe", id.component("id"), "feedback"]
        case .partFeedback(let id): ["auswertung", "teile", id.component("partID"), "feedback"]
        case .facilitatorFeedback(let edition, let person):
            ["auswertung", "durchlaeufe", edition.component("id"), "referentinnen", person.component("userID"), "feedback"]
        case .project(let id): ["praxisprojekte", id.component("projectID")]
        case .needs(let id): ["auswertung", "durchlaeufe", id.component("id"), "bedarfe"]
        case .reports: ["berichte"]
        case .partnerReport(let id): ["berichte", "durchlaeufe", id.component("id")]
        case .aggregatesExport(let id): ["auswertung", "durchlaeufe", id.component("id"), "auswertung.csv"]
        case .researchExport(let id): ["auswertung", "durchlaeufe", id.component("id"), "forschungsdaten.csv"]
        case .change(let id): ["auswertung", "durchlaeufe", id.component("id"), "veraenderung"]
        case .assessment(let id): ["selbsteinschaetzung", id.component("phaseID")]
        case .invitation(let token): ["einladung", token.component("token")]
        case .unitMaterial(let id): ["einheiten", id.component("unitID"), "material"]
        case .partMaterial(let id): ["teile", id.component("partID"), "material"]
        case .material(let id): ["material", id.component("materialID")]
        case .deleteMaterial(let id): ["material", id.component("materialID"), "loeschen"]
        case .signInList(let id): ["einheiten", id.component("unitID"), "unterschriftenliste"]
        case .cancellation(let id): ["teile", id.component("partID"), "abmeldung"]
        case .regions: ["kommunen"]
        case .region(let key): ["kommunen", key.component("key")]
        case .healthz: ["healthz"]
        case .stylesheet: ["static", "cohesion-\(Assets.stylesheetVersion).css"]
        case .script: ["static", "cohesion-\(Assets.scriptVersion).js"]
        }
    }
}

/// The lead's area. Resources nest under their parent only where they are created.
enum AdminURL: Sendable {
    case overview
    case edition(Param<UUID>)
    case part(Param<UUID>)
    case new(AdminResourceKind, parent: Param<UUID>?)
    case create(AdminResourceKind, parent: Param<UUID>?)
    case edit(AdminResourceKind, Param<UUID>)
    case delete(AdminResourceKind, Param<UUID>)
    case participants
    case participantExport
    case profile(Param<UUID>)
    case registrations(Param<UUID>)
    case invitations(Param<UUID>)
    case phases(Param<UUID>)
    case cohortProjects(Param<UUID>)
    case surveys(Param<UUID>)
    case survey(Param<UUID>)
    case surveyQuestions(Param<UUID>)
    case surveyInvite(Param<UUID>)
    case togglePhase(Param<UUID>)
    case invitationUpload(Param<UUID>)
    case resendInvitation(Param<UUID>)
    case cancelRegistration(Param<UUID>)

    var path: String { "/" + segments.joined(separator: "/") }

    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }

    private var segments: [String] {
        switch self {
        case .overview: ["verwaltung"]
        case .edition(let id): ["verwaltung", AdminResourceKind.edition.segment, id.component("id")]
        case .part(let id): ["verwaltung", AdminResourceKind.part.segment, id.component("id")]
        case .new(let kind, let parent): Self.collection(kind, parent) + ["neu"]
        case .create(let kind, let parent): Self.collection(kind, parent)
        case .edit(let kind, let id): ["verwaltung", kind.segment, id.component("id"), "bearbeiten"]
        case .delete(let kind, let id): ["verwaltung", kind.segment, id.component("id"), "loeschen"]
        case .participants: ["verwaltung", "teilnehmende"]
        case .participantExport: ["verwaltung", "teilnehmende.csv"]
        case .registrations(let id): ["verwaltung", "teile", id.component("id"), "anmeldungen"]
        case .invitations(let id): ["verwaltung", "durchlaeufe", id.component("id"), "einladungen"]
        case .phases(let id): ["verwaltung", "durchlaeufe", id.component("id"), "selbsteinschaetzung"]
        case .cohortProjects(let id): ["verwaltung", "durchlaeufe", id.component("id"), "praxisprojekte"]
        case .surveys(let id): ["verwaltung", "teile", id.component("id"), "feedback"]
        case .survey(let id): ["verwaltung", "feedback", id.component("id")]
        case .surveyQuestions(let id): ["verwaltung", "feedback", id.component("id"), "fragen"]
        case .surveyInvite(let id): ["verwaltung", "feedback", id.component("id"), "einladen"]
        case .togglePhase(let id): ["verwaltung", "phasen", id.component("id"), "umschalten"]
        case .invitationUpload(let id): ["verwaltung", "durchlaeufe", id.component("id"), "einladungen", "liste"]
        case .resendInvitation(let id): ["verwaltung", "einladungen", id.component("id"), "erneut"]
        case .cancelRegistration(let id): ["verwaltung", "anmeldungen", id.component("id"), "abmelden"]
        case .profile(let id): ["verwaltung", "teilnehmende", id.component("id"), "profil"]
        }
    }

    private static func collection(_ kind: AdminResourceKind, _ parent: Param<UUID>?) -> [String] {
        guard let parent, let parentKind = kind.parentKind else { return ["verwaltung", kind.segment] }
        return ["verwaltung", parentKind.segment, parent.component("id"), kind.segment]
    }
}

/// The kinds of things the lead edits in the admin area.
enum AdminResourceKind: String, Sendable, CaseIterable {
    case programme, edition, module, competenceArea, part, unit

    var segment: String {
        switch self {
        case .programme: "programme"
        case .edition: "durchlaeufe"
        case .module: "module"
        case .competenceArea: "kompetenzfelder"
        case .part: "teile"
        case .unit: "einheiten"
        }
    }

    var parentKind: AdminResourceKind? {
        switch self {
        case .programme: nil
        case .edition, .module, .competenceArea: .programme
        case .part: .edition
        case .unit: .part
        }
    }

    /// The German noun with its article, for headings and messages ("den Teil", "die Einheit").
    var singular: String {
        switch self {
        case .programme: "Fortbildungsprogramm"
        case .edition: "Durchlauf"
        case .module: "Modul"
        case .competenceArea: "Kompetenzfeld"
        case .part: "Teil"
        case .unit: "Einheit"
        }
    }

    var accusative: String {
        switch self {
        case .programme: "das Fortbildungsprogramm"
        case .edition: "den Durchlauf"
        case .module: "das Modul"
        case .competenceArea: "das Kompetenzfeld"
        case .part: "den Teil"
        case .unit: "die Einheit"
        }
    }
}
