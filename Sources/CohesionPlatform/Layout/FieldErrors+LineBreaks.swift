import CohesionCore

extension FieldErrors {
    /// Refuses a line break in every field the form shows on one line: only text areas hold
    /// several lines. A browser never sends CR or LF from a one-line field, so one that arrives is
    /// hostile (a value that could end a mail header early) and is named at its field.
    package init(lineBreaksIn values: FormValues, fields: [FieldSpec]) {
        self.init()
        for field in fields where !field.kind.isMultiline {
            for value in values.all(field.name) { refuseLineBreak(field.name, value) }
        }
    }

    /// The same where a form has no list of fields: every submitted field but the named text areas.
    package init(lineBreaksIn values: FormValues, except multiline: Set<String>) {
        self.init()
        for name in values.names where !multiline.contains(name) {
            for value in values.all(name) { refuseLineBreak(name, value) }
        }
    }
}

extension FieldSpec.Kind {
    package var isMultiline: Bool {
        if case .textarea = self { return true }
        return false
    }
}
