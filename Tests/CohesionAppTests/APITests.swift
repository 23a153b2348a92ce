import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The JSON API does what the pages do, with the same rules: registration with waitlist and closing
/// date, attendance, structure editing through the forms' checks, cursor pages, ETags, problem details.
@Suite("JSON API")
struct APITests {
    static let answers = #"{"overnight": true, "diet": "vegetarian", "accessibility": "stufenloser Zugang", "photoConsent": false}"#

    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test("a participant registers, changes and cancels through the API; invalid answers get the form's messages; after the start 409")
    func registration() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await fixture.beforePartTwo(clock, on: app.db)
            var client = Browser(app)
            client.bearer = try await APITokenTests.token(app, fixture, .participant, now: clock.now)
            let path = "/api/v1/parts/\(fixture.partID)/registration"

            let invalid = try await client.api(.PUT, path, json: #"{"overnight": false, "diet": "other", "photoConsent": true}"#)
            #expect(invalid.status == .unprocessableEntity)
            #expect(try (Self.object(invalid)["errors"] as? [String: String])?["dietNote"] == "Bitte angeben, welche Verpflegung Sie brauchen.")
            let unknownField = try await client.api(.PUT, path, json: #"{"overnight": false, "diet": "none", "photoConsent": true, "x": 1}"#)
            #expect(unknownField.status == .unprocessableEntity && unknownField.text.contains("Unbekanntes Feld."))
            let nul = try await client.api(.PUT, path, json: #"{"overnight": false, "diet": "other", "dietNote": "vegan\u0000", "photoConsent": true}"#)
            #expect(
                try nul.status == .unprocessableEntity && (Self.object(nul)["errors"] as? [String: String])?["dietNote"] == "Steuerzeichen sind nicht erlaubt.")
            #expect(try await Registration.query(on: app.db).filter(\.$user.$id == fixture.participantID).count() == 0)

            let registered = try await client.api(.PUT, path, json: Self.answers)
            #expect(registered.status == .ok)
            #expect(try Self.object(registered)["status"] as? String == "registered")
            let stored = try #require(try await Registration.query(on: app.db).filter(\.$user.$id == fixture.participantID).first())
            #expect(stored.diet == "vegetarian" && stored.accessibility == "stufenloser Zugang" && !stored.photoConsent)

            #expect(try await client.api(.DELETE, path).status == .noContent)
            #expect(try await Registration.find(stored.requireID(), on: app.db)?.status == .cancelled)

            // The part full: registering again puts the participant on the waitlist, with their place.
            let seated = try await Registration.query(on: app.db).filter(\.$part.$id == fixture.partID).filter(\.$status == .registered).count()
            try await RegistrationTests.setCapacity(max(1, seated), of: fixture.partID, on: app.db)
            if seated == 0 {
                let other = try #require(try await User.query(on: app.db).filter(\.$email == "f.mueller@demo.cohesion.example").first())
                _ = try await Registrations.register(
                    userID: other.requireID(), partID: fixture.partID,
                    answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true),
                    on: app.db)
            }
            let waiting = try Self.object(try await client.api(.PUT, path, json: Self.answers))
            #expect(waiting["status"] as? String == "waitlisted" && waiting["waitlistPlace"] as? Int == 1)
            #expect(try await client.api(.DELETE, path).status == .noContent)

            clock.advance(by: 14 * 86_400)
            let late = try await client.api(.PUT, path, json: Self.answers)
            #expect(late.status == .conflict && late.text.contains("hat begonnen"))
        }
    }

    @Test("registrations: a participant sees only their own; the lead pages through all with a cursor, none twice, none missing")
    func registrationPages() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app, withRegistration: true)
            _ = try await Registrations.register(
                userID: fixture.participantID, partID: fixture.firstPartID,
                answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true),
                on: app.db)
            var participant = Browser(app)
            var lead = Browser(app)
            participant.bearer = try await APITokenTests.token(app, fixture, .participant, scope: .read)
            lead.bearer = try await APITokenTests.token(app, fixture, .lead, scope: .read)
            let own = try Self.object(try await participant.get("/api/v1/registrations"))["items"] as? [[String: Any]] ?? []
            #expect(!own.isEmpty && own.allSatisfy { $0["userID"] as? String == fixture.participantID.uuidString })

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try Self.object(try await lead.get("/api/v1/registrations?limit=7" + (cursor.map { "&cursor=" + $0 } ?? "")))
                seen += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen.count == Set(seen).count)
            #expect(seen.count == (try await Registration.query(on: app.db).count()))
            #expect(try await lead.get("/api/v1/registrations?limit=500").status == .badRequest)
            #expect(try await lead.get("/api/v1/registrations?cursor=kein-cursor").status == .badRequest)
        }
    }

    @Test("a facilitator records attendance for their unit's registered participants only; the lead changes units through the form's checks")
    func teachingAndStructure() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app, withRegistration: true)
            var facilitator = Browser(app)
            var lead = Browser(app)
            facilitator.bearer = try await APITokenTests.token(app, fixture, .facilitator)
            lead.bearer = try await APITokenTests.token(app, fixture, .lead)
            let sheet = try Self.object(try await facilitator.get("/api/v1/units/\(fixture.unitID)/attendance"))
            let rows = sheet["rows"] as? [[String: Any]] ?? []
            let someone = try #require(rows.first?["userID"] as? String)
            let put = try await facilitator.api(.PUT, "/api/v1/units/\(fixture.unitID)/attendance/\(someone)", json: #"{"status": "excused"}"#)
            #expect(put.status == .noContent)
            let record = try await Attendance.query(on: app.db).filter(\.$unit.$id == fixture.unitID).filter(\.$user.$id == UUID(uuidString: someone)!).first()
            #expect(record?.status == .excused && record?.recordedBy == fixture.facilitatorID)
            let stranger = try await facilitator.api(
                .PUT, "/api/v1/units/\(fixture.unitID)/attendance/\(fixture.facilitatorID)", json: #"{"status": "present"}"#)
            #expect(stranger.status == .unprocessableEntity)

            let partPath = "/api/v1/parts/\(fixture.partID)"
            let part = try #require(try await Part.find(fixture.partID, on: app.db))
            let wrongTime = try await lead.api(
                .POST, partPath + "/units",
                json: """
                    {"title": "Neue Einheit", "day": "\(part.startsOn.iso)", "startTime": "14:00", "endTime": "13:00", "format": "workshop"}
                    """)
            #expect(wrongTime.status == .unprocessableEntity)
            #expect(try (Self.object(wrongTime)["errors"] as? [String: String])?["endTime"] == "Das Ende muss nach dem Beginn liegen.")
            let created = try await lead.api(
                .POST, partPath + "/units",
                json: """
                    {"title": "Neue Einheit", "day": "\(part.startsOn.iso)", "startTime": "14:00", "endTime": "15:30", "format": "workshop"}
                    """)
            #expect(created.status == .created)
            let unitID = try #require(try Self.object(created)["id"] as? String)
            #expect(try await lead.api(.PATCH, "/api/v1/units/\(unitID)", json: #"{"title": "Umbenannte Einheit"}"#).status == .noContent)
            var visitor = Browser(app)
            let timetable = try await visitor.get(partPath).text
            #expect(timetable.contains("Umbenannte Einheit"))
            #expect(try await Unit.find(UUID(uuidString: unitID)!, on: app.db)?.startsAt == BerlinTime.instant(on: part.startsOn, at: "14:00"))
            #expect(try await lead.api(.DELETE, "/api/v1/units/\(unitID)").status == .noContent)
            #expect(try await Unit.find(UUID(uuidString: unitID)!, on: app.db) == nil)

            let capacity = try await lead.api(.PATCH, partPath, json: #"{"capacity": 0}"#)
            #expect(capacity.status == .unprocessableEntity && capacity.text.contains("capacity"))
        }
    }

    @Test("survey results stay hidden below the minimum group; the same answer twice carries an ETag and a repeat gets 304")
    func aggregatesAndCaching() async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            let fixture = objects.fixture
            var lead = Browser(app)
            lead.bearer = try await APITokenTests.token(app, fixture, .lead, scope: .read)
            let results = try Self.object(try await lead.get("/api/v1/surveys/\(objects.ownSurveyID)/results"))
            #expect(results["shown"] as? Bool == false && (results["questions"] as? [Any])?.isEmpty == true)
            #expect(results["minimumGroup"] as? Int == app.cohesion.config.disclosureMinimum)

            var visitor = Browser(app)
            let first = try await visitor.get("/api/v1/programmes")
            let tag = try #require(first.headers.first(name: .eTag))
            let again = try await visitor.api(.GET, "/api/v1/programmes", headers: ["If-None-Match": tag])
            #expect(again.status == .notModified)

            let missing = try await visitor.get("/api/v1/parts/\(UUID())")
            #expect(missing.status == .notFound && missing.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let wrongMethod = try await visitor.api(.DELETE, "/api/v1/programmes")
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers.first(name: .allow) == "GET")
        }
    }

    @Test("the served document is the one the server is generated from, and names every API route")
    func document() async throws {
        try await withApp { app, _ in
            var visitor = Browser(app)
            let document = try Self.object(try await visitor.get("/api/v1/openapi.json"))
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let operations = Set(paths.flatMap { path, item in item.keys.filter { $0 != "parameters" }.map { $0.uppercased() + " " + path } })
            let routes = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component in
                            if case .parameter(let name) = component { "{\(name)}" } else { component.description }
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/v1/"), path != "/api/v1/openapi.json" else { return nil }
                    return route.method.rawValue + " " + path.dropFirst("/api/v1".count)
                })
            #expect(operations == routes)
        }
    }

    @Test("every operation of the document has an access rule under its operationId, and every rule an operation")
    func rulesByOperationID() throws {
        let json = try #require(APIController.documentJSON)
        let operations = APIRules.operations(in: try JSONDecoder().decode(JSONValue.self, from: json))
        #expect(operations.count >= 19)
        #expect(Set(operations.keys).subtracting(APIRules.table.keys).isEmpty, "operations without a rule")
        #expect(Set(APIRules.table.keys).subtracting(operations.keys).isEmpty, "rules without an operation")
    }
}
