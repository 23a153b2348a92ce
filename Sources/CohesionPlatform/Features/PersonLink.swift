/// A column that names a person, with what erasing that person does to its rows.
package struct PersonLink: Sendable {
    package enum Holds: Sendable {
        /// The account's id.
        case accountID
        /// The account's e-mail address (mails and sign-in attempts are kept by address).
        case email
    }

    package enum Erasure: Sendable, Equatable {
        /// The rows go.
        case delete
        /// The column becomes empty; the row stays as an anonymous one (a survey answer, an upload).
        case detach
        /// The rows stay with the anonymised account, so counts and before-and-after figures keep
        /// their cases; the named free-text columns are emptied.
        case keep(clearing: [String])
        /// The account itself: name and address replaced, password removed, locked.
        case anonymiseAccount
        /// The audit log: the person's name is replaced wherever it is written; the lines stay.
        case anonymiseAuditTrail
    }

    package let column: String
    package let holds: Holds
    package let erasure: Erasure

    package static func account(_ column: String, _ erasure: Erasure) -> PersonLink {
        PersonLink(column: column, holds: .accountID, erasure: erasure)
    }

    /// Rows kept by address go with the person.
    package static func email(_ column: String) -> PersonLink {
        PersonLink(column: column, holds: .email, erasure: .delete)
    }

    /// The rows belong to the person and go with them.
    package static let owner = PersonLink.account("user_id", .delete)
    /// The rows stay for the figures they feed, with the anonymised account.
    package static let counted = PersonLink.account("user_id", .keep(clearing: []))
}
