import SQLKit

extension SQLRowDecoder {
    /// Reads snake_case columns into Swift's names: `edition_id` into `editionID`, `starts_on` into
    /// `startsOn`. SQLKit's own `convertFromSnakeCase` would want `editionId`; this keeps the
    /// project's spelling of identifiers.
    static let snakeCaseColumns = SQLRowDecoder(keyDecodingStrategy: .custom { path in
        SomeCodingKey(stringValue: snakeCase(path.last?.stringValue ?? ""))
    })

    /// "editionID" → "edition_id", "startsOn" → "starts_on", "id" → "id".
    static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                result.append("_")
            }
            result.append(Character(character.lowercased()))
            previous = character
        }
        return result
    }
}
