import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

@Suite("Scale data for the benchmark")
struct ScaleDataTests {
    struct Person: Decodable, Equatable { let email: String; let name: String; let regionKey: String? }

    /// The people of the scale data with their municipality, in a fixed order.
    static func people(on db: any Database) async throws -> [Person] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT u.email, u.name, p.region_key FROM users u LEFT JOIN profiles p ON p.user_id = u.id
            WHERE u.email LIKE '%@skalenprobe.cohesion.example' ORDER BY u.email
            """
        ).all(decoding: Person.self, with: .snakeCaseColumns)
    }

    @Test("seed-scale spreads the people over the editions with everything they produce, the same for the same seed, and refuses a second run")
    func deterministicAndComplete() async throws {
        var first: [Person] = []
        var second: [Person] = []
        for round in 0..<2 {
            try await withApp { app, _ in
                _ = try await Fixture.load(app)
                let summary = try await ScaleData.seed(participants: 400, editions: 10, seed: 7, hasher: app.password, on: app.db) { _ in }
                #expect(summary.editions == 10 && summary.participants == 400)
                #expect(
                    ScaleData.sizes(participants: 400, editions: 10) == [20, 43, 43] + Array(repeating: 42, count: 7)
                        && ScaleData.sizes(participants: 100_000, editions: 200).first == 5_000)
                let people = try await Self.people(on: app.db)
                #expect(people.count == 400 && people.allSatisfy { $0.regionKey == "08335043" }, "every person lives in a Gemeinde of the register")
                let editionID = try #require(summary.largestEditionID)
                let size = summary.largestEditionSize
                #expect(size == 43)
                let parts = try await Part.query(on: app.db).filter(\.$edition.$id == editionID).all()
                #expect(parts.count == DemoData.partPlans.count && parts.allSatisfy { $0.capacity == size })
                let registered = try await Registration.query(on: app.db).filter(\.$part.$id ~~ parts.map { try $0.requireID() }).count()
                #expect(registered == size * parts.count, "everyone is registered for every part")
                #expect(try await EditionMember.query(on: app.db).filter(\.$edition.$id == editionID).count() == size)
                #expect(summary.rows["attendances"] == 400 * DemoData.partPlans.map(\.units.count).reduce(0, +), "everyone has a record for every unit")
                #expect(summary.rows["self_assessments"]! > 400 * 9 && summary.rows["survey_answers"]! > 400)
                // The sample account signs in.
                var browser = Browser(app)
                try await browser.login(email: summary.sampleEmail, password: summary.samplePassword)
                #expect(try await browser.get(SiteURL.myProgramme.path).text.contains("Skalenprobe"))
                await #expect(throws: ScaleData.Refused.self) {
                    _ = try await ScaleData.seed(participants: 400, editions: 10, seed: 7, hasher: app.password, on: app.db) { _ in }
                }
                if round == 0 { first = people } else { second = people }
            }
        }
        #expect(first == second, "the same seed gives the same people in the same places")
    }
}
