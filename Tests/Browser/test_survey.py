"""Feedback: the lead builds a survey for a unit, a participant who attended answers, the report waits for five."""
import datetime
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver


def open_part_two_admin(driver, base_url):
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Fachkenntnisse und Empowerment"))


def test_survey_from_building_to_report(driver, base_url, accounts):
    lead = driver
    login(lead, base_url, accounts["lead"])
    participant_name = None

    # Seats for everyone, and the participant registered (other tests may have cancelled her).
    open_part_two_admin(lead, base_url)
    click_and_wait(lead, lead.find_elements(By.PARTIAL_LINK_TEXT, "Bearbeiten")[0])
    capacity = lead.find_element(By.ID, "feld-capacity")
    capacity.clear()
    capacity.send_keys("50")
    click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Anmeldungen"))
    choices = lead.find_elements(By.ID, "feld-userID")
    if choices and "Anna Becker" in [option.text for option in Select(choices[0]).options]:
        Select(choices[0]).select_by_visible_text("Anna Becker")
        Select(lead.find_element(By.ID, "feld-overnight")).select_by_value("nein")
        Select(lead.find_element(By.ID, "feld-diet")).select_by_value("none")
        Select(lead.find_element(By.ID, "feld-photos")).select_by_value("ja")
        click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "section[aria-labelledby=stellvertretend] form button[type=submit]"))

    # The participant attended the first unit of Part 2.
    open_part_two_admin(lead, base_url)
    click_and_wait(lead, lead.find_elements(By.PARTIAL_LINK_TEXT, "Anwesenheit")[0])
    for legend in lead.find_elements(By.CSS_SELECTOR, "fieldset.attendance__person legend"):
        if legend.text.startswith("Anna Becker"):
            participant_name = legend.text
            legend.find_element(By.XPATH, "..").find_element(By.XPATH, ".//label[normalize-space(.)='anwesend']").click()
    assert participant_name, "Anna Becker is registered for Part 2"
    click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "form.attendance button[type=submit]"))

    # The lead builds an anonymous survey for that unit, open now.
    open_part_two_admin(lead, base_url)
    click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Feedback"))
    assert_accessible(lead)
    lead.find_element(By.ID, "feld-title").send_keys("Rückmeldung zu den Integrationskonzepten")
    Select(lead.find_element(By.ID, "feld-target")).select_by_index(1)
    lead.find_element(By.CSS_SELECTOR, "input[name=anonymous]").click()
    today = datetime.date.today()
    lead.execute_script("document.getElementById('feld-opensOn').value = arguments[0]; document.getElementById('feld-closesOn').value = arguments[1]",
                        (today - datetime.timedelta(days=1)).isoformat(), (today + datetime.timedelta(days=14)).isoformat())
    click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert_accessible(lead)
    Select(lead.find_element(By.ID, "feld-kind")).select_by_value("scale")
    lead.find_element(By.ID, "feld-text").send_keys("Wie hilfreich war die Einheit für Ihre Arbeit?")
    click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    survey_url = lead.current_url.split("?")[0]

    participant = make_driver()
    try:
        login(participant, base_url, accounts["participant"])
        participant.get(base_url + "/mein-programm")
        assert "Ihre Rückmeldung ist gefragt" in participant.page_source
        click_and_wait(participant, participant.find_element(By.LINK_TEXT, "Rückmeldung zu den Integrationskonzepten"))
        assert_accessible(participant)
        participant.find_element(By.XPATH, "//label[normalize-space(.)='5']").click()
        click_and_wait(participant, participant.find_element(By.CSS_SELECTOR, "form.survey button[type=submit]"))
        assert "Danke für Ihre Rückmeldung." in participant.page_source
    finally:
        participant.quit()

    lead.get(survey_url)
    click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Feedbackbögen: Teil 2"))
    survey_id = survey_url.rstrip("/").split("/")[-1]
    click_and_wait(lead, lead.find_element(By.XPATH, f"//a[contains(@href, '/auswertung/feedback/{survey_id}')]"))
    assert "Noch zu wenige Rückmeldungen" in lead.page_source
    assert_accessible(lead)
