import Vapor

/// The JSON API: the same page models the HTML pages render.
struct APIController {
    func programmes(req: Request) async throws -> Response {
        try json(try await ProgrammeOverview.query(on: req.sql))
    }

    func part(req: Request) async throws -> Response {
        guard let model = try await PartPage.query(partID: try req.uuid("partID"), on: req.sql) else { throw Abort(.notFound) }
        return try json(model)
    }

    func region(req: Request) async throws -> Response {
        guard let key = req.parameters.get("key"), let model = try await RegionPage.query(key: key, on: req.sql) else {
            throw Abort(.notFound)
        }
        return try json(model)
    }

    func openAPI(req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    private func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}

/// The API's description (OpenAPI 3.1), kept next to the routes it describes.
enum OpenAPIDocument {
    static let json = """
    {"openapi":"3.1.0","info":{"title":"Cohesion API","version":"1"},
     "paths":{
      "/api/v1/programmes":{"get":{"summary":"Fortbildungsprogramme mit Durchläufen, Teilen, Modulen und Kompetenzfeldern",
        "responses":{"200":{"description":"Übersicht","content":{"application/json":{"schema":{"type":"object","required":["programmes"]}}}}}}},
      "/api/v1/parts/{partID}":{"get":{"summary":"Ein Teil mit seinem Zeitplan (Zeiten in UTC, ISO 8601)",
        "parameters":[{"name":"partID","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
        "responses":{"200":{"description":"Teil mit Zeitplan","content":{"application/json":{"schema":{"type":"object","required":["part","days"]}}}},
                     "404":{"description":"Kein solcher Teil","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}},
      "/api/v1/regions/{key}":{"get":{"summary":"Ein Land, Kreis oder eine Gemeinde mit amtlichen Zahlen, Quelle und Stichtag",
        "parameters":[{"name":"key","in":"path","required":true,"schema":{"type":"string","pattern":"^[0-9]{2,8}$"}}],
        "responses":{"200":{"description":"Gebiet","content":{"application/json":{"schema":{"type":"object","required":["key","name","sources"]}}}},
                     "404":{"description":"Kein solches Gebiet","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}}
     }}
    """
}
