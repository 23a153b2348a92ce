import CohesionPlatform
import Foundation
import Vapor

/// Checks a request against what the document says of its operation before the handler runs:
/// parameters (400, for a path 404) and the JSON body (422, with a message per field).
/// The generated code checks types; this adds the limits the document states.
struct APIRequestValidator: AsyncMiddleware {
    struct Parameter: Sendable {
        let name: String
        let inPath: Bool
        let schema: APISchema
    }

    let parameters: [Parameter]
    let body: APISchema?

    static let maxBody = 1024 * 1024

    /// The rules of the operation at `method` and `path` (as the document writes it, without the server prefix).
    init(document: JSONValue, method: String, path: String) {
        let pathItem = document["paths"]?[path]
        let operation = pathItem?[method.lowercased()]
        let declared = (pathItem?["parameters"]?.array ?? []) + (operation?["parameters"]?.array ?? [])
        parameters = declared.compactMap { node in
            let parameter =
                node["$ref"]?.string.map { reference in
                    reference.dropFirst(2).split(separator: "/").map(String.init).reduce(document) { $0[$1] ?? .null }
                } ?? node
            guard let name = parameter["name"]?.string, let schema = parameter["schema"] else { return nil }
            return Parameter(name: name, inPath: parameter["in"]?.string == "path", schema: APISchema(schema, in: document))
        }
        body = operation?["requestBody"]?["content"]?["application/json"]?["schema"].map { APISchema($0, in: document) }
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        for parameter in parameters {
            guard let raw = parameter.inPath ? req.parameters.get(parameter.name) : req.query[String.self, at: parameter.name] else { continue }
            let value: JSONValue =
                switch parameter.schema {
                case .integer: Int(raw).map(JSONValue.integer) ?? .string(raw)
                default: .string(raw)
                }
            if let problem = parameter.schema.problems(value).first {
                if parameter.inPath { throw AppError.notFound }
                throw AppError(.badRequest, "Der Parameter „\(parameter.name)“ passt nicht: \(problem.value)")
            }
        }
        if let body {
            let data = try await req.body.collect(max: Self.maxBody).get()
            guard let data, let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                throw AppError(.badRequest, "Der Inhalt ist kein gültiges JSON.")
            }
            let problems = body.problems(value).merging(value.controlCharacterProblems()) { first, _ in first }
            if !problems.isEmpty {
                throw AppError(
                    .unprocessableEntity, "Die Angaben passen nicht zur Beschreibung der Schnittstelle.",
                    // A problem of the whole body is named "body"; a field of that name may have one too, and the first stays.
                    fieldErrors: Dictionary(problems.map { ($0.key.isEmpty ? "body" : $0.key, $0.value) }) { first, _ in first })
            }
        }
        return try await next.respond(to: req)
    }
}
