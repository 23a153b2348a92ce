import CohesionCore
import CohesionPlatform
import Foundation

extension TopicTeamView {
    /// The team's documents and the form to add one, with a refused file's message.
    struct Upload: Sendable {
        let documents: [TopicTeamDocumentController.Listed]
        let maxMegabytes: Int
        let error: String?
    }

    static func documents(_ model: TopicTeamPage, upload: Upload, visitor: Visitor) -> HTML {
        .section(.ariaLabelledBy("dokumente")) {
            HTML.h2(.id("dokumente")) { "Dokumente" }
            if upload.documents.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Dokumente." }
            } else {
                HTML.ul {
                    upload.documents.map { document in
                        HTML.li {
                            HTML.a(.href(SiteURL.topicTeamDocument(.value(model.teamID), .value(document.id)).path)) { document.fileName }
                            " (\(MaterialViews.size(document.size)), \(document.erasedAt == nil ? document.uploader : "gelöschtes Konto"), "
                            BerlinTime.date(document.createdAt) + ")"
                            if document.uploadedBy == model.viewerID {
                                " "
                                HTML.form(
                                    .method("post"), .action(SiteURL.topicTeamDocumentDelete(.value(model.teamID), .value(document.id)).path),
                                    .class("inline-form")
                                ) {
                                    Form.csrf(visitor)
                                    HTML.button(.type("submit"), .class("button button--quiet")) {
                                        "Löschen"; HTML.span(.class("visually-hidden")) { " (\(document.fileName))" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            HTML.form(
                .method("post"), .action(SiteURL.topicTeamDocuments(.value(model.teamID)).path), .init("enctype", "multipart/form-data"),
                .class("stack")
            ) {
                Form.csrf(visitor)
                HTML.div(.class(upload.error == nil ? "field" : "field field--error")) {
                    HTML.label(.for("datei")) { "Dokument hinzufügen" }
                    HTML.p(.class("field__hint"), .id("datei-hinweis")) {
                        "Höchstens \(upload.maxMegabytes) MB; erlaubt sind \(UploadKind.accepted). Sichtbar für die Mitglieder des Teams."
                    }
                    if let error = upload.error {
                        HTML.p(.class("field__error"), .id("datei-fehler"), .role("alert")) {
                            HTML.span(.class("visually-hidden")) { "Fehler: " }; error
                        }
                    }
                    HTML.input(
                        .type("file"), .id("datei"), .name("datei"), .required, .ariaInvalid(upload.error != nil),
                        .ariaDescribedBy(upload.error == nil ? "datei-hinweis" : "datei-hinweis datei-fehler"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Hochladen" } }
            }
        }
    }
}
