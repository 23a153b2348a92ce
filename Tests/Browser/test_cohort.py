"""The participant's path before a part: profile, registration; the lead's view of it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, new_edition_with_part, new_participant


def submit(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))


def test_participant_keeps_a_profile_and_registers(driver, base_url, accounts):
    edition = "Durchlauf für Profil und Anmeldung"
    part = new_edition_with_part(base_url, accounts, edition)
    login(driver, base_url, new_participant(base_url, accounts, "Rosa Weber", edition=edition))
    driver.get(base_url + "/profil")
    assert_accessible(driver)
    for field, text in (("feld-municipality", "Konstanz, Universitätsstadt"), ("feld-sharePercent", "50")):
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(text)
    Select(driver.find_element(By.ID, "feld-embedding")).select_by_value("staffUnit")
    Select(driver.find_element(By.ID, "feld-mandate")).select_by_value("councilResolution")
    network = driver.find_element(By.CSS_SELECTOR, "input[name=taskFields][value=network]")
    if not network.is_selected():
        network.click()
    submit(driver)
    assert "Konstanz, Universitätsstadt" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver)

    card = driver.find_element(By.XPATH, f"//li[contains(@class, 'card')][.//h3/a[contains(., {part!r})]]")
    click_and_wait(driver, card.find_element(By.LINK_TEXT, "Zur Anmeldung"))
    submit(driver)
    assert "Bitte prüfen Sie Ihre Eingaben" in driver.page_source
    assert_accessible(driver)
    Select(driver.find_element(By.ID, "feld-overnight")).select_by_value("ja")
    Select(driver.find_element(By.ID, "feld-diet")).select_by_value("vegetarian")
    Select(driver.find_element(By.ID, "feld-photos")).select_by_value("nein")
    submit(driver)
    assert "Sie sind angemeldet." in driver.page_source
    assert_accessible(driver)


def test_lead_sees_registrations_and_participants(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Teilnehmer*innen"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Teilnehmer*innen"
    assert_accessible(driver)
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Fachkenntnisse und Empowerment"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Anmeldungen"))
    assert "Plätze, Verpflegung und Zimmer" in driver.page_source
    assert_accessible(driver)


def test_lead_records_attendance_on_a_tablet_and_prints_the_sign_in_list(base_url, accounts):
    from conftest import make_driver
    tablet = make_driver(820, 1180)
    try:
        login(tablet, base_url, accounts["lead"])
        tablet.get(base_url + "/verwaltung")
        click_and_wait(tablet, tablet.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
        click_and_wait(tablet, tablet.find_element(By.LINK_TEXT, "Fachkenntnisse und Empowerment"))
        click_and_wait(tablet, tablet.find_elements(By.PARTIAL_LINK_TEXT, "Anwesenheit")[0])
        assert tablet.find_element(By.TAG_NAME, "h1").text.startswith("Anwesenheit:")
        assert_accessible(tablet)
        radios = tablet.find_elements(By.CSS_SELECTOR, "input[type=radio][value=present]")
        assert radios, "registered participants are listed"
        tablet.find_element(By.CSS_SELECTOR, "label[for='%s']" % radios[0].get_attribute("id")).click()
        click_and_wait(tablet, tablet.find_element(By.CSS_SELECTOR, "form.attendance button[type=submit]"))
        assert "Die Änderungen sind gespeichert." in tablet.page_source
        assert tablet.find_elements(By.CSS_SELECTOR, "input[type=radio][value=present]")[0].is_selected()
        click_and_wait(tablet, tablet.find_element(By.LINK_TEXT, "Unterschriftenliste drucken"))
        assert "Unterschrift" in tablet.page_source
        assert_accessible(tablet)
    finally:
        tablet.quit()


def test_facilitator_opens_the_attendance_of_an_own_unit(driver, base_url, accounts):
    login(driver, base_url, accounts["facilitator"])
    driver.get(base_url + "/mein-programm")
    click_and_wait(driver, driver.find_elements(By.PARTIAL_LINK_TEXT, "Anwesenheit erfassen")[0])
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Anwesenheit:")
    assert_accessible(driver)
