import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("A participant's network")
struct NetworkTests {
    static func addActor(_ browser: inout Browser, _ name: String, _ kind: ActorKind, contact: String = "") async throws -> TestingHTTPResponse {
        try await browser.get(SiteURL.newActor.path)
        return try await browser.post(SiteURL.newActor.path, [("name", name), ("kind", kind.rawValue), ("contact", contact), ("note", "")])
    }

    static func actorID(_ name: String, on db: any Database) async throws -> UUID {
        try #require(try await NetworkActor.query(on: db).filter(\.$name == name).first()).requireID()
    }

    static func addTie(_ browser: inout Browser, from: UUID?, to: UUID, intensity: Int, status: TieStatus = .exists) async throws -> TestingHTTPResponse {
        try await browser.get(SiteURL.newTie.path)
        return try await browser.post(
            SiteURL.newTie.path,
            [
                ("from", from?.uuidString ?? TieInput.ownOffice), ("to", to.uuidString),
                ("kind", TieKind.cooperation.rawValue), ("intensity", "\(intensity)"),
                ("status", status.rawValue),
            ])
    }

    /// Sends a file and the import's "inhalt" choice as the browser's form does.
    static func importFile(_ browser: inout Browser, app: Application, what: String, csv: String) async throws -> TestingHTTPResponse {
        try await browser.get(SiteURL.network.path)
        let boundary = "----cohesion-network"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrfToken ?? "")\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"inhalt\"\r\n\r\n\(what)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"netz.csv\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeString(csv)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(browser.sessionCookie ?? "")")
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(.POST, SiteURL.networkImport.path, headers: headers, body: body)
    }

    @Test("actors and ties are added through forms; a bad form keeps what was typed; the page shows findings, map and tables")
    func editor() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let missing = try await participant.post(SiteURL.newActor.path, [("name", "Caritasverband"), ("kind", "")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Bitte die Art des Akteurs wählen."))
            #expect(missing.text.contains("value=\"Caritasverband\""))
            #expect(try await NetworkActor.query(on: app.db).count() == 0)

            #expect(try await Self.addActor(&participant, "Caritasverband", .welfareAssociation, contact: "Herr Roth, 07531 1234").status == .seeOther)
            #expect(try await Self.addActor(&participant, "Jobcenter Konstanz", .jobcenter).status == .seeOther)
            #expect(try await Self.addActor(&participant, "Moscheegemeinde", .religiousCommunity).status == .seeOther)
            let duplicate = try await Self.addActor(&participant, "caritasverband", .welfareAssociation)
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("steht schon in Ihrem Netzwerk"))
            let caritas = try await Self.actorID("Caritasverband", on: app.db)
            let jobcenter = try await Self.actorID("Jobcenter Konstanz", on: app.db)
            let mosque = try await Self.actorID("Moscheegemeinde", on: app.db)
            #expect(try await Self.addTie(&participant, from: nil, to: caritas, intensity: 3).status == .seeOther)
            #expect(try await Self.addTie(&participant, from: nil, to: jobcenter, intensity: 2, status: .wanted).status == .seeOther)
            #expect(try await Self.addTie(&participant, from: caritas, to: mosque, intensity: 2).status == .seeOther)
            let selfTie = try await Self.addTie(&participant, from: caritas, to: caritas, intensity: 2)
            #expect(selfTie.status == .unprocessableEntity && selfTie.text.contains("Eine Verbindung führt zu einem anderen Akteur."))

            let page = try await participant.get(SiteURL.network.path).text
            #expect(page.contains("Ihr Netzwerk hat 3 Akteur*innen, 2 davon mit bestehender Verbindung."))
            #expect(page.contains("Vermittelnd: Caritasverband"))
            #expect(page.contains("Ohne bestehende Verbindung: Jobcenter Konstanz."))
            #expect(page.contains("Noch offen: eine gewünschte Verbindung (Jobcenter Konstanz)."))
            #expect(page.contains("<svg viewBox=\"-150 0 1300 1000\""))
            #expect(page.contains("Herr Roth, 07531 1234"), "the owner sees the contact")

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let leadView = try await lead.get(AdminURL.participantNetwork(.value(fixture.participantID)).path)
            #expect(leadView.status == .ok && leadView.text.contains("Caritasverband"))
            #expect(!leadView.text.contains("Herr Roth"), "contact data never leaves the participant's own pages")

            // Deleting an actor deletes its ties.
            try await participant.get(SiteURL.actor(.value(caritas)).path)
            #expect(try await participant.post(SiteURL.deleteActor(.value(caritas)).path).status == .seeOther)
            #expect(try await NetworkTie.query(on: app.db).count() == 1)
        }
    }

    @Test("actors and ties go out as CSV and come back the same into another account; a bad row imports nothing")
    func csvRoundTrip() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var first = Browser(app)
            try await first.login(try #require(fixture.accounts[.participant]))
            _ = try await Self.addActor(&first, "Diakonie; Beratung", .welfareAssociation, contact: "=HYPERLINK(\"x\")")
            _ = try await Self.addActor(&first, "Volkshochschule", .languageCourseProvider)
            let diakonie = try await Self.actorID("Diakonie; Beratung", on: app.db)
            let vhs = try await Self.actorID("Volkshochschule", on: app.db)
            _ = try await Self.addTie(&first, from: nil, to: diakonie, intensity: 3)
            _ = try await Self.addTie(&first, from: diakonie, to: vhs, intensity: 1, status: .wanted)
            let actorsCSV = try await first.get(SiteURL.actorsCSV.path)
            #expect(actorsCSV.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let actorsBytes = Array(actorsCSV.body.readableBytesView)
            #expect(actorsBytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("Name;Art;Kontakt;Notiz\r\n".utf8)))
            let actorsText = String(decoding: actorsBytes, as: UTF8.self)
            #expect(actorsText.contains("\"Diakonie; Beratung\";Wohlfahrtsverband;\"'=HYPERLINK(\"\"x\"\")\""), "no formula runs in a spreadsheet")
            let tiesText = String(decoding: Array(try await first.get(SiteURL.tiesCSV.path).body.readableBytesView), as: UTF8.self)
            #expect(tiesText.contains("Sie;\"Diakonie; Beratung\";Zusammenarbeit;3;besteht"))

            // Another participant reads both files into an empty network.
            let other = try #require(try await User.query(on: app.db).filter(\.$email == "m.yilmaz@demo.cohesion.example").first())
            other.passwordHash = try app.password.hash("anderes-passwort-1")
            try await other.save(on: app.db)
            var second = Browser(app)
            try await second.login(email: other.email, password: "anderes-passwort-1")
            let badTies = try await Self.importFile(&second, app: app, what: "verbindungen", csv: tiesText)
            #expect(badTies.status == .seeOther)
            let refused = try await second.get(SiteURL.network.path).text
            #expect(refused.contains("Nichts eingelesen"))
            #expect(refused.contains("Zeile 2: „Diakonie; Beratung“ und „Volkshochschule“ stehen nicht unter Ihren Akteur*innen"))
            #expect(refused.contains("Zeile 3: „Diakonie; Beratung“ steht nicht unter Ihren Akteur*innen"))
            _ = try await Self.importFile(&second, app: app, what: "akteure", csv: actorsText)
            #expect(try await second.get(SiteURL.network.path).text.contains("2 Akteur*innen eingelesen."))
            _ = try await Self.importFile(&second, app: app, what: "verbindungen", csv: tiesText)
            let sql = try #require(app.db as? any SQLDatabase)
            let original = try await NetworkStore.load(userID: fixture.participantID, on: sql)
            let copy = try await NetworkStore.load(userID: try other.requireID(), on: sql)
            func shape(_ network: NetworkStore.Editable) -> [String] {
                network.actors.map { "\($0.name)|\($0.kind)|\($0.contact)" }.sorted()
                    + network.ties.map { "\(network.name($0.from))>\(network.name($0.to))|\($0.kind)|\($0.intensity)|\($0.status)" }.sorted()
            }
            #expect(shape(original) == shape(copy))

            let broken = "Name;Art\r\nStadtbibliothek;Bibliothek\r\nKulturamt;Verwaltung\r\n"
            _ = try await Self.importFile(&second, app: app, what: "akteure", csv: broken)
            let answer = try await second.get(SiteURL.network.path).text
            #expect(answer.contains("Zeile 2: Bitte die Art des Akteurs wählen."))
            #expect(answer.contains("Zeile 3: Bitte die Art des Akteurs wählen."))
            #expect(try await NetworkActor.query(on: app.db).filter(\.$user.$id == other.requireID()).count() == 2, "nothing half-imported")
        }
    }

    @Test("a snapshot at a part; the page shows what changed since: new actors, stronger ties, wishes met")
    func snapshots() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            _ = try await Self.addActor(&participant, "Ausländerbehörde", .foreignersAuthority)
            let authority = try await Self.actorID("Ausländerbehörde", on: app.db)
            _ = try await Self.addTie(&participant, from: nil, to: authority, intensity: 1, status: .wanted)
            try await participant.get(SiteURL.snapshots.path)
            let none = try await participant.post(SiteURL.snapshots.path, [("partID", "")])
            #expect(none.status == .unprocessableEntity && none.text.contains("Bitte den Teil wählen"))
            #expect(try await participant.post(SiteURL.snapshots.path, [("partID", fixture.firstPartID.uuidString)]).status == .seeOther)

            _ = try await Self.addActor(&participant, "Integrationsrat", .integrationCouncil)
            _ = try await Self.addTie(&participant, from: nil, to: authority, intensity: 2)
            let page = try await participant.get(SiteURL.snapshots.path).text
            #expect(page.contains("Seit dem letzten Stand (Teil 1: Auftakt)"))
            #expect(page.contains("Neu: Integrationsrat."))
            #expect(page.contains("Gewünscht und jetzt geknüpft: Sie – Ausländerbehörde."))
            #expect(page.contains("<th scope=\"row\">Akteur*innen</th><td class=\"number\">1</td><td class=\"number\">2</td>"))
        }
    }
}

