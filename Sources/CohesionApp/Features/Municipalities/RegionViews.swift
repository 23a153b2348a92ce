import CohesionCore
import CohesionPlatform
import Foundation

/// The municipal register: search and one page per Land, Kreis or Gemeinde.
enum RegionViews {
    static func search(_ model: RegionSearch, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Kommunen" }
            HTML.p(.class("lead")) { "Gemeinden, Kreise und Länder aus dem amtlichen Gemeindeverzeichnis, mit Zahlen aus der amtlichen Statistik." }
            HTML.form(.method("get"), .action(SiteURL.regions.path), .class("stack"), .role("search")) {
                HTML.div(.class("field")) {
                    HTML.label(.for("suche")) { "Name oder Gemeindeschlüssel (AGS)" }
                    HTML.input(.type("search"), .id("suche"), .name("suche"), .value(model.query))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Suchen" } }
            }
            if !model.query.isEmpty { results(model) }
        }
    }

    private static func results(_ model: RegionSearch) -> HTML {
        .section(.ariaLabelledBy("treffer")) {
            HTML.h2(.id("treffer")) {
                model.results.isEmpty
                    ? "Keine Treffer für „\(model.query)“"
                    : model.hasMore
                        ? "Mehr als \(RegionSearch.limit) Treffer – die ersten \(RegionSearch.limit), bitte genauer suchen"
                        : "\(model.results.count) Treffer für „\(model.query)“"
            }
            if !model.results.isEmpty { table(model.results, caption: "Treffer") }
        }
    }

    static func table(_ regions: [RegionSummary], caption: String) -> HTML {
        .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.caption(.class("visually-hidden")) { caption }
                HTML.thead { TableHeadings.row(["Name", "Art", "Kreis", "Schlüssel", "Einwohner*innen"], textColumns: 4) }
                HTML.tbody {
                    regions.map { region in
                        HTML.tr {
                            HTML.td { HTML.a(.href(SiteURL.region(.value(region.key)).path)) { region.name } }
                            HTML.td { region.kind }
                            HTML.td { region.level == RegionLevel.gemeinde.rawValue ? (region.kreisName ?? "–") : "–" }
                            HTML.td { region.key }
                            HTML.td(.class("number")) {
                                region.population.map { Indicator.format(Double($0), indicator: "zensus_population") } ?? "keine Angabe"
                            }
                        }
                    }
                }
            }
        }
    }

    static func page(_ model: RegionPage, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.regions.path)) { "Kommunen" }
                if let land = model.land { " · "; HTML.a(.href(SiteURL.region(.value(land.key)).path)) { land.name } }
                if let kreis = model.kreis { " · "; HTML.a(.href(SiteURL.region(.value(kreis.key)).path)) { kreis.name } }
            }
            HTML.h1 { model.name }
            HTML.p(.class("lead")) { model.kind }
            if model.level != RegionLevel.land.rawValue {
                HTML.p { HTML.a(.href(SiteURL.regionProfile(.value(model.key)).path)) { "Profil: im Vergleich mit ähnlichen Kommunen" } }
            }
            registerFacts(model)
            HTML.h2 { "Zahlen aus der amtlichen Statistik" }
            if model.sources.isEmpty {
                HTML.p { "Für dieses Gebiet sind keine weiteren Zahlen eingelesen. Es werden keine Werte geschätzt oder ergänzt." }
            }
            model.sources.map(source)
            if !model.members.isEmpty {
                HTML.h2 { model.level == RegionLevel.kreis.rawValue ? "Gemeinden im Kreis" : "Kreise im Land" }
                table(model.members, caption: model.level == RegionLevel.kreis.rawValue ? "Gemeinden" : "Kreise")
            }
        }
    }

    static func registerFacts(_ model: RegionPage) -> HTML {
        let summed = model.level != RegionLevel.gemeinde.rawValue
        return .section(.ariaLabelledBy("verzeichnis")) {
            HTML.h2(.id("verzeichnis")) { "Gemeindeverzeichnis" }
            HTML.dl(.class("facts")) {
                HTML.dt { model.level == RegionLevel.gemeinde.rawValue ? "Gemeindeschlüssel (AGS)" : "Schlüssel" }
                HTML.dd { model.key }
                if model.ars.count == 12 { HTML.dt { "Regionalschlüssel (ARS)" }; HTML.dd { model.ars } }
                if let kreis = model.kreis {
                    HTML.dt { "Kreis" }
                    HTML.dd {
                        HTML.a(.href(SiteURL.region(.value(kreis.key)).path)) { kreis.name }; " (" + kreis.kind + ")"
                    }
                }
                if let land = model.land {
                    HTML.dt { "Land" }
                    HTML.dd { HTML.a(.href(SiteURL.region(.value(land.key)).path)) { land.name } }
                }
                HTML.dt { "Einwohner*innen" }
                HTML.dd {
                    model.population.map { Indicator.format(Double($0), indicator: "zensus_population") } ?? "keine Angabe"
                    " (Stand " + germanDate(model.populationDate) + (summed ? ", Summe der Gemeinden)" : ")")
                }
                HTML.dt { "Fläche" }
                HTML.dd {
                    model.areaKm2.map { String(format: "%.2f", $0).replacingOccurrences(of: ".", with: ",") + " km²" } ?? "keine Angabe"
                }
                if let postcode = model.postcode { HTML.dt { "Postleitzahl (Verwaltungssitz)" }; HTML.dd { postcode } }
                if let urbanisation = model.urbanisation { HTML.dt { "Grad der Verstädterung" }; HTML.dd { urbanisation } }
            }
            HTML.p(.class("source")) {
                "Quelle: " + RegionPage.registerSource + ", Gebietsstand " + germanDate(model.territoryDate) + ". " + RegionPage.registerAttribution
            }
        }
    }

    static func source(_ source: RegionPage.Source) -> HTML {
        .section(.class("figures")) {
            HTML.h3 { source.source }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead {
                        HTML.tr {
                            TableHeadings.heading("Merkmal", numeric: false); TableHeadings.heading("Wert", numeric: true);
                            TableHeadings.heading("Stichtag", numeric: false)
                        }
                    }
                    HTML.tbody {
                        source.figures.map { figure in
                            HTML.tr {
                                HTML.th(.scope("row")) { figure.label }
                                HTML.td(.class("number")) { figure.formatted }
                                HTML.td { figure.reference }
                            }
                        }
                    }
                }
            }
            HTML.p(.class("source")) { source.attribution }
        }
    }

    static func germanDate(_ iso: String) -> String { CalendarDay(iso: iso)?.german ?? iso }
}
