import CohesionCore
import CohesionPlatform
import Foundation

enum MaterialViews {
    static func unit(
        _ unit: MaterialAccess.UnitInfo, files: [MaterialController.Listed], canUpload: Bool, maxMegabytes: Int,
        error: String?, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { "Teil \(unit.partNumber): \(unit.partTitle)" }
            HTML.h1 { "Material: " + unit.title }
            fileList(files, canDelete: canUpload, frame: frame)
            if canUpload { uploadForm(unit, maxMegabytes: maxMegabytes, error: error, frame: frame) }
        }
    }

    static func part(units: [MaterialAccess.UnitInfo], files: [MaterialController.Listed], frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.myProgramme.path)) { "Mein Programm" } }
            HTML.h1 { "Material zu Teil \(units.first?.partNumber ?? 0): \(units.first?.partTitle ?? "")" }
            units.map { unit in
                HTML.section(.ariaLabelledBy("einheit-\(unit.id)")) {
                    HTML.h2(.id("einheit-\(unit.id)")) { unit.title }
                    fileList(files.filter { $0.unitID == unit.id }, canDelete: false, frame: frame)
                }
            }
        }
    }

    private static func fileList(_ files: [MaterialController.Listed], canDelete: Bool, frame: PageFrame) -> HTML {
        if files.isEmpty { return .p(.class("muted")) { "Noch kein Material." } }
        return .ul(.class("files")) {
            files.map { file in
                HTML.li {
                    HTML.a(.href(SiteURL.material(.value(file.id)).path)) { file.fileName }
                    " (" + size(file.size) + ")"
                    if canDelete {
                        " "
                        HTML.form(.method("post"), .action(SiteURL.deleteMaterial(.value(file.id)).path), .class("inline-form")) {
                            Form.csrf(frame.visitor)
                            HTML.button(.type("submit"), .class("button button--quiet")) {
                                "Löschen"
                                HTML.span(.class("visually-hidden")) { ": " + file.fileName }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func uploadForm(_ unit: MaterialAccess.UnitInfo, maxMegabytes: Int, error: String?, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("hochladen")) {
            HTML.h2(.id("hochladen")) { "Material hochladen" }
            HTML.form(.method("post"), .action(SiteURL.unitMaterial(.value(unit.id)).path), .init("enctype", "multipart/form-data"), .class("stack")) {
                Form.csrf(frame.visitor)
                HTML.div(.class(error == nil ? "field" : "field field--error")) {
                    HTML.label(.for("datei")) { "Datei" }
                    HTML.p(.class("field__hint"), .id("datei-hinweis")) { "Höchstens \(maxMegabytes) MB. Sichtbar für die Teilnehmer*innen des Durchlaufs." }
                    if let error {
                        HTML.p(.class("field__error"), .id("datei-fehler"), .role("alert")) {
                            HTML.span(.class("visually-hidden")) { "Fehler: " }; error
                        }
                    }
                    HTML.input(
                        .type("file"), .id("datei"), .name("datei"), .required, .ariaInvalid(error != nil),
                        .ariaDescribedBy(error == nil ? "datei-hinweis" : "datei-hinweis datei-fehler"))
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Hochladen" } }
            }
        }
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) Byte" }
        if bytes < 1_048_576 { return "\(bytes / 1024) KB" }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
    }
}
