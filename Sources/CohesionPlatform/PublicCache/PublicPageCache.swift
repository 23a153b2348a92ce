import CompressNIO
import NIOConcurrencyHelpers
import Vapor

/// The public pages (programme, part timetables, their calendar and JSON twins) as last rendered
/// for visitors without a session, with their validator and a gzip variant computed once.
///
/// Entries belong to a generation. Any change to what these pages show ends the generation:
/// on this instance a write request that moved the database's change counter (`public_revision`,
/// kept by triggers), on other instances PostgreSQL's notification from the same triggers
/// (`PublicRevisionListener`). A page rendered while a generation ended is not kept, so no entry
/// can hold data older than its generation.
package final class PublicPageCache: Sendable {
    package struct Entry: Sendable {
        package let generation: UInt64
        package let status: HTTPResponseStatus
        package let headers: HTTPHeaders
        package let body: ByteBuffer
        package let gzipped: ByteBuffer?
        package let eTag: String?

        /// The gzip variant is another representation, so it has a strong validator of its own.
        package var gzippedETag: String? {
            guard let eTag, eTag.hasSuffix("\"") else { return nil }
            return eTag.dropLast() + "-gzip\""
        }
    }

    private struct State {
        var generation: UInt64 = 0
        var counter: Int64?
        var entries: [String: Entry] = [:]
        var listening = false
    }

    /// A bound on what a crawler requesting many parts can make the cache hold.
    package static let maximumEntries = 5_000
    /// Bodies this small are not worth compressing.
    package static let compressionThreshold = 512

    private let state = NIOLockedValueBox(State())

    package var generation: UInt64 { state.withLockedValue { $0.generation } }

    /// Whether the database's change counter is known for the current generation.
    package var knowsCounter: Bool { state.withLockedValue { $0.counter != nil } }

    /// Whether other instances' changes reach this cache (PostgreSQL's notifications are being heard).
    package var isListening: Bool { state.withLockedValue { $0.listening } }

    package func setListening(_ listening: Bool) { state.withLockedValue { $0.listening = listening } }

    package func entry(for path: String) -> Entry? {
        state.withLockedValue { state in
            guard let entry = state.entries[path], entry.generation == state.generation else { return nil }
            return entry
        }
    }

    /// Keeps a rendered response if its generation is still current.
    package func keep(_ path: String, generation: UInt64, response: Response) {
        guard let body = response.body.buffer else { return }
        var headers = response.headers
        headers.remove(name: "X-Request-Id")
        headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        var gzipped: ByteBuffer?
        if body.readableBytes >= Self.compressionThreshold {
            var source = body
            gzipped = try? source.compress(with: .gzip)
        }
        let entry = Entry(
            generation: generation, status: response.status, headers: headers, body: body,
            gzipped: gzipped, eTag: headers.first(name: .eTag))
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.maximumEntries { state.entries.removeAll(keepingCapacity: true) }
            state.entries[path] = entry
        }
    }

    /// Ends the generation when the database's change counter moved (or was not known yet).
    package func observe(counter: Int64) {
        state.withLockedValue { state in
            guard state.counter != counter else { return }
            state.counter = counter
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// Ends the generation: another instance changed something, or notifications may have been missed.
    package func invalidate() {
        state.withLockedValue { state in
            state.counter = nil
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}
