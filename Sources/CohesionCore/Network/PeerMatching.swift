/// Suggestions of colleagues for a participant: officers whose municipal context, needs and
/// networks are similar, or complementary (they reach a kind of actor the participant is looking for).
///
/// A profile is a few small integers and bit sets, so one search compares 100,000 profiles in a
/// few milliseconds (`bench/PeerMatchingBench`). Candidates are only those who opted in to the
/// directory; the caller passes no one else.
public enum PeerMatching {
    public struct Profile: Sendable, Equatable {
        /// The caller's identifier (an index into its own list).
        public let id: Int
        /// Codes the caller assigns (kind of municipality, size band, foreign-share band, embedding); nil: unknown.
        public let municipalityKind: Int?
        public let sizeBand: Int?
        public let foreignShareBand: Int?
        public let embedding: Int?
        /// Bit i: task field i.
        public let taskFields: UInt32
        /// Bit i: competence area i is a strong need (4 or 5).
        public let strongNeeds: UInt32
        /// Bit i: the network reaches `ActorKind.allCases[i]` with an existing tie.
        public let reachedKinds: UInt32
        /// Bit i: the participant looks for `ActorKind.allCases[i]` (a wish, or a reference kind missing).
        public let wantedKinds: UInt32

        public init(
            id: Int, municipalityKind: Int?, sizeBand: Int?, foreignShareBand: Int?, embedding: Int?,
            taskFields: UInt32, strongNeeds: UInt32, reachedKinds: UInt32, wantedKinds: UInt32
        ) {
            self.id = id
            self.municipalityKind = municipalityKind
            self.sizeBand = sizeBand
            self.foreignShareBand = foreignShareBand
            self.embedding = embedding
            self.taskFields = taskFields
            self.strongNeeds = strongNeeds
            self.reachedKinds = reachedKinds
            self.wantedKinds = wantedKinds
        }

        public static func kinds(_ kinds: some Sequence<ActorKind>) -> UInt32 {
            kinds.reduce(0) { $0 | (1 << UInt32(ActorKind.allCases.firstIndex(of: $1)!)) }
        }
    }

    /// Why someone is suggested; the page turns each into a sentence.
    public struct Reasons: Sendable, Equatable {
        public var sameMunicipalityKind = false
        public var sameSizeBand = false
        public var sameForeignShareBand = false
        public var sameEmbedding = false
        public var sharedTaskFields: UInt32 = 0
        public var sharedNeeds: UInt32 = 0
        /// Kinds the participant looks for that the colleague's network reaches.
        public var offersKinds: UInt32 = 0
    }

    public struct Suggestion: Sendable, Equatable {
        public let id: Int
        public let score: Int
        public let reasons: Reasons
    }

    /// Points per likeness. A colleague who reaches what one looks for counts most: that is what
    /// a call to a colleague can give.
    static let weights = (kind: 3, size: 2, share: 1, embedding: 2, perTaskField: 1, perNeed: 1, perOfferedKind: 3)
    /// At most this many task fields, needs and offered kinds count, so one long list does not outweigh the rest.
    static let cap = (taskFields: 3, needs: 3, offers: 2)

    public static func score(_ me: Profile, _ other: Profile) -> Int {
        var score = 0
        if let kind = me.municipalityKind, kind == other.municipalityKind { score += weights.kind }
        if let size = me.sizeBand, size == other.sizeBand { score += weights.size }
        if let share = me.foreignShareBand, share == other.foreignShareBand { score += weights.share }
        if let embedding = me.embedding, embedding == other.embedding { score += weights.embedding }
        score += min(cap.taskFields, (me.taskFields & other.taskFields).nonzeroBitCount) * weights.perTaskField
        score += min(cap.needs, (me.strongNeeds & other.strongNeeds).nonzeroBitCount) * weights.perNeed
        score += min(cap.offers, (me.wantedKinds & other.reachedKinds).nonzeroBitCount) * weights.perOfferedKind
        return score
    }

    public static func reasons(_ me: Profile, _ other: Profile) -> Reasons {
        var reasons = Reasons()
        reasons.sameMunicipalityKind = me.municipalityKind != nil && me.municipalityKind == other.municipalityKind
        reasons.sameSizeBand = me.sizeBand != nil && me.sizeBand == other.sizeBand
        reasons.sameForeignShareBand = me.foreignShareBand != nil && me.foreignShareBand == other.foreignShareBand
        reasons.sameEmbedding = me.embedding != nil && me.embedding == other.embedding
        reasons.sharedTaskFields = me.taskFields & other.taskFields
        reasons.sharedNeeds = me.strongNeeds & other.strongNeeds
        reasons.offersKinds = me.wantedKinds & other.reachedKinds
        return reasons
    }

    /// The `limit` best colleagues for `me` among `candidates` (never `me`), best first; equal scores
    /// by id, so the same data always gives the same list. Scores below `minimumScore` are left out.
    public static func suggestions(for me: Profile, among candidates: [Profile], limit: Int = 5, minimumScore: Int = 3) -> [Suggestion] {
        guard limit > 0 else { return [] }
        var best: [(score: Int, index: Int)] = []
        best.reserveCapacity(limit + 1)
        for (index, candidate) in candidates.enumerated() where candidate.id != me.id {
            let score = score(me, candidate)
            guard score >= minimumScore else { continue }
            if best.count == limit, let worst = best.last,
                score < worst.score || (score == worst.score && candidate.id > candidates[worst.index].id)
            {
                continue
            }
            // Insert in order; the list stays `limit` long, so this is cheap.
            var position = best.count
            while position > 0 {
                let other = best[position - 1]
                if other.score > score || (other.score == score && candidates[other.index].id < candidate.id) { break }
                position -= 1
            }
            best.insert((score, index), at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { Suggestion(id: candidates[$0.index].id, score: $0.score, reasons: reasons(me, candidates[$0.index])) }
    }
}
