import CohesionCore
import CohesionPlatform
import Foundation

enum NetworkComparisonViews {
    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded())) %" } ?? "zu wenige"
    }

    static func participant(_ model: NetworkComparison.Participant, frame: PageFrame) -> HTML {
        let rule = model.rule
        let similarLabel = model.municipalityKind.map { "Kommunen der Art „\($0)“" } ?? "ähnliche Kommunen"
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.network.path)) { "Mein Netzwerk" } }
            HTML.h1 { "Mein Netzwerk im Vergleich" }
            HTML.p(.class("lead")) {
                "Welche Bereiche Ihr Netzwerk erreicht, neben dem Anteil der Netzwerke Ihrer Kohorte und der Kolleg*innen in \(similarLabel), "
                "die sie erreichen. Nur Summen; eine Gruppe unter \(rule.minimumGroupSize) Netzwerken zeigt nichts."
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Bereiche mit bestehender Verbindung" }
                    HTML.thead {
                        TableHeadings.row([
                            "Bereich", "Ihr Netzwerk", "Kohorte (\(model.cohort.networks) Netzwerke)",
                            "\(similarLabel) (\(model.similar.networks))",
                        ])
                    }
                    HTML.tbody {
                        NetworkSector.allCases.map { sector in
                            HTML.tr {
                                HTML.th(.scope("row")) { sector.label }
                                HTML.td(.class("number")) { (model.own.reaching[sector] ?? 0) > 0 ? "ja" : "nein" }
                                HTML.td(.class("number")) { percent(model.cohort.share(sector, rule: rule)) }
                                HTML.td(.class("number")) { percent(model.similar.share(sector, rule: rule)) }
                            }
                        }
                    }
                }
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Wichtige Arten von Akteur*innen" }
                    HTML.thead { TableHeadings.row(["Art", "Ihr Netzwerk", "Kohorte", similarLabel]) }
                    HTML.tbody {
                        ActorKind.reference.map { kind in
                            HTML.tr {
                                HTML.th(.scope("row")) { kind.label }
                                HTML.td(.class("number")) { (model.own.reachingKinds[kind] ?? 0) > 0 ? "ja" : "nein" }
                                HTML.td(.class("number")) { percent(model.cohort.share(kind, rule: rule)) }
                                HTML.td(.class("number")) { percent(model.similar.share(kind, rule: rule)) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func cohort(_ model: NetworkComparison.Cohort, frame: PageFrame) -> HTML {
        let rule = model.rule
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.needs(.value(model.editionID)).path)) { "Bedarfe: \(model.editionTitle)" }
            }
            HTML.h1 { "Netzwerke der Kohorte" }
            HTML.p(.class("lead")) {
                "Wie viele Netzwerke der Teilnehmer*innen jeden Bereich erreichen, heute und zu den Ständen der Teile. "
                "Nur Summen; unter \(rule.minimumGroupSize) Netzwerken wird nichts gezeigt."
            }
            if let need = model.networkNeed {
                HTML.div(.class("status-box")) {
                    HTML.p {
                        "Bedarf „\(need.title)“: im Mittel \(germanDecimal(need.mean)) von 5 (\(need.answers) Antworten). "
                        "Daneben die Abdeckung: Wo der Bedarf hoch und die Abdeckung niedrig ist, lohnt eine Einheit zur Netzwerkarbeit."
                    }
                }
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Anteil der Netzwerke mit bestehender Verbindung in den Bereich" }
                    HTML.thead {
                        TableHeadings.row(["Bereich"] + model.parts.map { "\($0.label) (\($0.coverage.networks))" } + ["Heute (\(model.now.networks))"])
                    }
                    HTML.tbody {
                        NetworkSector.allCases.map { sector in
                            HTML.tr {
                                HTML.th(.scope("row")) { sector.label }
                                model.parts.map { part in HTML.td(.class("number")) { percent(part.coverage.share(sector, rule: rule)) } }
                                HTML.td(.class("number")) { percent(model.now.share(sector, rule: rule)) }
                            }
                        }
                    }
                }
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.caption { "Anteil der Netzwerke mit Verbindung zu wichtigen Arten" }
                    HTML.thead { TableHeadings.row(["Art"] + model.parts.map(\.label) + ["Heute"]) }
                    HTML.tbody {
                        ActorKind.reference.map { kind in
                            HTML.tr {
                                HTML.th(.scope("row")) { kind.label }
                                model.parts.map { part in HTML.td(.class("number")) { percent(part.coverage.share(kind, rule: rule)) } }
                                HTML.td(.class("number")) { percent(model.now.share(kind, rule: rule)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
