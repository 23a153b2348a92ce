import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The regions one region is compared with, and the figures they are compared on: like with like.
/// A kreisangehörige Gemeinde is compared with the kreisangehörigen Gemeinden of its Land (where
/// the Land's and the Zensus figures exist: today Baden-Württemberg); a Landkreis with every
/// Landkreis and a kreisfreie Stadt (Stadtkreis) with every kreisfreie Stadt in Germany, on the
/// Kreis-level figures that cover every Land.
struct ComparisonSet: Sendable {
    enum Kind: Sendable, Hashable {
        case gemeinden(land: String)
        case landkreise
        case kreisfreieStaedte

        var cacheKey: String {
            switch self {
            case .gemeinden(let land): "comparison-gemeinden-\(land)"
            case .landkreise: "comparison-landkreise"
            case .kreisfreieStaedte: "comparison-kreisfreie-staedte"
            }
        }
    }

    /// How an indicator is read and shown.
    struct Measure: Sendable {
        let indicator: ComparableRegions.Indicator
        /// Where the figure comes from, in words for the page.
        let source: String
        /// Values enter the distance on a log scale (population, density), so that a city ten times
        /// the size is as far as a village a tenth of it.
        let logarithmic: Bool
        let format: @Sendable (Double) -> String
    }

    struct Member: Sendable {
        let key: String
        let name: String
        let kind: String
        /// The values as published (or derived), in the order of `measures`.
        let values: [Double]
    }

    let kind: Kind
    let description: String
    let measures: [Measure]
    let members: [Member]
    /// Regions of the kind left out because a figure is missing for them.
    let leftOut: Int

    var candidates: [ComparableRegions.Candidate] {
        members.map { member in
            .init(key: member.key, values: zip(member.values, measures).map { value, measure in measure.logarithmic ? log(value) : value })
        }
    }

    static let urbanKinds = ["Kreisfreie Stadt", "Stadtkreis"]
    static let urbanisationDegree = ["gering besiedelt": 1.0, "mittlere Besiedlungsdichte": 2.0, "dicht besiedelt": 3.0]
    static let urbanisationLabel = [1.0: "gering besiedelt", 2.0: "mittlere Besiedlungsdichte", 3.0: "dicht besiedelt"]
}

extension ComparisonSet {
    static func percent(_ value: Double) -> String { String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + " %" }
    static func persons(_ value: Double) -> String { Indicator.format(value, indicator: "zensus_population") }
    static func perArea(_ value: Double) -> String { persons(value) + " je km²" }
    static func perThousand(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + " je 1.000"
    }

    static let population = Measure(
        indicator: .init(key: "population", label: "Einwohner*innen"), source: "Gemeindeverzeichnis (Destatis)", logarithmic: true,
        format: persons)
    static let density = Measure(
        indicator: .init(key: "density", label: "Einwohner*innen je km²"), source: "Gemeindeverzeichnis (Destatis), eigene Berechnung",
        logarithmic: true, format: perArea)

    static let gemeindeMeasures = [
        population, density,
        Measure(
            indicator: .init(key: "foreign_share", label: "Anteil Ausländer*innen"), source: "Statistisches Landesamt, Anteil Ausländer/-innen",
            logarithmic: false, format: percent),
        Measure(
            indicator: .init(key: "immigration_history_share", label: "Anteil mit Einwanderungsgeschichte"),
            source: "Zensus 2022, eigene Berechnung aus überlagerten Werten", logarithmic: false, format: percent),
        Measure(
            indicator: .init(key: "urbanisation", label: "Grad der Verstädterung"), source: "Gemeindeverzeichnis (Destatis)",
            logarithmic: false, format: { urbanisationLabel[$0] ?? "–" }),
    ]

    static let kreisMeasures = [
        population, density,
        Measure(
            indicator: .init(key: "foreign_share", label: "Anteil Ausländer*innen"), source: "Regionalatlas Deutschland, Indikator AI0208 (jüngstes Jahr)",
            logarithmic: false, format: percent),
        Measure(
            indicator: .init(key: "protection_seekers_rate", label: "Schutzsuchende je 1.000 Einwohner*innen"),
            source: "Regionaldatenbank (Schutzsuchende 31.12.2018) und Gemeindeverzeichnis, eigene Berechnung", logarithmic: false,
            format: perThousand),
    ]
}
