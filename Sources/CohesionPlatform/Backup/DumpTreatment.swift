import SQLKit

/// How the site file (`SiteDump`) treats one of a feature's tables where it is not simply copied
/// like every other table; a feature declares these in its manifest (`Feature.dumpTreatment`).
package struct DumpTreatment: Sendable {
    package enum Kind: Sendable {
        /// Kept in a backup, left out of an export to another installation: it belongs to the
        /// running server (sessions, sign-in attempts, one-time challenges).
        case notExported
        /// Never written: it is derived from other tables (a full-text index, a precomputed
        /// summary), emptied by the restore and rebuilt from them once every table is in.
        case rebuilt(@Sendable (any SQLDatabase) async throws -> Void)
    }

    /// The tables treated alike; derived tables one rebuild fills together are named together.
    package let tables: [String]
    package let kind: Kind

    package static func notExported(_ table: String) -> DumpTreatment { DumpTreatment(tables: [table], kind: .notExported) }

    package static func rebuilt(_ tables: String..., by rebuild: @escaping @Sendable (any SQLDatabase) async throws -> Void) -> DumpTreatment {
        DumpTreatment(tables: tables, kind: .rebuilt(rebuild))
    }
}

extension [DumpTreatment] {
    /// The tables a file for `purpose` does not hold.
    package func leftOut(of purpose: SiteDump.Purpose) -> Set<String> {
        Set(
            flatMap { treatment in
                switch treatment.kind {
                case .rebuilt: treatment.tables
                case .notExported: purpose == .export ? treatment.tables : []
                }
            })
    }

    package var rebuilt: [(tables: [String], rebuild: @Sendable (any SQLDatabase) async throws -> Void)] {
        compactMap { treatment in
            if case .rebuilt(let rebuild) = treatment.kind { (treatment.tables, rebuild) } else { nil }
        }
    }
}
