import Foundation

/// The analysis in plain German, each finding with its figure, for the participant's page.
public enum NetworkFindings {
    public static func sentences(_ analysis: NetworkAnalysis) -> [String] {
        guard analysis.actorCount > 0 else {
            return ["Noch keine Akteur*innen eingetragen. Beginnen Sie mit denen, mit denen Sie am häufigsten zu tun haben."]
        }
        var sentences: [String] = []
        let connected = analysis.connectedBySector.values.reduce(0, +)
        sentences.append("Ihr Netzwerk hat \(analysis.actorCount) Akteur*innen, \(connected) davon mit bestehender Verbindung.")
        switch analysis.missingSectors.count {
        case 0: sentences.append("Alle sechs Bereiche sind vertreten.")
        case 1: sentences.append("Ein Bereich fehlt ganz: \(analysis.missingSectors[0].label).")
        default:
            sentences.append("\(countWord(analysis.missingSectors.count)) Bereiche fehlen ganz: \(list(analysis.missingSectors.map(\.label))).")
        }
        if !analysis.missingReferenceKinds.isEmpty {
            sentences.append("Keine Verbindung zu: \(list(analysis.missingReferenceKinds.map(\.label))).")
        }
        if let size = analysis.effectiveSize, let efficiency = analysis.efficiency {
            let contacts = Int((size / efficiency).rounded())
            let reading =
                efficiency >= 0.7
                ? "Ihre Kontakte kennen einander wenig: Sie verbinden sonst getrennte Kreise."
                : efficiency >= 0.4
                    ? "Ein Teil Ihrer Kontakte kennt einander."
                    : "Ihre Kontakte kennen einander gut: Viele Wege führen zu denselben Leuten."
            sentences.append(
                "Effektive Größe \(germanDecimal(size)) bei \(contacts) direkten Kontakten (Effizienz \(germanDecimal(efficiency, digits: 2))). "
                    + reading)
        }
        if let constraint = analysis.constraint {
            sentences.append("Beschränkung nach Burt: \(germanDecimal(constraint, digits: 2)) (0 = viele unabhängige Kontakte, 1 = ein einziger).")
        }
        if analysis.actorCount > 1 {
            let percent = Int((analysis.density * 100).rounded())
            sentences.append(
                "Dichte unter den Akteur*innen ohne Sie: \(germanDecimal(analysis.density, digits: 2)) (\(percent) % der möglichen Verbindungen bestehen).")
        }
        if !analysis.brokers.isEmpty {
            let named = analysis.brokers.prefix(3).map { "\($0.actor.name) (\(germanDecimal($0.betweenness, digits: 2)))" }
            sentences.append("Vermittelnd: \(list(Array(named))). Über sie laufen Wege zwischen anderen; die Zahl ist die Betweenness.")
        }
        if !analysis.onlyViaCentre.isEmpty {
            sentences.append("Nur über Sie verbunden: \(list(analysis.onlyViaCentre.map(\.name))).")
        }
        if !analysis.isolated.isEmpty {
            sentences.append("Ohne bestehende Verbindung: \(list(analysis.isolated.map(\.name))).")
        }
        if !analysis.openWishes.isEmpty {
            let targets = analysis.openWishes.map { tie in
                let to = analysis.names[tie.to] ?? "?"
                return tie.from.map { (analysis.names[$0] ?? "?") + " – " + to } ?? to
            }
            let count = analysis.openWishes.count
            sentences.append("Noch offen: \(count == 1 ? "eine gewünschte Verbindung" : "\(count) gewünschte Verbindungen") (\(list(targets))).")
        }
        return sentences
    }

    static func countWord(_ count: Int) -> String {
        ["Null", "Ein", "Zwei", "Drei", "Vier", "Fünf", "Sechs"].indices.contains(count)
            ? ["Null", "Ein", "Zwei", "Drei", "Vier", "Fünf", "Sechs"][count] : "\(count)"
    }

    /// "A", "A und B", "A, B und C".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " und " + items.last!
    }
}
