"""The pages added for data protection and accounts, as their users open them: without WCAG 2.1
A/AA violations at desktop width, and without sideways scrolling on a phone."""
from selenium.webdriver.common.by import By

from conftest import assert_accessible, click_and_wait, login, make_driver, new_participant
from test_phone_width import OVERFLOW


def visit(account, base_url, paths, before=None):
    for width in (1280, 360):
        driver = make_driver(width=width)
        try:
            login(driver, base_url, account)
            if before:
                before(driver)
            for path in paths:
                driver.get(base_url + path)
                assert "<h1>" in driver.page_source
                assert_accessible(driver)
                assert driver.execute_script(OVERFLOW) <= 0, f"{path} scrolls sideways at {width} px"
        finally:
            driver.quit()


def test_admin_pages_for_accounts_and_retention(base_url, accounts):
    person = new_participant(base_url, accounts, "Paula Prüfer")
    driver = make_driver()
    try:
        login(driver, base_url, accounts["admin"])
        driver.get(base_url + "/verwaltung/konten?suche=Paula")
        click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Paula Prüfer"))
        account_page = driver.current_url.replace(base_url, "")
    finally:
        driver.quit()
    visit(accounts["admin"], base_url, ["/verwaltung/konten", account_page, "/verwaltung/aufbewahrung"])
    visit(person, base_url, ["/konto", "/konto/meine-daten"])


def test_setting_up_the_second_factor(base_url, accounts):
    def start_setup(driver):
        driver.get(base_url + "/konto/zweiter-faktor")
        buttons = driver.find_elements(By.XPATH, "//main//button[contains(., 'einrichten')]")
        if buttons:
            click_and_wait(driver, buttons[0])
    visit(accounts["lead"], base_url, ["/konto/zweiter-faktor"], before=start_setup)
