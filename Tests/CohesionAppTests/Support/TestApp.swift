import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// A clock tests can move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date()) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current.addTimeInterval(seconds) } }

    /// Sets the clock to 09:00 Berlin time on `day`; do this before anyone signs in.
    func set(to day: CalendarDay) {
        let morning = BerlinTime.instant(on: day, at: "09:00")!
        lock.withLock { current = morning }
    }

    var client: AppClock { AppClock { [self] in now } }
}

/// Which database the suite runs on: PostgreSQL when `DATABASE_URL` is set, else an SQLite file.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isPostgres: Bool { postgresURL != nil }
}

/// Gives `body` an application configured exactly as in production, on a database of its own:
/// a copy of the migrated template (`TemplateDatabase`), an SQLite file or a PostgreSQL database.
/// Both are removed afterwards.
func withApp(
    baseURL: String = "http://127.0.0.1:8080",
    environment: [String: String] = [:],
    features: FeatureCatalog = .cohesion,
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-test-\(id)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let database = try await TemplateDatabase.shared.copy(into: directory)
    var env = [
        "BCRYPT_COST": "4",
        // The whole suite runs at once on two cores: a connection may be minutes away, which is not a failure here.
        "DATABASE_POOL_WAIT_SECONDS": "600",
        // One connection per event loop and test keeps the whole suite below PostgreSQL's max_connections.
        "DATABASE_POOL_SIZE": "1",
        "MATERIAL_MAX_MB": "1",
        "BASE_URL": baseURL,
        "MAIL_DIR": directory.appendingPathComponent("mail").path,
    ]
    env.merge(environment) { _, given in given }
    switch database {
    case .sqlite(let path): env["COHESION_DB"] = path
    case .postgres(let url, _): env["DATABASE_URL"] = url
    }
    let config = try AppConfig.fromEnvironment(env)
    let app = try await Application.make(.testing)
    app.logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
    let clock = TestClock()
    do {
        try await configure(app, config: config, features: features)
        app.cohesion.clock = clock.client
        // The copy is migrated already; only a test's own feature may bring migrations of its own.
        let applied = try await SchemaMigrator.migrate(features.migrations, on: app.db, logger: app.logger)
        #expect(applied.count == features.migrations.count - FeatureCatalog.cohesion.migrations.count)
        try await body(app, clock)
    } catch {
        await cleanUp(app, database: database, directory: directory)
        throw error
    }
    await cleanUp(app, database: database, directory: directory)
}

private func cleanUp(_ app: Application, database: AppConfig.Database, directory: URL) async {
    try? await app.asyncShutdown()
    await TemplateDatabase.shared.drop(database)
    try? FileManager.default.removeItem(at: directory)
}

/// The demo programme loaded into the test's database, with the ids tests need.
struct Fixture: Sendable {
    let accounts: [Role: DemoData.Account]
    let programmeID: UUID
    let editionID: UUID
    let partID: UUID
    let firstPartID: UUID
    let unitID: UUID
    let moduleID: UUID
    let areaID: UUID
    let facilitatorID: UUID
    /// The participant whose account `accounts[.participant]` is.
    let participantID: UUID
    /// A registration of another participant for Part 2, made only when asked for (routes that need one).
    let registrationID: UUID?

    /// Sets the test's clock to two weeks before Part 2 begins, while participants may still register themselves.
    /// The demo's parts lie in the past, when registration is closed (`RegistrationWindow`).
    func beforePartTwo(_ clock: TestClock, on db: any Database) async throws {
        let part = try #require(try await Part.find(partID, on: db))
        clock.set(to: part.startsOn.adding(days: -14))
    }

    static func load(_ app: Application, withRegistration: Bool = false) async throws -> Fixture {
        let result = try await DemoData.seed(on: app.db, hasher: app.password)
        try await RegionImport.register(
            [
                RegisterEntry(key: "08", ars: "08", level: .land, name: "Baden-Württemberg", kindCode: "", kind: "Land", landKey: "08", kreisKey: nil),
                RegisterEntry(key: "08335", ars: "08335", level: .kreis, name: "Konstanz", kindCode: "44", kind: "Landkreis", landKey: "08", kreisKey: "08335"),
                RegisterEntry(
                    key: "08335043", ars: "083355004043", level: .gemeinde, name: "Konstanz, Universitätsstadt", kindCode: "67",
                    kind: "Große Kreisstadt", landKey: "08", kreisKey: "08335", population: 85_770, areaKm2: 54.12),
            ], dates: .init(territory: CalendarDay(year: 2024, month: 12, day: 31), population: CalendarDay(year: 2023, month: 12, day: 31)), on: app.db)
        var accounts: [Role: DemoData.Account] = [:]
        for account in result.accounts where accounts[account.role] == nil { accounts[account.role] = account }
        let programme = try #require(try await Programme.query(on: app.db).first())
        let edition = try #require(try await Edition.query(on: app.db).first())
        let part = try #require(try await Part.query(on: app.db).filter(\.$number == 2).first())
        let firstPart = try #require(try await Part.query(on: app.db).filter(\.$number == 1).first())
        let unit = try #require(try await Unit.query(on: app.db).filter(\.$part.$id == part.id!).sort(\.$startsAt).first())
        let module = try #require(try await CurriculumModule.query(on: app.db).filter(\.$code == "I").first())
        let area = try #require(try await CompetenceArea.query(on: app.db).sort(\.$position).first())
        let facilitator = try #require(try await User.query(on: app.db).filter(\.$email == "referentin@demo.cohesion.example").first())
        let participant = try #require(try await User.query(on: app.db).filter(\.$email == accounts[.participant]?.email ?? "").first())
        var registrationID: UUID?
        if withRegistration {
            let other = try #require(try await User.query(on: app.db).filter(\.$email == "f.mueller@demo.cohesion.example").first())
            _ = try await Registrations.register(
                userID: other.requireID(), partID: part.requireID(),
                answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true),
                on: app.db)
            registrationID = try await Registration.query(on: app.db).first()?.id
        }
        return Fixture(
            accounts: accounts, programmeID: programme.id!, editionID: edition.id!, partID: part.id!,
            firstPartID: firstPart.id!, unitID: unit.id!, moduleID: module.id!, areaID: area.id!,
            facilitatorID: facilitator.id!, participantID: participant.id!, registrationID: registrationID)
    }
}
