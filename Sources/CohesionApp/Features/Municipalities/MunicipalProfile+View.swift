import CohesionCore
import CohesionPlatform
import Foundation

/// The profile page: where the region stands among comparable ones, how its Kreis has changed,
/// and every figure with its source; the method in plain words.
enum MunicipalProfileView {
    static func render(_ model: MunicipalProfile, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors(), frame: PageFrame) -> HTML {
        let page = model.page
        return Layout.page(frame) {
            HTML.p(.class("breadcrumb")) {
                HTML.a(.href(SiteURL.regions.path)) { "Kommunen" }
                " · "
                HTML.a(.href(SiteURL.region(.value(page.key)).path)) { page.name }
            }
            HTML.h1 { "Profil: " + page.name }
            HTML.p(.class("lead")) {
                page.kind + (page.kreis.map { ", " + $0.name } ?? "") + (page.land.map { ", " + $0.name } ?? "")
            }
            if frame.visitor.user != nil {
                HTML.p {
                    HTML.a(.href(SiteURL.regionDataSheet(.value(page.key)).path), .init("download", "")) { "Datenblatt für das Integrationskonzept (PDF)" }
                }
            }
            if let comparison = model.comparison {
                peers(comparison, key: page.key, frame: frame)
                if comparison.editable { choice(comparison, key: page.key, values: values, errors: errors, frame: frame) }
                standings(comparison)
                method(comparison)
            } else if let reason = model.noComparison {
                HTML.p(.class("notice")) { reason }
                if let kreis = page.kreis { HTML.p { HTML.a(.href(SiteURL.regionProfile(.value(kreis.key)).path)) { "Profil des Kreises " + kreis.name } } }
            }
            if !model.colleagues.isEmpty { colleagues(model.colleagues) }
            if let series = model.series { ProfileCharts.series(series, id: "verlauf") }
            RegionViews.registerFacts(page)
            HTML.h2 { "Alle Zahlen aus der amtlichen Statistik" }
            page.sources.map(RegionViews.source)
        }
    }

