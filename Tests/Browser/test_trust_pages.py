"""The pages added for data protection and accounts, as their users open them: without WCAG 2.1
A/AA violations at desktop width, and without sideways scrolling on a phone."""
import io
import urllib.parse

import zxingcpp
from PIL import Image
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


def test_second_factor_qr_code_reads_back(base_url, accounts):
    """The setup page's QR code, read by an independent decoder, is the otpauth address of the key
    shown beside it, so scanning and typing set up the same app."""
    driver = make_driver()
    try:
        login(driver, base_url, accounts["lead"])
        driver.get(base_url + "/konto/zweiter-faktor")
        buttons = driver.find_elements(By.XPATH, "//main//button[contains(., 'einrichten')]")
        if buttons:
            click_and_wait(driver, buttons[0])
        picture = Image.open(io.BytesIO(driver.find_element(By.CSS_SELECTOR, ".qr").screenshot_as_png))
        found = [r.text for r in zxingcpp.read_barcodes(picture) if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert len(found) == 1, found
        address = urllib.parse.urlparse(found[0])
        assert (address.scheme, address.netloc) == ("otpauth", "totp")
        shown_key = driver.find_element(By.CSS_SELECTOR, "code.secret").text.replace(" ", "")
        assert urllib.parse.parse_qs(address.query)["secret"] == [shown_key]
    finally:
        driver.quit()
