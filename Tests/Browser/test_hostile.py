"""Hostile input in a real browser: markup typed into a name, a network actor and a contact field
is shown as text on every page that displays it; no dialog opens and the console stays clean."""
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, login, make_driver, new_participant

NAME = "Mara <img src=x onerror=alert(1)> Öztürk"
ACTOR = "\"><svg onload=alert(2)> Verein"
CONTACT = "javascript:alert(3)"


def assert_nothing_ran(driver, must_show):
    try:
        alert = driver.switch_to.alert
        raise AssertionError(f"a dialog opened on {driver.current_url}: {alert.text}")
    except NoAlertPresentException:
        pass
    for text in must_show:
        assert text in driver.find_element(By.TAG_NAME, "main").text or text in driver.find_element(By.TAG_NAME, "body").text, \
            f"{text!r} shown as text on {driver.current_url}"
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], f"console errors on {driver.current_url}: {errors}"
    assert not driver.find_elements(By.CSS_SELECTOR, "main img[src='x'], main svg[onload]")


def test_markup_in_names_and_network_runs_nowhere(base_url, accounts):
    person = new_participant(base_url, accounts, NAME)
    driver = make_driver()
    try:
        login(driver, base_url, person)
        driver.get(base_url + "/netzwerk/akteure/neu")
        driver.find_element(By.ID, "feld-name").send_keys(ACTOR)
        Select(driver.find_element(By.ID, "feld-kind")).select_by_value("sportsClub")
        driver.find_element(By.ID, "feld-contact").send_keys(CONTACT)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        for path, shown in [("/netzwerk", [ACTOR, CONTACT]), ("/mein-programm", []), ("/konto", [NAME]), ("/konto/meine-daten", [NAME, ACTOR])]:
            driver.get(base_url + path)
            assert_nothing_ran(driver, shown)
        assert not driver.find_elements(By.CSS_SELECTOR, "a[href^='javascript:']")
    finally:
        driver.quit()

    lead = make_driver()
    try:
        login(lead, base_url, accounts["lead"])
        lead.get(base_url + "/verwaltung/teilnehmende")
        assert_nothing_ran(lead, [NAME])
    finally:
        lead.quit()
