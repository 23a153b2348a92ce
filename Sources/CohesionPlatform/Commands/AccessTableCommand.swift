import CohesionCore
import Vapor

/// `cohesion access-table`: every route with its access rule, one per line and tab-separated
/// (method, path with `:parameters`, roles or `alle`, feature, the rule in words), for a review of
/// who may open what and for `bench/run`, which measures every GET route with it.
package struct AccessTableCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        package init() {}
    }

    package var help: String { "Listet jede Route mit Methode, Pfad, Rollen, Feature und Zugriffsregel (durch Tabulatoren getrennt)." }

    package init() {}

    package func run(using context: CommandContext, signature: Signature) async throws {
        for line in Self.lines(of: context.application.routes) { context.console.print(line) }
    }

    static func lines(of routes: Routes) -> [String] {
        routes.all.map { route in
            let path = "/" + route.path.map(\.description).joined(separator: "/")
            let roles: String
            switch route.accessRule?.audience {
            case .roles(let allowed): roles = Role.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: ",")
            case .everyone, nil: roles = "alle"
            }
            let fields = [route.method.rawValue, path, roles, route.feature ?? "", route.accessRule?.description ?? ""]
            return fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t")
        }.sorted()
    }
}
