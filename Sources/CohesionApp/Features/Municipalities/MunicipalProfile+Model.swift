import CohesionCore
import CohesionPlatform
import Foundation

/// `/kommunen/{key}/profil`: a region's figures with their sources, beside the regions most like
/// it, and the foreign share of its Kreis over the years.
struct MunicipalProfile: Sendable {
    /// One indicator of the comparison: the region's value beside the comparison set's.
    struct Standing: Sendable {
        let label: String
        let weight: Double
        let source: String
        let value: Double
        let median: Double
        let minimum: Double
        let maximum: Double
        /// The share of the set at or below the region's value, in percent.
        let percentile: Double
        /// Drawn on a log scale, as it enters the distance.
        let logarithmic: Bool
        let format: @Sendable (Double) -> String
    }

    /// An officer's own additions to and removals from the ten.
    struct Choice: Sendable, Equatable {
        var added: Set<String> = []
        var removed: Set<String> = []
    }

    struct Peer: Sendable {
        let key: String
        let name: String
        let kind: String
        let distance: Double
        /// Added by the officer, not among the ten nearest.
        var added = false
        /// The indicator that makes it alike and the one that sets it apart.
        let alikeIn: String
        let apartIn: String
    }

    struct Comparison: Sendable {
        /// The region compared: the Gemeinde itself, or the Kreis of a kreisfreie Stadt.
        let subjectKey: String
        let subjectName: String
        let setDescription: String
        let setSize: Int
        let leftOut: Int
        let standings: [Standing]
        let peers: [Peer]
        /// Regions the officer took out of the ten, to put back.
        var removed: [Peer] = []
        /// True when the viewer may change the group (their own municipality).
        var editable = false
    }

    /// A yearly series: the Kreis, its Land and the median of the Kreise it is compared with.
    struct Series: Sendable {
        struct Line: Sendable {
            let label: String
            let values: [Int: Double]
        }

        let title: String
        let years: [Int]
        let lines: [Line]
    }

    let page: RegionPage
    var comparison: Comparison?
    /// Why there is no comparison, in words for the page.
    let noComparison: String?
    let series: Series?
    /// For a signed-in participant: colleagues in the opt-in directory who work in this region or
    /// one of its comparable ones (never anyone else).
    var colleagues: [Colleague] = []

    struct Colleague: Sendable {
        let id: UUID
        let name: String
        let regionName: String
    }
}
