"""Topic teams and the practice portal, as people use them: joining a team, writing the result
together (with a crossed edit from a second browser), comparing two versions, publishing the
finished result with consent, searching the portal with filters and snippets, and its Atom feed
read by feedparser. Every page is checked by axe at 1280 and 360 px."""
import urllib.request
import uuid

import feedparser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver, new_participant

OPEN_TEAM = "Wie erreichen wir Migrantenorganisationen?"


def open_team(driver, base_url, question):
    driver.get(base_url + "/austausch/teams")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, question))


def inserted(driver):
    """The added words of a comparison, without the words only screen readers hear."""
    return driver.execute_script(
        "return [...document.querySelectorAll('.diff ins')].map(e => [...e.childNodes]"
        ".filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim())")


def save_result(driver, text):
    field = driver.find_element(By.ID, "feld-text")
    field.clear()
    field.send_keys(text)
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//form//button[@type='submit']"))


def test_a_team_writes_its_result_together_and_a_crossed_edit_is_not_lost(driver, base_url, accounts):
    first = new_participant(base_url, accounts, "Erste Autorin")
    second = new_participant(base_url, accounts, "Zweiter Autor")
    question = "Wie laden wir zur Netzwerkrunde ein? " + uuid.uuid4().hex[:6]
    login(driver, base_url, first)
    driver.get(base_url + "/austausch/teams")
    assert_accessible(driver)
    driver.find_element(By.XPATH, "//summary[normalize-space(.)='Ein Team vorschlagen']").click()
    driver.find_element(By.ID, "feld-frage").send_keys(question)
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Team anlegen']"))
    assert "Das Team ist angelegt" in driver.page_source
    team_url = driver.current_url.split("?")[0]
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Ergebnis bearbeiten"))
    save_result(driver, "Wir laden alle Träger ein.")
    assert "Fassung 1 von Erste Autorin" in driver.page_source

    other = make_driver(width=360)
    try:
        login(other, base_url, second)
        other.get(team_url)
        assert_accessible(other)
        click_and_wait(other, other.find_element(By.XPATH, "//button[normalize-space(.)='Dem Team beitreten']"))
        assert "Erste Autorin" in other.find_element(By.ID, "mitglieder").find_element(By.XPATH, "..").text
        # Both open the editor on version 1; the first saves, then the second.
        click_and_wait(other, other.find_element(By.LINK_TEXT, "Ergebnis bearbeiten"))
        driver.get(team_url + "/ergebnis")
        save_result(driver, "Wir laden alle Vereine und Träger ein.")
        save_result(other, "Wir laden alle Träger schriftlich ein.")
        assert "Jemand hat inzwischen gespeichert" in other.page_source
        assert inserted(other) == ["Vereine und"]
        assert other.find_element(By.ID, "feld-text").get_attribute("value") == "Wir laden alle Träger schriftlich ein."
        assert_accessible(other)
        save_result(other, "Wir laden alle Vereine und Träger schriftlich ein.")
        assert "Fassung 3 von Zweiter Autor" in other.page_source
    finally:
        other.quit()

    driver.get(team_url + "/fassungen")
    Select(driver.find_element(By.ID, "feld-von")).select_by_value("1")
    Select(driver.find_element(By.ID, "feld-bis")).select_by_value("3")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Vergleichen']"))
    assert inserted(driver) == ["Vereine und", "schriftlich"]
    assert_accessible(driver)

    driver.get(team_url)
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Ergebnis abschließen']"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Im Praxisportal veröffentlichen"))
    assert_accessible(driver)
    title = "Einladung zur Netzwerkrunde " + uuid.uuid4().hex[:6]
    driver.find_element(By.ID, "feld-titel").clear()
    driver.find_element(By.ID, "feld-titel").send_keys(title)
    driver.find_element(By.XPATH, "//fieldset[legend[contains(., 'Kompetenzbereich')]]//input").click()
    driver.find_element(By.XPATH, "//input[@name='oeffentlich']").click()
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//form//button[normalize-space(.)='Veröffentlichen']"))
    assert "Der Beitrag steht im Praxisportal." in driver.page_source
    assert "bisher 1 von 2" in driver.page_source, "public only when every author agrees"
    assert_accessible(driver)


def test_the_portal_finds_german_words_filters_and_marks_them(base_url):
    for width in (1280, 360):
        driver = make_driver(width=width)
        try:
            driver.get(base_url + "/praxisportal?q=Wohnungen")
            assert_accessible(driver)
            titles = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".portal-hits h3")]
            assert titles[0] == "Bezahlbarer Wohnraum für Geflüchtete"
            assert "Wohnungen" in [mark.text for mark in driver.find_elements(By.CSS_SELECTOR, ".portal-hits mark")]
            driver.get(base_url + "/praxisportal?q=Konzept")
            assert "Das Integrationskonzept mit dem Gemeinderat erarbeiten" in driver.page_source
            Select(driver.find_element(By.ID, "feld-feld")).select_by_visible_text("Arbeit")
            click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Suchen']"))
            assert "feld=work" in driver.current_url
            assert [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".portal-hits h3")] == [
                "Das Integrationskonzept mit dem Gemeinderat erarbeiten"]
            click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Das Integrationskonzept mit dem Gemeinderat erarbeiten"))
            assert_accessible(driver)
            # Without an account the article whose authors did not all agree is not there.
            driver.get(base_url + "/praxisportal?q=Sprachmittlung")
            assert "Keine Treffer" in driver.page_source
        finally:
            driver.quit()


def test_the_atom_feed_is_valid_for_an_independent_parser(base_url):
    with urllib.request.urlopen(base_url + "/praxisportal/neu.atom") as response:
        assert response.headers.get_content_type() == "application/atom+xml"
        feed = feedparser.parse(response.read())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert "Bezahlbarer Wohnraum für Geflüchtete" in titles
    assert "Sprachmittlung beim Arzt und im Krankenhaus" not in titles
    assert all(entry.link.startswith(base_url + "/praxisportal/beitraege/") for entry in feed.entries)
