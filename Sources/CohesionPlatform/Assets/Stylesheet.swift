import CohesionCore
import Foundation

/// The one stylesheet, served under a versioned name so browsers may keep it for a year: the
/// platform's rules, then each feature's own (`Feature.stylesheet`), put together by `FeatureCatalog`.
/// Colours meet WCAG 2.1 AA contrast on white (text #1b1f24, links #0a4f8a, muted #4a5561).
package enum Stylesheet {
    package static let platform = """
        :root {
          --ink: #1b1f24; --muted: #4a5561; --line: #c9d1d9; --paper: #ffffff; --tint: #f3f6f9;
          --brand: #123a5e; --link: #0a4f8a; --focus: #ffbf47; --error: #b00020; --ok: #1e6b35;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          font-size: 100%; line-height: 1.5; color: var(--ink); background: var(--paper);
        }
        * { box-sizing: border-box; }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
        .wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:hover { color: var(--brand); text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus); }
        .skip-link { position: absolute; left: -999px; top: 0; background: var(--focus); color: var(--ink); padding: 0.5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 0.5rem; }
        [hidden] { display: none !important; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 1.5rem 0 1rem; }
        h2 { font-size: 1.45rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
        h3 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
        p, ul, ol, dl { margin: 0 0 1rem; }
        .lead { font-size: 1.15rem; color: var(--muted); max-width: 48rem; }
        .muted { color: var(--muted); }

        .site-header { background: var(--brand); color: #fff; }
        .site-header__inner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
        .site-menu { margin-left: auto; }
        .site-menu__toggle { cursor: pointer; font-weight: 600; padding: 0.4rem 0.9rem; border: 2px solid #fff; border-radius: 4px; list-style: none; }
        .site-menu__toggle::-webkit-details-marker { display: none; }
        .site-menu__toggle::after { content: " ▾"; }
        .site-menu[open] .site-menu__toggle::after { content: " ▴"; }
        .site-menu__content { display: flex; flex-direction: column; align-items: flex-start; gap: 0.75rem; padding: 0.75rem 0 0.25rem; }
        .brand { color: #fff; text-decoration: none; display: flex; flex-direction: column; margin-right: auto; }
        .brand:hover { color: #fff; }
        .brand__name { font-weight: 700; font-size: 1.35rem; letter-spacing: 0.02em; }
        .brand__claim { font-size: 0.875rem; }
        .site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; }
        .site-nav a { color: #fff; text-decoration: none; padding: 0.25rem 0; border-bottom: 3px solid transparent; }
        .site-nav a:hover, .site-nav a[aria-current="page"] { border-bottom-color: #fff; color: #fff; }
        .account { display: flex; align-items: center; gap: 0.75rem; flex-wrap: nowrap; }
        .account__name { font-size: 0.9rem; color: #fff; }
        .account__name:hover, .account__name:focus { color: #fff; }
        .secret { word-break: break-all; font-size: 1rem; background: #fff; padding: 0.25rem 0.4rem; border: 1px solid #767676; user-select: all; }
        .site-header .button--quiet { color: #fff; border-color: #fff; background: transparent; }
        @media (min-width: 60rem) {
          @supports selector(::details-content) {
            .site-menu__toggle { display: none; }
            .site-menu::details-content { content-visibility: visible; display: contents; }
            .site-header__inner { gap: 0.5rem 1rem; }
            .site-menu__content { flex-direction: row; align-items: center; gap: 1rem; padding: 0; }
            .site-nav ul { gap: 0.25rem 1rem; }
            .brand__claim { font-size: 0.8rem; }
            /* One line with the navigation: a long name is cut visually; screen readers hear it whole. */
            .account__name { max-width: 10rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
          }
        }
        .inline-form { display: inline; margin: 0; }
        .late-cancel summary { cursor: pointer; color: var(--link); text-decoration: underline; }
        .late-cancel[open] { min-width: 14rem; }
        .late-cancel form { margin-top: .5rem; }
        main { display: block; padding: 1rem 0 3rem; flex: 1 0 auto; }
        address { font-style: normal; }
        main:focus { outline: none; }
        .footer-links { list-style: none; padding: 0; margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .footer-links a { color: var(--muted); }
        .prose { max-width: 42rem; }
        .prose--plain { font-size: 1.15rem; line-height: 1.7; }
        .site-footer { border-top: 1px solid var(--line); background: var(--tint); color: var(--muted); font-size: 0.9rem; padding: 1.25rem 0; }

        .button { display: inline-block; font: inherit; font-weight: 600; padding: 0.5rem 1rem; border: 2px solid var(--brand);
          background: var(--brand); color: #fff; border-radius: 4px; cursor: pointer; text-decoration: none; line-height: 1.3; }
        .button:hover { background: #0b2640; color: #fff; }
        .button--quiet { background: #fff; color: var(--brand); }
        .button--quiet:hover { background: var(--tint); color: var(--brand); }
        .button--danger { background: var(--error); border-color: var(--error); }
        .button--danger:hover { background: #7f0017; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1.5rem 0; }

        .notice { border-left: 6px solid var(--ok); background: #eef7f0; padding: 0.75rem 1rem; margin: 1.25rem 0; }
        .error-summary { border: 3px solid var(--error); padding: 1rem 1.25rem; margin: 1.25rem 0; }
        .error-summary h2 { margin-top: 0; font-size: 1.2rem; }
        .error-summary a { color: var(--error); font-weight: 600; }
        .status-box { border-left: 6px solid var(--brand); background: var(--tint); padding: 0.75rem 1rem; margin: 1.25rem 0; }
        .status-box p, .notice p { margin: 0; }
        .warning { border-left: 6px solid var(--error); background: #fdf0f2; padding: 0.75rem 1rem; margin: 1rem 0; }

        form.stack { max-width: 40rem; }
        .field { margin: 0 0 1.25rem; }
        .field label, .field legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .field__required { font-weight: 400; color: var(--muted); }
        .field__hint { color: var(--muted); margin: 0 0 0.35rem; font-size: 0.95rem; }
        .field__error { color: var(--error); font-weight: 600; margin: 0 0 0.35rem; }
        .field--error input, .field--error select, .field--error textarea { border-color: var(--error); border-width: 3px; }
        input, select, textarea { font: inherit; color: var(--ink); border: 2px solid var(--muted); border-radius: 3px; padding: 0.45rem 0.5rem; width: 100%; max-width: 36rem; background: #fff; }
        input[type="number"], input[type="date"], input[type="time"] { max-width: 12rem; }
        fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
        .checkbox { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.35rem 0; }
        .checkbox input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; flex: none; }
        .checkbox label { font-weight: 400; }
        .row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }

        .filters { background: var(--tint); border: 1px solid var(--line); border-radius: 4px; padding: 1rem 1rem 0; margin: 1rem 0; }
        .filters__fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(19rem, 100%), 1fr)); gap: 0 1rem; }
        .filters .actions { margin: 0 0 1rem; }
        .chart { max-width: 40rem; display: block; margin: 1rem 0; }
        /* Charts keep their text at 12 px or more: on a narrow screen they scroll in their own box
           (the table beside each chart holds the same values). */
        .chart-scroll { overflow-x: auto; }
        .chart--bars { min-width: 36.5rem; }
        .chart--course { min-width: 40rem; }
        .chart--wide { min-width: 40rem; }
        .visually-hidden { margin: -1px; padding: 0; border: 0; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-top: 4px solid var(--brand); border-radius: 4px; padding: 1rem 1.25rem; background: #fff; }
        .card h3 { margin-top: 0; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        .facts dd { overflow-wrap: anywhere; }
        .entries { padding-left: 1.5rem; }
        .entries > li { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; }

        .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.4rem 0 0; }
        .tags li { background: var(--tint); border: 1px solid var(--line); border-radius: 999px; padding: 0 0.6rem; font-size: 0.85rem; }

        table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
        caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
        th, td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        .table-scroll { overflow-x: auto; position: relative; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.number { text-align: right; }
        .feed-url { display: block; word-break: break-all; background: var(--tint); padding: 0.5rem; border-radius: 3px; }
        section.card { margin: 1.25rem 0; }
        .card h2 { margin-top: 0; }
        .source { color: var(--muted); font-size: 0.9rem; }
        tbody th { font-weight: 400; }

        @media (max-width: 40rem) {
          h1 { font-size: 1.6rem; }
          .facts { grid-template-columns: 1fr; }
          .facts dd { margin-bottom: 0.5rem; }
          .site-header__inner { gap: 0.5rem 1rem; }
        }

        @media print {
          .site-header, .site-footer, .skip-link, .actions, .no-print, .notice { display: none !important; }
          :root { font-size: 11pt; }
          .wrap { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .tags li { border: 1px solid #777; }
          h1 { margin-top: 0; }
          /* Paper does not scroll: wide tables and charts show whole, in a smaller type, and none breaks across pages. */
          .table-scroll, .chart-scroll { overflow: visible; }
          table { font-size: 8.5pt; }
          .chart, tr { break-inside: avoid; }
        }
        """
}

/// Small enhancements only; every page works without them.
package enum Script {
    package static let js = """
        document.addEventListener("DOMContentLoaded", function () {
          var summary = document.querySelector(".error-summary");
          if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
          document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
          });
          // A map wider than a phone opens on its middle, where the officer is.
          document.querySelectorAll(".chart-scroll--centred").forEach(function (box) {
            box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
          });
        });
        """
}

/// Versions from the content, so a changed file gets a new URL and caches never serve a stale one.
package enum Assets {
    package static let scriptVersion = fingerprint(Script.js)

    package static func fingerprint(_ text: String) -> String { Fingerprint.of(text.utf8) }
}
