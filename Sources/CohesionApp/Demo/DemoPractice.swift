import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Topic teams and the practice portal in the demo: an open team still writing, a finished team
/// whose result went to the portal after four versions, and further finished results so that the
/// portal has articles across competence areas, municipal contexts and fields of action.
extension DemoData {
    static let openTeamQuestion = "Wie erreichen wir Migrantenorganisationen?"
    static let finishedTeamQuestion = "Wie gelingt eine Netzwerkrunde?"

    private struct PortalSeed {
        let question: String
        let title: String
        let summary: String
        let versions: [String]
        let areaPosition: Int
        let tags: [(PortalTagKind, String)]
        let isPublic: Bool
    }

    /// Runs once: skipped when the open team exists.
    static func seedPractice(now: Date, on db: Database) async throws {
        try await db.transaction { db in
            guard try await TopicTeam.query(on: db).filter(\.$question == openTeamQuestion).count() == 0,
                let colleague = try await User.query(on: db).filter(\.$email == "stabsstelle@demo.cohesion.example").first()
            else { return }
            let prototype = try await User.query(on: db).filter(\.$email ~~ demoParticipants.map(\.email)).all().sorted { $0.email < $1.email }
            let regular = try await User.query(on: db).filter(\.$email ~~ regularRunOfficers.map(\.email)).all().sorted { $0.email < $1.email }
            guard prototype.count >= 6, regular.count >= 6 else { return }
            let areas = try await CompetenceArea.query(on: db).sort(\.$position).all()
            guard !areas.isEmpty else { return }
            let start = now.addingTimeInterval(-40 * 86_400)
            let open = try await team(
                openTeamQuestion, "Viele Vereine kennen die Verwaltung kaum. Wir sammeln, was bei uns gewirkt hat.",
                members: Array(regular.prefix(3)) + [colleague],
                versions: [
                    "Erste Sammlung:\n\n- persönlich besuchen statt anschreiben\n- Termine am Abend",
                    "Erste Sammlung:\n\n- persönlich besuchen statt anschreiben\n- Termine am Abend oder am Wochenende\n- Dolmetschende mitbringen",
                ], finished: false, at: start, on: db)
            try await post(
                open, by: regular[1], "Bei uns hat der Moscheeverein erst nach dem dritten Besuch zugesagt.", at: start.addingTimeInterval(86_400), on: db)
            try await post(open, by: colleague, "Hilft eine feste Ansprechperson im Rathaus?", at: start.addingTimeInterval(2 * 86_400), on: db)
            for (index, seed) in portalSeeds.enumerated() {
                let members = index == 0 ? Array(prototype.prefix(4)) : [prototype[index % prototype.count], regular[index % regular.count]]
                let teamID = try await team(
                    seed.question, "", members: members, versions: seed.versions, finished: true, at: start.addingTimeInterval(Double(index) * 3 * 86_400),
                    on: db)
                if index == 0 {
                    try await post(teamID, by: members[1], "Sollen wir die Einladungsliste als Vorlage anhängen?", at: start.addingTimeInterval(86_400), on: db)
                }
                let area = areas[min(seed.areaPosition, areas.count - 1)].id!.uuidString.lowercased()
                let draft = PortalPublishing.Draft(title: seed.title, summary: seed.summary, tags: [(.area, area)] + seed.tags, publicConsent: seed.isPublic)
                let articleID = try await PortalPublishing.publish(
                    draft, body: seed.versions.last ?? "", source: .team, teamID: teamID, practiceProjectID: nil, authors: members.map { $0.id! },
                    by: members[0].id!, at: start.addingTimeInterval(Double(index) * 3 * 86_400 + 86_400), on: db)
                if seed.isPublic {
                    try await PortalArticleAuthor.query(on: db).filter(\.$article.$id == articleID).set(\.$publicConsent, to: true).update()
                }
            }
        }
    }

