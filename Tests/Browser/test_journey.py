"""The cohort's whole path in the browser: invite → accept → profile → register → waitlist →
promotion → attendance, each page checked for accessibility on the way."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (assert_accessible, click_and_wait, login, mail_to, make_driver, new_edition_with_part, new_participant,
                      open_edition, open_part_admin)


def submit(driver, selector="form.stack button[type=submit]"):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, selector))


EDITION = "Durchlauf für den ganzen Weg"


def test_invite_accept_profile_register_waitlist_promotion_attendance(driver, base_url, accounts):
    """On a part of its own, one seat, a month ahead: registration is open until a part begins."""
    part = new_edition_with_part(base_url, accounts, EDITION, capacity=1,
                                 units=[("Netzwerkarbeit vor Ort", "09:30", "11:00")])
    new_participant(base_url, accounts, "Jonas Brandt", edition=EDITION)
    invitee = "paula.neumann@kommune.example"
    lead = driver
    login(lead, base_url, accounts["lead"])

    # The lead invites one person.
    open_edition(lead, base_url, EDITION)
    click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Einladungen"))
    assert_accessible(lead)
    lead.find_element(By.ID, "feld-name").send_keys("Paula Neumann")
    lead.find_element(By.ID, "feld-email").send_keys(invitee)
    lead.find_element(By.ID, "feld-ags").send_keys("08335043")
    submit(lead)
    assert "Die Einladung ist verschickt." in lead.page_source
    assert_accessible(lead)

    # The only seat goes to Jonas, whom the lead registers on his behalf.
    open_part_admin(lead, base_url, EDITION, part)
    click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Anmeldungen"))
    Select(lead.find_element(By.ID, "feld-userID")).select_by_visible_text("Jonas Brandt")
    Select(lead.find_element(By.ID, "feld-overnight")).select_by_value("nein")
    Select(lead.find_element(By.ID, "feld-diet")).select_by_value("none")
    Select(lead.find_element(By.ID, "feld-photos")).select_by_value("ja")
    submit(lead)
    assert "<dt>Frei</dt><dd>0</dd>" in lead.page_source

    # The invited person accepts, completes the profile and registers: waitlist.
    body, subject = mail_to(invitee)
    assert subject.startswith("Einladung:")
    link = re.search(r"https?://\S+", body).group(0)
    person = make_driver()
    try:
        person.get(link)
        assert "Willkommen, Paula Neumann" in person.page_source
        assert_accessible(person)
        person.find_element(By.ID, "feld-password").send_keys("paula-sicheres-passwort")
        person.find_element(By.ID, "feld-confirmation").send_keys("paula-sicheres-passwort")
        submit(person)
        assert "Bitte ergänzen Sie jetzt Ihre Kommune" in person.page_source
        assert person.find_element(By.ID, "feld-municipality").get_attribute("value") == \
            "Konstanz, Universitätsstadt (Landkreis Konstanz, Baden-Württemberg)"
        Select(person.find_element(By.ID, "feld-embedding")).select_by_value("officeUnit")
        person.find_element(By.ID, "feld-sharePercent").send_keys("75")
        Select(person.find_element(By.ID, "feld-mandate")).select_by_value("jobDescription")
        submit(person)
        card = person.find_element(By.XPATH, f"//li[contains(@class, 'card')][.//h3/a[contains(., {part!r})]]")
        click_and_wait(person, card.find_element(By.LINK_TEXT, "Zur Anmeldung"))
        Select(person.find_element(By.ID, "feld-overnight")).select_by_value("ja")
        Select(person.find_element(By.ID, "feld-diet")).select_by_value("vegan")
        Select(person.find_element(By.ID, "feld-photos")).select_by_value("ja")
        submit(person)
        assert "Platz 1 der Warteliste" in person.page_source
        assert_accessible(person)

        # The lead cancels Jonas: the first on the waitlist moves up and is told by mail.
        open_part_admin(lead, base_url, EDITION, part)
        click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Anmeldungen"))
        assert "Paula Neumann" in lead.find_element(By.ID, "warteliste").find_element(By.XPATH, "..").text
        assert_accessible(lead)
        first_registered = lead.find_element(By.CSS_SELECTOR, "section[aria-labelledby=angemeldet] form button")
        click_and_wait(lead, first_registered)
        body, subject = mail_to(invitee)
        assert "Sie haben einen Platz" in subject
        person.refresh()
        assert "Sie sind angemeldet." in person.page_source

        # The lead records Paula's attendance; she sees it on her page.
        open_part_admin(lead, base_url, EDITION, part)
        click_and_wait(lead, lead.find_elements(By.PARTIAL_LINK_TEXT, "Anwesenheit")[0])
        legend = lead.find_element(By.XPATH, "//legend[starts-with(normalize-space(.), 'Paula Neumann')]")
        fieldset = legend.find_element(By.XPATH, "..")
        fieldset.find_element(By.XPATH, ".//label[normalize-space(.)='anwesend']").click()
        submit(lead, "form.attendance button[type=submit]")
        person.get(base_url + "/mein-programm")
        assert "Meine Anwesenheit" in person.page_source and "anwesend" in person.page_source
        assert_accessible(person)
    finally:
        person.quit()
