import CohesionPlatform
import Foundation
import Testing
import Vapor

@testable import CohesionApp

/// The features' manifests are the one place a feature adds to the whole: commands, background
/// work, notices, audit areas, links on shared pages, stylesheet rules and watched tables. That
/// the platform names no feature needs no test: it is a module of its own (`CohesionPlatform`)
/// that cannot import the features, so the compiler refuses it.
@Suite("Feature manifests")
struct FeatureManifestTests {
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
        #expect(FeatureCatalog.cohesion.notice(named: Notice.calendarRenewed.key) == Notice.calendarRenewed)
        #expect(FeatureCatalog.cohesion.notice(named: "<script>") == nil)
        #expect(Set(FeatureCatalog.cohesion.auditActions.map(\.key)).count == FeatureCatalog.cohesion.auditActions.count)
    }

    @Test("shared pages list the links the features declare, in their order and for the roles they name")
    func sharedPageLinks() {
        let lead = CurrentUser(id: UUID(), name: "Leitung", email: "l@example.org", role: .lead)
        let edition = UUID()
        #expect(
            FeatureCatalog.cohesion.links(on: .edition(edition), for: lead).map(\.label)
                == [
                    "Einladungen", "Selbsteinschätzung", "Bedarfe", "Veränderung", "Herkunft der Kohorte", "Feedback", "Praxisprojekte",
                    "Nachbefragung", "Abschluss", "Forum des Durchlaufs", "Wirkungsbericht",
                ])
        #expect(
            FeatureCatalog.cohesion.links(on: .administration, for: lead).map(\.label)
                == [
                    "Teilnehmer*innen", "Vorlage des Datenblatts", "Vorlage des Wirkungsberichts", "Austausch: Foren", "Mittagsrunden",
                    "Austausch: Thementeams", "Praxisportal",
                ])
        let admin = CurrentUser(id: UUID(), name: "Admin", email: "a@example.org", role: .admin)
        #expect(FeatureCatalog.cohesion.links(on: .administration, for: admin).count == 12)
        #expect(FeatureCatalog.cohesion.links(on: .part(UUID()), for: nil).isEmpty)
        let participant = CurrentUser(id: UUID(), name: "Teilnehmerin", email: "t@example.org", role: .participant)
        #expect(FeatureCatalog.cohesion.links(on: .account, for: participant).map(\.path) == [SiteURL.myData.path])
        #expect(FeatureCatalog.cohesion.links(on: .account, for: lead).map(\.path) == [SiteURL.myData.path, SiteURL.secondFactor.path])
    }

    @Test("the stylesheet is the platform's rules followed by each feature's")
    func stylesheet() {
        for feature in Features.all where !feature.stylesheet.isEmpty {
            #expect(FeatureCatalog.cohesion.stylesheet.contains(feature.stylesheet), "\(feature)")
        }
        #expect(FeatureCatalog.cohesion.stylesheet.hasPrefix(Stylesheet.platform))
    }
}
