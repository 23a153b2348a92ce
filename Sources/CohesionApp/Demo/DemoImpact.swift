import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// What makes the demo's impact reports show every level: practice projects with outcomes, a
/// follow-up some months after the last part with most officers answering, the lead's decisions
/// on the strongest needs, and for the regular run its parts' feedback.
extension DemoData {
    static let demoProjectGoals = [
        "Ein Netzwerktreffen mit den Migrantenorganisationen einführen", "Den Entwurf des Integrationskonzepts in den Ausschuss bringen",
        "Eine Sprechstunde im Rathaus für Neuzugewanderte anbieten", "Die Ehrenamtskoordination mit dem Jobcenter abstimmen",
        "Eine Übersicht der Beratungsangebote veröffentlichen",
    ]

    /// Runs once per edition: skipped when the edition has a follow-up already.
    static func seedImpact(on db: Database) async throws {
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            for (title, emails, answering) in [
                ("Prototyp-Durchlauf 2022/23", demoParticipants.map(\.email), 8),
                (regularRunTitle, regularRunOfficers.map(\.email), 18),
            ] {
                guard let edition = try await Edition.query(on: db).filter(\.$title == title).first(), let editionID = edition.id,
                    try await FollowUpPhase.query(on: db).filter(\.$edition.$id == editionID).count() == 0
                else { continue }
                let people = try await User.query(on: db).filter(\.$email ~~ emails).all()
                    .sorted { emails.firstIndex(of: $0.email)! < emails.firstIndex(of: $1.email)! }
                let parts = try await Part.query(on: db).filter(\.$edition.$id == editionID).sort(\.$startsOn).all()
                guard let first = parts.first, let last = parts.last else { continue }
                if title == regularRunTitle { try await seedPartFeedback(parts: parts, people: people, on: db) }
                try await seedProjects(part: first, people: people, on: db)
                // The demo's first participant has not answered: signed in, they see what a participant sees.
                try await seedFollowUp(
                    editionID: editionID, after: last.endsOn, people: Array(people.dropFirst().prefix(answering)),
                    areas: try await AssessmentQueries.areas(editionID: editionID, on: sql).map(\.id), on: db)
                try await seedDecisions(editionID: editionID, lastPart: last, on: db)
            }
        }
    }

    private static func seedProjects(part: Part, people: [User], on db: Database) async throws {
        for (index, person) in people.enumerated() {
            let project = PracticeProject()
            project.$user.id = try person.requireID()
            project.$part.id = try part.requireID()
            project.goal = demoProjectGoals[index % demoProjectGoals.count]
            project.firstSteps = "Gespräch mit der Verwaltungsspitze, dann die Beteiligten einladen."
            project.dueOn = part.endsOn.adding(days: 90).iso
            // Five of ten done, three partly, one not, one without a report yet.
            switch index % 10 {
            case 0...4: project.outcome = .done
            case 5...7: project.outcome = .partly
            case 8: project.outcome = ProjectOutcome.not
            default: project.outcome = nil
            }
            project.helped = project.outcome == nil ? "" : "Rückhalt im Rathaus und die Kontakte aus der Fortbildung."
            project.hindered = project.outcome == .done ? "" : "Zu wenig Zeit neben dem Tagesgeschäft."
            try await project.create(on: db)
        }
    }

    /// Four months after the last part, for a month; each answer follows the person's index.
    private static func seedFollowUp(editionID: UUID, after lastDay: CalendarDay, people: [User], areas: [UUID], on db: Database) async throws {
        let phase = FollowUpPhase()
        phase.$edition.id = editionID
        phase.opensOn = lastDay.adding(days: 120)
        phase.closesOn = lastDay.adding(days: 150)
        try await phase.create(on: db)
        let phaseID = try phase.requireID()
        for (index, person) in people.enumerated() {
            let participation = FollowUpParticipation()
            participation.$phase.id = phaseID
            participation.$user.id = try person.requireID()
            try await participation.create(on: db)
            func codes(_ choices: [TransferOption.Choice], _ picked: (Int) -> Bool) -> String {
                choices.enumerated().filter { picked($0.offset) }.map(\.element.code).joined(separator: ",")
            }
            let response = FollowUpResponse()
            response.$phase.id = phaseID
            response.areasUsed = areas.enumerated().filter { (index + $0.offset) % 3 != 0 }.map { $0.element.uuidString.lowercased() }.joined(separator: ",")
            // Every sixth reports no change in the municipality yet.
            response.changes = index % 6 == 5 ? "" : codes(TransferOption.changes) { [index % 2 == 0, index % 4 == 0, index % 3 != 2, index % 5 < 3][$0] }
            response.helped = codes(TransferOption.helped) { [index % 5 == 1, index % 3 == 0, index % 4 != 3, index % 2 == 0, index % 7 == 2][$0] }
            response.hindered = codes(TransferOption.hindered) { [index % 2 == 1, index % 5 == 0, index % 6 == 2, index % 3 == 1, index % 8 == 3][$0] }
            try await response.create(on: db)
        }
    }

    private struct StrongRow: Decodable { let area: UUID; let answers: Int; let strong: Int }
    private struct UnitRow: Decodable { let id: UUID; let title: String; let covers: Int }

    /// The strongest need taken up by a unit of the last part; the next dismissed with a reason.
    private static func seedDecisions(editionID: UUID, lastPart: Part, on db: Database) async throws {
        guard let sql = db as? any SQLDatabase,
            let phase = try await AssessmentPhase.query(on: db).filter(\.$edition.$id == editionID).filter(\.$code == AssessmentPhaseKind.pre.code).first()
        else { return }
        let strong = try await sql.raw(
            """
            SELECT competence_area_id AS area, COUNT(*) AS answers,
                   CAST(SUM(CASE WHEN need >= \(literal: NeedsAnalysis.strongNeed) THEN 1 ELSE 0 END) AS BIGINT) AS strong
            FROM self_assessments WHERE phase_id = \(bind: try phase.requireID()) GROUP BY competence_area_id
            """
        ).all(decoding: StrongRow.self).filter { $0.strong * 2 >= $0.answers }.sorted { ($0.strong, $0.area.uuidString) > ($1.strong, $1.area.uuidString) }
        guard let takenUp = strong.first else { return }
        // A unit of the last part that addresses the area, else its last unit, which from now on addresses it.
        let units = try await sql.raw(
            """
            SELECT u.id, u.title, (SELECT COUNT(*) FROM unit_competence_areas c WHERE c.unit_id = u.id AND c.competence_area_id = \(bind: takenUp.area)) AS covers
            FROM units u WHERE u.part_id = \(bind: try lastPart.requireID()) ORDER BY u.starts_at DESC
            """
        ).all(decoding: UnitRow.self)
        guard let unit = units.first(where: { $0.covers > 0 }) ?? units.first else { return }
        if unit.covers == 0 { try await UnitCompetenceArea(unitID: unit.id, competenceAreaID: takenUp.area).create(on: db) }
        let decidedAt = BerlinTime.instant(on: lastPart.startsOn.adding(days: -30), at: "10:00") ?? Date()
        func decision(_ area: StrongRow, kind: NeedDecision.Kind) -> NeedDecision {
            let decision = NeedDecision()
            decision.$edition.id = editionID
            decision.competenceAreaID = area.area
            decision.kind = kind
            decision.unitID = kind == .takenUp ? unit.id : nil
            decision.unitTitle = kind == .takenUp ? unit.title : ""
            decision.reason = kind == .dismissed ? "Das Landesprogramm bietet dazu im Frühjahr eine eigene Fachtagung an; wir verweisen darauf." : ""
            decision.suggestedFrom = AssessmentPhaseKind.pre.label
            decision.strongNeed = "\(area.strong) von \(area.answers)"
            decision.decidedAt = decidedAt
            return decision
        }
        try await decision(takenUp, kind: .takenUp).create(on: db)
        if strong.count > 1 { try await decision(strong[1], kind: .dismissed).create(on: db) }
    }

    /// Each part of the regular run asked how helpful it was; most answered.
    private static func seedPartFeedback(parts: [Part], people: [User], on db: Database) async throws {
        let patterns = [["5", "4", "4", "5", "3", "4"], ["4", "4", "3", "5", "4", "4"], ["5", "5", "4", "4", "5", "3"]]
        for (index, part) in parts.enumerated() {
            let answers = (0..<(18 + index)).map { patterns[index % 3][$0 % 6] }
            try await seedSurvey(
                partID: try part.requireID(), unitID: nil, title: "Rückmeldung zu Teil \(part.number)", opensOn: part.endsOn.iso,
                closesOn: part.endsOn.adding(days: 30).iso,
                questions: [(.scale, "Wie hilfreich war Teil \(part.number) für Ihre Arbeit?", "", answers)], participants: people, on: db)
        }
    }
}
