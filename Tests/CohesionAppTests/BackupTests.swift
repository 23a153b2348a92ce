import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// `cohesion backup`/`restore` and `export`/`import`: the whole site out and back, table by table.
@Suite("Backup, restore, export and import")
struct BackupTests {
    /// A stored value as the comparison sees it: booleans as 0/1 (SQLite has none), times equal within a millisecond
    /// (PostgreSQL keeps microseconds, SQLite a binary fraction; a millisecond is what the application ever shows or compares).
    enum Cell: Equatable, CustomStringConvertible {
        case text(String)
        case time(Double)

        static func == (lhs: Cell, rhs: Cell) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)): a == b
            case (.time(let a), .time(let b)): abs(a - b) < 0.001
            default: false
            }
        }

        var description: String {
            switch self {
            case .text(let text): text
            case .time(let seconds): String(format: "%.6f", seconds)
            }
        }
    }

    /// Every table's rows in a comparable form, sorted by their id.
    static func contents(of db: any Database, leaving leftOut: Set<String> = []) async throws -> [String: [[Cell]]] {
        let tables = try TableRows(db)
        var contents: [String: [[Cell]]] = [:]
        for (table, columns) in try await tables.catalogue(leaving: FeatureCatalog.cohesion.derivedTables) where !leftOut.contains(table) {
            // The id first, so sorting by the first cell orders rows the same way in every copy.
            let ordered = columns.sorted { ($0.name == "id" ? "" : $0.name) < ($1.name == "id" ? "" : $1.name) }
            contents[table] = try await tables.rows(of: table, columns: ordered).map { row in
                row.map { value -> Cell in
                    switch value {
                    case .bool(let bool): .text(bool ? "1" : "0")
                    case .date(let date): .time(date.timeIntervalSince1970)
                    case .bytes(let data): .text("bytes:" + data.base64EncodedString())
                    case .uuid(let uuid): .text(uuid.uuidString)
                    default: .text(ExportedValue(value).text)
                    }
                }
            }.sorted { $0.map(\.description).lexicographicallyPrecedes($1.map(\.description)) }
        }
        return contents
    }

    static func seedEverything(_ app: Application) async throws -> Fixture {
        let fixture = try await Fixture.load(app, withRegistration: false)
        try await DemoData.seedEvaluation(on: app.db)
        try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
        return fixture
    }

    static func file(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-\(UUID().uuidString)-\(name)").path
    }

    @Test("a backup of the demo site, restored into an empty database, gives every table back row for row")
    func roundTrip() async throws {
        let path = Self.file("backup.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withApp { source, _ in
            let fixture = try await Self.seedEverything(source)
            var participant = Browser(source)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let summary = try await SiteDump.write(.backup, from: source.db, to: path, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)
            let original = try await Self.contents(of: source.db)
            #expect(summary.rows == original.values.map(\.count).reduce(0, +) && summary.tables == original.count)
            #expect(original["web_sessions", default: []].count > 0 && original["self_assessments", default: []].count > 100)
            try await withApp { target, _ in
                let (header, restored) = try await SiteDump.read(path, into: target.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                #expect(header.purpose == .backup && restored == summary)
                let copy = try await Self.contents(of: target.db)
                for table in original.keys.sorted() { #expect(copy[table] == original[table], "table \(table)") }
                #expect(Set(copy.keys) == Set(original.keys))
                var again = Browser(target)
                try await again.login(try #require(fixture.accounts[.lead]))
                #expect(try await again.get(AdminURL.participants.path).status == .ok, "the restored site works")
            }
        }
    }

    @Test("export from one database kind, import into the other and back: the site is the same, without its sessions")
    func acrossDatabases() async throws {
        let first = Self.file("export-1.jsonl")
        let second = Self.file("export-2.jsonl")
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        defer { for path in [first, second, other.path] { try? FileManager.default.removeItem(atPath: path) } }
        try await withApp { source, _ in
            _ = try await Self.seedEverything(source)
            let leftOut = FeatureCatalog.cohesion.dumpTreatments.leftOut(of: .export)
            // As the manifests declare them: what belongs to the running server stays behind, and the search index is rebuilt.
            #expect(leftOut == [WebSession.schema, LoginAttempt.schema, SecondFactorChallenge.schema, PortalIndex.table, PortalIndex.vocabularyTable])
            let original = try await Self.contents(of: source.db, leaving: leftOut)
            _ = try await SiteDump.write(.export, from: source.db, to: first, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)

            // Through SQLite, whatever the suite runs on: with PostgreSQL this is PostgreSQL → SQLite → PostgreSQL.
            let sqlite = try await TemplateDatabase.application(.sqlite(path: other.appendingPathComponent("moved.sqlite").path), directory: other)
            do {
                try await MigrationLock.migrate(sqlite, config: sqlite.cohesion.config)
                _ = try await SiteDump.read(first, into: sqlite.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                #expect(try await Self.contents(of: sqlite.db, leaving: leftOut) == original, "the SQLite copy")
                #expect(try await TableRows(sqlite.db).count(of: WebSession.schema) == 0)
                _ = try await SiteDump.write(.export, from: sqlite.db, to: second, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)
            } catch {
                try? await sqlite.asyncShutdown()
                throw error
            }
            try await sqlite.asyncShutdown()

            try await withApp { target, _ in
                _ = try await SiteDump.read(second, into: target.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                let back = try await Self.contents(of: target.db, leaving: leftOut)
                for table in original.keys.sorted() where back[table] != original[table] {
                    let differing = zip(back[table] ?? [], original[table] ?? []).first { $0 != $1 }
                    Issue.record("table \(table) differs after the way back: \(String(describing: differing))")
                }
            }
        }
    }

    @Test("restore refuses a database with accounts, a file of another version and a damaged file, and then leaves the database as it was")
    func refusals() async throws {
        let path = Self.file("backup.jsonl")
        let edited = Self.file("edited.jsonl")
        let cut = Self.file("cut.jsonl")
        defer { for file in [path, edited, cut] { try? FileManager.default.removeItem(atPath: file) } }
        try await withApp { source, _ in
            _ = try await Fixture.load(source)
            _ = try await SiteDump.write(.backup, from: source.db, to: path, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)
            await #expect(throws: SiteDump.Refused.self) {
                try await SiteDump.write(.backup, from: source.db, to: path, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)
            }
            do {
                _ = try await SiteDump.read(path, into: source.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                Issue.record("a database with accounts was overwritten")
            } catch let refused as SiteDump.Refused {
                #expect(
                    refused.description.hasPrefix("Die Zieldatenbank ist nicht leer (")
                        && refused.description.hasSuffix("Bitte in eine leere Datenbank einspielen."))
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        header["migrations"] = try #require(header["migrations"] as? [String]) + ["AddSomethingFromTheFuture"]
        let future = String(decoding: try JSONSerialization.data(withJSONObject: header), as: UTF8.self)
        try ([future] + lines.dropFirst().map(String.init)).joined(separator: "\n").write(toFile: edited, atomically: true, encoding: .utf8)
        try lines.prefix(lines.count * 2 / 3).joined(separator: "\n").write(toFile: cut, atomically: true, encoding: .utf8)
        try await withApp { target, _ in
            let settings = try await Setting.query(on: target.db).count()
            do {
                _ = try await SiteDump.read(edited, into: target.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                Issue.record("a file of another version was read")
            } catch let refused as SiteDump.Refused {
                #expect(refused.description.hasPrefix("Die Datei stammt von einer anderen oder neueren Version von Cohesion"))
            }
            do {
                _ = try await SiteDump.read(cut, into: target.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                Issue.record("a damaged file was read")
            } catch let refused as SiteDump.Refused {
                #expect(refused.description.contains("ist unvollständig oder beschädigt"))
            }
            let accounts = try await User.query(on: target.db).count()
            #expect(try await Setting.query(on: target.db).count() == settings && accounts == 0, "nothing half-restored")
        }
    }

    @Test("a backup taken while accounts and their tokens are written gives each account its token: one consistent moment")
    func consistentWhileWriting() async throws {
        let path = Self.file("busy.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withApp { source, _ in
            _ = try await Self.seedEverything(source)
            let writer = Task {
                var written = 0
                while !Task.isCancelled {
                    let number = written
                    try await source.db.transaction { db in
                        let user = User(email: "last-\(number)@beispiel.de", name: "Last \(number)", role: .participant)
                        try await user.create(on: db)
                        _ = try await APIToken.make(for: try user.requireID(), name: "Last", scope: .read, days: 30, now: Date(), on: db)
                    }
                    written += 1
                }
                return written
            }
            // The backup starts once the writer is under way (some of its accounts are committed), not after a fixed time.
            while try await User.query(on: source.db).filter(\.$email, .custom("LIKE"), "last-%").count() < 5 {
                try await Task.sleep(for: .milliseconds(10))
            }
            _ = try await SiteDump.write(.backup, from: source.db, to: path, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)
            writer.cancel()
            let written = try await writer.value
            try await withApp { target, _ in
                _ = try await SiteDump.read(path, into: target.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                let users = try await User.query(on: target.db).filter(\.$email, .custom("LIKE"), "last-%").count()
                let tokens = try await APIToken.query(on: target.db).filter(\.$name == "Last").count()
                #expect(users > 0 && users < written, "the backup was taken while writing (\(users) of \(written))")
                #expect(users == tokens, "every account in the backup has its token, and no token lacks its account")
            }
        }
    }
}
