// Finds the ten Gemeinden most like Konstanz among Baden-Württemberg's kreisangehörige Gemeinden,
// on the real files in data/, and reports the time per comparison (the target is 20 ms).
//
//   swift run -c release ComparableRegionsBench [comparisons]
//
// It reads the register, the Land's foreign shares and the Zensus 2022 as the importers do, builds
// the same five indicators as the profile page (log population, log density, foreign share,
// immigration-history share, degree of urbanisation) and times `ComparableRegions.nearest`, which
// scales every indicator over the set and ranks all 1,092 Gemeinden on each call.
import CohesionCore
import Foundation

let comparisons = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")
func text(_ name: String) throws -> String { try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8) }

let register = try MunicipalRegister.parse(try text("destatis_gvisys_gemeinden_31122024.csv"))
var figures: [String: [String: Double]] = [:]
for file in ["stala_bw_auslaenderanteil_gemeinden_2025.csv", "zensus2022_einwanderungsgeschichte_gemeinden_bw.csv"] {
    for figure in try StatisticsFile.parse(try text(file)).figures { figures[figure.regionKey, default: [:]][figure.indicator] = figure.value }
}
let urbanisation = ["gering besiedelt": 1.0, "mittlere Besiedlungsdichte": 2.0, "dicht besiedelt": 3.0]
let candidates = register.compactMap { entry -> ComparableRegions.Candidate? in
    guard entry.level == .gemeinde, entry.landKey == "08", !["61", "62"].contains(entry.kindCode),
        let population = entry.population, population > 0, let area = entry.areaKm2, area > 0,
        let degree = entry.urbanisation.flatMap({ urbanisation[$0] }), let own = figures[entry.key],
        let foreign = own[Indicator.foreignShare], let history = own["zensus_immigration_history"], let census = own["zensus_population"]
    else { return nil }
    return .init(key: entry.key, values: [log(Double(population)), log(Double(population) / area), foreign, history / census * 100, degree])
}
let indicators = ["population", "density", "foreign", "history", "urbanisation"].map { ComparableRegions.Indicator(key: $0, label: $0) }

var times: [Double] = []
var found: [String] = []
for _ in 0..<comparisons {
    let start = DispatchTime.now().uptimeNanoseconds
    found = ComparableRegions.nearest(to: "08335043", among: candidates, indicators: indicators).map(\.key)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}
let sorted = times.sorted()
print(
    String(
        format: "%d Gemeinden, %d comparisons: median %.3f ms, p95 %.3f ms, max %.3f ms; nearest: %@", candidates.count, comparisons,
        sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 95 / 100)], sorted.last ?? 0, found.joined(separator: " ")))
