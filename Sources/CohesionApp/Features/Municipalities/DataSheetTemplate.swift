import CohesionCore
import CohesionPlatform
import Foundation

/// The data sheet for the integration concept: an OpenDocument text (flat XML) with `{{…}}`
/// placeholders, filled from the profile and turned into PDF/A by the certificates' pipeline
/// (`PDFRenderer`).
enum DataSheetTemplate {
    static let placeholders = ["KOMMUNE", "ART", "LAGE", "STAND", "ZAHLEN", "VERGLEICHSGRUPPE", "AEHNLICHE", "STELLUNG", "QUELLEN", "METHODE"]

    /// The placeholders' values for one profile: each a list of lines.
    static func values(_ profile: MunicipalProfile, createdOn day: CalendarDay) -> [String: [String]] {
        let page = profile.page
        let figures = page.sources.flatMap { source in source.figures.map { "\($0.label): \($0.formatted) (Stichtag \($0.reference))" } }
        let comparison = profile.comparison
        return [
            "KOMMUNE": [page.name],
            "ART": [page.kind],
            "LAGE": [[page.kreis?.name, page.land?.name].compactMap { $0 }.joined(separator: ", ")],
            "STAND": ["Erstellt am \(BerlinTime.longDate(day)) mit Cohesion aus den eingelesenen amtlichen Daten"],
            "ZAHLEN": [
                "Einwohner*innen: " + (page.population.map { Indicator.format(Double($0), indicator: "zensus_population") } ?? "keine Angabe")
                    + " (Stand \(RegionViews.germanDate(page.populationDate)))"
            ] + figures,
            "VERGLEICHSGRUPPE": [
                comparison.map { "\($0.setSize) Gebiete: \($0.setDescription)" } ?? (profile.noComparison ?? "kein Vergleich")
            ],
            "AEHNLICHE": comparison?.peers.enumerated().map { index, peer in
                "\(index + 1). \(peer.name) (\(peer.kind)), Abstand \(MunicipalProfileView.decimal(peer.distance, digits: 2))"
            } ?? ["–"],
            "STELLUNG": comparison?.standings.map { standing in
                "\(standing.label): \(standing.format(standing.value)); Median \(standing.format(standing.median)); "
                    + "Perzentil \(MunicipalProfileView.decimal(standing.percentile, digits: 1))"
            } ?? ["–"],
            "QUELLEN": [RegionPage.registerSource + ". " + RegionPage.registerAttribution]
                + page.sources.map { "\($0.source). \($0.attribution)" } + ["Anteile, Dichte, Median und Abstände: eigene Berechnung"],
            "METHODE": [
                "Robuste z-Werte (Median, 1,4826 × mittlere absolute Abweichung) über die Vergleichsgruppe; Einwohnerzahl und Dichte logarithmiert; "
                    + "Abstand: gewichtete euklidische Distanz. Zensuswerte sind zur Geheimhaltung überlagert; daraus berechnete Anteile sind Näherungen."
            ],
        ]
    }

    static let fodt = ShippedDocument.a4(
        body: """
            <text:p text:style-name="Titel">Datenblatt {{KOMMUNE}}</text:p>
            <text:p>{{ART}} · {{LAGE}}</text:p>
            <text:p text:style-name="Klein">{{STAND}}</text:p>
            <text:p text:style-name="Abschnitt">Zahlen aus der amtlichen Statistik</text:p>
            <text:p>{{ZAHLEN}}</text:p>
            <text:p text:style-name="Abschnitt">Vergleichsgruppe</text:p>
            <text:p>{{VERGLEICHSGRUPPE}}</text:p>
            <text:p text:style-name="Abschnitt">Die ähnlichsten Kommunen</text:p>
            <text:p>{{AEHNLICHE}}</text:p>
            <text:p text:style-name="Abschnitt">Stellung in der Vergleichsgruppe</text:p>
            <text:p>{{STELLUNG}}</text:p>
            <text:p text:style-name="Abschnitt">Methode</text:p>
            <text:p text:style-name="Klein">{{METHODE}}</text:p>
            <text:p text:style-name="Abschnitt">Quellen und Lizenzen</text:p>
            <text:p text:style-name="Klein">{{QUELLEN}}</text:p>
            """)
}
