import Foundation
import Testing

@testable import CohesionCore

/// The official files in the repository's data/ folder, read as they are.
enum SharedData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

@Suite("Reading delimited files")
struct CSVReaderTests {
    @Test("quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and a BOM are read past")
    func quoting() throws {
        let rows = try CSVReader().rows(of: "\u{FEFF}a,\"b, \"\"c\"\"\",\"d\ne\"\r\n1,,3\r\n")
        #expect(rows.map(\.fields) == [["a", "b, \"c\"", "d\ne"], ["1", "", "3"]])
        #expect(rows.map(\.line) == [1, 3])
    }

    @Test("semicolons as delimiter")
    func semicolons() throws {
        #expect(try CSVReader(delimiter: ";").rows(of: "\"08335001\";\"Aach, Stadt\";\"12,4\"").first?.fields == ["08335001", "Aach, Stadt", "12,4"])
    }

    @Test("an unclosed quote is reported with the line it starts on")
    func unclosed() {
        #expect(throws: CSVReader.Malformed(line: 2, problem: "Anführungszeichen wird nicht geschlossen")) {
            try CSVReader().rows(of: "a,b\n\"offen,c\n")
        }
    }
}

@Suite("The municipal register (GV-ISys)")
struct MunicipalRegisterTests {
    @Test("the whole German register is read: 16 Länder, 400 Kreise, 10,959 Gemeinden")
    func wholeRegister() throws {
        let entries = try MunicipalRegister.parse(try SharedData.text("destatis_gvisys_gemeinden_31122024.csv"))
        #expect(entries.filter { $0.level == .land }.count == 16)
        #expect(entries.filter { $0.level == .kreis }.count == 400)
        #expect(entries.filter { $0.level == .gemeinde }.count == 10_959)
        #expect(entries.filter { $0.level == .gemeinde && $0.landKey == "08" }.count == 1_103)
        #expect(Set(entries.map(\.key)).count == entries.count, "keys are unique")
    }

    @Test("a Gemeinde has its AGS, ARS, kind from the Textkennzeichen, Kreis, population and area")
    func konstanz() throws {
        let entries = try MunicipalRegister.parse(try SharedData.text("destatis_gvisys_gemeinden_31122024.csv"))
        let konstanz = try #require(entries.first { $0.key == "08335043" })
        #expect(konstanz.name == "Konstanz, Universitätsstadt")
        #expect(konstanz.ars == "083355004043")
        #expect(konstanz.kind == "Große Kreisstadt")
        #expect(konstanz.kreisKey == "08335")
        #expect((konstanz.population ?? 0) > 80_000)
        let stuttgart = try #require(entries.first { $0.key == "08111000" })
        #expect(stuttgart.kind == "Stadtkreis")
        let kreis = try #require(entries.first { $0.key == "08335" })
        #expect(kreis.kind == "Landkreis")
        let members = entries.filter { $0.kreisKey == "08335" && $0.level == .gemeinde }
        #expect(kreis.population == members.compactMap(\.population).reduce(0, +))
        let rheinau = try #require(entries.first { $0.key == "08317971" })
        #expect(rheinau.kind.hasPrefix("Gemeindefreies Gebiet"))
        #expect(rheinau.population == 0)
    }

    @Test("a wrong header or a broken row names its line")
    func malformed() {
        #expect(throws: CSVReader.Malformed.self) { try MunicipalRegister.parse("a,b,c\n1,2,3\n") }
        let header = MunicipalRegister.header.joined(separator: ",")
        let broken = header + "\n10,,08,,,,,Baden-Württemberg,,,,,,,,,,,,\n60,63,08,3,35,5004,04,Konstanz,54.1,86000,,,,,,,,,,\n"
        #expect(throws: CSVReader.Malformed(line: 3, problem: "Regionalschlüssel „08335500404“ ist nicht vollständig")) {
            try MunicipalRegister.parse(broken)
        }
        let letters = header + "\n60,63,08,3,35,5004,043,Konstanz,54.1,viele,,,,,,,,,,\n"
        #expect(throws: CSVReader.Malformed(line: 2, problem: "Bevoelkerung_insgesamt „viele“ ist keine ganze Zahl")) {
            try MunicipalRegister.parse(letters)
        }
    }
}

@Suite("Statistics files")
struct StatisticsFileTests {
    func figures(_ name: String) throws -> [StatisticFigure] {
        try StatisticsFile.parse(try SharedData.text(name)).figures
    }

    @Test("Zensus 2022: eight figures per Gemeinde, unpublished cells left out rather than zero")
    func zensus() throws {
        let figures = try figures("zensus2022_einwanderungsgeschichte_gemeinden_bw.csv")
        #expect(Set(figures.map(\.regionKey)).count == 1_101)
        let stuttgart = figures.filter { $0.regionKey == "08111000" }
        #expect(stuttgart.first { $0.indicator == "zensus_population" }?.value == 610_458)
        #expect(stuttgart.first { $0.indicator == "zensus_immigration_history" }?.value == 217_457)
        #expect(stuttgart.allSatisfy { $0.reference == "15.05.2022" && $0.attribution.contains("Zensus 2022") })
        #expect(!figures.contains { $0.regionKey == "08336080" && $0.indicator == "zensus_foreign" }, "Schönenberg has no published foreign count")
    }

