"""Between the parts, as people use it: the board (posting, formatting, answering, hiding), the lunch
meetings (registering, proposing, voting to the budget and past it, notes, the video address only for
the registered and only from half an hour before), the mail per post, and every page accessible at
1280 and 360 px."""
import datetime
import re
import urllib.request
import uuid
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By

from conftest import PROTOTYPE, assert_accessible, click_and_wait, login, mail_to, make_driver, new_participant

BERLIN = ZoneInfo("Europe/Berlin")


def open_board(driver, base_url, edition=PROTOTYPE):
    driver.get(base_url + "/austausch")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Forum: " + edition))


def open_lunch_series(driver, base_url):
    driver.get(base_url + "/austausch/mittagsrunden")


def coming_meeting_link(driver):
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space(.)='Mittagsrunde Integration vor Ort']]")
    return section.find_element(By.XPATH, ".//h3[normalize-space(.)='Nächste Termine']/following-sibling::ul[1]//a")


def test_a_question_is_formatted_safely_answered_and_hidden(driver, base_url, accounts):
    asker = new_participant(base_url, accounts, "Fragende Person")
    answerer = new_participant(base_url, accounts, "Antwortende Person")
    title = "Beirat " + uuid.uuid4().hex[:6]
    login(driver, base_url, asker)
    open_board(driver, base_url)
    driver.find_element(By.XPATH, "//summary[normalize-space(.)='Neue Frage stellen']").click()
    driver.find_element(By.ID, "feld-titel").send_keys(title)
    driver.find_element(By.ID, "feld-text").send_keys(
        "Wie besetzt ihr ihn?\n\n- **Satzung** anpassen\n- *offene* Wahl\n\n<script>window.boom = 1</script> [Satzung](https://example.org/satzung)")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Veröffentlichen']"))
    post = driver.find_element(By.XPATH, f"//article[h3[normalize-space(.)={title!r}]]")
    body = post.find_element(By.CLASS_NAME, "post__body")
    assert [li.text for li in body.find_elements(By.CSS_SELECTOR, "ul li")] == ["Satzung anpassen", "offene Wahl"]
    assert body.find_element(By.CSS_SELECTOR, "strong").text == "Satzung"
    assert body.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == "https://example.org/satzung"
    assert "<script>window.boom = 1</script>" in body.text, "typed markup is shown as text"
    assert body.find_elements(By.TAG_NAME, "script") == []
    assert driver.execute_script("return window.boom") is None

    answering = make_driver()
    try:
        login(answering, base_url, answerer)
        open_board(answering, base_url)
        thread = answering.find_element(By.XPATH, f"//article[h3[normalize-space(.)={title!r}]]")
        thread.find_element(By.XPATH, ".//details[contains(@class,'post__reply')]/summary").click()
        assert thread.find_element(By.TAG_NAME, "textarea").get_attribute("required") is not None, "the browser asks for a text first"
        thread.find_element(By.TAG_NAME, "textarea").send_keys("Offen einladen, dann wählen.")
        click_and_wait(answering, thread.find_element(By.XPATH, ".//button[normalize-space(.)='Antwort veröffentlichen']"))
        thread = answering.find_element(By.XPATH, f"//article[h3[normalize-space(.)={title!r}]]")
        assert "Offen einladen, dann wählen." in thread.find_element(By.CLASS_NAME, "post__answers").text
    finally:
        answering.quit()

    lead = make_driver()
    try:
        login(lead, base_url, accounts["lead"])
        open_board(lead, base_url)
        thread = lead.find_element(By.XPATH, f"//article[h3[normalize-space(.)={title!r}]]")
        thread.find_element(By.XPATH, ".//details[contains(@class,'post__hide')]/summary").click()
        thread.find_element(By.NAME, "grund").send_keys("Bitte sachlich bleiben")
        click_and_wait(lead, thread.find_element(By.XPATH, ".//button[normalize-space(.)='Beitrag ausblenden']"))
        assert "Der Beitrag ist ausgeblendet" in lead.page_source
    finally:
        lead.quit()
    driver.refresh()
    post = driver.find_element(By.XPATH, f"//article[h3[normalize-space(.)={title!r}]]")
    assert "Von der Programmleitung ausgeblendet. Grund: Bitte sachlich bleiben" in post.text
    assert_accessible(driver)


