"""The participant's network in the browser: the editor without JavaScript, the map and its
findings, a snapshot and what changed, the comparison and the colleagues, at desktop and phone
width and in print, each page without accessibility violations."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver, new_participant
from test_phone_width import OVERFLOW, SMALLEST_CHART_TEXT


def submit(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))


def add_actor(driver, base_url, name, kind):
    driver.get(base_url + "/netzwerk/akteure/neu")
    driver.find_element(By.ID, "feld-name").send_keys(name)
    Select(driver.find_element(By.ID, "feld-kind")).select_by_value(kind)
    submit(driver)


def add_tie(driver, base_url, to, intensity, status="exists", source="Sie (eigene Stelle)"):
    driver.get(base_url + "/netzwerk/verbindungen/neu")
    Select(driver.find_element(By.ID, "feld-from")).select_by_visible_text(source)
    Select(driver.find_element(By.ID, "feld-to")).select_by_visible_text(to)
    Select(driver.find_element(By.ID, "feld-kind")).select_by_value("cooperation")
    Select(driver.find_element(By.ID, "feld-intensity")).select_by_value(str(intensity))
    Select(driver.find_element(By.ID, "feld-status")).select_by_value(status)
    submit(driver)


def test_editor_map_findings_and_snapshot_without_javascript(base_url, accounts):
    browser = make_driver(javascript=False)
    try:
        login(browser, base_url, new_participant(base_url, accounts, "Nora Brandt"))
        browser.get(base_url + "/mein-programm")
        click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Mein Netzwerk öffnen"))
        assert "Noch keine Akteur*innen eingetragen." in browser.page_source
        add_actor(browser, base_url, "Caritasverband", "welfareAssociation")
        add_actor(browser, base_url, "Jobcenter Ulm", "jobcenter")
        add_actor(browser, base_url, "Moscheegemeinde", "religiousCommunity")
        add_tie(browser, base_url, "Caritasverband", 3)
        add_tie(browser, base_url, "Jobcenter Ulm", 2, status="wanted")
        add_tie(browser, base_url, "Moscheegemeinde", 2, source="Caritasverband")
        findings = browser.find_element(By.CSS_SELECTOR, "ul.findings").text
        assert "Vermittelnd: Caritasverband" in findings
        assert "Noch offen: eine gewünschte Verbindung (Jobcenter Ulm)." in findings
        svg = browser.find_element(By.CSS_SELECTOR, "svg.chart--network")
        assert svg.find_element(By.TAG_NAME, "title").get_attribute("textContent") == "Mein Netzwerk"
        assert len(svg.find_elements(By.TAG_NAME, "circle")) >= 3 + 1
        names = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#akteure ~ div table tbody th")]
        assert sorted(names) == ["Caritasverband", "Jobcenter Ulm", "Moscheegemeinde"]

        browser.get(base_url + "/netzwerk/staende")
        Select(browser.find_element(By.ID, "feld-partID")).select_by_index(1)
        submit(browser)
        add_actor(browser, base_url, "Integrationsrat", "integrationCouncil")
        browser.get(base_url + "/netzwerk/staende")
        assert "Neu: Integrationsrat." in browser.page_source
    finally:
        browser.quit()


def test_network_pages_are_accessible_fit_a_phone_and_print(base_url, accounts):
    pages = ["/netzwerk", "/netzwerk/akteure/neu", "/netzwerk/verbindungen/neu", "/netzwerk/staende", "/netzwerk/vergleich",
             "/kolleginnen"]
    for width in (1280, 360):
        browser = make_driver(width, 900)
        try:
            login(browser, base_url, accounts["participant"])
            for page in pages:
                browser.get(base_url + page)
                assert_accessible(browser)
                assert browser.execute_script(OVERFLOW) <= 0, f"{page} scrolls sideways at {width}px"
                smallest = browser.execute_script(SMALLEST_CHART_TEXT)
                assert smallest is None or smallest >= 12, f"{page}: chart text {smallest:.1f}px at {width}px"
        finally:
            browser.quit()
    browser = make_driver(1280, 900)
    try:
        login(browser, base_url, accounts["participant"])
        browser.get(base_url + "/netzwerk/vergleich")
        assert " %</td>" in browser.page_source, "the cohort's shares are shown"
        browser.get(base_url + "/kolleginnen")
        assert "Vorschläge für Sie" in browser.page_source
        click_and_wait(browser, browser.find_elements(By.PARTIAL_LINK_TEXT, "Nachricht schreiben")[0])
        assert browser.find_element(By.ID, "feld-message")
        assert_accessible(browser)
        browser.get(base_url + "/netzwerk")
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert not browser.find_element(By.CSS_SELECTOR, "p.network-editor").is_displayed(), "buttons stay off paper"
        svg = browser.find_element(By.CSS_SELECTOR, "svg.chart--network")
        main = browser.find_element(By.TAG_NAME, "main")
        assert svg.is_displayed() and svg.rect["width"] <= main.rect["width"] + 1, "the map fits the page's width"
    finally:
        browser.quit()


def test_lead_reads_the_cohort_coverage_beside_the_needs(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Bedarfe"))
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Netzwerke der Kohorte"))
    # Ten demo officers froze their networks at Part 1; other tests may have added their own.
    assert re.search(r"Teil 1 \((1\d|\d\d)\)", driver.page_source) and "Heute (" in driver.page_source
    assert_accessible(driver)
