// Finds colleagues for one participant among 100,000 and reports the time per search.
//
//   swift run -c release PeerMatchingBench [participants] [searches]
//
// The profiles are generated from a fixed seed with the spread of a real directory: five kinds
// of municipality, four size bands, three foreign-share bands, five embeddings, nine task
// fields, nine competence areas and 21 kinds of actor. Each search scores every profile and
// keeps the best five, as the page does; the directory's loading from the database is not part
// of it (the page reads it once per request).
import CohesionCore
import Foundation

let arguments = CommandLine.arguments
let participants = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let searches = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
var generator = SeededRandom(seed: 2026)
let profiles = (0..<participants).map { id in
    PeerMatching.Profile(
        id: id, municipalityKind: Int(generator.next() % 5), sizeBand: Int(generator.next() % 4),
        foreignShareBand: Int(generator.next() % 3), embedding: Int(generator.next() % 5),
        taskFields: UInt32(generator.next() % 512), strongNeeds: UInt32(generator.next() % 512),
        reachedKinds: UInt32(generator.next() % (1 << 21)), wantedKinds: UInt32(generator.next() % (1 << 21)))
}

var times: [Double] = []
var checksum = 0
for search in 0..<searches {
    let me = profiles[(search * 7919) % profiles.count]
    let start = DispatchTime.now().uptimeNanoseconds
    let found = PeerMatching.suggestions(for: me, among: profiles, limit: 5)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    checksum &+= found.reduce(0) { $0 &+ $1.id }
}
let sorted = times.sorted()
let median = sorted[sorted.count / 2]
let p95 = sorted[min(sorted.count - 1, sorted.count * 95 / 100)]
print(
    String(
        format: "%d participants, %d searches: median %.2f ms, p95 %.2f ms, max %.2f ms (checksum %d)",
        participants, searches, median, p95, sorted.last ?? 0, checksum))
