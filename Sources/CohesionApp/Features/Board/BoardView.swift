import CohesionCore
import CohesionPlatform
import Foundation

/// `/austausch/durchlaeufe/{id}/forum`: threads with their answers, one form for a new thread and
/// one per thread for an answer. Every text goes through `PostText`, never as markup.
enum BoardView {
    static let formatHint =
        "Absätze mit einer Leerzeile; Listen mit „- “ am Zeilenanfang; *kursiv*, **fett**; Links als https://… oder [Text](https://…)."

    static func render(_ model: BoardPage, form: BoardController.FormState?, hiding: Bool, visitor: Visitor, frame: PageFrame) -> HTML {
        let newThread = form?.replyTo == nil ? form : nil
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.exchange.path)) { "Austausch" }
                " · "
                HTML.a(.href(SiteURL.notificationChoices.path)) { "Benachrichtigungen einstellen" }
            }
            HTML.h1 { "Forum: " + model.editionTitle }
            HTML.p(.class("lead")) {
                "Ankündigungen der Programmleitung, Fragen und Antworten zwischen den Teilen. Lesen und schreiben können die Teilnehmer*innen dieses Durchlaufs, "
                "die Referent*innen, die in ihm lehren, und die Programmleitung."
            }
            threadForm(model, form: newThread, visitor: visitor)
            HTML.h2(.id("themen")) { "Themen" }
            if model.threads.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Beiträge. Stellen Sie die erste Frage." }
            } else {
                HTML.ol(.class("board"), .ariaLabelledBy("themen")) {
                    model.threads.map { thread in
                        HTML.li { self.thread(thread, model: model, form: form?.replyTo == thread.post.id ? form : nil, hiding: hiding, visitor: visitor) }
                    }
                }
            }
        }
    }

    private static func threadForm(_ model: BoardPage, form: BoardController.FormState?, visitor: Visitor) -> HTML {
        var specs: [FieldSpec] = []
        if model.viewerIsLead {
            specs.append(
                FieldSpec(
                    name: "art", label: "Art",
                    kind: .select([BoardPostKind.announcement, .question].map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: nil),
                    required: true))
        }
        specs += [
            FieldSpec(name: "titel", label: "Titel", required: true),
            FieldSpec(name: "text", label: "Text", kind: .textarea, required: true, hint: formatHint),
        ]
        let values = form?.values ?? FormValues(["art": BoardPostKind.question.rawValue])
        let errors = form?.errors ?? FieldErrors()
        return .details(.class("card board__new"), errors.isEmpty ? nil : .open) {
            HTML.summary { model.viewerIsLead ? "Neue Ankündigung oder Frage" : "Neue Frage stellen" }
            HTML.form(.method("post"), .action(SiteURL.board(.value(model.editionID)).path), .class("stack")) {
                Form.csrf(visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Veröffentlichen" }
            }
        }
    }

    private static func thread(
        _ thread: BoardPage.Thread, model: BoardPage, form: BoardController.FormState?, hiding: Bool, visitor: Visitor
    ) -> HTML {
        .article(.class("post post--\(thread.post.kind.rawValue)"), .id("beitrag-" + thread.post.id.uuidString.lowercased())) {
            HTML.h3(.class("post__title")) {
                thread.post.isRemoved ? "Gelöschter Beitrag" : thread.post.title
            }
            entry(thread.post, model: model, hiding: hiding && form != nil, form: form, visitor: visitor)
            if !thread.answers.isEmpty {
                HTML.ol(.class("post__answers"), .ariaLabel("Antworten")) {
                    thread.answers.map { answer in
                        HTML.li {
                            HTML.article(.class("post post--antwort"), .id("beitrag-" + answer.id.uuidString.lowercased())) {
                                entry(answer, model: model, hiding: false, form: nil, visitor: visitor)
                            }
                        }
                    }
                }
            }
            if !thread.post.isRemoved && thread.post.hiddenAt == nil { replyForm(thread.post, model: model, form: hiding ? nil : form, visitor: visitor) }
        }
    }

    private static func entry(_ entry: BoardPage.Entry, model: BoardPage, hiding: Bool, form: BoardController.FormState?, visitor: Visitor) -> HTML {
        .fragment {
            HTML.p(.class("post__meta")) {
                HTML.strong { entry.kind.label }
                " von "
                HTML.span(.class("post__author")) { entry.shownAuthor }
                " · "
                HTML.time(.datetime(entry.createdAt.formatted(.iso8601))) { BerlinTime.dateTime(entry.createdAt) }
                if let edited = entry.editedAt, entry.deletedAt == nil { " · bearbeitet " + BerlinTime.dateTime(edited) }
            }
            if entry.isRemoved {
                HTML.p(.class("post__marker")) { "Dieser Beitrag wurde von der Verfasser*in gelöscht." }
            } else {
                if entry.hiddenAt != nil {
                    HTML.p(.class("post__marker")) {
                        "Von der Programmleitung ausgeblendet."
                        if model.viewerIsLead || entry.authorID == model.viewerID { " Grund: " + entry.hiddenReason }
                    }
                }
                if model.showsText(entry) { HTML.div(.class("post__body")) { PostText.html(entry.body) } }
                actions(entry, model: model, hiding: hiding, form: form, visitor: visitor)
            }
        }
    }

    private static func actions(_ entry: BoardPage.Entry, model: BoardPage, hiding: Bool, form: BoardController.FormState?, visitor: Visitor) -> HTML {
        let own = entry.authorID == model.viewerID && entry.hiddenAt == nil
        let mayHide = model.viewerIsLead && entry.hiddenAt == nil
        guard own || mayHide else { return .empty }
        let label = entry.parentID == nil ? "Thema" : "Antwort"
        return .div(.class("post__actions")) {
            if own {
                HTML.a(.href(SiteURL.boardEdit(.value(model.editionID), .value(entry.id)).path)) {
                    "Bearbeiten"; HTML.span(.class("visually-hidden")) { " (\(label) vom \(BerlinTime.dateTime(entry.createdAt)))" }
                }
                HTML.form(.method("post"), .action(SiteURL.boardDelete(.value(model.editionID), .value(entry.id)).path), .class("inline-form")) {
                    Form.csrf(visitor)
                    HTML.button(.type("submit"), .class("button button--quiet")) {
                        "Löschen"; HTML.span(.class("visually-hidden")) { " (\(label) vom \(BerlinTime.dateTime(entry.createdAt)))" }
                    }
                }
            }
            if mayHide { hideForm(entry, model: model, open: hiding, form: form, visitor: visitor) }
        }
    }

    private static func hideForm(_ entry: BoardPage.Entry, model: BoardPage, open: Bool, form: BoardController.FormState?, visitor: Visitor) -> HTML {
        let errors = open ? form?.errors ?? FieldErrors() : FieldErrors()
        // One per post: the field's id carries the post's.
        let spec = FieldSpec(name: "grund", label: "Grund (steht im Protokoll)", required: true, id: "grund-" + entry.id.uuidString.lowercased())
        return .details(.class("post__hide"), open ? .open : nil) {
            HTML.summary {
                "Ausblenden"; HTML.span(.class("visually-hidden")) { " (Beitrag vom \(BerlinTime.dateTime(entry.createdAt)))" }
            }
            HTML.form(.method("post"), .action(SiteURL.boardHide(.value(model.editionID), .value(entry.id)).path), .class("stack")) {
                Form.csrf(visitor)
                Form.field(spec, values: open ? form?.values ?? FormValues() : FormValues(), error: errors["grund"])
                HTML.button(.type("submit"), .class("button button--quiet")) { "Beitrag ausblenden" }
            }
        }
    }

    private static func replyForm(_ post: BoardPage.Entry, model: BoardPage, form: BoardController.FormState?, visitor: Visitor) -> HTML {
        let errors = form?.errors ?? FieldErrors()
        let id = post.id.uuidString.lowercased()
        return .details(.class("post__reply"), errors.isEmpty ? nil : .open) {
            HTML.summary {
                "Antworten"; HTML.span(.class("visually-hidden")) { " auf „\(post.title)“" }
            }
            HTML.form(.method("post"), .action(SiteURL.boardReply(.value(model.editionID), .value(post.id)).path), .class("stack")) {
                Form.csrf(visitor)
                HTML.div(.class(errors["text"] == nil ? "field" : "field field--error")) {
                    HTML.label(.for("antwort-" + id)) {
                        "Ihre Antwort"; HTML.span(.class("field__required")) { " (Pflichtfeld)" }
                    }
                    HTML.p(.class("field__hint"), .id("antwort-\(id)-hinweis")) { formatHint }
                    if let error = errors["text"] { HTML.p(.class("field__error"), .id("antwort-\(id)-fehler")) { error } }
                    HTML.element(
                        "textarea",
                        [
                            .id("antwort-" + id), .name("text"), .required, .rows(4), .ariaInvalid(errors["text"] != nil),
                            .ariaDescribedBy("antwort-\(id)-hinweis" + (errors["text"] == nil ? "" : " antwort-\(id)-fehler")),
                        ], .text(form?.values["text"] ?? ""))
                }
                HTML.button(.type("submit"), .class("button")) { "Antwort veröffentlichen" }
            }
        }
    }

    static func edit(editionID: UUID, editionTitle: String, postID: UUID, isThread: Bool, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        var specs: [FieldSpec] = []
        if isThread { specs.append(FieldSpec(name: "titel", label: "Titel", required: true)) }
        specs.append(FieldSpec(name: "text", label: "Text", kind: .textarea, required: true, hint: formatHint))
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.board(.value(editionID)).path)) { "Forum: " + editionTitle } }
            HTML.h1 { "Beitrag bearbeiten" }
            HTML.form(.method("post"), .action(SiteURL.boardEdit(.value(editionID), .value(postID)).path), .class("stack")) {
                Form.csrf(frame.visitor)
                Form.errorSummary(errors, fields: specs)
                Form.fields(specs, values: values, errors: errors)
                HTML.button(.type("submit"), .class("button")) { "Speichern" }
            }
        }
    }
}

extension BoardView {
    /// On Mein Programm: the person's boards with what is new.
    static func myProgrammeCard(_ boards: [ExchangeOverview.Board]) -> HTML {
        .section(.class("card"), .ariaLabelledBy("forum")) {
            HTML.h2(.id("forum")) { "Forum und Mittagsrunden" }
            HTML.ul {
                boards.map { board in
                    HTML.li {
                        HTML.a(.href(SiteURL.board(.value(board.editionID)).path)) { "Forum: " + board.title }
                        board.unseen > 0 ? " – " + counted(board.unseen, "neuer Beitrag", "neue Beiträge") : ""
                    }
                }
                HTML.li { HTML.a(.href(SiteURL.lunchSeries.path)) { "Offene Mittagsrunden" } }
            }
        }
    }
}
