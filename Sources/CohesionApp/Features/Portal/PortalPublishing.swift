import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Checking a publishing form and writing an article with its authors, tags and index entry in
/// one transaction: an article is never in the portal without being findable, or the reverse.
enum PortalPublishing {
    struct Draft: Sendable {
        let title: String
        let summary: String
        let tags: [(PortalTagKind, String)]
        let publicConsent: Bool
    }

    static func check(_ values: FormValues, tags: PortalTags, needsConsent: Bool) -> Checked<Draft> {
        var errors = FieldErrors()
        let title = errors.require("titel", values["titel"], "einen Titel", maxLength: 200)
        let summary = errors.require("zusammenfassung", values["zusammenfassung"], "eine kurze Zusammenfassung", maxLength: 600, multiline: true)
        var chosen: [(PortalTagKind, String)] = []
        for kind in PortalTagKind.allCases {
            let allowed = Set(tags.choices(kind).map(\.value))
            let values = Set(values.all(PortalTags.field(kind)))
            if !values.isSubset(of: allowed) {
                errors.add(PortalTags.field(kind), "Bitte nur Einträge aus der Liste wählen.")
            }
            chosen += values.intersection(allowed).sorted().map { (kind, $0) }
        }
        if !chosen.contains(where: { $0.0 == .area }) {
            errors.add(PortalTags.field(.area), "Bitte mindestens einen Kompetenzbereich wählen, damit der Beitrag gefunden wird.")
        }
        if needsConsent && values["einverstanden"] != "ja" {
            errors.add("einverstanden", "Ohne Ihr Einverständnis erscheint das Praxisprojekt nicht im Portal.")
        }
        guard errors.isEmpty else { return .invalid(errors) }
        return .valid(Draft(title: title, summary: summary, tags: chosen, publicConsent: values["oeffentlich"] == "ja"))
    }

    /// Writes the article; `authors` are asked for public consent one by one, except the publisher,
    /// whose answer is in the draft.
    static func publish(
        _ draft: Draft, body: String, source: PortalSource, teamID: UUID?, practiceProjectID: UUID?, authors: [UUID], by publisher: UUID, at now: Date,
        on db: any Database
    ) async throws -> UUID {
        let article = PortalArticle(title: draft.title, summary: draft.summary, body: body, source: source, publishedBy: publisher, at: now)
        article.$team.id = teamID
        article.$practiceProject.id = practiceProjectID
        try await db.transaction { db in
            try await article.create(on: db)
            let articleID = try article.requireID()
            for author in authors {
                try await PortalArticleAuthor(articleID: articleID, userID: author, publicConsent: author == publisher && draft.publicConsent).create(on: db)
            }
            for (kind, value) in draft.tags {
                try await PortalArticleTag(articleID: articleID, kind: kind, value: value).create(on: db)
            }
            guard let sql = db as? any SQLDatabase else { return }
            try await PortalIndex.write(articleID: articleID, title: draft.title, summary: draft.summary, body: body, on: sql)
        }
        return try article.requireID()
    }

    /// Takes an article out of the portal and out of the index, together.
    static func withdraw(_ articleID: UUID, on db: any Database) async throws {
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            try await PortalIndex.remove(articleID: articleID, on: sql)
            try await PortalArticle.query(on: db).filter(\.$id == articleID).delete()
        }
    }
}
