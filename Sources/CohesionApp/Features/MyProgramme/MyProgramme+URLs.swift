import CohesionPlatform
import Foundation

/// The addresses of MyProgramme.
extension SiteURL {
    static var myProgramme: SiteURL { SiteURL(["mein-programm"]) }
}
