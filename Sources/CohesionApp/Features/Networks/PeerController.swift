import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Kolleg*innen finden: the opt-in directory, suggestions with their reasons, and a message
/// through the outbox, so no one's address is shown.
struct PeerController {
    static let messageField = FieldSpec(
        name: "message", label: "Ihre Nachricht", kind: .textarea, required: true,
        hint: "Die Nachricht geht per E-Mail mit Ihrem Namen und Ihrer Adresse, damit man Ihnen antworten kann.")

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let directory = try await PeerDirectory.load(cache: req.cohesion.reports, on: req.sql)
        let listed = directory.people.contains { $0.userID == user.id }
        let me = directory.people.first { $0.userID == user.id }
        let view = PeerViews.page(
            listed: listed, me: me, suggestions: directory.suggestions(for: user.id), areaTitles: directory.areaTitles,
            frame: req.frame("Kolleg*innen finden", section: .myProgramme))
        return .html(view)
    }

    func setListing(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let join = req.formValues()["aufnehmen"] == "ja"
        try await req.db.transaction { db in
            try await PeerDirectoryEntry.query(on: db).filter(\.$user.$id == user.id).delete()
            if join {
                let entry = PeerDirectoryEntry()
                entry.$user.id = user.id
                entry.since = req.now
                try await entry.create(on: db)
            }
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.peers.path))
    }

    func messageForm(req: Request) async throws -> Response {
        let peer = try await listedPeer(req)
        return .html(PeerViews.message(peer: peer, values: FormValues(), errors: FieldErrors(), frame: req.frame("Nachricht", section: .myProgramme)))
    }

    func sendMessage(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let peer = try await listedPeer(req)
        let values = req.formValues()
        var errors = FieldErrors()
        let text = errors.require("message", values["message"], "eine Nachricht", maxLength: 3000, multiline: true)
        guard errors.isEmpty else {
            return .html(
                PeerViews.message(peer: peer, values: values, errors: errors, frame: req.frame("Nachricht", section: .myProgramme)),
                status: .unprocessableEntity)
        }
        guard let sender = try await User.find(user.id, on: req.db) else { throw AppError.notFound }
        let link = req.cohesion.config.absoluteURL(SiteURL.peers.path)
        try await Mailer.enqueue(
            to: peer.email, subject: "Cohesion: Nachricht von \(sender.name)",
            body: MailTexts.peerMessage(to: peer.name, from: sender.name, replyTo: sender.email, text: text, link: link),
            on: req.db)
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return req.redirect(to: Notice.sent.appended(to: SiteURL.peers.path))
    }

    /// The route's rule has made sure both are in the directory and the peer is someone else.
    private func listedPeer(_ req: Request) async throws -> User {
        guard let peer = try await User.find(try req.parameters.require(.person), on: req.db) else { throw AppError.notFound }
        return peer
    }
}

extension MailTexts {
    static func peerMessage(to name: String, from sender: String, replyTo: String, text: String, link: String) -> String {
        """
        Guten Tag \(name),

        \(sender) hat Sie über „Kolleg*innen finden“ in Cohesion gefunden und schreibt:

        \(text)

        Antworten Sie direkt an \(sender): \(replyTo)

        Sie bekommen diese Nachricht, weil Sie im Verzeichnis der Kolleg*innen stehen. Austragen können Sie sich jederzeit hier: \(link)

        Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
        """
    }
}