    @Test("the state office's shares: semicolons, quotes, decimal comma, '-' for none")
    func stateOffice() throws {
        let figures = try figures("stala_bw_auslaenderanteil_gemeinden_2025.csv")
        #expect(figures.count == 1_101)
        #expect(figures.first { $0.regionKey == "08335001" }?.value == 12.4)
        #expect(figures.allSatisfy { $0.indicator == "foreign_share" && $0.reference == "2025" })
    }

    @Test("AZR per Kreis, Regionalatlas per Land and Kreis, protection seekers per Kreis")
    func kreisFiles() throws {
        let azr = try figures("destatis_azr_kreise_bw_31122025.csv")
        #expect(Set(azr.map(\.regionKey)).count == 44)
        #expect(azr.first { $0.regionKey == "08111" && $0.indicator == "azr_foreign_total" }?.value == 173_810)
        let atlas = try figures("regionalatlas_ai0208_auslaenderanteil_2011_2024.csv")
        #expect(atlas.contains { $0.regionKey == "02000" }, "Hamburg is keyed as its Kreis")
        #expect(atlas.first { $0.regionKey == "01" && $0.reference == "31.12.2011" }?.value == 4.3)
        #expect(!atlas.contains { $0.regionKey == "03159" && $0.reference == "31.12.2011" }, "Göttingen exists only from 2016")
        let seekers = try figures("regionalstatistik_schutzsuchende_kreise_31122018.csv")
        #expect(seekers.first { $0.regionKey == "01001" }?.value == 3_170)
        #expect(!seekers.contains { $0.regionKey == "03152" }, "'-' is no value")
    }

    @Test("an unknown file or a bad value is refused with its line")
    func refused() {
        #expect(throws: CSVReader.Malformed.self) { try StatisticsFile.parse("x,y\n1,2\n") }
        let bad =
            "ags,name,population,german,foreign,immigration_history_total,immigrated,descendants,one_parent,without_immigration_history\n08111000,Stuttgart,viele,1,1,1,1,1,1,1\n"
        #expect(throws: CSVReader.Malformed(line: 2, problem: "„viele“ ist keine Zahl")) { try StatisticsFile.parse(bad) }
    }

    @Test("figures read as Germans write them")
    func formatting() {
        #expect(Indicator.format(12.4, indicator: "foreign_share") == "12,4 %")
        #expect(Indicator.format(610_458, indicator: "zensus_population") == "610.458")
        #expect(Indicator.format(5, indicator: "zensus_population") == "5")
    }
}

@Suite("Invitation lists")
struct InvitationListTests {
    @Test("a header line is skipped; ';' or ',' separate; each bad row is named with its line")
    func parse() {
        let text =
            "Name;E-Mail;AGS\nAnna Becker;Anna@Kommune.de;08335043\nOhne Mail;keine-adresse;08335043\n"
            + "Bernd Kurz;b@kommune.de;0833\n\"Yılmaz, Mehmet\";m@kommune.de;\nZweimal;anna@kommune.de;08335043\n"
        let result = InvitationList.parse(text)
        #expect(result.rows.map(\.email) == ["anna@kommune.de", "m@kommune.de"])
        #expect(result.rows[1].name == "Yılmaz, Mehmet")
        #expect(
            result.errors == [
                .init(line: 3, message: "„keine-adresse“ ist keine gültige E-Mail-Adresse"),
                .init(line: 4, message: "„0833“ ist kein achtstelliger Gemeindeschlüssel"),
                .init(line: 6, message: "anna@kommune.de steht mehrfach in der Liste"),
            ])
        #expect(InvitationList.parse("Anna,anna@kommune.de,08335043").rows.count == 1)
    }

    @Test("a quoted cell with a line break is refused with its row: a name never holds one, and it could end a mail header")
    func lineBreakInCell() {
        let text = "Name;E-Mail;AGS\n\"Anna\r\nBcc: spion@example.org\";anna@kommune.de;\nBernd;b@kommune.de;\n"
        let result = InvitationList.parse(text)
        #expect(result.rows.map(\.email) == ["b@kommune.de"])
        #expect(result.errors == [.init(line: 2, message: "eine Zelle enthält einen Zeilenumbruch; bitte Name, E-Mail und AGS je in einer Zeile")])
    }
}

@Suite("Figure references")
struct FigureReferenceTests {
    @Test("a day and a bare year compare in time")
    func order() {
        #expect(StatisticFigure.sortableReference("31.12.2024") < StatisticFigure.sortableReference("2025"))
        #expect(StatisticFigure.sortableReference("2025") == StatisticFigure.sortableReference("31.12.2025"))
        #expect(StatisticFigure.sortableReference("15.05.2022") == "20220515")
    }
}
