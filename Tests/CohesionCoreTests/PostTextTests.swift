import Foundation
import Testing

@testable import CohesionCore

@Suite("The board's formatting")
struct PostTextTests {
    @Test("paragraphs, lists, emphasis and links become their elements; everything else is escaped text")
    func subset() {
        let html = PostText.html(
            "Erster Absatz\nmit Umbruch.\n\n- **fett** und *kursiv*\n- [Satzung](https://example.org/a?b=1&c=2)\n\n1. eins\n2) zwei\n\nSiehe https://example.org/x."
        ).renderString()
        #expect(
            html
                == "<p>Erster Absatz<br>mit Umbruch.</p><ul><li><strong>fett</strong> und <em>kursiv</em></li>"
                + "<li><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">Satzung</a></li></ul>"
                + "<ol><li>eins</li><li>zwei</li></ol>"
                + "<p>Siehe <a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">https://example.org/x</a>.</p>")
    }

    @Test("markup, scripts and other schemes stay text; a marker without its partner stays a character")
    func hostile() {
        let html = PostText.html(
            "<script>alert(1)</script> [x](javascript:alert(1)) [y](data:text/html,hi) \"><img src=x onerror=alert(1)> **offen snake_case_name 2*3 und 4*5"
        ).renderString()
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("href=\"javascript") && !html.contains("href=\"data"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("[x](javascript:alert(1))"))
        #expect(html.contains("**offen snake_case_name 2*3 und 4*5"))
    }

    @Test("the plain text for a mail keeps links readable")
    func plain() {
        #expect(PostText.plain("**Hallo** [Satzung](https://example.org)\n\n- eins") == "Hallo Satzung (https://example.org)\n\n- eins")
    }

    @Test("the video window opens 30 minutes before the start and closes at the end")
    func videoWindow() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let end = start.addingTimeInterval(3600)
        #expect(!VideoWindow.isOpen(start: start, end: end, now: start.addingTimeInterval(-30 * 60 - 1)))
        #expect(VideoWindow.isOpen(start: start, end: end, now: start.addingTimeInterval(-30 * 60)))
        #expect(VideoWindow.isOpen(start: start, end: end, now: end))
        #expect(!VideoWindow.isOpen(start: start, end: end, now: end.addingTimeInterval(1)))
        var errors = FieldErrors()
        #expect(VideoWindow.check(" https://video.example.org/raum ", field: "v", errors: &errors) == "https://video.example.org/raum")
        _ = VideoWindow.check("ftp://example.org", field: "v", errors: &errors)
        #expect(errors["v"] == "Bitte die vollständige Adresse des Videoraums angeben, beginnend mit https://.")
    }

    @Test("text without a marker is one piece, exactly as the scanner would read it")
    func textWithoutMarkers() {
        #expect(PostText.inlines("Ein Satz über Straßen, 3 + 4 = 7; (ohne Zeichen).") == [.text("Ein Satz über Straßen, 3 + 4 = 7; (ohne Zeichen).")])
        #expect(PostText.inlines("") == [])
        #expect(PostText.inlines("siehe http://beispiel.de") == [.text("siehe "), .link(text: "http://beispiel.de", url: "http://beispiel.de")])
        #expect(PostText.plain("Zeile eins\r\nZeile zwei") == "Zeile eins\nZeile zwei")
        #expect(PostText.parse("  eingerückt  ") == [.paragraph([.text("eingerückt")])])
    }
}