def test_votes_to_the_budget_and_past_it(driver, base_url, accounts):
    person = new_participant(base_url, accounts, "Abstimmende Person")
    login(driver, base_url, person)
    open_lunch_series(driver, base_url)
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space(.)='Mittagsrunde Integration vor Ort']]")
    click_and_wait(driver, section.find_element(By.XPATH, ".//button[starts-with(normalize-space(.),'Anmelden')]"))
    assert "Sie sind angemeldet" in driver.page_source
    click_and_wait(driver, coming_meeting_link(driver))
    topic = "Unser Thema " + uuid.uuid4().hex[:6]
    driver.find_element(By.ID, "feld-thema").send_keys(topic)
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Vorschlagen']"))
    assert topic in driver.page_source
    assert "Ihre Stimmen: 3 von 3 frei." in driver.page_source
    # Keep one form for later, as a second tab left open would.
    stale = driver.find_elements(By.XPATH, "//li[contains(@class,'agenda__item')]//form[.//button[starts-with(normalize-space(.),'Stimme geben')]]")[-1]
    stale_action = stale.get_attribute("action")
    for left in (2, 1, 0):
        click_and_wait(driver, driver.find_element(By.XPATH, "//button[starts-with(normalize-space(.),'Stimme geben')]"))
        assert f"Ihre Stimmen: {left} von 3 frei." in driver.page_source
    assert driver.find_elements(By.XPATH, "//button[starts-with(normalize-space(.),'Stimme geben')]") == []
    assert "Keine Stimme frei" in driver.page_source
    # The stale form, sent now: refused in German, nothing counted.
    token = driver.find_element(By.NAME, "_csrf").get_attribute("value")
    driver.execute_script(
        """
        const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];
        for (const [name, value] of [['_csrf', arguments[1]], ['aktion', 'geben']]) {
            const input = document.createElement('input'); input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input);
        }
        document.body.appendChild(form); window.cohesionOldPage = true; form.submit();
        """, stale_action, token)
    assert "Sie haben alle 3 Stimmen für diesen Termin vergeben." in driver.find_element(By.TAG_NAME, "body").text
    driver.back()
    driver.refresh()
    assert "Ihre Stimmen: 0 von 3 frei." in driver.page_source
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[starts-with(normalize-space(.),'Stimme zurücknehmen')]"))
    assert "Ihre Stimmen: 1 von 3 frei." in driver.page_source
    assert_accessible(driver)


def test_notes_of_the_past_meeting_and_the_mail_per_post(driver, base_url, accounts):
    # The demo's host publishes changed notes on the past meeting and marks an open item answered.
    login(driver, base_url, accounts["facilitator"])
    open_lunch_series(driver, base_url)
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space(.)='Mittagsrunde Integration vor Ort']]")
    click_and_wait(driver, section.find_element(By.XPATH, ".//h3[normalize-space(.)='Vergangene Termine']/following-sibling::ul[1]//a"))
    assert driver.find_element(By.ID, "themen-titel").text == "Tagesordnung"
    notes = driver.find_element(By.ID, "feld-notizen")
    notes.clear()
    notes.send_keys("**Haushalt:** Argumente gesammelt.\n\n- Wohnsitzauflage: nächste Runde")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Veröffentlichen']"))
    published = driver.find_element(By.ID, "notizen")
    assert published.find_element(By.TAG_NAME, "strong").text == "Haushalt:"
    assert "Wohnsitzauflage: nächste Runde" in published.find_element(By.TAG_NAME, "li").text
    assert_accessible(driver)

    # A colleague who wants a mail per post gets one when someone else writes.
    reader = new_participant(base_url, accounts, "Lesende Person")
    writer = new_participant(base_url, accounts, "Schreibende Person")
    driver.delete_all_cookies()
    login(driver, base_url, reader)
    driver.get(base_url + "/austausch/benachrichtigungen")
    assert_accessible(driver)
    fieldset = driver.find_element(By.XPATH, f"//fieldset[legend[normalize-space(.)='Forum „{PROTOTYPE}“']]")
    assert fieldset.find_element(By.CSS_SELECTOR, "input[value='taeglich-ankuendigungen']").is_selected(), "the quiet default"
    fieldset.find_element(By.XPATH, ".//label[starts-with(normalize-space(.),'Eine E-Mail zu jedem')]").click()
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Speichern']"))
    assert "Ihre Auswahl ist gespeichert." in driver.page_source
    title = "Frage an alle " + uuid.uuid4().hex[:6]
    driver.delete_all_cookies()
    login(driver, base_url, writer)
    open_board(driver, base_url)
    driver.find_element(By.XPATH, "//summary[normalize-space(.)='Neue Frage stellen']").click()
    driver.find_element(By.ID, "feld-titel").send_keys(title)
    driver.find_element(By.ID, "feld-text").send_keys("Wer hat Erfahrung mit Sprachmittlung?")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Veröffentlichen']"))
    body, subject = mail_to(reader["email"])
    assert title in subject and "Wer hat Erfahrung mit Sprachmittlung?" in body


