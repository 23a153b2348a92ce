import Fluent
import Foundation
import CohesionCore

extension DemoData {
    /// Real AGS of municipalities in Baden-Württemberg, for the fictional officers' profiles.
    static let demoMunicipalities = ["08335043", "08111000", "08136088", "08335001", "08115001", "08115002"]

    /// Profiles and a before/after self-assessment that make the reports meaningful: most
    /// officers strongly need strategic action in the administration (which no unit of Part 2
    /// covers), and levels rise between before and after. Runs once: skipped when the demo
    /// edition has assessment phases already.
    static func seedEvaluation(on db: Database) async throws {
        try await db.transaction { db in
            guard let edition = try await Edition.query(on: db).filter(\.$title == "Prototyp-Durchlauf 2022/23").first(),
                  let editionID = edition.id,
                  try await AssessmentPhase.query(on: db).filter(\.$edition.$id == editionID).count() == 0 else { return }
            let emails = demoParticipants.map(\.email)
            let participants = try await User.query(on: db).filter(\.$email ~~ emails).all()
                .sorted { emails.firstIndex(of: $0.email)! < emails.firstIndex(of: $1.email)! }
            let areas = try await CompetenceArea.query(on: db).filter(\.$programme.$id == edition.$programme.id).sort(\.$position).all()
            try await seedAssessments(editionID: editionID, participants: participants, areas: try areas.map { try $0.requireID() }, on: db)
        }
    }

    private static func seedAssessments(editionID: UUID, participants: [User], areas: [UUID], on db: Database) async throws {
        let embeddings = Embedding.allCases
        for (index, person) in participants.enumerated() {
            let profile = Profile()
            profile.$user.id = try person.requireID()
            profile.regionKey = demoMunicipalities[index % demoMunicipalities.count]
            profile.embedding = embeddings[index % 3].rawValue
            profile.sharePercent = [100, 50, 75, 100, 25][index % 5]
            profile.fixedTerm = index % 2 == 0
            profile.funding = index % 2 == 0 ? "kommunale Mittel" : "Förderprogramm des Landes"
            profile.mandate = Mandate.allCases[index % 3].rawValue
            profile.taskFields = [TaskField.contactPoint, .network, .integrationConcept].prefix(1 + index % 3).map(\.rawValue).joined(separator: ",")
            profile.fieldsOfAction = [FieldOfAction.language, .work, .housing].prefix(1 + index % 3).map(\.rawValue).joined(separator: ",")
            profile.inPostSince = "20\(18 + index % 5)-0\(1 + index % 9)"
            try await profile.create(on: db)
        }
        let pre = AssessmentPhase()
        pre.$edition.id = editionID
        pre.code = AssessmentPhaseKind.pre.code
        pre.isOpen = false
        pre.asksRetrospective = false
        try await pre.create(on: db)
        let post = AssessmentPhase()
        post.$edition.id = editionID
        post.code = AssessmentPhaseKind.post.code
        post.isOpen = false
        post.asksRetrospective = true
        try await post.create(on: db)
        let strategic = 4
        for (index, person) in participants.enumerated() {
            for (areaIndex, area) in areas.enumerated() {
                let before = 1 + (index + areaIndex) % 3
                let need = areaIndex == strategic ? (index < 7 ? 5 : 2) : 2 + (index * 2 + areaIndex * 3) % 4
                let after = min(5, before + 1 + (index + areaIndex) % 2)
                for (phase, level) in [(pre, before), (post, after)] {
                    let rating = SelfAssessment()
                    rating.$phase.id = try phase.requireID()
                    rating.$user.id = try person.requireID()
                    rating.$competenceArea.id = area
                    rating.level = level
                    rating.need = need
                    rating.retrospectiveLevel = phase === post ? before : nil
                    rating.note = ""
                    try await rating.create(on: db)
                }
            }
        }
    }
}
