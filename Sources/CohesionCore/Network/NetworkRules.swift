import Foundation

/// An actor as typed into the form or a CSV row: name, kind, and optionally contact and note.
public struct ActorInput: Sendable, Equatable {
    public var name = ""
    public var kind = ""
    public var contact = ""
    public var note = ""

    public init(name: String = "", kind: String = "", contact: String = "", note: String = "") {
        self.name = name
        self.kind = kind
        self.contact = contact
        self.note = note
    }
}

public struct ActorValues: Sendable, Equatable {
    public let name: String
    public let kind: ActorKind
    public let contact: String
    public let note: String
}

extension ActorInput {
    /// `takenNames` are the participant's other actors: names identify actors in a ties file.
    public func check(takenNames: Set<String>) -> Checked<ActorValues> {
        var errors = FieldErrors()
        let name = errors.require("name", self.name, "einen Namen", maxLength: 120)
        if !name.isEmpty, takenNames.contains(name.lowercased()) {
            errors.add("name", "„\(name)“ steht schon in Ihrem Netzwerk; bitte einen unterscheidbaren Namen wählen.")
        }
        let kind = ActorKind(rawValue: self.kind) ?? ActorKind.allCases.first { $0.label.lowercased() == self.kind.lowercased() }
        if kind == nil { errors.add("kind", "Bitte die Art des Akteurs wählen.") }
        let contact = errors.optional("contact", self.contact, maxLength: 300)
        let note = errors.optional("note", self.note, maxLength: 1000, multiline: true)
        guard errors.isEmpty, let kind else { return .invalid(errors) }
        return .valid(ActorValues(name: name, kind: kind, contact: contact, note: note))
    }
}

/// A tie as typed: from the own office or an actor, to an actor, with kind, intensity and status.
public struct TieInput: Sendable, Equatable {
    /// Empty or "self" for the participant's own office, else an actor's id.
    public var from = ""
    public var to = ""
    public var kind = ""
    public var intensity = ""
    public var status = ""

    public init(from: String = "", to: String = "", kind: String = "", intensity: String = "", status: String = "") {
        self.from = from
        self.to = to
        self.kind = kind
        self.intensity = intensity
        self.status = status
    }

    public static let ownOffice = "self"
}

public struct TieValues: Sendable, Equatable {
    public let from: UUID?
    public let to: UUID
    public let kind: TieKind
    public let intensity: Int
    public let status: TieStatus
}

extension TieInput {
    /// `actors` are the participant's own actors: a tie joins only those, or them and the own office.
    public func check(actors: Set<UUID>) -> Checked<TieValues> {
        var errors = FieldErrors()
        let fromOffice = from.isEmpty || from == Self.ownOffice
        let fromActor = fromOffice ? nil : UUID(uuidString: from).flatMap { actors.contains($0) ? $0 : nil }
        if !fromOffice && fromActor == nil { errors.add("from", "Bitte wählen, von wem die Verbindung ausgeht.") }
        let toActor = UUID(uuidString: to).flatMap { actors.contains($0) ? $0 : nil }
        if toActor == nil { errors.add("to", "Bitte den Akteur wählen, zu dem die Verbindung führt.") }
        if let fromActor, fromActor == toActor { errors.add("to", "Eine Verbindung führt zu einem anderen Akteur.") }
        let kind = TieKind(rawValue: self.kind) ?? TieKind.allCases.first { $0.label.lowercased() == self.kind.lowercased() }
        if kind == nil { errors.add("kind", "Bitte die Art der Verbindung wählen.") }
        let intensity = Int(self.intensity.trimmingCharacters(in: .whitespaces)).flatMap { (1...3).contains($0) ? $0 : nil }
        if intensity == nil { errors.add("intensity", "Bitte die Stärke wählen: 1 (lose) bis 3 (eng).") }
        let status = TieStatus(rawValue: self.status) ?? TieStatus.allCases.first { $0.label.lowercased() == self.status.lowercased() }
        if status == nil { errors.add("status", "Bitte wählen, ob die Verbindung besteht oder gewünscht ist.") }
        guard errors.isEmpty, let toActor, let kind, let intensity, let status else { return .invalid(errors) }
        return .valid(TieValues(from: fromActor, to: toActor, kind: kind, intensity: intensity, status: status))
    }
}
