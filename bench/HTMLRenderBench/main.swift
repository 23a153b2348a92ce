// Renders a 20 KB timetable page with the HTML builder and reports the time per render.
//
//   swift run -c release HTMLRenderBench [iterations]
//
// The page has the shape of a part's public page (layout, header, navigation, facts, two days
// of units with descriptions, objectives and competence-area tags) and user text that needs
// escaping, so both the builder's composition and its escaping are measured. Each iteration
// builds the page anew and renders it, as a request does.
import CohesionCore
import Foundation

struct BenchUnit {
    let time: String
    let title: String
    let meta: String
    let description: String
    let objectives: String
    let tags: [String]
}

func timetablePage(days: [(String, [BenchUnit])]) -> HTML {
    .document(
        .html(.lang("de")) {
            HTML.head {
                HTML.meta(.charset("utf-8"))
                HTML.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTML.title { "Teil 2: Fachkenntnisse & Empowerment – Cohesion" }
                HTML.link(.rel("stylesheet"), .href("/static/cohesion-1a2b3c.css"))
            }
            HTML.body {
                HTML.a(.class("skip-link"), .href("#inhalt")) { "Zum Inhalt springen" }
                HTML.header(.class("site-header")) {
                    HTML.nav(.ariaLabel("Hauptnavigation")) {
                        HTML.ul { ["Programm", "Mein Programm", "Verwaltung"].map { item in HTML.li { HTML.a(.href("/")) { item } } } }
                    }
                }
                HTML.main(.id("inhalt")) {
                    HTML.h1 { "Teil 2: Fachkenntnisse und Empowerment" }
                    HTML.dl(.class("facts")) {
                        HTML.dt { "Termin" }; HTML.dd { "20.–21. Juli 2023" }
                        HTML.dt { "Tagungsort" }; HTML.dd { "Kulturzentrum am Münster, Wessenbergstraße 43, Konstanz" }
                    }
                    days.map { day, units in
                        HTML.section(.class("timetable-day")) {
                            HTML.h3 { day }
                            HTML.ol(.class("timetable")) {
                                units.map { unit in
                                    HTML.li(.class("slot")) {
                                        HTML.div(.class("slot__time")) { unit.time }
                                        HTML.div {
                                            HTML.h4(.class("slot__title")) { unit.title }
                                            HTML.p(.class("slot__meta")) { unit.meta }
                                            HTML.p { unit.description }
                                            HTML.p {
                                                HTML.strong { "Ziele: " }; unit.objectives
                                            }
                                            HTML.ul(.class("tags")) { unit.tags.map { tag in HTML.li { tag } } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        })
}

let unit = BenchUnit(
    time: "10:00–12:00 Uhr",
    title: "Integrationskonzepte und ihre Entwicklung <Teil \"A\">",
    meta: "Vortrag · Raum: Seminarraum 1 · Modul IV · mit Leyla Demir & Johanna Reuter",
    description: "Von der Ausländerpolitik zum Integrationskonzept: Begriffe, Leitbilder und ihre Geschichte in Bund, Land und Kommune.",
    objectives: "Die Teilnehmer*innen unterscheiden Konzepte von Integration und ordnen das eigene ein.",
    tags: ["Integrationskonzepte und ihre Entwicklung", "Gesellschaftlicher Zusammenhalt (Querschnitt)"])
let days = [
    ("Donnerstag, 20. Juli 2023", Array(repeating: unit, count: 16)),
    ("Freitag, 21. Juli 2023", Array(repeating: unit, count: 16)),
]

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
let size = timetablePage(days: days).render().count
for _ in 0..<1_000 { _ = timetablePage(days: days).render() }

var samples: [Duration] = []
samples.reserveCapacity(iterations)
let clock = ContinuousClock()
var checksum = 0
for _ in 0..<iterations {
    let start = clock.now
    checksum &+= timetablePage(days: days).render().count
    samples.append(clock.now - start)
}
samples.sort()
func micros(_ d: Duration) -> Double { Double(d.components.attoseconds) / 1e12 + Double(d.components.seconds) * 1e6 }
let total = samples.reduce(Duration.zero, +)
print("page size:        \(size) bytes")
print("iterations:       \(iterations) (checksum \(checksum))")
print(String(format: "median per render: %.1f µs", micros(samples[samples.count / 2])))
print(String(format: "p99 per render:    %.1f µs", micros(samples[samples.count * 99 / 100])))
print(String(format: "mean per render:   %.1f µs", micros(total) / Double(iterations)))
print(String(format: "throughput:        %.1f MB/s", Double(size * iterations) / (micros(total) / 1e6) / 1e6))

// The ETag of a response: the fingerprint of the rendered bytes, as the middleware takes it.
let body = timetablePage(days: days).render()
var tags = 0
let hashing = clock.now
for _ in 0..<2_000 { tags &+= body.withUnsafeBytes { Fingerprint.of($0) }.count }
let perByte = micros(clock.now - hashing) * 1_000 / Double(2_000 * body.count)
print(String(format: "fingerprint (ETag): %.2f ns per byte, %.1f µs for this page (\(tags / 2_000) hex digits)", perByte, perByte * Double(body.count) / 1_000))
