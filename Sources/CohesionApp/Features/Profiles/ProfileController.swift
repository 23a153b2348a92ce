import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// A participant keeps their own profile; the lead sees all participants and edits any profile.
struct ProfileController {
    func showOwn(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await form(
            req, userID: user.id, name: user.name, action: SiteURL.profile.path, cancel: SiteURL.myProgramme.path,
            values: nil, errors: FieldErrors())
    }

    func saveOwn(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = req.formValues()
        let errors = try await Self.save(values, for: user.id, name: user.name, req: req)
        guard errors.isEmpty else {
            return try await form(
                req, userID: user.id, name: user.name, action: SiteURL.profile.path,
                cancel: SiteURL.myProgramme.path, values: values, errors: errors)
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.myProgramme.path))
    }

    func list(req: Request) async throws -> Response {
        let filter = ParticipantFilter(query: (try? req.query.decode([String: String].self)) ?? [:])
        let model = try await ParticipantList.query(filter, cache: req.cohesion.reports, on: req.sql)
        return .html(ParticipantListView.render(model, filter: filter, frame: req.frame("Teilnehmer*innen", section: .admin)))
    }

    /// The filtered list as a spreadsheet, sent a page at a time (`CSVDownload`).
    func export(req: Request) async throws -> Response {
        let filter = ParticipantFilter(query: (try? req.query.decode([String: String].self)) ?? [:])
        let byPart = filter.partID != nil
        let header =
            ["Name", "E-Mail", "Kommune", "Gemeindeschlüssel", "Art der Kommune", "Kreis", "Anbindung der Stelle", "Stellenanteil (%)"]
            + (byPart ? ["Anmeldung"] : [])
        return CSVDownload.response(fileName: "teilnehmende.csv", header: header, on: req.db) { db, sink in
            try await ParticipantList.export(filter, batch: CSVDownload.pageSize, on: db) { rows in
                for row in rows {
                    try await sink.append(
                        [
                            row.name, row.email, row.regionName ?? "", row.regionKey ?? "", row.regionKind ?? "", row.kreisName ?? "",
                            row.embedding.flatMap(Embedding.init(rawValue:))?.label ?? "", row.sharePercent.map(String.init) ?? "",
                        ] + (byPart ? [ParticipantListView.registrationLabel(row.registration)] : []))
                }
            }
        }
    }

    /// The profile and its audit line in one transaction; a form with errors stores neither.
    private static func save(_ values: FormValues, for userID: UUID, name: String, req: Request) async throws -> FieldErrors {
        struct Refused: Error { let errors: FieldErrors }
        let lineBreaks = FieldErrors(lineBreaksIn: values, except: [])  // the profile has no text area
        guard lineBreaks.isEmpty else { return lineBreaks }
        let today = BerlinTime.day(of: req.now)
        do {
            return try await Audit.recording(.person, "Profil von \(name) geändert", objectID: userID, by: req) { db in
                let errors = try await ProfileForm.save(values, for: userID, today: today, on: db)
                // Thrown so that the transaction, with the line written first, is rolled back.
                guard errors.isEmpty else { throw Refused(errors: errors) }
                return errors
            }
        } catch let refused as Refused {
            return refused.errors
        }
    }

    func showForLead(req: Request) async throws -> Response {
        let participant = try await participant(req)
        return try await form(
            req, userID: participant.id!, name: participant.name, action: AdminURL.profile(.value(participant.id!)).path,
            cancel: AdminURL.participants.path, values: nil, errors: FieldErrors())
    }

    func saveForLead(req: Request) async throws -> Response {
        let participant = try await participant(req)
        let values = req.formValues()
        let errors = try await Self.save(values, for: participant.id!, name: participant.name, req: req)
        guard errors.isEmpty else {
            return try await form(
                req, userID: participant.id!, name: participant.name, action: AdminURL.profile(.value(participant.id!)).path,
                cancel: AdminURL.participants.path, values: values, errors: errors)
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.participants.path))
    }

    /// Only participants have a profile: any other id is a page that does not exist.
    private func participant(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.parameters.require(.person), on: req.db), user.role == Role.participant else {
            throw AppError.notFound
        }
        return user
    }

    private func form(
        _ req: Request, userID: UUID, name: String, action: String, cancel: String,
        values: FormValues?, errors: FieldErrors
    ) async throws -> Response {
        let profile = try await Profile.query(on: req.db).filter(\.$user.$id == userID).first()
        var initial = ProfileForm.values(of: profile, regionName: nil)
        // Before the first save, the municipality from the invitation is already filled in.
        if profile == nil,
            let key = try await Invitation.query(on: req.db).filter(\.$user.$id == userID)
                .filter(\.$regionKey != nil).first()?.regionKey
        {
            initial["municipality"] = key
        }
        // The municipality as people know it, with Kreis and Land, not its key.
        if case .found(let region)? = try await initial["municipality"].isEmpty ? nil : RegionLookup.resolve(initial["municipality"], on: req.sql) {
            initial["municipality"] = region.label
        }
        let title = req.user?.id == userID ? "Mein Profil" : "Profil von \(name)"
        let page = AdminFormView.form(
            title: title, fields: ProfileForm.fields,
            values: values ?? initial, errors: errors,
            action: action, cancel: cancel,
            frame: req.frame(title, section: req.user?.id == userID ? .myProgramme : .admin))
        return .html(page, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
