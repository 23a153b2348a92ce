import CohesionCore
import CohesionPlatform
import Foundation

/// A printable report per edition for partners and funders.
enum PartnerReportView {
    static func render(_ report: PartnerReport, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { report.programmeTitle }
            HTML.h1 { "Bericht: " + report.editionTitle }
            HTML.p(.class("lead")) {
                "Zusammengefasste, anonyme Zahlen. Für Gruppen unter \(report.rule.minimumGroupSize) Personen wird kein Wert gezeigt. "
                "\(report.members) Teilnehmer*innen im Durchlauf."
            }
            HTML.div(.class("actions no-print")) {
                HTML.button(.type("button"), .class("button button--quiet"), .init("data-print", nil), .init("hidden", nil)) { "Bericht drucken" }
                HTML.a(.href(SiteURL.cohortMap(.value(report.editionID)).path)) { "Herkunft der Kohorte" }
            }
            participation(report)
            change(report)
            needs(report)
        }
    }

    private static func participation(_ report: PartnerReport) -> HTML {
        .section(.ariaLabelledBy("teilnahme")) {
            HTML.h2(.id("teilnahme")) { "Teilnahme und Zufriedenheit" }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Teil", "Angemeldet", "Anwesenheit", "Zufriedenheit (1–5)", "Rückmeldungen"]) }
                    HTML.tbody {
                        report.parts.map { part in
                            HTML.tr {
                                HTML.th(.scope("row")) { part.label }
                                HTML.td(.class("number")) { "\(part.registered)" }
                                HTML.td(.class("number")) { part.attendanceRate.map { germanDecimal($0 * 100, digits: 0) + " %" } ?? "–" }
                                HTML.td(.class("number")) { part.satisfaction.map { germanDecimal($0) } ?? "–" }
                                HTML.td(.class("number")) { "\(part.surveyResponses)" }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func change(_ report: PartnerReport) -> HTML {
        .section(.ariaLabelledBy("veraenderung")) {
            HTML.h2(.id("veraenderung")) { "Veränderung der Kompetenzen (Selbsteinschätzung)" }
            if report.change.rows.isEmpty {
                HTML.p { "Noch keine Einschätzung zu zwei Zeitpunkten." }
            } else {
                EvaluationViews.changeTable(report.change, withDetail: false)
            }
        }
    }

    private static func needs(_ report: PartnerReport) -> HTML {
        .section(.ariaLabelledBy("bedarfe")) {
            HTML.h2(.id("bedarfe")) { "Bedarfe nach Art der Kommune" }
            EvaluationViews.needsTable(report.needs)
        }
    }
}
