import CohesionCore
import CohesionPlatform
import Foundation

/// The lead's page for the data-sheet template.
enum DataSheetTemplateView {
    static func page(fileName: String?, message: String?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Vorlage des Datenblatts" }
            if let message { HTML.p(.class("notice"), .role("status")) { message } }
            HTML.p {
                "Das Datenblatt einer Kommune für ihr Integrationskonzept entsteht aus einem OpenDocument-Text. Es gilt "
                    + (fileName.map { "die hochgeladene Vorlage „\($0)“" } ?? "die mitgelieferte Vorlage") + ". "
                HTML.a(.href(AdminURL.dataSheetTemplateFile.path)) { "Die geltende Vorlage herunterladen" }
                ", in LibreOffice oder Word anpassen und als „.odt“ wieder hochladen. Platzhalter: "
                DataSheetTemplate.placeholders.map { "{{\($0)}}" }.joined(separator: ", ")
                    + ". {{KOMMUNE}}, {{ZAHLEN}} und {{QUELLEN}} müssen bleiben: Die Quellen- und Lizenzangaben sind Pflicht."
            }
            HTML.form(.method("post"), .action(AdminURL.dataSheetTemplate.path), .init("enctype", "multipart/form-data"), .class("stack")) {
                Form.csrf(frame.visitor)
                HTML.div(.class("field")) {
                    HTML.label(.for("vorlagendatei")) { "Eigene Vorlage (.odt)" }
                    HTML.input(.type("file"), .id("vorlagendatei"), .name("datei"), .init("accept", ".odt,.fodt,application/vnd.oasis.opendocument.text"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Vorlage hochladen" } }
            }
            HTML.form(.method("post"), .action(AdminURL.defaultDataSheetTemplate.path)) {
                Form.csrf(frame.visitor)
                HTML.button(.type("submit"), .class("button button--quiet")) { "Mitgelieferte Vorlage verwenden" }
            }
        }
    }
}
