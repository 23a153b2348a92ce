"""The legal pages a public body needs: linked from every page's footer, readable on a phone,
without accessibility violations; barrier feedback sent from the form arrives as a mail. The
admin's audit log records the edit of a page and filters by kind."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver, mail_to
from test_phone_width import OVERFLOW

PAGES = {"Impressum": "Impressum", "Datenschutzerklärung": "Datenschutzerklärung",
         "Erklärung zur Barrierefreiheit": "Erklärung zur Barrierefreiheit", "Leichte Sprache": "Leichte Sprache"}


def test_footer_links_lead_to_each_legal_page(driver, base_url):
    for link, heading in PAGES.items():
        driver.get(base_url + "/")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "footer").find_element(By.LINK_TEXT, link))
        assert driver.find_element(By.TAG_NAME, "h1").text == heading
        assert_accessible(driver)
    driver.get(base_url + "/datenschutz")
    rows = driver.find_elements(By.CSS_SELECTOR, "#gespeicherte-daten ~ .table-scroll tbody tr")
    assert len(rows) >= 20, "every declared kind of personal data is listed"


def test_barrier_feedback_reaches_the_admin(driver, base_url, accounts):
    driver.get(base_url + "/barrierefreiheit")
    driver.find_element(By.ID, "feld-message").send_keys("Der Kontrast der Fußzeile ist zu schwach.")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Rückmeldung senden']"))
    assert "Danke! Ihre Rückmeldung ist bei der Administration angekommen." in driver.page_source
    body, subject = mail_to(accounts["admin"]["email"])
    assert subject == "Cohesion: Rückmeldung zur Barrierefreiheit" and "Der Kontrast der Fußzeile ist zu schwach." in body


def test_legal_pages_fit_a_phone(base_url):
    phone = make_driver(360, 800)
    try:
        for path in ("/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache"):
            phone.get(base_url + path)
            assert phone.execute_script(OVERFLOW) <= 0, path
            assert_accessible(phone)
    finally:
        phone.quit()


def test_admin_reads_and_filters_the_audit_log(driver, base_url, accounts):
    login(driver, base_url, accounts["admin"])
    driver.get(base_url + "/verwaltung/rechtliches/leichte-sprache")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Speichern']"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "footer").find_element(By.LINK_TEXT, "Leichte Sprache"))
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Änderungsprotokoll"))
    Select(driver.find_element(By.ID, "feld-bereich")).select_by_visible_text("Einstellungen und Seiten")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Anzeigen']"))
    assert "Seite „Leichte Sprache“ geändert" in driver.page_source
    assert_accessible(driver)
