"""Mein Konto in the browser: an API token made, shown once, used, and revoked; the page passes
the accessibility check and fits a phone."""
import json
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver
from test_phone_width import OVERFLOW


def api_me(base_url, token):
    request = urllib.request.Request(base_url + "/api/v1/me", headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_token_is_shown_once_works_and_can_be_revoked(driver, base_url, accounts):
    login(driver, base_url, accounts["facilitator"])
    assert driver.find_element(By.CSS_SELECTOR, "a.account__name").get_attribute("href").endswith("/konto")
    driver.get(base_url + "/konto")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Mein Konto"
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Token erzeugen']"))
    assert "Bitte einen Namen für das Token angeben." in driver.page_source
    assert_accessible(driver)

    driver.find_element(By.ID, "feld-name").send_keys("Stundenplan-Import")
    Select(driver.find_element(By.ID, "feld-scope")).select_by_visible_text("lesen und schreiben")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Token erzeugen']"))
    token = driver.find_element(By.CSS_SELECTOR, "code.secret").text
    assert token.startswith("coh_")
    assert_accessible(driver)
    driver.refresh()
    assert token not in driver.page_source, "the token is shown only once"

    status, me = api_me(base_url, token)
    assert status == 200 and me["role"] == "facilitator" and me["scope"] == "read-write"

    click_and_wait(driver, driver.find_element(By.XPATH, "//tr[th[normalize-space(.)='Stundenplan-Import']]//button"))
    status, problem = api_me(base_url, token)
    assert status == 401 and problem["status"] == 401 and "Token" in problem["detail"]


def test_the_account_page_fits_a_phone(base_url, accounts):
    phone = make_driver(360, 800)
    try:
        login(phone, base_url, accounts["participant"])
        phone.get(base_url + "/konto")
        assert phone.execute_script(OVERFLOW) <= 0
        assert_accessible(phone)
    finally:
        phone.quit()
