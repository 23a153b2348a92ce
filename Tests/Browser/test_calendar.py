"""Calendar feeds read by a real calendar library: an edited unit arrives as the same event, changed."""
import urllib.request

import icalendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, login, make_driver, new_edition_with_part, new_participant, open_part_admin, public_part_link


def fetch_calendar(url):
    with urllib.request.urlopen(url) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        return icalendar.Calendar.from_ical(response.read())


def events(calendar):
    return sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("DTSTART"))


EDITION = "Durchlauf für den Kalender"


def register(driver, base_url, part):
    driver.get(base_url + "/mein-programm")
    card = driver.find_element(By.XPATH, f"//li[contains(@class, 'card')][.//h3/a[contains(., {part!r})]]")
    click_and_wait(driver, card.find_element(By.LINK_TEXT, "Zur Anmeldung"))
    Select(driver.find_element(By.ID, "feld-overnight")).select_by_value("nein")
    Select(driver.find_element(By.ID, "feld-diet")).select_by_value("none")
    Select(driver.find_element(By.ID, "feld-photos")).select_by_value("ja")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "Sie sind angemeldet." in driver.page_source


def test_feeds_parse_and_an_edited_unit_is_the_same_event_changed(driver, base_url, accounts):
    part = new_edition_with_part(base_url, accounts, EDITION, units=[("Integrationskonzepte im Vergleich", "09:30", "11:00"),
                                                                      ("Förderprogramme", "11:30", "13:00")])
    login(driver, base_url, new_participant(base_url, accounts, "Kai Lorenz", edition=EDITION))
    register(driver, base_url, part)
    driver.get(base_url + "/mein-programm")
    feed_url = driver.find_element(By.CLASS_NAME, "feed-url").text
    before = events(fetch_calendar(feed_url))
    assert len(before) == 2, "the two units of the part registered for"
    first = [event for event in before if str(event["SUMMARY"]).startswith("Integrationskonzepte")][0]
    assert str(first.get("DTSTART").params.get("TZID")) == "Europe/Berlin"
    assert first.decoded("DTSTART").tzinfo is not None

    lead = make_driver()
    try:
        login(lead, base_url, accounts["lead"])
        open_part_admin(lead, base_url, EDITION, part)
        click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "table .row-actions a"))
        title = lead.find_element(By.ID, "feld-title")
        title.clear()
        title.send_keys("Kalendertest: Integrationskonzepte")
        click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    finally:
        lead.quit()

    after = {str(event["UID"]): event for event in events(fetch_calendar(feed_url))}
    changed = after[str(first["UID"])]
    assert str(changed["SUMMARY"]) == "Kalendertest: Integrationskonzepte"
    assert int(changed["SEQUENCE"]) > int(first["SEQUENCE"])
    assert len(after) == len(before), "the change updates the event; it adds none"


def test_a_parts_public_calendar_parses_with_its_time_zone(driver, base_url):
    driver.get(base_url + "/")
    click_and_wait(driver, public_part_link(driver, "Teil 2: Fachkenntnisse und Empowerment"))
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "(.ics)").get_attribute("href")
    part_calendar = fetch_calendar(link)
    assert part_calendar.walk("VTIMEZONE")
    assert str(part_calendar["X-WR-CALNAME"]).startswith("Teil 2")
    assert len(events(part_calendar)) == 4
