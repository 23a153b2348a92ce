import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// Two `cohesion serve` processes on one PostgreSQL database behind nginx serve one site.
@Suite("Several instances behind nginx", .serialized, .enabled(if: TestDatabase.isPostgres, "several instances share a PostgreSQL database"))
struct SeveralInstancesTests {
    /// nginx in front of the instances, with a configuration and temp paths of its own.
    final class Proxy: @unchecked Sendable {
        let process = Process()
        let port: Int
        var baseURL: String { "http://127.0.0.1:\(port)" }

        init(port: Int, upstreams: [Int], directory: URL) throws {
            self.port = port
            // The workers run as an unprivileged user when the test runs as root: they must write here.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
            let servers = upstreams.map { "server 127.0.0.1:\($0) max_fails=0;" }.joined(separator: " ")
            let configuration = """
                worker_processes 1;
                pid \(directory.path)/nginx.pid;
                error_log \(directory.path)/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path \(directory.path)/body; proxy_temp_path \(directory.path)/proxy;
                    fastcgi_temp_path \(directory.path)/fastcgi; uwsgi_temp_path \(directory.path)/uwsgi; scgi_temp_path \(directory.path)/scgi;
                    upstream cohesion { \(servers) }
                    server {
                        listen 127.0.0.1:\(port);
                        location / {
                            proxy_pass http://cohesion;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_next_upstream error timeout;
                        }
                    }
                }
                """
            let file = directory.appendingPathComponent("nginx.conf")
            try configuration.write(to: file, atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
            process.arguments = ["-p", directory.path, "-c", file.path, "-g", "daemon off;"]
            try process.run()
        }

        func stop() {
            guard process.isRunning else { return }
            process.terminate()
            process.waitUntilExit()
        }

        deinit { stop() }
    }

