import Foundation
import Testing
import Vapor
@testable import CohesionApp

/// The features' manifests are the one place a feature adds to the whole: commands, background
/// work, notices, audit areas, links on shared pages, stylesheet rules and watched tables.
@Suite("Feature manifests")
struct FeatureManifestTests {
    static let platformFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CohesionApp/Platform")

    @Test("every command comes from a manifest, once, and `cohesion` offers exactly those and Vapor's serve and routes")
    func commands() async throws {
        let declared = Features.all.flatMap { $0.commands.map(\.name) }
        #expect(Set(declared).count == declared.count, "a command name twice: \(declared)")
        try await withApp { app, _ in
            #expect(Set(app.asyncCommands.commands.keys) == Set(declared + ["serve", "routes"]))
        }
    }

    @Test("notices and audit areas have keys no other one uses; links name them, not their text")
    func uniqueKeys() {
        let notices = Notice.common + Features.all.flatMap { $0.notices }
        #expect(Set(notices.map(\.key)).count == notices.count)
        #expect(Notice.named(Notice.calendarRenewed.key) == Notice.calendarRenewed)
        #expect(Notice.named("<script>") == nil)
        #expect(Set(AuditAction.all.map(\.key)).count == AuditAction.all.count)
    }

    @Test("an edition's page lists the links the features declare, in their order, and a participant gets none")
    func sharedPageLinks() {
        let lead = CurrentUser(id: UUID(), name: "Leitung", email: "l@example.org", role: .lead)
        let edition = UUID()
        #expect(Features.links(on: .edition(edition), for: lead).map(\.label)
                == ["Einladungen", "Selbsteinschätzung", "Bedarfe", "Veränderung", "Feedback", "Praxisprojekte", "Abschluss"])
        #expect(Features.links(on: .administration, for: lead).map(\.label) == ["Teilnehmer*innen"])
        let admin = CurrentUser(id: UUID(), name: "Admin", email: "a@example.org", role: .admin)
        #expect(Features.links(on: .administration, for: admin).count == 6)
        #expect(Features.links(on: .part(UUID()), for: nil).isEmpty)
    }

    @Test("the stylesheet is the platform's rules followed by each feature's")
    func stylesheet() {
        for feature in Features.all where !feature.stylesheet.isEmpty {
            #expect(Stylesheet.css.contains(feature.stylesheet), "\(feature)")
        }
        #expect(Stylesheet.css.hasPrefix(Stylesheet.platform))
    }

    @Test("configure.swift names no feature: it reads commands, workers and the rest from Features.all")
    func configureNamesNoFeature() throws {
        let source = try String(contentsOf: Self.platformFolder.appendingPathComponent("Configuration/configure.swift"), encoding: .utf8)
        for feature in Features.all where feature != PlatformRoutes.self {
            #expect(!source.contains(String(describing: feature)), "configure.swift names \(feature)")
        }
        for name in ["RetentionWorker", "OutboxWorker", "Command()"] { #expect(!source.contains(name), "configure.swift names \(name)") }
    }
}
