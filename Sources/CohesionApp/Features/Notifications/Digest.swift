import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// The daily digest: at seven in the morning, Berlin time, one mail per person with what is new
/// on their boards and in the lunch meetings since the later of their last digest and their last
/// visit, nothing of their own, nothing already mailed, and no mail at all when nothing is new.
///
/// Each morning's round is claimed once (`digest_rounds`), and each person's digest once more
/// (`digest_states.covered_until` moves from the old value to this morning in the transaction that
/// writes the mail), so two instances send one digest, and a round that dies half-way loses nothing:
/// the next morning covers both days for those it did not reach.
enum Digest {
    static let time = "07:00"

    /// The latest digest time at or before `now`: seven o'clock Berlin time today, or yesterday
    /// before seven. Computed on the Berlin calendar, so a day of 23 or 25 hours has one digest.
    static func scheduledTime(atOrBefore now: Date) -> Date {
        let today = BerlinTime.day(of: now)
        let todays = BerlinTime.instant(on: today, at: time)!
        return todays <= now ? todays : BerlinTime.instant(on: today.adding(days: -1), at: time)!
    }

    struct Person: Decodable, Sendable { let id: UUID; let name: String; let email: String; let role: Role }

    private struct Claimed: Decodable { let scheduledFor: Date }
    private struct State: Decodable { let coveredUntil: Date }
    private struct StateID: Decodable { let id: UUID }

    /// Records this morning's round as done without sending it: the scale data's site has sent its
    /// digests, as one running every day would have by now (else the first server started on it
    /// writes 100,000 digests in the background while it is being measured).
    static func markRoundSent(now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO digest_rounds (scheduled_for, started_at) VALUES (\(bind: scheduledTime(atOrBefore: now)), \(bind: now))
            ON CONFLICT (scheduled_for) DO NOTHING
            """
        ).run()
    }

    /// Sends this morning's digests if no instance has; returns how many were written to the outbox.
    @discardableResult
    static func runIfDue(now: Date, baseURL: @escaping @Sendable (String) -> String, on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase else { return 0 }
        let scheduled = scheduledTime(atOrBefore: now)
        let claimed = try await sql.raw(
            """
            INSERT INTO digest_rounds (scheduled_for, started_at) VALUES (\(bind: scheduled), \(bind: now))
            ON CONFLICT (scheduled_for) DO NOTHING RETURNING scheduled_for
            """
        ).all(decoding: Claimed.self, with: .snakeCaseColumns)
        guard !claimed.isEmpty else { return 0 }
        var failures: [any Error] = []
        let people = try await sql.raw(
            """
            SELECT id, name, email, role FROM users WHERE erased_at IS NULL AND locked_at IS NULL AND role <> \(bind: Role.partner.rawValue) ORDER BY id
            """
        ).all(decoding: Person.self, with: .snakeCaseColumns)
        var sent = 0
        for person in people {
            // One person's failure (a lost connection) must not keep the others' digests back;
            // their window stays open and tomorrow's digest covers it.
            do {
                if try await send(to: person, for: scheduled, baseURL: baseURL, on: database) { sent += 1 }
            } catch {
                failures.append(error)
            }
        }
        if let first = failures.first, sent == 0 && failures.count == people.count { throw first }
        return sent
    }

    /// One person's digest for the morning `scheduled`: claims the window, then writes the mail if
    /// there is anything in it. Returns whether a mail was written.
    static func send(to person: Person, for scheduled: Date, baseURL: @escaping @Sendable (String) -> String, on database: any Database) async throws -> Bool {
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return false }
            // A person's first digest reaches back one day at most.
            try await sql.raw(
                """
                INSERT INTO digest_states (id, user_id, covered_until) VALUES (\(bind: UUID()), \(bind: person.id), \(bind: scheduled.addingTimeInterval(-86_400)))
                ON CONFLICT (user_id) DO NOTHING
                """
            ).run()
            guard
                let previous = try await sql.raw("SELECT covered_until FROM digest_states WHERE user_id = \(bind: person.id)")
                    .first(decoding: State.self, with: .snakeCaseColumns)?.coveredUntil, previous < scheduled
            else { return false }
            let moved = try await sql.raw(
                """
                UPDATE digest_states SET covered_until = \(bind: scheduled)
                WHERE user_id = \(bind: person.id) AND covered_until < \(bind: scheduled) RETURNING id
                """
            ).all(decoding: StateID.self)
            guard !moved.isEmpty else { return false }
            let content = try await DigestContent.gather(for: person, after: previous, upTo: scheduled, on: sql)
            guard !content.isEmpty else { return false }
            try await Mailer.enqueue(
                to: person.email, subject: "Cohesion: Neues aus Forum und Mittagsrunden (\(BerlinTime.longDate(BerlinTime.day(of: scheduled))))",
                body: content.text(for: person, baseURL: baseURL), on: db)
            return true
        }
    }
}
