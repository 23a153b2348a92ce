import CohesionCore
import CohesionPlatform
import Foundation

enum SurveyViews {
    /// On Mein Programm: the surveys waiting for the participant's answer.
    static func openRequests(_ surveys: [SurveyAccess.Info]) -> HTML {
        .section(.class("card"), .ariaLabelledBy("feedback")) {
            HTML.h2(.id("feedback")) { "Ihre Rückmeldung ist gefragt" }
            HTML.ul {
                surveys.map { survey in
                    HTML.li {
                        HTML.a(.href(SiteURL.survey(.value(survey.id)).path)) { survey.title }; " – " + survey.target
                    }
                }
            }
        }
    }

    static func form(_ info: SurveyAccess.Info, questions: [SurveyQuestionSpec], values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.myProgramme.path)) { "Mein Programm" } }
            HTML.h1 { info.title }
            HTML.p(.class("lead")) {
                "Rückmeldung zu " + info.target + ". Alle Fragen sind freiwillig. "
                info.anonymous
                    ? "Ihre Antworten werden ohne Ihren Namen gespeichert; ausgewertet wird erst ab fünf Rückmeldungen."
                    : "Ihre Antworten werden mit Ihrem Namen gespeichert."
            }
            if !errors.isEmpty {
                HTML.div(.class("error-summary"), .role("alert")) { HTML.h2 { "Bitte prüfen Sie Ihre Eingaben" } }
            }
            HTML.form(.method("post"), .action(SiteURL.survey(.value(info.id)).path), .class("stack survey")) {
                Form.csrf(frame.visitor)
                questions.enumerated().map { index, question in field(question, number: index + 1, values: values, error: errors["q-" + question.id.uuidString])
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Rückmeldung senden" } }
            }
        }
    }

    private static func field(_ question: SurveyQuestionSpec, number: Int, values: FormValues, error: String?) -> HTML {
        let name = "q-" + question.id.uuidString
        let label = "\(number). " + question.text
        switch question.kind {
        case .text:
            return Form.field(FieldSpec(name: name, label: label, kind: .textarea), values: values, error: error)
        case .scale:
            return choiceGroup(
                name: name, label: label, hint: "1 = gar nicht, 5 = voll und ganz",
                choices: (1...5).map { ("\($0)", "\($0)") }, type: "radio", values: values, error: error)
        case .single, .multiple:
            return choiceGroup(
                name: name, label: label, hint: question.kind == .multiple ? "Mehrere Antworten möglich." : nil,
                choices: question.options.enumerated().map { ("\($0.offset)", $0.element) },
                type: question.kind == .multiple ? "checkbox" : "radio", values: values, error: error)
        }
    }

    private static func choiceGroup(
        name: String, label: String, hint: String?, choices: [(String, String)], type: String,
        values: FormValues, error: String?
    ) -> HTML {
        .fieldset(.class(error == nil ? "field scale" : "field scale field--error")) {
            HTML.legend { label }
            if let hint { HTML.p(.class("field__hint")) { hint } }
            if let error {
                HTML.p(.class("field__error")) {
                    HTML.span(.class("visually-hidden")) { "Fehler: " }; error
                }
            }
            HTML.div(.class("scale__choices")) {
                choices.map { value, text in
                    let id = name + "-" + value
                    return HTML.div(.class("choice")) {
                        HTML.input(.type(type), .id(id), .name(name), .value(value), values.all(name).contains(value) ? .checked : nil)
                        HTML.label(.for(id)) { text }
                    }
                }
            }
        }
    }

    // MARK: - Report

    static func report(
        _ info: SurveyAccess.Info, questions: [SurveyQuestionSpec], responses: Int, answers: [UUID: [[String]]],
        rule: DisclosureRule, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { "Teil \(info.partNumber): \(info.partTitle)" }
            HTML.h1 { "Auswertung: " + info.title }
            HTML.p(.class("lead")) {
                info.target + " · \(responses) " + (responses == 1 ? "Rückmeldung" : "Rückmeldungen") + (info.anonymous ? " · anonym" : "")
            }
            if !rule.mayShow(groupOf: responses) {
                HTML.p(.class("status-box")) {
                    "Noch zu wenige Rückmeldungen: ausgewertet wird ab \(rule.minimumGroupSize), damit niemand an seinen Antworten erkannt werden kann."
                }
            } else {
                questions.enumerated().map { index, question in
                    HTML.section(.ariaLabelledBy("frage-\(index)")) {
                        HTML.h2(.id("frage-\(index)")) { "\(index + 1). " + question.text }
                        questionReport(question, answers: answers[question.id] ?? [], index: index)
                    }
                }
            }
        }
    }

    private static func questionReport(_ question: SurveyQuestionSpec, answers: [[String]], index: Int) -> HTML {
        if question.kind == .text {
            // Sorted by text, not by arrival, so the order tells nothing about who wrote what.
            let texts = answers.compactMap(\.first).sorted()
            return texts.isEmpty ? .p(.class("muted")) { "Keine Antworten." } : .ul(.class("free-texts")) { texts.map { text in HTML.li { text } } }
        }
        let distribution = SurveyRules.distribution(question, answers: answers)
        let scaleValues = question.kind == .scale ? answers.compactMap { $0.first.flatMap(Int.init) } : []
        return HTMLBuilder.buildBlock(
            question.kind == .scale && !scaleValues.isEmpty
                ? .p { "Mittelwert: " + germanDecimal(Double(scaleValues.reduce(0, +)) / Double(scaleValues.count)) + " (\(scaleValues.count) Antworten)" }
                : .empty,
            ChartBox.scrolling(labelledBy: "diagramm-\(index)-titel", BarChart.render(distribution, id: "diagramm-\(index)", title: question.text)),
            .table {
                HTML.thead { TableHeadings.row(["Antwort", "Anzahl"]) }
                HTML.tbody {
                    distribution.map { row in
                        HTML.tr {
                            HTML.td { row.label }; HTML.td(.class("number")) { "\(row.count)" }
                        }
                    }
                }
            }
        )
    }

    // MARK: - The lead's pages

    static func list(
        partID: UUID, partLabel: String, surveys: [(id: UUID, title: String, unit: String?, anonymous: Bool, opens: String, closes: String, responses: Int)],
        units: [(UUID, String)], values: FormValues, errors: FieldErrors, frame: PageFrame
    ) -> HTML {
        let fields = [
            FieldSpec(name: "title", label: "Titel", required: true, hint: "Zum Beispiel „Rückmeldung zur Einheit“."),
            FieldSpec(
                name: "target", label: "Bezieht sich auf",
                kind: .select(
                    units.map { .init(value: $0.0.uuidString, label: "Einheit: " + $0.1) },
                    emptyLabel: "den ganzen Teil")),
            FieldSpec(name: "anonymous", label: "Anonymität", kind: .checkboxes([.init(value: "ja", label: "Anonym (Antworten ohne Namen speichern)")])),
            FieldSpec(name: "opensOn", label: "Geöffnet ab", kind: .date, required: true),
            FieldSpec(name: "closesOn", label: "Geöffnet bis", kind: .date, required: true),
        ]
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(AdminURL.part(.value(partID)).path)) { partLabel } }
            HTML.h1 { "Feedbackbögen" }
            HTML.p { HTML.a(.href(SiteURL.partFeedback(.value(partID)).path)) { "Alle Bögen des Teils zusammen auswerten" } }
            if surveys.isEmpty {
                HTML.p(.class("muted")) { "Noch kein Feedbackbogen." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead {
                            HTML.tr {
                                ["Titel", "Bezieht sich auf", "Geöffnet"].map { TableHeadings.heading($0, numeric: false) }
                                TableHeadings.heading("Rückmeldungen", numeric: true)
                                TableHeadings.heading("Aktionen", numeric: false)
                            }
                        }
                        HTML.tbody {
                            surveys.map { survey in
                                HTML.tr {
                                    HTML.td { survey.title + (survey.anonymous ? " (anonym)" : "") }
                                    HTML.td { survey.unit ?? "ganzer Teil" }
                                    HTML.td {
                                        (CalendarDay(iso: survey.opens)?.german ?? survey.opens) + " – "
                                            + (CalendarDay(iso: survey.closes)?.german ?? survey.closes)
                                    }
                                    HTML.td(.class("number")) { "\(survey.responses)" }
                                    HTML.td {
                                        HTML.a(.href(AdminURL.survey(.value(survey.id)).path)) {
                                            "Fragen"; HTML.span(.class("visually-hidden")) { ": " + survey.title }
                                        }
                                        " · "
                                        HTML.a(.href(SiteURL.surveyReport(.value(survey.id)).path)) {
                                            "Auswertung"; HTML.span(.class("visually-hidden")) { ": " + survey.title }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            HTML.h2 { "Neuer Feedbackbogen" }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(AdminURL.surveys(.value(partID)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anlegen" } }
            }
        }
    }

    static func editor(
        _ info: SurveyAccess.Info, questions: [SurveyQuestionSpec], pending: Int, values: FormValues, errors: FieldErrors,
        frame: PageFrame
    ) -> HTML {
        let fields = [
            FieldSpec(
                name: "kind", label: "Art der Frage",
                kind: .select(
                    QuestionKind.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                    emptyLabel: "Bitte wählen"), required: true),
            FieldSpec(name: "text", label: "Frage", required: true),
            FieldSpec(name: "options", label: "Antworten (nur bei Auswahl)", kind: .textarea, hint: "Je Zeile eine Antwort."),
        ]
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(AdminURL.surveys(.value(info.partID)).path)) { "Feedbackbögen: Teil \(info.partNumber)" } }
            HTML.h1 { info.title }
            HTML.p(.class("lead")) { info.target + (info.anonymous ? " · anonym" : " · mit Namen") }
            if questions.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Fragen." }
            } else {
                HTML.ol { questions.map { question in HTML.li { question.text + " (" + question.kind.label + ")" } } }
            }
            HTML.h2 { "Frage hinzufügen" }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(AdminURL.surveyQuestions(.value(info.id)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Frage hinzufügen" } }
            }
            HTML.h2 { "Einladen" }
            HTML.p {
                "\(pending) " + (pending == 1 ? "Person hat" : "Personen haben")
                    + " teilgenommen und noch nicht geantwortet. Sie sehen den Bogen auf ihrer Startseite; eine E-Mail erinnert sie zusätzlich."
            }
            HTML.form(.method("post"), .action(AdminURL.surveyInvite(.value(info.id)).path)) {
                Form.csrf(frame.visitor)
                HTML.button(.type("submit"), .class("button button--quiet")) { "Per E-Mail einladen" }
            }
        }
    }
}

/// A horizontal bar chart as SVG, labelled for screen readers; the table beside it holds the numbers.
enum BarChart {
    static func render(_ rows: [(label: String, count: Int)], id: String, title: String) -> HTML {
        let maximum = max(1, rows.map(\.count).max() ?? 1)
        let rowHeight = 28
        let labelWidth = 220
        let barWidth = 360
        let height = rows.count * rowHeight + 8
        return .element(
            "svg",
            [
                .init("viewBox", "0 0 \(labelWidth + barWidth + 50) \(height)"), .init("width", "100%"), .role("img"),
                .ariaLabelledBy(id + "-titel"), .class("chart chart--bars"),
            ],
            HTMLBuilder.buildArray(
                [.element("title", [.id(id + "-titel")], .text("Verteilung der Antworten: " + title))]
                    + rows.enumerated().map { index, row in
                        let y = index * rowHeight + 4
                        let width = row.count * barWidth / maximum
                        return HTMLBuilder.buildBlock(
                            .element(
                                "text", [.init("x", "0"), .init("y", "\(y + 17)"), .init("font-size", "13"), .init("fill", "#1b1f24")],
                                .text(String(row.label.prefix(30)))),
                            .element(
                                "rect",
                                [
                                    .init("x", "\(labelWidth)"), .init("y", "\(y + 4)"), .init("width", "\(max(width, 1))"),
                                    .init("height", "18"), .init("fill", "#123a5e"),
                                ], .empty),
                            .element(
                                "text",
                                [
                                    .init("x", "\(labelWidth + max(width, 1) + 6)"), .init("y", "\(y + 17)"),
                                    .init("font-size", "13"), .init("fill", "#1b1f24"),
                                ], .text("\(row.count)"))
                        )
                    }))
    }
}
