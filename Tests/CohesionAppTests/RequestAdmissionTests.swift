import CohesionPlatform
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The door in front of routing (`RequestAdmission`): a burst of requests waits there, in the
/// order it came, instead of each holding its tasks' memory inside; the monitoring passes by.
@Suite("Request admission")
struct RequestAdmissionTests {
    static let token = "eingang-metriken-1234567890"

    @Test("with room for two, the next requests wait at the door and come in in arrival order as places free up")
    func waitAtTheDoor() async throws {
        try await withApp(environment: ["MAX_REQUESTS_INSIDE": "2", "METRICS_TOKEN": Self.token]) { app, _ in
            let held = HeldRequests()
            app.get(SiteURL(["eingangstest"]), AccessRule.everyone("nur im Test")) { req in
                let number = try req.query.get(Int.self, at: "n")
                await held.arrive(number)
                return "fertig \(number)"
            }
            let admission = app.cohesion.admission
            func send(_ number: Int) -> Task<String, any Error> {
                Task {
                    var browser = Browser(app)
                    return try await browser.get("/eingangstest?n=\(number)").text
                }
            }
            let first = send(1)
            let second = send(2)
            try await until { await held.arrived.count == 2 }
            let third = send(3)
            try await until { admission.counts.waiting == 1 }
            let fourth = send(4)
            try await until { admission.counts.waiting == 2 }
            #expect(await held.arrived.sorted() == [1, 2], "the third and fourth have not reached the route")

            var monitor = Browser(app)
            #expect(try await monitor.get(SiteURL.healthz.path).status == .ok, "a full house still answers the health check")
            monitor.bearer = Self.token
            let metrics = try await monitor.get("/metrics").text
            #expect(metrics.contains("cohesion_requests_inside 2"))
            #expect(metrics.contains("cohesion_requests_waiting 2"))

            await held.release(2)
            try await until { await held.arrived.count == 3 }
            #expect(await held.arrived.last == 3, "the first to wait comes in first")
            await held.release(1)
            try await until { await held.arrived.count == 4 }
            #expect(await held.arrived.last == 4)
            await held.release(3)
            await held.release(4)
            let answers = [try await first.value, try await second.value, try await third.value, try await fourth.value]
            #expect(answers == ["fertig 1", "fertig 2", "fertig 3", "fertig 4"], "every request answered, none lost")
            #expect(admission.counts == (0, 0))
        }
    }

    @Test("a request whose answer fails leaves its place to the next one")
    func failureFreesThePlace() async throws {
        let app = try await Application.make(.testing)
        let admission = RequestAdmission(limit: 1)
        let door = AdmissionResponder(admission: admission, next: FailingResponder())
        let loop = app.eventLoopGroup.any()
        let failing = door.respond(to: Request(application: app, method: .GET, url: "/a", on: loop))
        let waiting = door.respond(to: Request(application: app, method: .GET, url: "/b", on: loop))
        for answer in [failing, waiting] {
            do {
                _ = try await answer.get()
                Issue.record("the responder's failure should reach the caller")
            } catch is FailingResponder.Failure {}
        }
        #expect(admission.counts == (0, 0))
        try await app.asyncShutdown()
    }
}

/// Requests that stay in the route until the test lets each of them go.
private actor HeldRequests {
    private(set) var arrived: [Int] = []
    private var held: [Int: CheckedContinuation<Void, Never>] = [:]
    private var releasedEarly: Set<Int> = []

    func arrive(_ number: Int) async {
        arrived.append(number)
        if releasedEarly.remove(number) != nil { return }
        await withCheckedContinuation { held[number] = $0 }
    }

    func release(_ number: Int) {
        if let continuation = held.removeValue(forKey: number) {
            continuation.resume()
        } else {
            releasedEarly.insert(number)
        }
    }
}

private struct FailingResponder: Responder {
    struct Failure: Error {}
    func respond(to request: Request) -> EventLoopFuture<Response> { request.eventLoop.makeFailedFuture(Failure()) }
}

/// Waits until `condition` holds, for at most ten seconds.
private func until(_ condition: () async throws -> Bool) async throws {
    for _ in 0..<1_000 {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("the condition did not come true within ten seconds")
    throw CancellationError()
}
