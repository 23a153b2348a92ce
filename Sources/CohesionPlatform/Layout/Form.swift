import CohesionCore
import Foundation

/// One field of a form: how it is asked for and shown.
package struct FieldSpec: Sendable {
    package enum Kind: Sendable {
        case text, email, password, textarea, number, date, time, month, url
        /// A drop-down; `emptyLabel` adds a first choice that means "none".
        case select([Choice], emptyLabel: String?)
        case checkboxes([Choice])
        /// One of a few choices, all visible: a group of radio buttons.
        case radios([Choice])
    }

    package struct Choice: Sendable {
        package let value: String
        package let label: String

        package init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    package let name: String
    package let label: String
    package var kind: Kind = .text
    package var required = false
    package var hint: String? = nil
    package var autocomplete: String? = nil
    /// The element's id where a page repeats a form (one per item): else `feld-<name>`.
    package var id: String? = nil

    package init(
        name: String, label: String, kind: Kind = .text, required: Bool = false, hint: String? = nil, autocomplete: String? = nil, id: String? = nil
    ) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
        self.autocomplete = autocomplete
        self.id = id
    }
}

/// Forms as the whole application draws them: labels above fields, hints and errors tied to
/// the field for screen readers, an error summary that links to each field.
package enum Form {
    package static func csrf(_ visitor: Visitor) -> HTML {
        .input(.type("hidden"), .name(CSRFMiddleware.field), .value(visitor.csrfToken ?? ""))
    }

    package static func errorSummary(_ errors: FieldErrors, fields: [FieldSpec]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let listed = fields.filter { errors[$0.name] != nil }
        return .div(.class("error-summary"), .role("alert"), .ariaLabelledBy("error-summary-title")) {
            HTML.h2(.id("error-summary-title")) { "Bitte prüfen Sie Ihre Eingaben" }
            HTML.ul {
                listed.map { field in
                    HTML.li { HTML.a(.href("#" + fieldID(field))) { field.label + ": " + (errors[field.name] ?? "") } }
                }
            }
        }
    }

    package static func fields(_ specs: [FieldSpec], values: FormValues, errors: FieldErrors) -> HTML {
        HTMLBuilder.buildArray(specs.map { field($0, values: values, error: errors[$0.name]) })
    }

    package static func fieldID(_ field: FieldSpec) -> String { field.id ?? "feld-" + field.name }

    package static func field(_ spec: FieldSpec, values: FormValues, error: String?) -> HTML {
        if case .checkboxes(let choices) = spec.kind {
            return checkboxes(spec, choices: choices, checked: Set(values.all(spec.name)), error: error)
        }
        if case .radios(let choices) = spec.kind {
            return radios(spec, choices: choices, checked: values[spec.name], error: error)
        }
        let id = fieldID(spec)
        let describedBy = [spec.hint.map { _ in id + "-hinweis" }, error.map { _ in id + "-fehler" }]
            .compactMap { $0 }.joined(separator: " ")
        let common: [Attribute?] = [
            .id(id), .name(spec.name), requiredAttribute(spec), .ariaInvalid(error != nil),
            describedBy.isEmpty ? nil : .ariaDescribedBy(describedBy),
            spec.autocomplete.map { .autocomplete($0) },
        ]
        return .div(.class(error == nil ? "field" : "field field--error")) {
            HTML.label(.for(id)) {
                spec.label
                if spec.required { HTML.span(.class("field__required")) { " (Pflichtfeld)" } }
            }
            if let hint = spec.hint { HTML.p(.class("field__hint"), .id(id + "-hinweis")) { hint } }
            if let error { errorLine(error, id: id + "-fehler") }
            control(spec, value: values[spec.name], attributes: common)
        }
    }

    /// `required`, except on a drop-down without an empty first choice: it always has a value, and
    /// HTML allows `required` there only with an empty first choice. Screen readers still hear it.
    private static func requiredAttribute(_ spec: FieldSpec) -> Attribute? {
        guard spec.required else { return nil }
        if case .select(_, emptyLabel: nil) = spec.kind { return .ariaRequired }
        return .required
    }

    private static func control(_ spec: FieldSpec, value: String, attributes: [Attribute?]) -> HTML {
        let attrs = attributes.compactMap { $0 }
        switch spec.kind {
        case .textarea:
            return .element("textarea", attrs + [.rows(5)], .text(value))
        case .select(let choices, let emptyLabel):
            var options: [HTML] = []
            if let emptyLabel { options.append(.option(.value(""), value.isEmpty ? .selected : nil) { emptyLabel }) }
            options += choices.map { choice in
                .option(.value(choice.value), choice.value == value ? .selected : nil) { choice.label }
            }
            return .element("select", attrs, HTMLBuilder.buildArray(options))
        default:
            let type: String =
                switch spec.kind {
                case .email: "email"
                case .password: "password"
                case .number: "number"
                case .date: "date"
                case .time: "time"
                case .month: "month"
                case .url: "url"
                default: "text"
                }
            // Passwords are never sent back into the page.
            let shown = spec.kind.isPassword ? "" : value
            return .void("input", attrs + [.type(type), .value(shown)])
        }
    }

    private static func checkboxes(_ spec: FieldSpec, choices: [FieldSpec.Choice], checked: Set<String>, error: String?) -> HTML {
        let id = fieldID(spec)
        return .fieldset(.class(error == nil ? "field checkboxes" : "field checkboxes field--error"), .id(id)) {
            HTML.legend { spec.label }
            if let hint = spec.hint { HTML.p(.class("field__hint")) { hint } }
            if let error { errorLine(error, id: id + "-fehler") }
            choices.enumerated().map { index, choice in
                let boxID = id + "-\(index)"
                return HTML.div(.class("checkbox")) {
                    HTML.input(
                        .type("checkbox"), .id(boxID), .name(spec.name), .value(choice.value),
                        checked.contains(choice.value) ? .checked : nil)
                    HTML.label(.for(boxID)) { choice.label }
                }
            }
        }
    }

    private static func radios(_ spec: FieldSpec, choices: [FieldSpec.Choice], checked: String, error: String?) -> HTML {
        let id = fieldID(spec)
        return .fieldset(.class(error == nil ? "field checkboxes" : "field checkboxes field--error"), .id(id)) {
            HTML.legend { spec.label }
            if let hint = spec.hint { HTML.p(.class("field__hint")) { hint } }
            if let error { errorLine(error, id: id + "-fehler") }
            choices.enumerated().map { index, choice in
                let optionID = id + "-\(index)"
                return HTML.div(.class("checkbox")) {
                    HTML.input(.type("radio"), .id(optionID), .name(spec.name), .value(choice.value), checked == choice.value ? .checked : nil)
                    HTML.label(.for(optionID)) { choice.label }
                }
            }
        }
    }

    private static func errorLine(_ message: String, id: String) -> HTML {
        .p(.class("field__error"), .id(id)) {
            HTML.span(.class("visually-hidden")) { "Fehler: " }
            message
        }
    }
}

extension FieldSpec.Kind {
    package var isPassword: Bool {
        if case .password = self { return true }
        return false
    }
}
