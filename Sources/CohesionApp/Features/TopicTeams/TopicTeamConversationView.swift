import CohesionCore
import CohesionPlatform
import Foundation

/// A team's conversation on its page: a form for a new topic, the topics newest first, answers below.
enum TopicTeamConversationView {
    static func render(_ model: TopicTeamPage, form: TopicTeamController.FormState?, visitor: Visitor) -> HTML {
        let replyTo = form.flatMap { UUID(uuidString: $0.values["antwort_auf"]) }
        let spec = FieldSpec(name: "text", label: "Neues Thema", kind: .textarea, required: true, hint: BoardView.formatHint)
        return .section(.ariaLabelledBy("gespraech")) {
            HTML.h2(.id("gespraech")) { "Gespräch" }
            HTML.details(.class("card board__new"), form != nil && replyTo == nil ? .open : nil) {
                HTML.summary { "Ein Thema beginnen" }
                HTML.form(.method("post"), .action(SiteURL.topicTeamPosts(.value(model.teamID)).path), .class("stack")) {
                    Form.csrf(visitor)
                    let errors = replyTo == nil ? form?.errors ?? FieldErrors() : FieldErrors()
                    Form.errorSummary(errors, fields: [spec])
                    Form.field(spec, values: replyTo == nil ? form?.values ?? FormValues() : FormValues(), error: errors["text"])
                    HTML.button(.type("submit"), .class("button")) { "Veröffentlichen" }
                }
            }
            if model.threads.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Beiträge." }
            } else {
                HTML.ol(.class("board"), .ariaLabel("Themen")) {
                    model.threads.map { thread in
                        HTML.li {
                            HTML.article(.class("post"), .id("beitrag-" + thread.post.id.uuidString.lowercased())) {
                                entry(thread.post)
                                if !thread.answers.isEmpty {
                                    HTML.ol(.class("post__answers"), .ariaLabel("Antworten")) {
                                        thread.answers.map { answer in
                                            HTML.li {
                                                HTML.article(.class("post"), .id("beitrag-" + answer.id.uuidString.lowercased())) { entry(answer) }
                                            }
                                        }
                                    }
                                }
                                if !thread.post.deleted {
                                    replyForm(thread.post, teamID: model.teamID, form: replyTo == thread.post.id ? form : nil, visitor: visitor)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func entry(_ post: TopicTeamPage.Post) -> HTML {
        .fragment {
            HTML.p(.class("post__meta")) {
                HTML.span(.class("post__author")) { post.author }
                " · "
                HTML.time(.datetime(post.createdAt.formatted(.iso8601))) { BerlinTime.dateTime(post.createdAt) }
            }
            if post.deleted {
                HTML.p(.class("post__marker")) { "Dieser Beitrag wurde gelöscht." }
            } else {
                HTML.div(.class("post__body")) { PostText.html(post.body) }
            }
        }
    }

    private static func replyForm(_ post: TopicTeamPage.Post, teamID: UUID, form: TopicTeamController.FormState?, visitor: Visitor) -> HTML {
        let id = post.id.uuidString.lowercased()
        let spec = FieldSpec(name: "text", label: "Ihre Antwort", kind: .textarea, required: true, id: "antwort-" + id)
        return .details(.class("post__reply"), form == nil ? nil : .open) {
            HTML.summary {
                "Antworten"; HTML.span(.class("visually-hidden")) { " auf den Beitrag von \(post.author) vom \(BerlinTime.dateTime(post.createdAt))" }
            }
            HTML.form(.method("post"), .action(SiteURL.topicTeamPosts(.value(teamID)).path), .class("stack")) {
                Form.csrf(visitor)
                HTML.input(.type("hidden"), .name("antwort_auf"), .value(id))
                Form.field(spec, values: form?.values ?? FormValues(), error: form?.errors["text"])
                HTML.button(.type("submit"), .class("button")) { "Antwort veröffentlichen" }
            }
        }
    }
}
