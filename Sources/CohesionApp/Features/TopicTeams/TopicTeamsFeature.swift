import CohesionCore
import CohesionPlatform
import Vapor

/// Topic teams: officers from several municipalities on one practical question, with a result
/// written together in numbered versions (`TopicTeamResultController`).
enum TopicTeamsFeature: Feature {
    static let notices = [Notice.teamProposed, .teamJoined, .teamLeft, .resultSaved, .resultFinished]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .administration where user.role.canEditStructure: [PageLink(order: 85, label: "Austausch: Thementeams", path: SiteURL.topicTeams.path)]
        default: []
        }
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let teams = TopicTeamController()
        let result = TopicTeamResultController()
        let documents = TopicTeamDocumentController()
        let uploadLimit = ByteCount(value: app.cohesion.config.materialMaxMegabytes * 1_048_576 + 65_536)
        routes.get(SiteURL.topicTeams, TopicTeamAudience.signedIn, use: teams.list)
        routes.post(SiteURL.topicTeams, TopicTeamAudience.signedIn, use: teams.propose)
        routes.get(SiteURL.topicTeam(.key), TopicTeamAudience.anyTeam, use: teams.show)
        routes.post(SiteURL.topicTeamJoin(.key), TopicTeamAudience.anyTeam, use: teams.join)
        routes.post(SiteURL.topicTeamLeave(.key), TopicTeamAudience.member, use: teams.leave)
        routes.post(SiteURL.topicTeamPosts(.key), TopicTeamAudience.member, use: teams.post)
        routes.get(SiteURL.topicTeamResult(.key), TopicTeamAudience.member, use: result.form)
        routes.post(SiteURL.topicTeamResult(.key), TopicTeamAudience.member, use: result.save)
        routes.get(SiteURL.topicTeamVersions(.key), TopicTeamAudience.member, use: result.versions)
        routes.post(SiteURL.topicTeamFinish(.key), TopicTeamAudience.member, use: result.finish)
        routes.post(SiteURL.topicTeamDocuments(.key), TopicTeamAudience.member, bodyLimit: uploadLimit, use: documents.upload)
        routes.get(SiteURL.topicTeamDocument(.key, .key), TopicTeamAudience.member, use: documents.download)
        routes.post(SiteURL.topicTeamDocumentDelete(.key, .key), TopicTeamAudience.ownDocument, use: documents.delete)
    }

    static let stylesheet = """
        .side-by-side { display: grid; gap: 1.5rem; }
        @media (min-width: 60rem) { .side-by-side { grid-template-columns: 1fr 1fr; } }
        .diff { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; background: #fff; }
        .diff ins { background: #d8f3dc; color: #0b3d1a; text-decoration: underline; }
        .diff del { background: #fde2e1; color: #6b0f0a; text-decoration: line-through; }
        .result-source { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24rem; overflow: auto; }
        #feld-text { min-height: 18rem; }
        """

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "topic_teams", data: "Frage und Beschreibung eines Thementeams, wer es vorgeschlagen hat",
            purpose: "Austausch zwischen den Teilen in Thementeams",
            kept: "solange das Team besteht; nach dem Löschen des Kontos steht dort „gelöschtes Konto“",
            links: [.account("proposed_by", .keep(clearing: []))]),
        PersonalData(
            table: "topic_team_members", data: "Mitgliedschaft in Thementeams", purpose: "wer im Team mitliest und mitschreibt",
            kept: "bis zum Verlassen des Teams oder zum Löschen des Kontos", links: [.owner]),
        PersonalData(
            table: "topic_team_posts", data: "Beiträge im Gespräch eines Thementeams", purpose: "Austausch im Team",
            kept: "solange das Team besteht; nach dem Löschen des Kontos bleiben sie unter „gelöschtes Konto“",
            links: [.account("author_id", .keep(clearing: []))]),
        PersonalData(
            table: "topic_team_documents", data: "Dokumente eines Thementeams (Datei, Name, Größe), wer sie hochgeladen hat",
            purpose: "gemeinsame Arbeit im Team",
            kept: "bis die hochladende Person sie löscht oder das Team gelöscht wird; nach dem Löschen des Kontos bleiben sie unter „gelöschtes Konto“",
            links: [.account("uploaded_by", .keep(clearing: []))]),
        PersonalData(
            table: "topic_team_versions", data: "Fassungen des gemeinsamen Ergebnisses (Text, Notiz, Zeitpunkt, wer gespeichert hat)",
            purpose: "nachvollziehbares gemeinsames Schreiben",
            kept: "solange das Team besteht; nach dem Löschen des Kontos bleiben sie unter „gelöschtes Konto“",
            links: [.account("author_id", .keep(clearing: []))]),
    ]
}
