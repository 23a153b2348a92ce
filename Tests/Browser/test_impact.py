"""Evidence of impact as its readers meet it: the change's intervals recomputed with SciPy from the
demo's answers (an implementation independent of the Swift one), every report page accessible at
1280 and 360 px, the lead's decision on a need, and a participant answering the follow-up."""
import datetime
import math
import os
import sqlite3

import pytest
from scipy import stats
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver, new_participant, open_edition

PROTOTYPE = "Prototyp-Durchlauf 2022/23"
REGULAR = "Erster Regeldurchlauf 2024/25"


def german(value):
    """Two decimals with a comma and a minus sign, rounded half away from zero as the pages round."""
    rounded = math.copysign(math.floor(abs(value) * 100 + 0.5) / 100, value)
    return f"{rounded:.2f}".replace(".", ",").replace("-", "−")


def pairs_by_area(edition):
    """(before, after, retrospective) of every person who answered both phases, per area, from the demo's database."""
    db = sqlite3.connect(os.environ["COHESION_DB"])
    rows = db.execute(
        """
        SELECT c.title, b.level, a.level, a.retrospective_level FROM self_assessments a
        JOIN self_assessments b ON b.user_id = a.user_id AND b.competence_area_id = a.competence_area_id
        JOIN assessment_phases pa ON pa.id = a.phase_id JOIN assessment_phases pb ON pb.id = b.phase_id
        JOIN editions e ON e.id = pa.edition_id AND e.id = pb.edition_id JOIN competence_areas c ON c.id = a.competence_area_id
        WHERE e.title = ? AND pa.code = 'post' AND pb.code = 'pre'
        """, (edition,)).fetchall()
    db.close()
    found = {}
    for area, before, after, retrospective in rows:
        found.setdefault(area, []).append((before, after, retrospective))
    return found


def interval(differences):
    n = len(differences)
    mean = sum(differences) / n
    sd = stats.tstd(differences)
    margin = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    return mean, mean - margin, mean + margin


def table_rows(driver):
    table = driver.find_element(By.XPATH, "//div[@role='group' and .//*[@id='veraenderung-diagramm-titel']]/following::table[1]")
    headings = [th.get_attribute("textContent") for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    rows = {}
    for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = [cell.get_attribute("textContent") for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
        rows[cells[0]] = dict(zip(headings, cells))
    return rows


@pytest.mark.parametrize("edition", [PROTOTYPE, REGULAR])
def test_forest_plot_intervals_equal_scipys(driver, base_url, accounts, edition):
    login(driver, base_url, accounts["lead"])
    open_edition(driver, base_url, edition)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Veränderung"))
    rows = table_rows(driver)
    marks = [title.get_attribute("textContent") for title in driver.find_elements(By.CSS_SELECTOR, "svg g > title")]
    for area, pairs in pairs_by_area(edition).items():
        mean, low, high = interval([after - before for before, after, _ in pairs])
        then, then_low, then_high = interval([after - retro for _, after, retro in pairs])
        row = rows[area]
        assert row["Differenz"].lstrip("+") == german(mean).lstrip("+"), area
        assert row["95-%-Intervall"] == f"{german(low)} bis {german(high)}", area
        assert row["95-%-Intervall (Then-Test)"] == f"{german(then_low)} bis {german(then_high)}", area
        assert any(title.startswith(area + ":") and f"95-%-Intervall {german(low)} bis {german(high)}" in title for title in marks), area


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("role", ["lead", "partner"])
def test_every_impact_page_is_accessible(base_url, accounts, role, width):
    browser = make_driver(width, 900)
    try:
        login(browser, base_url, accounts[role])
        browser.get(base_url + "/berichte")
        # Other tests add editions and programmes: the demo's two runs and their programme's comparison.
        reports = [browser.find_element(By.LINK_TEXT, "Wirkungsbericht: " + edition).get_attribute("href") for edition in (PROTOTYPE, REGULAR)]
        comparison = browser.find_element(
            By.XPATH, "//section[h2[normalize-space(.)='Fortbildungsprogramm für Integrationsbeauftragte']]//a[normalize-space(.)='Durchläufe im Vergleich']"
        ).get_attribute("href")
        pages = reports + [comparison]
        if role == "lead":
            for edition in (PROTOTYPE, REGULAR):
                open_edition(browser, base_url, edition)
                pages += [browser.find_element(By.LINK_TEXT, name).get_attribute("href") for name in ("Bedarfe", "Veränderung", "Nachbefragung")]
            pages.append(base_url + "/verwaltung/wirkungsbericht")
        for page in pages:
            browser.get(page)
            assert "Kein Zugriff" not in browser.title, page
            assert_accessible(browser)
        # Every chart has its title and description, and every number drawn is in a table too.
        browser.get(reports[0])
        charts = browser.find_elements(By.CSS_SELECTOR, "svg[role=img]")
        assert len(charts) >= 5
        for chart in charts:
            assert chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
            assert "Tabelle" in chart.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    finally:
        browser.quit()


def test_lead_takes_a_need_up_and_the_partner_reads_it(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    open_edition(driver, base_url, REGULAR)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Bedarfe"))
    area = Select(driver.find_element(By.ID, "feld-feld"))
    chosen = area.options[-1].text
    area.select_by_visible_text(chosen)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[value=verwerfen]"))
    assert "Bitte kurz begründen" in driver.page_source
    assert Select(driver.find_element(By.ID, "feld-feld")).first_selected_option.text == chosen, "the choice stays"
    unit = Select(driver.find_element(By.ID, "feld-einheit"))
    unit.select_by_index(len(unit.options) - 1)
    unit_title = unit.first_selected_option.text.split(": ", 1)[1]
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[value=aufgreifen]"))
    trace = driver.find_element(By.ID, "vom-bedarf-zum-curriculum").find_element(By.XPATH, "..").text
    assert f"aufgegriffen mit „{unit_title}“" in trace
    driver.delete_all_cookies()
    login(driver, base_url, accounts["partner"])
    driver.get(base_url + "/berichte")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Wirkungsbericht: " + REGULAR))
    assert f"aufgegriffen mit „{unit_title}“" in driver.find_element(By.ID, "vom-bedarf-zum-curriculum").find_element(By.XPATH, "..").text
    assert_accessible(driver)


def test_participant_answers_the_follow_up(driver, base_url, accounts):
    today = datetime.date.today()
    login(driver, base_url, accounts["lead"])
    open_edition(driver, base_url, REGULAR)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Nachbefragung"))
    for field, day in (("feld-beginn", today - datetime.timedelta(days=1)), ("feld-ende", today + datetime.timedelta(days=30))):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), day.isoformat())
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "Gespeichert." in driver.page_source
    officer = new_participant(base_url, accounts, "Nora Neumann", edition=REGULAR)
    driver.delete_all_cookies()
    login(driver, base_url, officer)
    driver.get(base_url + "/mein-programm")
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Nachbefragung „" + REGULAR))
    assert_accessible(driver)
    phone = make_driver(360, 800)
    try:
        login(phone, base_url, officer)
        phone.get(driver.current_url)
        assert_accessible(phone)
        assert phone.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    finally:
        phone.quit()
    driver.find_element(By.CSS_SELECTOR, "input[name=veraenderungen][value=netzwerktreffen]").click()
    driver.find_element(By.CSS_SELECTOR, "input[name=geholfen][value=kohorte]").click()
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "/mein-programm" in driver.current_url
    assert "Nachbefragung „" + REGULAR not in driver.find_element(By.TAG_NAME, "main").text
