import CohesionCore
import CohesionPlatform
import Vapor

/// Material for units: the lead and the unit's facilitators upload, the edition's participants download.
enum MaterialFeature: Feature {
    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let material = MaterialController()
        let uploadLimit = ByteCount(value: app.cohesion.config.materialMaxMegabytes * 1_048_576 + 65_536)
        let readers = AccessRule.leadOr(
            [.facilitator, .participant],
            "Programmleitung, Referent*innen der Einheit, Teilnehmer*innen ihres Durchlaufs"
        ) { req, user in
            guard let unit = try await MaterialAccess.unit(req.parameters.require(.unit).rawValue, on: req.sql) else { throw AppError.notFound }
            return try await MaterialAccess.mayDownload(user, unit: unit, on: req.sql)
        }
        let uploaders = AccessRule.leadOr([.facilitator], "Programmleitung, Referent*innen der Einheit") { req, user in
            try await MaterialAccess.mayUpload(user, unitID: req.parameters.require(.unit).rawValue, on: req.sql)
        }
        let partReaders = AccessRule.leadOr(
            [.facilitator, .participant],
            "Programmleitung, Referent*innen des Teils, Teilnehmer*innen seines Durchlaufs"
        ) { req, user in
            let partID = try req.parameters.require(.part).rawValue
            return try await user.role == .facilitator
                ? Involvement.teaches(user.id, inPart: partID, on: req.sql)
                : Involvement.isMember(user.id, ofEditionOfPart: partID, on: req.sql)
        }
        let fileReaders = AccessRule.leadOr([.facilitator, .participant], "wer die Einheit der Datei sehen darf") { req, user in
            guard let unit = try await MaterialAccess.unit(ofMaterial: req.parameters.require(.material).rawValue, on: req.sql) else { throw AppError.notFound }
            return try await MaterialAccess.mayDownload(user, unit: unit, on: req.sql)
        }
        let fileOwners = AccessRule.leadOr([.facilitator], "Programmleitung, Referent*innen der Einheit der Datei") { req, user in
            guard let unit = try await MaterialAccess.unit(ofMaterial: req.parameters.require(.material).rawValue, on: req.sql) else { throw AppError.notFound }
            return try await MaterialAccess.mayUpload(user, unitID: unit.id, on: req.sql)
        }
        routes.get(SiteURL.unitMaterial(.key), readers, use: material.unitPage)
        routes.post(SiteURL.unitMaterial(.key), uploaders, bodyLimit: uploadLimit, use: material.upload)
        routes.get(SiteURL.partMaterial(.key), partReaders, use: material.partPage)
        routes.get(SiteURL.material(.key), fileReaders, use: material.download)
        routes.post(SiteURL.deleteMaterial(.key), fileOwners, use: material.delete)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "materials", data: "wer eine Datei hochgeladen hat",
            purpose: "Verantwortung für Material nachvollziehen", kept: PersonalData.untilErased,
            links: [.account("uploaded_by", .detach)])
    ]
}