    static func mailFiles(_ server: ServerProcess) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: server.mailDirectory.path))?.filter { $0.hasSuffix(".eml") } ?? []
    }

    @Test("two instances start at once on an empty database, share sessions and data, send each mail once, and a graceful stop under load loses no request")
    func twoInstances() async throws {
        let database = try await TemplateDatabase.shared.emptyPostgres()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-two-\(UUID().uuidString)")
        let host = try await TemplateDatabase.application(database, directory: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            host.http.client.configuration.redirectConfiguration = .disallow
            host.http.client.configuration.timeout = .init(connect: .seconds(2), read: .seconds(20))
            let client = host.client
            let proxyPort = try ServerProcess.freePort()
            let environment = ["TRUSTED_PROXIES": "127.0.0.1"]
            let siteURL = "http://127.0.0.1:\(proxyPort)"

            // Both migrate the empty database at the same moment; the advisory lock lets one do it.
            async let startingFirst = ServerProcess(database: database, baseURL: siteURL, environment: environment, client: client)
            async let startingSecond = ServerProcess(database: database, baseURL: siteURL, environment: environment, client: client)
            let (first, second) = try await (startingFirst, startingSecond)
            let sql = try #require(host.db as? any SQLDatabase)
            struct Applied: Decodable { let total: Int; let names: Int }
            let applied = try #require(
                try await sql.raw("SELECT COUNT(*) AS total, COUNT(DISTINCT name) AS names FROM _fluent_migrations")
                    .first(decoding: Applied.self))
            #expect(applied.total == FeatureCatalog.cohesion.migrations.count && applied.names == applied.total, "every migration once")

            let scene = try await CrashSafetyTests.prepare(host, people: 12)
            let proxy = try Proxy(port: proxyPort, upstreams: [first.port, second.port], directory: directory.appendingPathComponent("nginx"))
            for _ in 0..<50 where (try? await client.get(URI(string: siteURL + "/healthz")))?.status != .ok {
                try await Task.sleep(for: .milliseconds(100))
            }

            // A login through the proxy is valid on each instance.
            var visitor = RemoteBrowser(client, baseURL: siteURL)
            try await visitor.login(email: scene.people[0].email, password: CrashSafetyTests.Scene.password)
            for instance in [first, second] {
                var direct = visitor
                direct.baseURL = instance.baseURL
                let page = try await direct.get(SiteURL.account.path)
                #expect(page.status == .ok && page.body.map { String(buffer: $0) }?.contains(scene.people[0].email) == true)
            }

            // A registration through one is seen by the other.
            let registered = await CrashSafetyTests.send(
                .register(userID: scene.people[1].id), scene: scene, server: first.baseURL,
                client: client, browsers: [:])
            #expect(registered == true)
            let seen = try await client.get(
                URI(string: second.baseURL + "/api/v1/registrations?partID=\(scene.openPartID)"),
                headers: ["Authorization": "Bearer \(scene.leadToken)"])
            #expect(seen.status == .ok && seen.body.map { String(buffer: $0) }?.lowercased().contains(scene.people[1].id.uuidString.lowercased()) == true)

            // Mail: requests on both instances deliver the outbox at once; each message goes out once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, person) in scene.people.enumerated() {
                    let instance = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        var browser = RemoteBrowser(client, baseURL: instance.baseURL)
                        try await browser.get(SiteURL.forgotPassword.path)
                        _ = try await browser.post(SiteURL.forgotPassword.path, [("email", person.email)])
                    }
                }
                try await group.waitForAll()
            }
            let messages = try await OutboxMessage.query(on: host.db).all()
            #expect(messages.count == scene.people.count && messages.allSatisfy { $0.sentAt != nil })
            let files = Self.mailFiles(first) + Self.mailFiles(second)
            #expect(files.count == messages.count && Set(files).count == files.count, "\(files.count) files for \(messages.count) messages")

            // Under load through the proxy, the first instance stops gracefully; every request is still answered.
            var actions: [CrashSafetyTests.Action] = []
            for round in 0..<6 {
                for (index, person) in scene.people.enumerated() {
                    for unit in scene.units {
                        actions.append(.attendance(unitID: unit, userID: person.id, status: AttendanceStatus.allCases[(index + round) % 3]))
                    }
                }
            }
            let answered = ManagedAtomicCounter()
            let stopAt = actions.count / 3
            let outcomes = await withTaskGroup(of: Bool?.self) { group in
                var results: [Bool?] = []
                var pending = actions.makeIterator()
                func next(_ group: inout TaskGroup<Bool?>) {
                    guard let action = pending.next() else { return }
                    group.addTask {
                        let outcome = await CrashSafetyTests.send(action, scene: scene, server: siteURL, client: client, browsers: [:])
                        if answered.increment() == stopAt { Task.detached { first.stop(signal: SIGTERM) } }
                        return outcome
                    }
                }
                for _ in 0..<8 { next(&group) }
                for await result in group {
                    results.append(result)
                    next(&group)
                }
                return results
            }
            first.stop(signal: SIGTERM)
            #expect(first.process.terminationStatus == 0, "the stopped instance exited cleanly")
            #expect(
                outcomes.count == actions.count && outcomes.allSatisfy { $0 == true },
                "\(outcomes.filter { $0 == true }.count) of \(actions.count) answered with success")
            print(
                "two instances: \(actions.count) requests through nginx, SIGTERM to one instance after \(stopAt) answers, "
                    + "\(outcomes.filter { $0 == true }.count) answered with success")
            let last = Dictionary(
                actions.compactMap { action -> (String, AttendanceStatus)? in
                    guard case .attendance(let unit, let user, let status) = action else { return nil }
                    return ("\(unit)\(user)", status)
                }, uniquingKeysWith: { _, later in later })
            let stored = try await Attendance.query(on: host.db).filter(\.$unit.$id ~~ scene.units).all()
            #expect(stored.filter { last["\($0.$unit.id)\($0.$user.id)"] == $0.status }.count == last.count, "the last state of every pair is stored")

            proxy.stop()
            second.stop()
        } catch {
            try? await host.asyncShutdown()
            await TemplateDatabase.shared.drop(database)
            throw error
        }
        try await host.asyncShutdown()
        await TemplateDatabase.shared.drop(database)
    }
}