def test_video_address_only_for_the_registered_and_only_from_half_an_hour_before(driver, base_url, accounts):
    now = datetime.datetime.now(BERLIN)
    start = (now + datetime.timedelta(minutes=20)).replace(second=0, microsecond=0)
    if (start + datetime.timedelta(minutes=20)).date() != start.date():
        # A meeting is one day's: near midnight it starts just after, still within the half hour.
        start = (start + datetime.timedelta(days=1)).replace(hour=0, minute=1)
    end = start + datetime.timedelta(minutes=20)
    registered = new_participant(base_url, accounts, "Angemeldete Person")
    other = new_participant(base_url, accounts, "Nicht angemeldete Person")
    # The host sets a meeting starting in 20 minutes: its room opens now.
    login(driver, base_url, accounts["facilitator"])
    open_lunch_series(driver, base_url)
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space(.)='Mittagsrunde Integration vor Ort']]")
    section.find_element(By.XPATH, ".//summary[starts-with(normalize-space(.),'Neuen Termin anlegen')]").click()
    freeze = datetime.datetime.now(BERLIN) + datetime.timedelta(minutes=2)
    for field, value in [("datum", start.strftime("%d.%m.%Y")), ("beginn", start.strftime("%H:%M")), ("ende", end.strftime("%H:%M")),
                         ("schluss-datum", freeze.strftime("%d.%m.%Y")), ("schluss-zeit", freeze.strftime("%H:%M"))]:
        element = section.find_element(By.NAME, field)
        driver.execute_script("arguments[0].value = arguments[1]", element, value if field in ("beginn", "ende", "schluss-zeit") else
                              datetime.datetime.strptime(value, "%d.%m.%Y").strftime("%Y-%m-%d"))
    click_and_wait(driver, section.find_element(By.XPATH, ".//button[normalize-space(.)='Termin anlegen']"))
    meeting = driver.current_url.split("?")[0]
    assert "Der Termin ist angelegt." in driver.page_source
    assert driver.find_element(By.LINK_TEXT, "Zum Videoraum").get_attribute("href") == "https://video.demo.cohesion.example/mittagsrunde", "the host sees it"

    driver.delete_all_cookies()
    login(driver, base_url, other)
    driver.get(meeting)
    assert "video.demo.cohesion.example" not in driver.page_source, "not registered: no address"
    assert_accessible(driver)

    driver.delete_all_cookies()
    login(driver, base_url, registered)
    open_lunch_series(driver, base_url)
    section = driver.find_element(By.XPATH, "//section[h2[normalize-space(.)='Mittagsrunde Integration vor Ort']]")
    click_and_wait(driver, section.find_element(By.XPATH, ".//button[starts-with(normalize-space(.),'Anmelden')]"))
    driver.get(meeting)
    assert driver.find_element(By.LINK_TEXT, "Zum Videoraum").get_attribute("href") == "https://video.demo.cohesion.example/mittagsrunde"
    # The coming demo meeting is days away: announced, not shown.
    open_lunch_series(driver, base_url)
    links = driver.find_elements(By.XPATH, "//h3[normalize-space(.)='Nächste Termine']/following-sibling::ul[1]//a")
    click_and_wait(driver, links[-1])
    assert "Der Link zum Videoraum erscheint hier ab 12:00 Uhr" in driver.page_source
    assert "video.demo.cohesion.example" not in driver.page_source
    # The private calendar carries the address of the meeting whose room is open.
    driver.get(base_url + "/mein-programm")
    feed = re.search(r"https?://\S+?\.ics", driver.find_element(By.CLASS_NAME, "feed-url").text).group(0)
    # Read as a calendar program reads it (a browser would download the file).
    ics = urllib.request.urlopen(feed).read().decode("utf-8").replace("\r\n ", "")
    assert "Videoraum: https://video.demo.cohesion.example/mittagsrunde" in ics


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("role", ["participant", "lead"])
def test_every_exchange_page_is_accessible(base_url, accounts, role, width):
    browser = make_driver(width, 900)
    try:
        login(browser, base_url, accounts[role])
        pages = [base_url + "/austausch", base_url + "/austausch/mittagsrunden", base_url + "/austausch/benachrichtigungen"]
        browser.get(base_url + "/austausch")
        pages.append(browser.find_element(By.LINK_TEXT, "Forum: " + PROTOTYPE).get_attribute("href"))
        browser.get(base_url + "/austausch/mittagsrunden")
        pages += [link.get_attribute("href") for link in browser.find_elements(By.CSS_SELECTOR, "section.card ul.plain-list a")][:3]
        for page in pages:
            browser.get(page)
            assert "Kein Zugriff" not in browser.title, page
            # Every reply, hide and new-meeting form open, so that their fields are checked too.
            browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
            assert_accessible(browser)
            overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{page} is wider than {width} px"
    finally:
        browser.quit()
