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

    @Test("shared pages list the links the features declare, in their order and for the roles they name")
    func sharedPageLinks() {
        let lead = CurrentUser(id: UUID(), name: "Leitung", email: "l@example.org", role: .lead)
        let edition = UUID()
        #expect(
            Features.links(on: .edition(edition), for: lead).map(\.label)
                == ["Einladungen", "Selbsteinschätzung", "Bedarfe", "Veränderung", "Feedback", "Praxisprojekte", "Abschluss"])
        #expect(Features.links(on: .administration, for: lead).map(\.label) == ["Teilnehmer*innen"])
        let admin = CurrentUser(id: UUID(), name: "Admin", email: "a@example.org", role: .admin)
        #expect(Features.links(on: .administration, for: admin).count == 6)
        #expect(Features.links(on: .part(UUID()), for: nil).isEmpty)
        let participant = CurrentUser(id: UUID(), name: "Teilnehmerin", email: "t@example.org", role: .participant)
        #expect(Features.links(on: .account, for: participant).map(\.path) == [SiteURL.myData.path])
        #expect(Features.links(on: .account, for: lead).map(\.path) == [SiteURL.myData.path, SiteURL.secondFactor.path])
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

    /// The Swift files below a folder of the app's sources, with comments taken out.
    static func sources(in folder: String) throws -> [(name: String, code: String)] {
        let root = platformFolder.deletingLastPathComponent().appendingPathComponent(folder)
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" } ?? []
        return try files.map { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }.joined(separator: "\n")
            return (url.lastPathComponent, code)
        }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("the platform names no type and no address that a feature declares: what it needs comes through the manifests")
    func platformNamesNoFeature() throws {
        let featureCode = try Self.sources(in: "Features") + Self.sources(in: "Demo")
        let platformCode = try Self.sources(in: "Platform")
        let featureTypes = Set(featureCode.flatMap { Self.matches(#"^(?:final class|class|struct|enum|protocol|typealias|actor) ([A-Z]\w*)"#, in: $0.code) })
        let platformTypes = Set(
            platformCode.flatMap { Self.matches(#"^\s*(?:final class|class|struct|enum|protocol|typealias|actor) ([A-Z]\w*)"#, in: $0.code) })
        let featureAddresses = Set(featureCode.flatMap { Self.matches(#"^    static (?:var|func) (\w+)"#, in: $0.code) })
            .subtracting(platformCode.flatMap { Self.matches(#"^    static (?:var|func|let) (\w+)"#, in: $0.code) })
        #expect(featureTypes.count > 100, "\(featureTypes.count) types found in the features")
        for (name, code) in platformCode {
            let words = Set(Self.matches(#"\b([A-Z]\w*)\b"#, in: code))
            let named = words.intersection(featureTypes).subtracting(platformTypes)
            #expect(named.isEmpty, "\(name) names \(named.sorted())")
            let addresses = Set(Self.matches(#"(?:SiteURL|AdminURL|APIURL)\.(\w+)"#, in: code)).intersection(featureAddresses)
            #expect(addresses.isEmpty, "\(name) uses the feature addresses \(addresses.sorted())")
        }
    }
}
