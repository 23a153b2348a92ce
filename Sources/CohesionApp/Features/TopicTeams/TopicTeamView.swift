import CohesionCore
import CohesionPlatform
import Foundation

/// The topic teams' pages. Every text written by people goes through `PostText`, never as markup.
enum TopicTeamView {
    struct ListedTeam: Sendable { let id: UUID; let question: String; let members: Int; let finished: Bool; let isMember: Bool }

    static let proposalFields = [
        FieldSpec(name: "frage", label: "Frage des Teams", required: true, hint: "Eine praktische Frage, zum Beispiel „Wie gelingt eine Netzwerkrunde?“"),
        FieldSpec(name: "beschreibung", label: "Worum es gehen soll", kind: .textarea, hint: BoardView.formatHint),
    ]

    static func list(_ teams: [ListedTeam], values: FormValues, errors: FieldErrors, visitor: Visitor, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.exchange.path)) { "Austausch" }
                " · "
                HTML.a(.href(SiteURL.portal.path)) { "Praxisportal" }
            }
            HTML.h1 { "Thementeams" }
            HTML.p(.class("lead")) {
                "Integrationsbeauftragte aus mehreren Kommunen arbeiten an einer praktischen Frage und schreiben ihr Ergebnis gemeinsam. "
                "Abgeschlossene Ergebnisse gehen ins Praxisportal, damit die Nächsten sie finden."
            }
            HTML.details(.class("card board__new"), errors.isEmpty ? nil : .open) {
                HTML.summary { "Ein Team vorschlagen" }
                HTML.form(.method("post"), .action(SiteURL.topicTeams.path), .class("stack")) {
                    Form.csrf(visitor)
                    Form.errorSummary(errors, fields: proposalFields)
                    Form.fields(proposalFields, values: values, errors: errors)
                    HTML.button(.type("submit"), .class("button")) { "Team anlegen" }
                }
            }
            HTML.h2(.id("teams")) { "Alle Teams" }
            if teams.isEmpty {
                HTML.p(.class("muted")) { "Noch kein Team. Schlagen Sie das erste vor." }
            } else {
                HTML.ul(.class("cards"), .ariaLabelledBy("teams")) {
                    teams.map { team in
                        HTML.li(.class("card")) {
                            HTML.h3 { HTML.a(.href(SiteURL.topicTeam(.value(team.id)).path)) { team.question } }
                            HTML.p(.class("muted")) {
                                team.members == 1 ? "1 Mitglied" : "\(team.members) Mitglieder"
                                if team.isMember { " · Sie sind Mitglied" }
                                if team.finished { " · Ergebnis abgeschlossen" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func team(
        _ model: TopicTeamPage, article: PortalArticleLookup.Link?, upload: Upload, form: TopicTeamController.FormState?, visitor: Visitor,
        frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.exchange.path)) { "Austausch" }
                " · "
                HTML.a(.href(SiteURL.topicTeams.path)) { "Thementeams" }
            }
            HTML.h1 { model.question }
            HTML.p(.class("muted")) {
                "Vorgeschlagen von \(model.proposedBy) am \(BerlinTime.date(model.createdAt)) · "
                model.memberCount == 1 ? "1 Mitglied" : "\(model.memberCount) Mitglieder"
            }
            if !model.description.isEmpty { HTML.div(.class("post__body")) { PostText.html(model.description) } }
            membership(model, visitor: visitor)
            if model.viewerIsMember {
                HTML.section(.ariaLabelledBy("mitglieder")) {
                    HTML.h2(.id("mitglieder")) { "Mitglieder" }
                    HTML.ul {
                        model.members.map { member in
                            HTML.li { member.name + (member.municipality.map { " – " + $0 } ?? "") }
                        }
                    }
                }
            }
            result(model, article: article, visitor: visitor)
            if model.viewerIsMember {
                documents(model, upload: upload, visitor: visitor)
                TopicTeamConversationView.render(model, form: form, visitor: visitor)
            }
        }
    }

    private static func membership(_ model: TopicTeamPage, visitor: Visitor) -> HTML {
        let joining = !model.viewerIsMember
        return .form(
            .method("post"), .action((joining ? SiteURL.topicTeamJoin(.value(model.teamID)) : SiteURL.topicTeamLeave(.value(model.teamID))).path),
            .class("actions")
        ) {
            Form.csrf(visitor)
            if joining {
                HTML.button(.type("submit"), .class("button")) { "Dem Team beitreten" }
                HTML.p(.class("muted")) { "Mitglieder sehen die Namen und Kommunen der anderen, das Gespräch und das Ergebnis mit allen Fassungen." }
            } else {
                HTML.button(.type("submit"), .class("button button--quiet")) { "Team verlassen" }
            }
        }
    }

    private static func result(_ model: TopicTeamPage, article: PortalArticleLookup.Link?, visitor: Visitor) -> HTML {
        .section(.ariaLabelledBy("ergebnis")) {
            HTML.h2(.id("ergebnis")) { "Ergebnis" }
            if let finished = model.finishedAt {
                HTML.p(.class("notice")) {
                    "Abgeschlossen am \(BerlinTime.date(finished))."
                    if let article {
                        " "
                        HTML.a(.href(SiteURL.portalArticle(.value(article.id)).path)) { "Im Praxisportal: " + article.title }
                    }
                }
            }
            if let current = model.current {
                HTML.p(.class("post__meta")) {
                    "Fassung \(current.number) von \(current.author), "
                    HTML.time(.datetime(current.createdAt.formatted(.iso8601))) { BerlinTime.dateTime(current.createdAt) }
                }
                HTML.div(.class("post__body result")) { PostText.html(current.text) }
            } else if model.viewerIsMember {
                HTML.p(.class("muted")) { "Noch kein Text. Beginnen Sie die erste Fassung." }
            } else {
                HTML.p(.class("muted")) { "Das Ergebnis lesen die Mitglieder, bis es abgeschlossen ist." }
            }
            if model.viewerIsMember {
                HTML.div(.class("actions")) {
                    if model.finishedAt == nil {
                        HTML.a(.class("button"), .href(SiteURL.topicTeamResult(.value(model.teamID)).path)) { "Ergebnis bearbeiten" }
                    }
                    if model.current != nil {
                        HTML.a(.href(SiteURL.topicTeamVersions(.value(model.teamID)).path)) { "Alle Fassungen und Vergleich" }
                    }
                }
                if model.finishedAt == nil, model.current != nil {
                    HTML.form(.method("post"), .action(SiteURL.topicTeamFinish(.value(model.teamID)).path), .class("actions")) {
                        Form.csrf(visitor)
                        HTML.button(.type("submit"), .class("button button--quiet")) { "Ergebnis abschließen" }
                        HTML.p(.class("muted")) { "Danach wird es nicht mehr bearbeitet und kann ins Praxisportal." }
                    }
                }
                if model.finishedAt != nil, article == nil {
                    HTML.p {
                        HTML.a(.class("button"), .href(SiteURL.portalFromTeam(.value(model.teamID)).path)) { "Im Praxisportal veröffentlichen" }
                    }
                }
            }
        }
    }
}
