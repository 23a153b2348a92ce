import CohesionPlatform

/// Every column that links a row to a person leads an index: the data export (Art. 15/20) and the
/// erasure (Art. 17) read each declared table by that column, and without an index each of those
/// reads walked the whole table (the export of a partner with four rows took 220 ms at 100,000
/// participants). `LegalTests` fails on a declared link without one.
struct CreatePersonalLinkIndexes: IndexMigration {
    static let indexes = [
        "api_tokens.user_id", "attendances.recorded_by", "audit_log.actor_id", "board_posts.author_id", "certificates.user_id",
        "completion_exceptions.granted_by_id", "completion_exceptions.user_id", "follow_up_participations.user_id", "invitations.user_id",
        "lunch_items.author_id", "lunch_registrations.user_id", "lunch_series.host_id", "lunch_votes.user_id", "materials.uploaded_by",
        "outbox.recipient", "password_tokens.user_id", "portal_articles.published_by", "practice_projects.user_id",
        "programme_partners.user_id", "second_factor_challenges.user_id", "survey_participations.user_id", "survey_responses.respondent_id",
        "topic_team_documents.uploaded_by", "topic_team_posts.author_id", "topic_team_versions.author_id", "topic_teams.proposed_by",
        "web_sessions.user_id",
    ].map { link -> (String, String) in
        let parts = link.split(separator: ".").map(String.init)
        return ("idx_\(parts[0])_\(parts[1])", "\(parts[0]) (\(parts[1]))")
    }
}
