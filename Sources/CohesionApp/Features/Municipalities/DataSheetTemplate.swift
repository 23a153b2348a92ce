import CohesionCore
import CohesionPlatform
import Foundation

/// The data sheet for the integration concept: an OpenDocument text (flat XML) with `{{…}}`
/// placeholders, filled from the profile and turned into PDF/A by the certificates' pipeline
/// (`PDFRenderer`). DejaVu Sans, which LibreOffice embeds, covers every name in the register.
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

    static let fodt = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
        <office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
        <office:styles>
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.12cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="9.5pt" fo:language="de" fo:country="DE"/></style:default-style>
        <style:style style:name="Titel" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Abschnitt" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="11.5pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Klein" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:color="#4a5561"/></style:style>
        </office:styles>
        <office:automatic-styles><style:page-layout style:name="Seite"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin="1.8cm"/></style:page-layout></office:automatic-styles>
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Seite"/></office:master-styles>
        <office:body><office:text>
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
        </office:text></office:body></office:document>
        """
}
