"""Every page, as each role sees it, free of WCAG 2.1 AA violations."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import assert_accessible, click_and_wait, login, make_driver, public_part_link


def part_links(driver, base_url):
    driver.get(base_url + "/")
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".card h3 a")]


def test_public_pages(driver, base_url):
    links = part_links(driver, base_url)
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".card h3 a")]
    # The reference programme's two parts; other tests may add editions of their own.
    assert "Teil 1: Auftakt" in titles and "Teil 2: Fachkenntnisse und Empowerment" in titles, titles
    assert_accessible(driver)
    for link in links:
        driver.get(link)
        assert "Zeitplan" in driver.page_source
        assert_accessible(driver)
    for path in ("/anmelden", "/passwort-vergessen", "/passwort-setzen/abgelaufen", "/gibt-es-nicht"):
        driver.get(base_url + path)
        assert_accessible(driver)
    assert "Seite nicht gefunden" in driver.page_source


def test_part_two_shows_the_reference_timetable(driver, base_url):
    driver.get(base_url + "/")
    driver.get(public_part_link(driver, "Teil 2: Fachkenntnisse und Empowerment").get_attribute("href"))
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Kulturzentrum am Münster" in text
    assert "Donnerstag, 20. Juli 2023" in text and "Freitag, 21. Juli 2023" in text
    assert "Empowerment für Frauen mit Flucht- und Migrationsgeschichte" in text
    assert driver.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed(), "with JavaScript the print button appears"


@pytest.mark.parametrize("role", ["lead", "admin", "facilitator", "participant", "partner"])
def test_each_role_sees_its_pages(driver, base_url, accounts, role):
    login(driver, base_url, accounts[role])
    assert_accessible(driver)
    if role in ("lead", "facilitator", "participant"):
        driver.get(base_url + "/mein-programm")
        assert "Mein Programm" in driver.find_element(By.TAG_NAME, "h1").text
        assert_accessible(driver)
    driver.get(base_url + "/verwaltung")
    if role in ("lead", "admin"):
        assert driver.find_element(By.TAG_NAME, "h1").text == "Verwaltung"
        assert_accessible(driver)
        visit_admin_pages(driver, base_url)
    else:
        assert driver.find_element(By.TAG_NAME, "h1").text == "Kein Zugriff"
        assert_accessible(driver)


def visit_admin_pages(driver, base_url):
    """Every kind of admin page: lists, forms and confirmations."""
    overview = driver.current_url
    forms = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".row-actions a")][:2]
    forms += [a.get_attribute("href") for a in driver.find_elements(By.PARTIAL_LINK_TEXT, "hinzufügen")][:3]
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Fachkenntnisse und Empowerment"))
    assert_accessible(driver)
    forms += [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "table .row-actions a")][:2]
    forms.append(driver.find_element(By.LINK_TEXT, "Einheit anlegen").get_attribute("href"))
    for form in forms:
        driver.get(form)
        assert_accessible(driver)
    driver.get(overview)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(driver, base_url):
    driver.get(base_url + "/")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    assert focused.text == "Zum Inhalt springen"
    assert focused.is_displayed()
    focused.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "inhalt"


def test_phone_width_needs_no_sideways_scrolling(base_url):
    phone = make_driver(390, 844)
    try:
        for link in [base_url + "/"] + part_links(phone, base_url):
            phone.get(link)
            overflow = phone.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{link} scrolls sideways by {overflow}px"
            assert_accessible(phone)
    finally:
        phone.quit()


def test_municipality_search_and_pages(driver, base_url):
    driver.get(base_url + "/kommunen")
    assert_accessible(driver)
    field = driver.find_element(By.ID, "suche")
    field.send_keys("Konstanz")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[role=search] button"))
    assert "Konstanz, Universitätsstadt" in driver.page_source
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Konstanz, Universitätsstadt"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Personen mit Einwanderungsgeschichte" in main and "15.05.2022" in main
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "dl.facts a"))
    assert "Gemeinden im Kreis" in driver.page_source
    assert_accessible(driver)
