"""Completion and certificates in the browser: the lead's page, a certificate issued and
verified on the public page, all without accessibility violations and fitting a phone."""
import re

from selenium.webdriver.common.by import By

from conftest import PROTOTYPE, assert_accessible, click_and_wait, login, make_driver, open_edition
from test_phone_width import OVERFLOW


def test_lead_issues_certificates_and_anyone_verifies_one(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    open_edition(driver, base_url, PROTOTYPE)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Abschluss"))
    assert re.search(r"\d+ von \d+ Teilnehmer\*innen haben den Durchlauf abgeschlossen", driver.page_source)
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Bescheinigungen für alle Abgeschlossenen ausstellen']"))
    assert "Bescheinigungen ausgestellt." in driver.page_source
    code = driver.find_element(By.CSS_SELECTOR, "a[href^='/nachweis/']").text
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
    assert_accessible(driver)

    visitor = make_driver(360, 800)
    try:
        visitor.get(base_url + "/nachweis/" + code)
        assert "Diese Bescheinigung ist echt und gültig." in visitor.page_source
        assert_accessible(visitor)
        assert visitor.execute_script(OVERFLOW) <= 0
    finally:
        visitor.quit()


def test_demo_finished_run_has_its_certificates(driver, base_url, accounts):
    """seed-demo issues the certificates of its finished runs, so verification has something to show."""
    login(driver, base_url, accounts["lead"])
    open_edition(driver, base_url, PROTOTYPE)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Abschluss"))
    codes = driver.find_elements(By.CSS_SELECTOR, "a[href^='/nachweis/']")
    assert len(codes) >= 9, len(codes)