    private static func peers(_ comparison: MunicipalProfile.Comparison, key: String, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("vergleich")) {
            HTML.h2(.id("vergleich")) {
                comparison.editable && comparison.peers.contains(where: \.added)
                    ? "Ihre Vergleichsgruppe: \(comparison.peers.count) Kommunen" : "Die \(comparison.peers.count) ähnlichsten Kommunen"
            }
            HTML.p {
                "Verglichen mit \(comparison.setSize - 1) weiteren: " + comparison.setDescription + "."
                if comparison.leftOut > 0 { " \(comparison.leftOut) weitere dieser Art fehlen, weil eine der Zahlen für sie nicht vorliegt." }
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table(.class("peers")) {
                    HTML.caption { "Ähnlichste zuerst; ein kleinerer Abstand heißt ähnlicher." }
                    HTML.thead {
                        HTML.tr {
                            TableHeadings.heading("Rang", numeric: true); TableHeadings.heading("Kommune", numeric: false)
                            TableHeadings.heading("Art", numeric: false); TableHeadings.heading("Abstand", numeric: true)
                            TableHeadings.heading("am ähnlichsten bei", numeric: false); TableHeadings.heading("am verschiedensten bei", numeric: false)
                            if comparison.editable { TableHeadings.heading("Auswahl", numeric: false) }
                        }
                    }
                    HTML.tbody {
                        comparison.peers.enumerated().map { index, peer in
                            HTML.tr(.init("data-key", peer.key)) {
                                HTML.td(.class("number")) { "\(index + 1)" }
                                HTML.th(.scope("row")) {
                                    HTML.a(.href(SiteURL.regionProfile(.value(peer.key)).path)) { peer.name }
                                    if peer.added { HTML.span(.class("muted")) { " (von Ihnen hinzugefügt)" } }
                                }
                                HTML.td { peer.kind }
                                HTML.td(.class("number")) { decimal(peer.distance, digits: 2) }
                                HTML.td { peer.alikeIn }
                                HTML.td { peer.apartIn }
                                if comparison.editable {
                                    HTML.td { choiceButton(peer.added ? "zuruecknehmen" : "entfernen", peer: peer, label: "Entfernen", key: key, frame: frame) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func colleagues(_ colleagues: [MunicipalProfile.Colleague]) -> HTML {
        .section(.ariaLabelledBy("kolleginnen")) {
            HTML.h2(.id("kolleginnen")) { "Kolleg*innen in ähnlichen Kommunen" }
            HTML.p { "Aus dem Verzeichnis, in das sich Teilnehmer*innen selbst eintragen; niemand sonst wird hier gezeigt." }
            HTML.ul {
                colleagues.map { colleague in
                    HTML.li {
                        HTML.a(.href(SiteURL.peerMessage(.value(colleague.id)).path)) { colleague.name }
                        " (" + colleague.regionName + ")"
                    }
                }
            }
        }
    }

    private static func choiceButton(_ action: String, peer: MunicipalProfile.Peer, label: String, key: String, frame: PageFrame) -> HTML {
        .form(.method("post"), .action(SiteURL.regionComparisonChoice(.value(key)).path), .class("inline")) {
            Form.csrf(frame.visitor)
            HTML.input(.type("hidden"), .name("aktion"), .value(action))
            HTML.input(.type("hidden"), .name("kommune"), .value(peer.key))
            HTML.button(.type("submit"), .class("button button--quiet"), .ariaLabel(label + ": " + peer.name)) { label }
        }
    }

    /// The officer's own changes to the group: add a region of the same kind, or put back one taken out.
    private static func choice(_ comparison: MunicipalProfile.Comparison, key: String, values: FormValues, errors: FieldErrors, frame: PageFrame)
        -> HTML
    {
        let field = FieldSpec(
            name: "kommune", label: "Kommune hinzufügen", hint: "Name oder Gemeindeschlüssel, aus der Vergleichsgruppe (" + comparison.setDescription + ")")
        return .section(.ariaLabelledBy("auswahl"), .class("no-print")) {
            HTML.h3(.id("auswahl")) { "Vergleichsgruppe anpassen" }
            HTML.p { "Ihre Auswahl gilt nur für Sie und bleibt bei Ihrem Profil gespeichert." }
            Form.errorSummary(errors, fields: [field])
            HTML.form(.method("post"), .action(SiteURL.regionComparisonChoice(.value(key)).path), .class("stack")) {
                Form.csrf(frame.visitor)
                HTML.input(.type("hidden"), .name("aktion"), .value("hinzufuegen"))
                Form.field(field, values: values, error: errors["kommune"])
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Hinzufügen" } }
            }
            if !comparison.removed.isEmpty {
                HTML.p { "Von Ihnen entfernt:" }
                HTML.ul {
                    comparison.removed.map { peer in
                        HTML.li {
                            peer.name + " "; choiceButton("zuruecknehmen", peer: peer, label: "Wieder aufnehmen", key: key, frame: frame)
                        }
                    }
                }
            }
        }
    }

    private static func standings(_ comparison: MunicipalProfile.Comparison) -> HTML {
        .section(.ariaLabelledBy("stand")) {
            HTML.h2(.id("stand")) { "Wo \(comparison.subjectName) steht" }
            ProfileCharts.standings(comparison.standings, id: "stand-grafik")
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Dieselben Werte wie in der Grafik; Perzentil: Anteil der Vergleichsgruppe mit gleichem oder kleinerem Wert." }
                    HTML.thead {
                        HTML.tr {
                            TableHeadings.heading("Merkmal", numeric: false); TableHeadings.heading("Wert", numeric: true)
                            TableHeadings.heading("Median", numeric: true); TableHeadings.heading("Spannweite", numeric: true)
                            TableHeadings.heading("Perzentil", numeric: true); TableHeadings.heading("Gewicht", numeric: true)
                            TableHeadings.heading("Quelle", numeric: false)
                        }
                    }
                    HTML.tbody {
                        comparison.standings.map { standing in
                            HTML.tr {
                                HTML.th(.scope("row")) { standing.label }
                                HTML.td(.class("number")) { standing.format(standing.value) }
                                HTML.td(.class("number")) { standing.format(standing.median) }
                                HTML.td(.class("number")) { standing.format(standing.minimum) + " bis " + standing.format(standing.maximum) }
                                HTML.td(.class("number")) { decimal(standing.percentile, digits: 1) }
                                HTML.td(.class("number")) { decimal(standing.weight, digits: 1) }
                                HTML.td { standing.source }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func method(_ comparison: MunicipalProfile.Comparison) -> HTML {
        .section(.ariaLabelledBy("methode"), .class("method")) {
            HTML.h2(.id("methode")) { "Wie verglichen wird" }
            HTML.p {
                "Verglichen wird nur Gleiches mit Gleichem: " + comparison.setDescription + ". "
                    + "Jedes Merkmal wird auf eine gemeinsame Skala gebracht: Abstand zum Median der Vergleichsgruppe, geteilt durch die "
                    + "mittlere absolute Abweichung vom Median (mal 1,4826). So verzerren einzelne sehr große Städte die Skala nicht. "
                    + "Einwohnerzahl und Dichte gehen logarithmiert ein: Eine zehnmal so große Stadt ist so weit entfernt wie eine zehnmal so kleine. "
                    + "Der Grad der Verstädterung zählt als 1 (gering besiedelt), 2 (mittlere Besiedlungsdichte) oder 3 (dicht besiedelt)."
            }
            HTML.p {
                "Der Abstand zweier Kommunen ist die Wurzel aus der Summe der quadrierten Unterschiede, jeweils mal dem Gewicht in der Tabelle. "
                    + "„Am ähnlichsten bei“ nennt das Merkmal mit dem kleinsten Unterschied, „am verschiedensten bei“ das mit dem größten."
            }
            HTML.p {
                "Grenzen: Die Zahlen haben verschiedene Stichtage. Zensuswerte sind zur Geheimhaltung leicht verändert (Überlagerung); "
                    + "Anteile, die Cohesion daraus berechnet, sind deshalb Näherungen. Fehlende Werte werden nicht geschätzt: "
                    + "Wer eine Zahl nicht hat, ist nicht in der Vergleichsgruppe. Ähnliche Zahlen heißen nicht, dass die Lage vor Ort gleich ist."
            }
        }
    }

    static func decimal(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value).replacingOccurrences(of: ".", with: ",")
    }
}
