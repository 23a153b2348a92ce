import Foundation

/// The values of a submitted form, as typed, kept to show them again next to any error.
/// Fields may repeat (checkbox groups), so every name holds a list.
package struct FormValues: Sendable, Equatable {
    package private(set) var values: [String: [String]] = [:]

    package init() {}

    package init(_ single: [String: String]) {
        values = single.mapValues { [$0] }
    }

    package subscript(name: String) -> String {
        get { values[name]?.first ?? "" }
        set { values[name] = [newValue] }
    }

    package func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The names of the submitted fields, sorted so that messages come in a stable order.
    package var names: [String] { values.keys.sorted() }

    package mutating func set(_ name: String, all list: [String]) { values[name] = list }

    /// Parses `application/x-www-form-urlencoded` as browsers send it. Bytes that are not UTF-8
    /// become U+FFFD instead of emptying the field, and control characters other than tab and line
    /// breaks are dropped: a NUL would be refused by PostgreSQL and shows nothing anywhere.
    package init(urlEncoded body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    package static func decode(_ raw: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = iterator.next()
                let low = iterator.next()
                if let high, let low, let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                    if let high { bytes.append(high) }
                    if let low { bytes.append(low) }
                }
            default: bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }
}
