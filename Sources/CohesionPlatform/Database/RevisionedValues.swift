import Synchronization

/// Values kept in memory under a key with the change counter they were computed at: served while
/// the counter stands, computed again once it moved. `ReportCache` and `PersonalPageCache` keep
/// theirs here; each reads its own counter.
package final class RevisionedValues<Revision: Equatable & Sendable>: Sendable {
    private struct Entry: Sendable { let revision: Revision; let value: any Sendable }
    private let entries = Mutex<[String: Entry]>([:])
    /// When full, everything is dropped: simpler than an order of use, and refilled at the next requests.
    private let capacity: Int

    package init(capacity: Int) { self.capacity = capacity }

    /// `revision` must be read before computing: a change committed meanwhile leaves the entry one
    /// revision behind, so it is computed again at the next use rather than served stale.
    package func value<T: Sendable>(_ key: String, at revision: Revision, compute: () async throws -> T) async throws -> T {
        if let entry = entries.withLock({ $0[key] }), entry.revision == revision, let value = entry.value as? T {
            return value
        }
        let value = try await compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(revision: revision, value: value)
        }
        return value
    }

    package func forget() { entries.withLock { $0.removeAll() } }
}
