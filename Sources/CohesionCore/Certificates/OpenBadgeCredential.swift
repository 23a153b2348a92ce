import Foundation

/// A Teilnahmebescheinigung as an Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential 2.0),
/// with the JWT claims that VC-JWT (OB 3.0 §8.2) puts beside the credential's own properties.
/// The holder is named by an `IdentityObject` of type name, not by an account id, so the badge
/// reveals nothing that the certificate does not already say.
public struct OpenBadgeCredential: Codable, Sendable, Equatable {
    public static let contexts = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]

    public struct Profile: Codable, Sendable, Equatable {
        public var id: String
        public var type = ["Profile"]
        public var name: String
        public var url: String
    }

    public struct Criteria: Codable, Sendable, Equatable {
        public var narrative: String
    }

    public struct Alignment: Codable, Sendable, Equatable {
        public var type = ["Alignment"]
        public var targetName: String
        public var targetUrl: String
        public var targetType = "ext:Kompetenzfeld"
    }

    public struct Achievement: Codable, Sendable, Equatable {
        public var id: String
        public var type = ["Achievement"]
        public var achievementType = "CertificateOfCompletion"
        public var name: String
        public var description: String
        public var criteria: Criteria
        /// OB 3.0 counts credit hours; here the hours of all units of the edition.
        public var creditsAvailable: Double
        public var alignment: [Alignment]
        public var tag: [String]
        public var inLanguage = "de"
    }

    public struct IdentityObject: Codable, Sendable, Equatable {
        public var type = "IdentityObject"
        public var hashed = false
        public var identityHash: String
        public var identityType = "name"
    }

    public struct Subject: Codable, Sendable, Equatable {
        public var type = ["AchievementSubject"]
        public var identifier: [IdentityObject]
        public var achievement: Achievement
        /// Hours of the units attended.
        public var creditsEarned: Double
        public var activityStartDate: String?
        public var activityEndDate: String?
    }

    public var context = Self.contexts
    public var id: String
    public var type = ["VerifiableCredential", "OpenBadgeCredential"]
    public var name: String
    public var description: String
    public var issuer: Profile
    public var validFrom: String
    public var credentialSubject: Subject
    // VC-JWT's registered claims, equal to the properties above.
    public var iss: String
    public var jti: String
    public var nbf: Int

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, name, description, issuer, validFrom, credentialSubject, iss, jti, nbf
    }

    /// Everything a badge states besides the certificate: where the installation publishes its issuer and achievement.
    public struct Addresses: Sendable {
        public var credential: String
        public var issuer: String
        public var achievement: String
        public var competenceAreas: String
        public var home: String

        public init(credential: String, issuer: String, achievement: String, competenceAreas: String, home: String) {
            self.credential = credential
            self.issuer = issuer
            self.achievement = achievement
            self.competenceAreas = competenceAreas
            self.home = home
        }
    }

    public init(
        statement: CertificateStatement, summary: String, criteria: String, editionMinutes: Int, issuedAt: Date,
        activity: (start: CalendarDay, end: CalendarDay)?, addresses: Addresses
    ) {
        let hours = { (minutes: Int) in (Double(minutes) / 60 * 100).rounded() / 100 }
        let issuedAt = Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down))
        id = addresses.credential
        name = "Teilnahmebescheinigung: \(statement.programme)"
        description = "\(statement.programme), \(statement.edition): \(CertificateStatement.hours(statement.totalMinutes))"
        issuer = Profile(id: addresses.issuer, name: statement.issuer, url: addresses.home)
        validFrom = issuedAt.formatted(.iso8601)
        credentialSubject = Subject(
            identifier: [IdentityObject(identityHash: statement.name)],
            achievement: Achievement(
                id: addresses.achievement, name: "\(statement.programme) – \(statement.edition)", description: summary,
                criteria: Criteria(narrative: criteria), creditsAvailable: hours(editionMinutes),
                alignment: statement.competenceAreas.map { Alignment(targetName: $0, targetUrl: addresses.competenceAreas) },
                tag: statement.competenceAreas),
            creditsEarned: hours(statement.totalMinutes),
            activityStartDate: activity.flatMap { BerlinTime.instant(on: $0.start, at: "00:00") }?.formatted(.iso8601),
            activityEndDate: activity.flatMap { BerlinTime.instant(on: $0.end, at: "23:59") }?.formatted(.iso8601))
        iss = addresses.issuer
        jti = addresses.credential
        nbf = Int(issuedAt.timeIntervalSince1970)
    }
}
