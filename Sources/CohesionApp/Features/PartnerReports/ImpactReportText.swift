import CohesionCore
import CohesionPlatform
import Foundation

/// The report's sentences, shared by the page and the PDF.
enum ImpactReportText {
    static func transferIntro(_ report: ImpactReport) -> String {
        let transfer = report.transfer
        guard let opens = transfer.opensOn, let closes = transfer.closesOn else {
            return "Die Nachbefragung einige Monate nach dem letzten Teil ist noch nicht geöffnet."
        }
        let answered =
            "Nachbefragung vom \(BerlinTime.longDate(opens)) bis \(BerlinTime.longDate(closes)): "
            + "\(transfer.summary.responses) von \(transfer.members) Teilnehmer*innen haben geantwortet."
        return transfer.summary.isShown
            ? answered
            : answered + " Ausgewertet wird ab \(report.rule.minimumGroupSize) Antworten, damit niemand erkennbar ist."
    }

    static func method(_ report: ImpactReport) -> [String] {
        [
            "Jede Zahl beruht auf mindestens \(report.rule.minimumGroupSize) Antworten; kleinere Gruppen bleiben verborgen, ebenso Gruppen, "
                + "deren Wert sich aus den übrigen und der Gesamtzahl errechnen ließe. Feedbackbögen zählen nur, wenn sie selbst die Mindestzahl erreichen.",
            "Veränderung: Mittelwert der gepaarten Differenzen mit 95-%-Konfidenzintervall (t-Verteilung). Then-Test: nachher minus das rückblickend "
                + "eingeschätzte Vorher derselben Personen. Beide sind Selbsteinschätzungen; die klassische Differenz kann durch veränderte Maßstäbe "
                + "(Response Shift) unterschätzen, der Then-Test durch Erinnerung und Erwartung überschätzen.",
        ]
    }
}