    private static func team(_ question: String, _ description: String, members: [User], versions: [String], finished: Bool, at start: Date, on db: Database)
        async throws -> UUID
    {
        let team = TopicTeam(question: question, description: description, proposedBy: members[0].id!, at: start)
        if finished { team.finishedAt = start.addingTimeInterval(Double(versions.count + 1) * 86_400) }
        try await team.create(on: db)
        let teamID = try team.requireID()
        for member in members { try await TopicTeamMember(teamID: teamID, userID: member.id!, at: start).create(on: db) }
        for (index, text) in versions.enumerated() {
            let author = members[index % members.count]
            try await TopicTeamVersion(
                teamID: teamID, number: index + 1, authorID: author.id!, text: text, note: index == 0 ? "Erste Fassung" : "ergänzt",
                at: start.addingTimeInterval(Double(index + 1) * 86_400)
            ).create(on: db)
        }
        return teamID
    }

    private static func post(_ teamID: UUID, by author: User, _ body: String, at date: Date, on db: Database) async throws {
        try await TopicTeamPost(teamID: teamID, parentID: nil, authorID: author.id!, body: body, at: date).create(on: db)
    }

    private static let portalSeeds: [PortalSeed] = [
        PortalSeed(
            question: finishedTeamQuestion, title: "Die Netzwerkrunde: einladen, moderieren, dranbleiben",
            summary: "Wie eine Netzwerkrunde der Integrationsarbeit in einer Kommune entsteht und lebendig bleibt.",
            versions: [
                "Wer gehört dazu? Wohlfahrtsverbände, Ehrenamtliche, Migrantenorganisationen.",
                "**Wer gehört dazu?** Wohlfahrtsverbände, Ehrenamtliche, Migrantenorganisationen, Jobcenter und Agentur für Arbeit.\n\n**Wie oft?** Viermal im Jahr.",
                "**Wer gehört dazu?** Wohlfahrtsverbände, Ehrenamtliche, Migrantenorganisationen, Jobcenter und Agentur für Arbeit, Sportvereine.\n\n"
                    + "**Wie oft?** Viermal im Jahr, abwechselnd bei den Trägern.\n\n**Moderation:** die Integrationsbeauftragte.",
                "**Wer gehört dazu?** Wohlfahrtsverbände, Ehrenamtliche, Migrantenorganisationen, Jobcenter und Agentur für Arbeit, Sportvereine.\n\n"
                    + "**Wie oft?** Viermal im Jahr, abwechselnd bei den Trägern.\n\n**Moderation:** die Integrationsbeauftragte; "
                    + "das Protokoll geht an alle, auch an die, die nicht kommen konnten.\n\n**Was trägt:** ein gemeinsames Vorhaben pro Jahr.",
            ], areaPosition: 2, tags: [(.municipalityKind, "landkreis"), (.size, "ab-100000")], isPublic: true),
        PortalSeed(
            question: "Woher bekommen Geflüchtete bezahlbaren Wohnraum?", title: "Bezahlbarer Wohnraum für Geflüchtete",
            summary: "Wie Kommunen mit Wohnungsbaugesellschaften und privaten Vermieter*innen Wohnungen finden.",
            versions: [
                "Viele Geflüchtete wohnen noch Jahre in Gemeinschaftsunterkünften. Wir haben mit der Wohnungsbaugesellschaft vereinbart, "
                    + "frei werdende Wohnungen zuerst der Wohnraumberatung zu melden. Eine Mietbürgschaft der Stadt überzeugt private Vermieter*innen."
            ], areaPosition: 4, tags: [(.municipalityKind, "stadt"), (.size, "20000-100000"), (.field, "housing")], isPublic: true),
        PortalSeed(
            question: "Was gehört in ein Integrationskonzept?", title: "Das Integrationskonzept mit dem Gemeinderat erarbeiten",
            summary: "Vom Beschluss bis zur Fortschreibung: Beteiligung, Handlungsfelder, Kennzahlen.",
            versions: [
                "Ein Integrationskonzept braucht einen Auftrag des Gemeinderats, eine Bestandsaufnahme und Beteiligung.",
                "Ein Integrationskonzept braucht einen Auftrag des Gemeinderats, eine Bestandsaufnahme und Beteiligung der Zugewanderten selbst. "
                    + "Handlungsfelder: Sprache, Arbeit, Bildung, Wohnen. Alle zwei Jahre fortschreiben.",
            ], areaPosition: 1, tags: [(.municipalityKind, "gemeinde"), (.size, "5000-20000"), (.field, "language"), (.field, "work")], isPublic: true),
        PortalSeed(
            question: "Wie finden Zugewanderte schneller Arbeit?", title: "Arbeitsmarkt: Jobcenter, Kammern und Betriebe an einem Tisch",
            summary: "Eine Jobbörse für Zugewanderte im Rathaus und was sie gebracht hat.",
            versions: [
                "Zweimal im Jahr laden wir Betriebe, Jobcenter, Agentur für Arbeit und Kammern zur Jobbörse ins Rathaus ein. "
                    + "Die Anerkennung ausländischer Abschlüsse berät die IHK direkt vor Ort."
            ], areaPosition: 3, tags: [(.municipalityKind, "kreisfreie-stadt"), (.size, "ab-100000"), (.field, "work")], isPublic: true),
        PortalSeed(
            question: "Wie gewinnen und halten wir Ehrenamtliche?", title: "Patenschaften: Ehrenamtliche begleiten Geflüchtete",
            summary: "Ehrenamtliche begleiten Geflüchtete bei Behördengängen; so bleiben sie dabei.",
            versions: [
                "Paten begleiten Geflüchtete zu Ämtern, Ärzt*innen und Elternabenden. Ein Dankeschön-Abend im Jahr und eine feste Ansprechperson "
                    + "in der Straße halten sie dabei."
            ], areaPosition: 0, tags: [(.municipalityKind, "gemeinde"), (.size, "unter-5000"), (.field, "cultureLeisure")], isPublic: true),
        PortalSeed(
            question: "Wie klappt Sprachmittlung im Gesundheitswesen?", title: "Sprachmittlung beim Arzt und im Krankenhaus",
            summary: "Ein Dolmetscherpool des Landkreises für Arztpraxen und Kliniken.",
            versions: [
                "Der Landkreis hat einen Pool geschulter Sprachmittler*innen aufgebaut. Arztpraxen buchen über eine Telefonnummer; "
                    + "die Kosten teilen sich Kreis und Krankenhaus."
            ], areaPosition: 4, tags: [(.municipalityKind, "landkreis"), (.size, "ab-100000"), (.field, "health")], isPublic: false),
        PortalSeed(
            question: "Wie gelingt der Übergang von der Schule in den Beruf?", title: "Übergang Schule – Beruf für neu zugewanderte Jugendliche",
            summary: "Berufsorientierung in Vorbereitungsklassen mit Betrieben aus dem Ort.",
            versions: [
                "In den Vorbereitungsklassen stellen Betriebe aus dem Ort ihre Ausbildungsberufe vor. Jede*r Jugendliche bekommt ein Praktikum; "
                    + "die Eltern laden wir mit Dolmetschenden ein."
            ], areaPosition: 3, tags: [(.municipalityKind, "stadt"), (.size, "20000-100000"), (.field, "education")], isPublic: true),
        PortalSeed(
            question: "Wie bringen wir Vereine und Zugewanderte zusammen?", title: "Sport- und Kulturvereine öffnen sich",
            summary: "Schnuppertage, Beitragsfreiheit im ersten Jahr und Übungsleitende mit Migrationsgeschichte.",
            versions: [
                "Mit dem Sportkreis haben wir Schnuppertage organisiert. Im ersten Jahr ist die Mitgliedschaft frei; "
                    + "Übungsleitende mit eigener Migrationsgeschichte sprechen Familien direkt an."
            ], areaPosition: 0, tags: [(.municipalityKind, "gemeinde"), (.size, "5000-20000"), (.field, "cultureLeisure")], isPublic: true),
    ]
}
