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

    package let table: String
    package let kind: Kind

    package static func notExported(_ table: String) -> DumpTreatment { DumpTreatment(table: table, kind: .notExported) }

    package static func rebuilt(_ table: String, by rebuild: @escaping @Sendable (any SQLDatabase) async throws -> Void) -> DumpTreatment {
        DumpTreatment(table: table, kind: .rebuilt(rebuild))
    }
}

extension [DumpTreatment] {
    /// The tables a file for `purpose` does not hold.
    package func leftOut(of purpose: SiteDump.Purpose) -> Set<String> {
        Set(
            compactMap { treatment in
                switch treatment.kind {
                case .rebuilt: treatment.table
                case .notExported: purpose == .export ? treatment.table : nil
                }
            })
    }

    package var rebuilt: [(table: String, rebuild: @Sendable (any SQLDatabase) async throws -> Void)] {
        compactMap { treatment in
            if case .rebuilt(let rebuild) = treatment.kind { (treatment.table, rebuild) } else { nil }
        }
    }
}
