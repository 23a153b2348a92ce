import CohesionPlatform

/// Self-assessments that look like a real cohort's: each competence area has its own typical
/// start and gain, people differ, one area gets worse, and the "before" given afterwards lies
/// below the one given at the start (response shift). Deterministic, so tests can name figures.
enum DemoRatingPattern {
    struct Rating: Equatable {
        let before: Int
        let after: Int
        /// The start as judged at the end (then-test).
        let retrospective: Int
        let need: Int
    }

    /// Typical level at the start, per area in the order of `DemoData.competenceAreaTitles`.
    static let startLevels = [2, 2, 3, 3, 2, 2, 2, 3, 2]

    /// Ten gains per area, one per person in turn: their mean is the area's typical change.
    /// Role +1.3; concepts +1.1; immigration history +0.6; municipal framework +0.2 (barely);
    /// strategic action +0.3 (no unit covers it); networks +1.0; empowerment +1.5; heated debates
    /// −0.3 (knowing more, people judge themselves more strictly); cohesion +0.5.
    static let gains: [[Int]] = [
        [2, 1, 1, 1, 2, 1, 1, 2, 1, 1],
        [1, 1, 2, 1, 0, 1, 1, 2, 1, 1],
        [1, 0, 1, 1, 0, 1, 0, 1, 1, 0],
        [0, 0, 1, 0, 0, 0, 0, 1, 0, 0],
        [0, 1, 0, 0, 0, 1, 0, 0, 1, 0],
        [1, 2, 1, 1, 0, 0, 1, 2, 1, 1],
        [2, 1, 2, 1, 1, 2, 2, 1, 1, 2],
        [0, -1, 0, -1, 0, 0, -1, 0, 1, -1],
        [1, 0, 1, 0, 1, 1, 0, 1, 0, 0],
    ]

    /// How people differ at the start: some are new in post, some experienced.
    static let personOffsets = [-1, 0, 0, 1, 0, -1, 1, 0, 0, -1]

    /// How much lower the start is judged afterwards.
    static let shifts = [1, 0, 1, 0, 0, 1, 0, 1, 0, 0]

    static let strategicArea = 4

    /// Person `person` of a cohort of `cohort` in area `area`. In the strategic area most have a
    /// strong need (`strongShare` of the cohort); elsewhere needs spread over 2 to 5.
    static func rating(person: Int, area: Int, cohort: Int, strongShare: Double = 0.7) -> Rating {
        let before = clamp(startLevels[area % startLevels.count] + personOffsets[(person + area) % personOffsets.count])
        let gainRow = gains[area % gains.count]
        // Rotated per area, so no one gains the same in every area.
        let after = clamp(before + gainRow[(person + 3 * area) % gainRow.count])
        let retrospective = max(1, before - shifts[(person + 2 * area) % shifts.count])
        let strongCount = Int((Double(cohort) * strongShare).rounded())
        let need = area == strategicArea ? (person < strongCount ? 5 : 2) : 2 + (person * 2 + area * 3) % 4
        return Rating(before: before, after: after, retrospective: retrospective, need: need)
    }

    private static func clamp(_ level: Int) -> Int { min(5, max(1, level)) }
}
