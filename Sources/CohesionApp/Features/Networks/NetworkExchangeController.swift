import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The network as spreadsheets: export of actors and ties, and import of either (all or nothing).
struct NetworkExchangeController {
    /// The result of an import, shown once on the network page after the redirect.
    struct ImportResult: Codable {
        let imported: Int
        let what: String
        let errors: [InvitationList.RowError]
    }

    func exportActors(req: Request) async throws -> Response {
        let network = try await NetworkStore.load(userID: try req.requireUser().id, on: req.sql)
        let rows = network.actors.map { NetworkFile.actorRow(name: $0.name, kind: $0.kind, contact: $0.contact, note: $0.note) }
        return csv(NetworkFile.actorHeader, rows, name: "netzwerk-akteure.csv")
    }

    func exportTies(req: Request) async throws -> Response {
        let network = try await NetworkStore.load(userID: try req.requireUser().id, on: req.sql)
        let rows = network.ties.sorted { (network.name($0.from), network.name($0.to)) < (network.name($1.from), network.name($1.to)) }.map { tie in
            NetworkFile.tieRow(
                from: tie.from.map { network.name($0) }, to: network.name(tie.to), kind: tie.kind, intensity: tie.intensity,
                status: tie.status)
        }
        return csv(NetworkFile.tieHeader, rows, name: "netzwerk-verbindungen.csv")
    }

    func importFile(req: Request) async throws -> Response {
        let user = try req.requireUser()
        struct Upload: Decodable { var datei: File?; var inhalt: String? }
        let upload = try? req.content.decode(Upload.self)
        let ties = upload?.inhalt == "verbindungen"
        let what = ties ? "Verbindungen" : "Akteur*innen"
        let result: ImportResult
        if let file = upload?.datei, file.data.readableBytes > 0 {
            do {
                let rows = try SpreadsheetUpload.rows(of: Array(file.data.readableBytesView))
                result = try await save(rows, ties: ties, userID: user.id, on: req)
            } catch let unreadable as SpreadsheetUpload.Unreadable {
                result = ImportResult(imported: 0, what: what, errors: [.init(line: 0, message: unreadable.message)])
            }
        } else {
            result = ImportResult(imported: 0, what: what, errors: [.init(line: 0, message: "Bitte eine Datei wählen (.xlsx oder .csv).")])
        }
        try await SessionFlash.put(result, on: req)
        return req.redirect(to: SiteURL.network.path)
    }

    private func save(_ rows: [CSVReader.Row], ties: Bool, userID: UUID, on req: Request) async throws -> ImportResult {
        let network = try await NetworkStore.load(userID: userID, on: req.sql)
        let what = ties ? "Verbindungen" : "Akteur*innen"
        if ties {
            let byName = Dictionary(network.actors.map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
            switch NetworkFile.ties(rows, actors: byName) {
            case .failure(let failure): return ImportResult(imported: 0, what: what, errors: failure.errors)
            case .success(let values):
                try await req.db.transaction { db in for tie in values { try await NetworkStore.addTie(tie, userID: userID, on: db) } }
                return ImportResult(imported: values.count, what: what, errors: [])
            }
        }
        switch NetworkFile.actors(rows, existingNames: Set(network.actors.map { $0.name.lowercased() })) {
        case .failure(let failure): return ImportResult(imported: 0, what: what, errors: failure.errors)
        case .success(let values):
            try await req.db.transaction { db in for actor in values { _ = try await NetworkStore.addActor(actor, userID: userID, on: db) } }
            return ImportResult(imported: values.count, what: what, errors: [])
        }
    }

    private func csv(_ header: [String], _ rows: [[String]], name: String) -> Response {
        CSVDownload.response(fileName: name, header: header, rows: rows)
    }
}
