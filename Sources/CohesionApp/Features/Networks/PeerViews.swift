import CohesionCore
import CohesionPlatform
import Foundation

enum PeerViews {
    static func page(
        listed: Bool, me: PeerDirectory.Person?, suggestions: [(person: PeerDirectory.Person, reasons: PeerMatching.Reasons)],
        areaTitles: [String], frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.network.path)) { "Mein Netzwerk" } }
            HTML.h1 { "Kolleg*innen finden" }
            HTML.p(.class("lead")) {
                "Integrationsbeauftragte aus allen Durchläufen, auch Ehemalige, deren Kommune, Stelle, Bedarfe oder Netzwerk zu Ihren passen, "
                "oder die eine Verbindung haben, die Ihnen fehlt."
            }
            HTML.form(.method("post"), .action(SiteURL.peerDirectory.path), .class("status-box")) {
                Form.csrf(frame.visitor)
                if listed {
                    HTML.p {
                        "Sie stehen im Verzeichnis. Andere sehen Ihren Namen, Ihre Kommune und die Art Ihrer Stelle, nie Ihre E-Mail-Adresse; "
                        "Nachrichten an Sie gehen per E-Mail."
                    }
                    HTML.input(.type("hidden"), .name("aufnehmen"), .value("nein"))
                    HTML.button(.type("submit"), .class("button button--quiet")) { "Aus dem Verzeichnis austragen" }
                } else {
                    HTML.p {
                        "Sie stehen nicht im Verzeichnis. Wer sich einträgt, sieht Vorschläge und kann von Kolleg*innen angeschrieben werden: "
                        "sichtbar sind Name, Kommune und Art der Stelle, nie die E-Mail-Adresse. Austragen geht jederzeit und wirkt sofort."
                    }
                    HTML.input(.type("hidden"), .name("aufnehmen"), .value("ja"))
                    HTML.button(.type("submit"), .class("button")) { "In das Verzeichnis eintragen" }
                }
            }
            if listed {
                HTML.h2 { "Vorschläge für Sie" }
                if suggestions.isEmpty {
                    HTML.p(.class("muted")) { "Noch niemand im Verzeichnis passt zu Ihnen. Ergänzen Sie Profil, Selbsteinschätzung und Netzwerk." }
                } else {
                    HTML.ul(.class("cards")) {
                        suggestions.map { suggestion in card(suggestion.person, reasons: suggestion.reasons, me: me, areaTitles: areaTitles) }
                    }
                }
            }
        }
    }

    private static func card(_ person: PeerDirectory.Person, reasons: PeerMatching.Reasons, me: PeerDirectory.Person?, areaTitles: [String]) -> HTML {
        .li(.class("card")) {
            HTML.h3 { person.name }
            HTML.p(.class("muted")) {
                [person.municipality, person.municipalityKind, person.embedding?.label].compactMap { $0 }.joined(separator: " · ")
            }
            HTML.ul { sentences(reasons, me: me, areaTitles: areaTitles).map { sentence in HTML.li { sentence } } }
            HTML.p {
                HTML.a(.href(SiteURL.peerMessage(.value(person.userID)).path)) {
                    "Nachricht schreiben"; HTML.span(.class("visually-hidden")) { ": " + person.name }
                }
            }
        }
    }

    /// Each reason as a sentence, the most useful first.
    static func sentences(_ reasons: PeerMatching.Reasons, me: PeerDirectory.Person?, areaTitles: [String]) -> [String] {
        var sentences: [String] = []
        let offered = bits(reasons.offersKinds, of: ActorKind.allCases).map(\.label)
        if !offered.isEmpty { sentences.append("Hat eine Verbindung, die Ihnen fehlt: \(shortList(offered)).") }
        if reasons.sameMunicipalityKind, let kind = me?.municipalityKind { sentences.append("Ebenfalls in einer Kommune der Art „\(kind)“.") }
        if reasons.sameSizeBand, let band = me?.sizeBand { sentences.append("Ähnlich groß: \(band) Einwohner*innen.") }
        if reasons.sameForeignShareBand, let band = me?.foreignShareBand { sentences.append("Ähnlicher Anteil ausländischer Einwohner*innen: \(band).") }
        if reasons.sameEmbedding, let embedding = me?.embedding { sentences.append("Gleiche Anbindung der Stelle: \(embedding.label).") }
        let needs = bits(reasons.sharedNeeds, of: areaTitles)
        if !needs.isEmpty { sentences.append("Gleicher starker Bedarf: \(shortList(needs)).") }
        let tasks = bits(reasons.sharedTaskFields, of: TaskField.allCases).map(\.label)
        if !tasks.isEmpty { sentences.append("Gemeinsame Aufgaben: \(shortList(tasks)).") }
        return sentences
    }

    /// At most three named, the rest counted: a card stays a card.
    static func shortList(_ items: [String]) -> String {
        guard items.count > 3 else { return NetworkFindings.list(items) }
        return items.prefix(3).joined(separator: ", ") + " und \(items.count - 3) weitere"
    }

    static func bits<Element>(_ mask: UInt32, of elements: [Element]) -> [Element] {
        elements.indices.filter { $0 < 32 && mask & (1 << UInt32($0)) != 0 }.map { elements[$0] }
    }

    static func message(peer: User, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.peers.path)) { "Kolleg*innen finden" } }
            HTML.h1 { "Nachricht an \(peer.name)" }
            Form.errorSummary(errors, fields: [PeerController.messageField])
            HTML.form(.method("post"), .action(SiteURL.peerMessage(.value(peer.id ?? UUID())).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields([PeerController.messageField], values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Nachricht senden" } }
            }
        }
    }
}