extension NetworkTests {
    @Test("the comparison shows the cohort's and similar municipalities' coverage as shares only; the lead sees coverage per part beside the need")
    func comparison() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = try await participant.get(SiteURL.networkComparison.path).text
            #expect(page.contains("Kohorte (9 Netzwerke)"), "the nine others of the prototype run, without the participant")
            #expect(page.contains("<th scope=\"row\">Arbeitsmarkt</th><td class=\"number\">ja</td><td class=\"number\">"))
            #expect(!page.contains("Anna Becker</td>") && !page.contains("Mehmet"), "no other participant is named")

            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            let cohort = try await facilitator.get(SiteURL.cohortNetworks(.value(fixture.editionID)).path).text
            #expect(cohort.contains("Teil 1 (10)") && cohort.contains("Teil 2 (10)") && cohort.contains("Heute (10)"))
            #expect(cohort.contains("Bedarf „Netzwerk- und Schnittstellenarbeit“: im Mittel"))
            var config = app.cohesion.config
            config.disclosureMinimum = 11
            app.cohesion.config = config
            let hidden = try await facilitator.get(SiteURL.cohortNetworks(.value(fixture.editionID)).path).text
            #expect(hidden.contains("zu wenige") && !hidden.contains(" %</td>"))
        }
    }
}
