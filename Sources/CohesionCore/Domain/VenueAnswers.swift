/// What the venue needs to know about a participant: a night's stay, food, access, photos.
public enum Diet: String, CaseIterable, Sendable, Codable {
    case none, vegetarian, vegan, halal, glutenFree, lactoseFree, other

    public var label: String {
        switch self {
        case .none: "keine Besonderheiten"
        case .vegetarian: "vegetarisch"
        case .vegan: "vegan"
        case .halal: "halal"
        case .glutenFree: "glutenfrei"
        case .lactoseFree: "laktosefrei"
        case .other: "andere (bitte angeben)"
        }
    }
}

public struct VenueAnswers: Sendable, Equatable {
    public var overnight: Bool
    public var diet: Diet
    public var dietNote: String
    public var accessibility: String
    public var photoConsent: Bool

    public init(overnight: Bool, diet: Diet, dietNote: String, accessibility: String, photoConsent: Bool) {
        self.overnight = overnight
        self.diet = diet
        self.dietNote = dietNote
        self.accessibility = accessibility
        self.photoConsent = photoConsent
    }

    /// Checks what was typed: `overnight` and `photos` are "ja" or "nein", the rest as on the form.
    public static func check(
        overnight: String, diet: String, dietNote: String, accessibility: String,
        photos: String
    ) -> Checked<VenueAnswers> {
        var errors = FieldErrors()
        if !["ja", "nein"].contains(overnight) { errors.add("overnight", "Bitte angeben, ob Sie übernachten.") }
        let chosenDiet = Diet(rawValue: diet)
        if chosenDiet == nil { errors.add("diet", "Bitte die Verpflegung wählen.") }
        let note = errors.optional("dietNote", dietNote, maxLength: 300)
        if chosenDiet == .other && note.isEmpty { errors.add("dietNote", "Bitte angeben, welche Verpflegung Sie brauchen.") }
        let access = errors.optional("accessibility", accessibility, maxLength: 1000, multiline: true)
        if !["ja", "nein"].contains(photos) { errors.add("photos", "Bitte angeben, ob Fotos von Ihnen gemacht werden dürfen.") }
        guard errors.isEmpty, let chosenDiet else { return .invalid(errors) }
        return .valid(
            VenueAnswers(
                overnight: overnight == "ja", diet: chosenDiet, dietNote: chosenDiet == .other ? note : "",
                accessibility: access, photoConsent: photos == "ja"))
    }
}
