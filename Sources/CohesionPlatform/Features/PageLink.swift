import Foundation

/// A shared page that features put links on, as they put sections on Mein Programm: the page
/// lists what the features declare, and names none of them.
package enum SharedPage: Sendable {
    /// Verwaltung, the start of the administration.
    case administration
    /// A programme's section on Verwaltung.
    case programme(UUID)
    /// An edition's page.
    case edition(UUID)
    /// A part's page for the lead.
    case part(UUID)
    /// Mein Konto, the signed-in person's own account page.
    case account
}

/// A link a feature puts on a shared page; links are shown by `order`, lowest first.
package struct PageLink: Sendable, Equatable {
    package let order: Int
    package let label: String
    package let path: String

    package init(order: Int, label: String, path: String) {
        self.order = order
        self.label = label
        self.path = path
    }
}

extension FeatureCatalog {
    /// Every link the features put on `page` for this person, in order.
    package func links(on page: SharedPage, for user: CurrentUser?) -> [PageLink] {
        guard let user else { return [] }
        return all.flatMap { $0.links(on: page, for: user) }.sorted { ($0.order, $0.label) < ($1.order, $1.label) }
    }
}
