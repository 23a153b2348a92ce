import Foundation

/// The values of a submitted form, as typed, kept to show them again next to any error.
/// Fields may repeat (checkbox groups), so every name holds a list.
struct FormValues: Sendable, Equatable {
    private(set) var values: [String: [String]] = [:]

    init() {}

    init(_ single: [String: String]) {
        values = single.mapValues { [$0] }
    }

    subscript(name: String) -> String {
        get { values[name]?.first ?? "" }
        set { values[name] = [newValue] }
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    mutating func set(_ name: String, all list: [String]) { values[name] = list }

    /// Parses `application/x-www-form-urlencoded` as browsers send it.
    init(urlEncoded body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (raw: Substring) in
                String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            guard !name.isEmpty else { continue }
            values[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
