import CohesionCore
import CohesionPlatform
import Foundation

extension TopicTeamView {
    struct Comparison: Sendable {
        let old: TopicTeamPage.Version
        let new: TopicTeamPage.Version
        let difference: WordDifference
    }

    /// The editor: a large text field with the version it started from. After a crossed edit it
    /// shows the newer version and what changed in it beside the editor's own text, which is kept.
    static func resultForm(
        teamID: UUID, question: String, values: FormValues, errors: FieldErrors, conflict: TopicTeamResultController.Conflict?, frame: PageFrame
    ) -> HTML {
        let textSpec = FieldSpec(name: "text", label: conflict == nil ? "Text des Ergebnisses" : "Ihre Fassung", kind: .textarea, required: true)
        let noteSpec = FieldSpec(name: "notiz", label: "Was Sie geändert haben (für die Liste der Fassungen)")
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.topicTeam(.value(teamID)).path)) { "Team: " + question } }
            HTML.h1 { "Ergebnis bearbeiten" }
            if let conflict {
                HTML.div(.class("warning"), .role("alert")) {
                    HTML.h2 { "Jemand hat inzwischen gespeichert" }
                    HTML.p {
                        "\(conflict.current.author) hat am \(BerlinTime.dateTime(conflict.current.createdAt)) Fassung \(conflict.current.number) gespeichert, "
                        "nachdem Sie mit dem Bearbeiten begonnen hatten. Ihre Änderung ist noch nicht gespeichert und steht unten, wie Sie sie geschrieben haben. "
                        "Übernehmen Sie, was von der neuen Fassung bleiben soll, und speichern Sie dann – oder verwerfen Sie Ihre Änderung."
                    }
                }
            }
            HTML.div(.class(conflict == nil ? "" : "side-by-side")) {
                if let conflict {
                    HTML.section(.ariaLabelledBy("neue-fassung")) {
                        HTML.h2(.id("neue-fassung")) { "Fassung \(conflict.current.number) von \(conflict.current.author)" }
                        HTML.p(.class("muted")) { "Was sie gegenüber der Fassung ändert, mit der Sie begonnen haben:" }
                        differenceBlock(conflict.theirChange)
                        HTML.h3 { "Der vollständige Text von Fassung \(conflict.current.number)" }
                        HTML.pre(.class("result-source")) { conflict.current.text }
                    }
                }
                HTML.form(.method("post"), .action(SiteURL.topicTeamResult(.value(teamID)).path), .class("stack")) {
                    Form.csrf(frame.visitor)
                    Form.errorSummary(errors, fields: [textSpec, noteSpec])
                    HTML.input(.type("hidden"), .name("grundlage"), .value(values["grundlage"]))
                    resultField(textSpec, values: values, error: errors["text"])
                    Form.field(noteSpec, values: values, error: errors["notiz"])
                    HTML.div(.class("actions")) {
                        HTML.button(.type("submit"), .class("button")) {
                            conflict.map { "Meine Fassung speichern (folgt auf Fassung \($0.current.number))" } ?? "Neue Fassung speichern"
                        }
                        HTML.a(.href(SiteURL.topicTeam(.value(teamID)).path)) { conflict == nil ? "Abbrechen" : "Meine Änderung verwerfen" }
                    }
                }
            }
        }
    }

    /// A tall text field; the board's short ones do not fit a text of several pages.
    private static func resultField(_ spec: FieldSpec, values: FormValues, error: String?) -> HTML {
        .div(.class(error == nil ? "field" : "field field--error")) {
            HTML.label(.for("feld-text")) {
                spec.label; HTML.span(.class("field__required")) { " (Pflichtfeld)" }
            }
            HTML.p(.class("field__hint"), .id("feld-text-hinweis")) { BoardView.formatHint }
            if let error { HTML.p(.class("field__error"), .id("feld-text-fehler")) { error } }
            HTML.element(
                "textarea",
                [
                    .id("feld-text"), .name("text"), .required, .rows(18), .ariaInvalid(error != nil),
                    .ariaDescribedBy("feld-text-hinweis" + (error == nil ? "" : " feld-text-fehler")),
                ], .text(values["text"]))
        }
    }

    /// Removed words struck through, added ones underlined, each also named for screen readers.
    static func differenceBlock(_ difference: WordDifference) -> HTML {
        .div(.class("diff")) {
            difference.changes.map { change in
                switch change {
                case .kept(let text): HTML.text(text)
                case .removed(let text):
                    HTML.element(
                        "del", [],
                        .fragment {
                            HTML.span(.class("visually-hidden")) { "[entfernt: " }; HTML.text(text); HTML.span(.class("visually-hidden")) { "]" }
                        })
                case .added(let text):
                    HTML.element(
                        "ins", [],
                        .fragment {
                            HTML.span(.class("visually-hidden")) { "[hinzugefügt: " }; HTML.text(text); HTML.span(.class("visually-hidden")) { "]" }
                        })
                }
            }
        }
    }

    static func versions(teamID: UUID, question: String, versions: [TopicTeamPage.Version], comparison: Comparison?, frame: PageFrame) -> HTML {
        let choices = versions.map {
            FieldSpec.Choice(value: String($0.number), label: "Fassung \($0.number) (\($0.author), \(BerlinTime.dateTime($0.createdAt)))")
        }
        let defaults = FormValues([
            "von": comparison.map { String($0.old.number) } ?? String(max((versions.first?.number ?? 1) - 1, 1)),
            "bis": comparison.map { String($0.new.number) } ?? String(versions.first?.number ?? 1),
        ])
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.topicTeam(.value(teamID)).path)) { "Team: " + question } }
            HTML.h1 { "Fassungen des Ergebnisses" }
            if versions.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Fassung." }
            } else {
                HTML.form(.method("get"), .action(SiteURL.topicTeamVersions(.value(teamID)).path), .class("filters")) {
                    HTML.div(.class("filters__fields")) {
                        Form.fields(
                            [
                                FieldSpec(name: "von", label: "Ältere Fassung", kind: .select(choices, emptyLabel: nil)),
                                FieldSpec(name: "bis", label: "Neuere Fassung", kind: .select(choices, emptyLabel: nil)),
                            ], values: defaults, errors: FieldErrors())
                    }
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Vergleichen" } }
                }
                if let comparison {
                    HTML.section(.ariaLabelledBy("vergleich")) {
                        HTML.h2(.id("vergleich")) { "Fassung \(comparison.old.number) → Fassung \(comparison.new.number)" }
                        let counts = comparison.difference.counts
                        HTML.p(.class("muted")) {
                            "\(counts.removed) Wörter entfernt, \(counts.added) hinzugefügt. Entferntes ist durchgestrichen, Hinzugefügtes unterstrichen."
                        }
                        differenceBlock(comparison.difference)
                    }
                }
                HTML.h2(.id("liste")) { "Alle Fassungen" }
                HTML.table {
                    HTML.caption(.class("visually-hidden")) { "Fassungen, die neueste zuerst" }
                    HTML.thead {
                        HTML.tr {
                            HTML.th(.scope("col")) { "Fassung" }
                            HTML.th(.scope("col")) { "Von" }
                            HTML.th(.scope("col")) { "Gespeichert" }
                            HTML.th(.scope("col")) { "Änderung" }
                        }
                    }
                    HTML.tbody {
                        versions.map { version in
                            HTML.tr {
                                HTML.td { String(version.number) }
                                HTML.td { version.author }
                                HTML.td { BerlinTime.dateTime(version.createdAt) }
                                HTML.td { version.note }
                            }
                        }
                    }
                }
            }
        }
    }
}
