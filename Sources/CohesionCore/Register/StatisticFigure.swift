import Foundation

/// One official figure about a region, with where it comes from and when it was taken.
public struct StatisticFigure: Sendable, Equatable {
    /// Region key: 2 digits (Land), 5 (Kreis) or the 8-digit AGS (Gemeinde).
    public var regionKey: String
    public var indicator: String
    public var value: Double
    /// As the source states it: "15.05.2022", "31.12.2025", or only "2025" when no day is given.
    public var reference: String
    public var source: String
    public var attribution: String

    public init(regionKey: String, indicator: String, value: Double, reference: String, source: String, attribution: String) {
        self.regionKey = regionKey
        self.indicator = indicator
        self.value = value
        self.reference = reference
        self.source = source
        self.attribution = attribution
    }
}

extension StatisticFigure {
    /// A reference as sources write it ("31.12.2025", or only "2025") as YYYYMMDD, so references
    /// compare in time; a bare year counts as its last day.
    public static func sortableReference(_ reference: String) -> String {
        let parts = reference.split(separator: ".")
        return parts.count == 3 ? parts.reversed().joined() : reference + "1231"
    }
}

/// What each figure means and how it is shown.
public enum Indicator {
    /// The share of foreign citizens in the population, in percent: the figure the needs map bands by.
    public static let foreignShare = "foreign_share"

    public enum Unit: Sendable { case persons, percent }

    public struct Definition: Sendable {
        public let label: String
        public let unit: Unit
    }

    public static let definitions: [String: Definition] = [
        "zensus_population": .init(label: "Einwohner*innen (Zensus 2022)", unit: .persons),
        "zensus_german": .init(label: "Deutsche (Zensus 2022)", unit: .persons),
        "zensus_foreign": .init(label: "Ausländer*innen (Zensus 2022)", unit: .persons),
        "zensus_immigration_history": .init(label: "Personen mit Einwanderungsgeschichte", unit: .persons),
        "zensus_immigrated": .init(label: "davon selbst eingewandert", unit: .persons),
        "zensus_descendants": .init(label: "davon Nachkommen von Eingewanderten", unit: .persons),
        "zensus_one_parent": .init(label: "Personen mit einseitiger Einwanderungsgeschichte", unit: .persons),
        "zensus_without_immigration_history": .init(label: "Personen ohne Einwanderungsgeschichte", unit: .persons),
        "foreign_share": .init(label: "Anteil Ausländer*innen an der Bevölkerung", unit: .percent),
        "azr_foreign_total": .init(label: "Ausländer*innen im Ausländerzentralregister", unit: .persons),
        "azr_recruitment_states": .init(label: "aus früheren Anwerbestaaten", unit: .persons),
        "azr_eu27": .init(label: "aus EU-Staaten", unit: .persons),
        "azr_eu_since_2004": .init(label: "aus seit 2004 beigetretenen EU-Staaten", unit: .persons),
        "azr_non_eu": .init(label: "aus Nicht-EU-Staaten", unit: .persons),
        "azr_turkey": .init(label: "aus der Türkei", unit: .persons),
        "azr_ukraine": .init(label: "aus der Ukraine", unit: .persons),
        "azr_syria": .init(label: "aus Syrien", unit: .persons),
        "azr_romania": .init(label: "aus Rumänien", unit: .persons),
        "azr_poland": .init(label: "aus Polen", unit: .persons),
        "azr_permission_pending": .init(label: "mit Aufenthaltsgestattung (Asylverfahren läuft)", unit: .persons),
        "azr_tolerated": .init(label: "mit Duldung", unit: .persons),
        "azr_resident_25_years_or_more": .init(label: "seit 25 Jahren oder länger in Deutschland", unit: .persons),
        "protection_seekers": .init(label: "Schutzsuchende", unit: .persons),
    ]

    /// The order in which figures are listed: totals before their parts.
    public static let order = [
        "zensus_population", "zensus_german", "zensus_foreign", "zensus_immigration_history",
        "zensus_immigrated", "zensus_descendants", "zensus_one_parent",
        "zensus_without_immigration_history", "foreign_share", "azr_foreign_total",
        "azr_recruitment_states", "azr_eu27", "azr_eu_since_2004", "azr_non_eu", "azr_turkey",
        "azr_ukraine", "azr_syria", "azr_romania", "azr_poland", "azr_permission_pending",
        "azr_tolerated", "azr_resident_25_years_or_more", "protection_seekers",
    ]

    public static func rank(_ indicator: String) -> Int { order.firstIndex(of: indicator) ?? order.count }

    public static func label(_ indicator: String) -> String { definitions[indicator]?.label ?? indicator }

    /// "12,4 %" or "156.891", as German readers expect.
    public static func format(_ value: Double, indicator: String) -> String {
        let unit = definitions[indicator]?.unit ?? .persons
        switch unit {
        case .percent:
            return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + " %"
        case .persons:
            return groupThousands(Int(value.rounded()))
        }
    }

    public static func groupThousands(_ number: Int) -> String {
        let digits = String(abs(number))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (number < 0 ? "-" : "") + grouped
    }
}
