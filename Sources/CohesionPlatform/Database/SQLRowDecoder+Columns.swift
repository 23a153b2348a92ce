import SQLKit

extension SQLRowDecoder {
    /// Reads snake_case columns into Swift's names: `edition_id` into `editionID`, `starts_on` into
    /// `startsOn`. SQLKit's own `convertFromSnakeCase` would want `editionId`; this keeps the
    /// project's spelling of identifiers.
    package static let snakeCaseColumns = SQLRowDecoder(
        keyDecodingStrategy: .custom { path in
            SomeCodingKey(stringValue: snakeCase(path.last?.stringValue ?? ""))
        })

    /// "editionID" → "edition_id", "startsOn" → "starts_on", "id" → "id". Runs for every column
    /// of every row, so it works on the ASCII bytes Swift property names are made of (Unicode
    /// case properties cost about 5 % of a page with many rows in a profile).
    package static func snakeCase(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 4)
        var previous: UInt8 = 0
        for byte in name.utf8 {
            let isUpper = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            if isUpper, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(previous) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(previous) {
                bytes.append(UInt8(ascii: "_"))
            }
            bytes.append(isUpper ? byte + 32 : byte)
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A row read twice: once as `Row`, once for a column a statement adds to it (a rank, the group it
/// belongs to), so the row's type need not know the column.
package struct RowWith<Extra: Decodable, Row: Decodable>: Decodable {
    package let extra: Extra
    package let row: Row

    package init(from decoder: any Decoder) throws {
        extra = try Extra(from: decoder)
        row = try Row(from: decoder)
    }
}
