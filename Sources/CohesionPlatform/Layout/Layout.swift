import CohesionCore
import Foundation

/// What the base layout needs besides the page's own content.
package struct PageFrame: Sendable {
    package var title: String
    package var visitor: Visitor
    /// Where the navigation, the footer's links and the stylesheet come from.
    package var features: FeatureCatalog
    package var section: NavSection? = nil
    package var notice: Notice? = nil

    package init(title: String, visitor: Visitor, features: FeatureCatalog, section: NavSection? = nil, notice: Notice? = nil) {
        self.title = title
        self.visitor = visitor
        self.features = features
        self.section = section
        self.notice = notice
    }
}

package enum NavSection: Sendable {
    case programme, regions, myProgramme, exchange, admin, reports
}

/// The one layout of every page: skip link, header with navigation, main content, footer.
package enum Layout {
    package static func page(_ frame: PageFrame, @HTMLBuilder content: () -> HTML) -> HTML {
        let body = content()
        return .document(
            .html(.lang("de")) {
                head(frame)
                HTML.body {
                    HTML.a(.class("skip-link"), .href("#inhalt")) { "Zum Inhalt springen" }
                    header(frame)
                    HTML.main(.id("inhalt"), .tabindex(-1)) {
                        HTML.div(.class("wrap")) {
                            if let notice = frame.notice { noticeBox(notice) }
                            body
                        }
                    }
                    footer(frame.features.footerLinks)
                }
            })
    }

    private static func head(_ frame: PageFrame) -> HTML {
        .head {
            HTML.meta(.charset("utf-8"))
            HTML.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
            HTML.title { frame.title + " – Cohesion" }
            HTML.link(.rel("stylesheet"), .href(frame.features.stylesheetURL.path))
            HTML.link(.rel("icon"), .href(SiteURL.favicon.path), .type("image/svg+xml"))
            HTML.script(.src(SiteURL.script.path), .defer)
        }
    }

    private static func header(_ frame: PageFrame) -> HTML {
        .header(.class("site-header")) {
            HTML.div(.class("wrap site-header__inner")) {
                HTML.a(.class("brand"), .href(SiteURL.home.path)) {
                    HTML.span(.class("brand__name")) { "Cohesion" }
                    HTML.span(.class("brand__claim")) { "Fortbildung für Integrationsbeauftragte" }
                }
                // A menu button on a phone that works without JavaScript; on a wide screen the
                // stylesheet shows its content always and hides the button.
                HTML.details(.class("site-menu")) {
                    HTML.summary(.class("site-menu__toggle")) { "Menü" }
                    HTML.div(.class("site-menu__content")) {
                        navigation(frame)
                        account(frame.visitor)
                    }
                }
            }
        }
    }

    /// The entries come from the features (`FeatureCatalog.navigation`), in the order they are listed.
    private static func navigation(_ frame: PageFrame) -> HTML {
        let items = frame.features.navigation(for: frame.visitor.user)
        return .nav(.class("site-nav"), .ariaLabel("Hauptnavigation")) {
            HTML.ul {
                items.map { item in
                    HTML.li {
                        HTML.a(.href(item.path), frame.section == item.section ? .ariaCurrent("page") : nil) { item.label }
                    }
                }
            }
        }
    }

    private static func account(_ visitor: Visitor) -> HTML {
        .div(.class("account")) {
            if let user = visitor.user {
                HTML.a(.href(SiteURL.account.path), .class("account__name")) { user.name + " (" + user.role.germanName + ")" }
                HTML.form(.method("post"), .action(SiteURL.logout.path), .class("inline-form")) {
                    Form.csrf(visitor)
                    HTML.button(.type("submit"), .class("button button--quiet")) { "Abmelden" }
                }
            } else {
                HTML.a(.class("button button--quiet"), .href(SiteURL.login.path)) { "Anmelden" }
            }
        }
    }

    private static func noticeBox(_ notice: Notice) -> HTML {
        .div(.class("notice"), .role("status")) { notice.message }
    }

    private static func footer(_ links: [PageLink]) -> HTML {
        .footer(.class("site-footer")) {
            HTML.div(.class("wrap")) {
                HTML.p {
                    "Cohesion – Fortbildungsprogramm für Integrationsbeauftragte. "
                    "Gesellschaftlichen Zusammenhalt stärken."
                }
                HTML.nav(.ariaLabel("Rechtliches")) {
                    HTML.ul(.class("footer-links")) {
                        links.map { link in HTML.li { HTML.a(.href(link.path)) { link.label } } }
                    }
                }
            }
        }
    }
}
