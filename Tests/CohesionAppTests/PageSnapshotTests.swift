import CohesionCore
import CohesionPlatform
import Foundation
import SnapshotTesting
import Testing

@testable import CohesionApp

/// Key pages rendered from sample page models, without a database, compared with the reviewed
/// HTML in `__Snapshots__`. A change to a page shows up as a readable diff; after reviewing it,
/// `SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests` records the new HTML.
@Suite("Pages as they render")
struct PageSnapshotTests {
    /// One element per line, and the assets' fingerprints left out, so the diff shows what changed.
    static var html: Snapshotting<HTML, String> {
        Snapshotting<String, String>.lines.pullback { (page: HTML) in
            page.renderString()
                .replacingOccurrences(of: #"cohesion-[0-9a-f]+\.(css|js)"#, with: "cohesion-ASSET.$1", options: .regularExpression)
                .replacingOccurrences(of: "><", with: ">\n<")
        }
    }

    static let anonymous = Visitor.anonymous
    static let facilitator = Visitor(
        sessionID: UUID(uuidString: "00000000-0000-0000-0000-0000000000f1"), csrfToken: "token",
        user: CurrentUser(id: uuid(0xf1), name: "Leyla Demir", email: "referentin@example.org", role: .facilitator))

    static func uuid(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", n))! }
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d) }
    static func at(_ d: CalendarDay, _ time: String) -> Date { BerlinTime.instant(on: d, at: time)! }

    static let partTwo = PartSummary(
        id: uuid(2), editionID: uuid(10), number: 2, title: "Fachkenntnisse und Empowerment",
        focus: "Fachkenntnisse und Empowerment", startsOn: day(2023, 7, 20), endsOn: day(2023, 7, 21),
        venueName: "Kulturzentrum am Münster", city: "Konstanz")
    static let partOne = PartSummary(
        id: uuid(1), editionID: uuid(10), number: 1, title: "Auftakt", focus: "",
        startsOn: day(2022, 11, 10), endsOn: day(2022, 11, 11), venueName: "Hospitalhof", city: "Stuttgart")

    @Test("the programme overview")
    func home() {
        let model = ProgrammeOverview(programmes: [
            ProgrammeSummary(
                id: Self.uuid(20), title: "Fortbildungsprogramm für Integrationsbeauftragte", summary: "Gesellschaftlichen Zusammenhalt stärken.",
                editions: [
                    EditionSummary(
                        id: Self.uuid(10), title: "Prototyp-Durchlauf 2022/23", summary: "Zehn Integrationsbeauftragte.",
                        parts: [Self.partOne, Self.partTwo])
                ],
                modules: [ModuleSummary(id: Self.uuid(30), code: "I", title: "Struktur, Professionalisierung und Mandat")],
                competenceAreas: [CompetenceAreaSummary(id: Self.uuid(40), title: "Rolle, Mandat und Grenzen")])
        ])
        assertSnapshot(
            of: HomeView.render(model, frame: PageFrame(title: "Programm", visitor: Self.anonymous, features: .cohesion, section: .programme)),
            as: Self.html)
    }

    @Test("a part's timetable, day by day")
    func part() {
        let first = Self.partTwo.startsOn
        let unit = TimetableUnit(
            id: Self.uuid(50), title: "Integrationskonzepte und ihre Entwicklung", description: "Begriffe im Wandel.",
            objectives: "Konzepte unterscheiden", startsAt: Self.at(first, "09:30"), endsAt: Self.at(first, "11:00"),
            room: "Saal", format: "lecture", delivery: "praesenz",
            module: ModuleSummary(id: Self.uuid(31), code: "IV", title: "Arbeit mit und an Integrationskonzepten"),
            competenceAreas: ["Integrationskonzepte und ihre Entwicklung"], facilitators: ["Leyla Demir"])
        let model = PartPage(
            part: Self.partTwo, address: "Katzgasse 7, 78462 Konstanz", capacity: 14, delivery: "praesenz",
            programmeTitle: "Fortbildungsprogramm für Integrationsbeauftragte", editionTitle: "Prototyp-Durchlauf 2022/23",
            days: [TimetableDayModel(day: first, units: [unit]), TimetableDayModel(day: first.adding(days: 1), units: [])])
        assertSnapshot(
            of: PartView.render(model, frame: PageFrame(title: "Teil 2", visitor: Self.anonymous, features: .cohesion, section: .programme)),
            as: Self.html)
    }

    @Test("Mein Programm of a facilitator, assembled from the features' sections")
    func myProgramme() {
        let unit = MyProgramme.OwnUnit(
            unitID: Self.uuid(60), title: "Empowerment für Frauen mit Flucht- und Migrationsgeschichte",
            startsAt: Self.at(Self.partTwo.endsOn, "12:30"), endsAt: Self.at(Self.partTwo.endsOn, "14:30"),
            room: "Seminarraum 2", partID: Self.uuid(2), partTitle: Self.partTwo.title, partNumber: 2, editionID: Self.uuid(10))
        let model = MyProgramme(parts: [Self.partTwo], ownUnits: [unit], registrationStatus: [:])
        let user = Self.facilitator.user!
        let sections = [
            MyProgrammeSection(position: .parts, content: MyProgrammeView.parts(model, user: user, today: Self.partTwo.startsOn)),
            MyProgrammeSection(position: .teaching, content: MyProgrammeView.teaching(model.ownUnits, user: user)),
        ]
        assertSnapshot(
            of: MyProgrammeView.render(
                MyProgrammeView.sections(sections), user: user,
                frame: PageFrame(title: "Mein Programm", visitor: Self.facilitator, features: .cohesion, section: .myProgramme)),
            as: Self.html)
    }

    @Test("the change before and after, with a value and a hidden area")
    func change() throws {
        let change = try #require(PairedChange(pairs: [(2, 4), (3, 4), (2, 3), (1, 3), (3, 5), (2, 2)]))
        let report = ChangeReport(
            editionID: Self.uuid(10), editionTitle: "Prototyp-Durchlauf 2022/23",
            before: PhaseSummary(
                id: Self.uuid(70), editionID: Self.uuid(10), editionTitle: "", code: "pre", isOpen: false, asksRetrospective: false, respondents: 6),
            after: PhaseSummary(
                id: Self.uuid(71), editionID: Self.uuid(10), editionTitle: "", code: "post", isOpen: false, asksRetrospective: true, respondents: 6),
            dimension: nil,
            rows: [
                ChangeReport.Row(area: .init(id: Self.uuid(40), title: "Rolle, Mandat und Grenzen"), pairs: 6, change: change, groups: []),
                ChangeReport.Row(area: .init(id: Self.uuid(41), title: "Netzwerk- und Schnittstellenarbeit"), pairs: 4, change: nil, groups: []),
            ],
            rule: DisclosureRule(minimumGroupSize: 5))
        assertSnapshot(
            of: EvaluationViews.change(report, frame: PageFrame(title: "Veränderung", visitor: Self.facilitator, features: .cohesion, section: .admin)),
            as: Self.html)
    }
}
