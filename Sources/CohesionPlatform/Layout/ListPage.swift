import Foundation
import SQLKit

/// Which page of a long list of people is shown, and what it is searched for (`suche`, `seite`).
/// A hundred to a page: enough to scan, small enough to answer at once however large the list.
package struct ListPage: Codable, Sendable, Equatable {
    package static let size = 100

    /// Part of a name (or whatever the list searches); empty for everyone.
    package var search = ""
    /// From 1.
    package var number = 1

    package init() {}

    package init(query: [String: String]) {
        search = String((query["suche"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(LikePattern.maxQueryLength))
        number = min(max(query["seite"].flatMap { Int($0) } ?? 1, 1), 1_000_000)
    }

    package var offset: Int { (number - 1) * Self.size }

    /// The search as query items, for links that keep it.
    package var searchItems: [URLQueryItem] { search.isEmpty ? [] : [URLQueryItem(name: "suche", value: search)] }

    /// The rows of page `number` in a statement's order; nil: every row.
    package static func limit(page number: Int?) -> SQLQueryString {
        number.map { "LIMIT \(literal: size) OFFSET \(literal: ($0 - 1) * size)" } ?? ""
    }

    package static func pageItem(_ number: Int) -> URLQueryItem { URLQueryItem(name: "seite", value: String(number)) }
}
