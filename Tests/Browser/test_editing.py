"""The lead's main path: change a unit, see it on the public timetable; also without JavaScript."""
from selenium.webdriver.common.by import By

from conftest import assert_accessible, click_and_wait, login, make_driver, public_part_link


def open_first_unit_form(driver, base_url):
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Fachkenntnisse und Empowerment"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table .row-actions a"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Einheit bearbeiten"


def replace(driver, field_id, text):
    field = driver.find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)


def test_lead_changes_a_unit_and_the_public_timetable_shows_it(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    open_first_unit_form(driver, base_url)
    replace(driver, "feld-title", "Integrationskonzepte: Geschichte und Gegenwart")
    replace(driver, "feld-room", "Großer Saal")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "Die Änderungen sind gespeichert." in driver.page_source
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Öffentliche Seite ansehen"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Integrationskonzepte: Geschichte und Gegenwart" in main
    assert "Raum: Großer Saal" in main


def test_a_wrong_time_is_explained_next_to_the_field_and_the_page_stays_accessible(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    open_first_unit_form(driver, base_url)
    typed = "Titel, der erhalten bleibt"
    replace(driver, "feld-title", typed)
    driver.execute_script("document.getElementById('feld-endTime').value = '08:00'")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    summary = driver.find_element(By.CLASS_NAME, "error-summary")
    assert "Das Ende muss nach dem Beginn liegen." in summary.text
    assert driver.switch_to.active_element == summary, "the error summary takes the focus"
    assert driver.find_element(By.ID, "feld-title").get_attribute("value") == typed
    assert driver.find_element(By.ID, "feld-endTime").get_attribute("aria-invalid") == "true"
    assert_accessible(driver)


def test_editing_works_with_javascript_off(base_url, accounts):
    driver = make_driver(javascript=False)
    try:
        login(driver, base_url, accounts["lead"])
        open_first_unit_form(driver, base_url)
        replace(driver, "feld-title", "Ohne JavaScript geändert")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        assert "Die Änderungen sind gespeichert." in driver.page_source
        driver.get(base_url + "/")
        click_and_wait(driver, public_part_link(driver, "Teil 2: Fachkenntnisse und Empowerment"))
        assert "Ohne JavaScript geändert" in driver.page_source
        # The print button is shown by the page's script only: hidden here proves the script did not run.
        assert not driver.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed()
    finally:
        driver.quit()
