"""Self-assessment: the lead opens a phase, a participant rates every area, the course shows as SVG and table."""
import datetime
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, login, make_driver


def test_participant_assesses_and_sees_the_course(driver, base_url, accounts):
    lead = make_driver()
    try:
        login(lead, base_url, accounts["lead"])
        lead.get(base_url + "/verwaltung")
        click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
        click_and_wait(lead, lead.find_element(By.LINK_TEXT, "Selbsteinschätzung"))
        assert_accessible(lead)
        # The first time point not yet created; the demo has "before" and "after" already.
        label = Select(lead.find_element(By.ID, "feld-code")).first_selected_option.text
        click_and_wait(lead, lead.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        assert label in lead.find_element(By.TAG_NAME, "table").text
        assert_accessible(lead)
    finally:
        lead.quit()

    login(driver, base_url, accounts["participant"])
    driver.get(base_url + "/selbsteinschaetzung")
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, label))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.assessment button[type=submit]"))
    assert "Bitte prüfen Sie Ihre Eingaben" in driver.page_source
    assert_accessible(driver)
    for area in driver.find_elements(By.CSS_SELECTOR, "fieldset.assessment__area"):
        scales = area.find_elements(By.CSS_SELECTOR, "fieldset.scale")
        scales[0].find_element(By.XPATH, ".//label[normalize-space(.)='2']").click()
        scales[1].find_element(By.XPATH, ".//label[normalize-space(.)='4']").click()
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.assessment button[type=submit]"))
    assert "Die Änderungen sind gespeichert." in driver.page_source
    chart = driver.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.get_attribute("role") == "img"
    assert "2 / 4" in driver.find_element(By.TAG_NAME, "table").text
    assert_accessible(driver)


def test_lead_reads_needs_and_change(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Bedarfe"))
    # The demo's lead took the strongest need up with a unit of Part 2: the trace says so.
    trace = driver.find_element(By.ID, "vom-bedarf-zum-curriculum").find_element(By.XPATH, "..").text
    assert "Strategisches Handeln in der Verwaltung" in trace and "aufgegriffen mit" in trace
    assert_accessible(driver)
    Select(driver.find_element(By.ID, "feld-kontext")).select_by_value("stelle")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "Bedarf nach Anbindung der Stelle" in driver.page_source
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Veränderung"))
    assert "Veränderung vorher – nachher" in driver.page_source
    assert_accessible(driver)
    Select(driver.find_element(By.ID, "feld-kontext")).select_by_value("stelle")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "Aufgeteilt nach Anbindung der Stelle" in driver.page_source
    # Ten demo officers in three kinds of post: every group is below five and stays hidden, which one sentence says.
    assert "Nach Anbindung der Stelle aufgeteilt bliebe jede Gruppe verborgen" in driver.page_source
    assert_accessible(driver)


def test_lead_and_facilitator_read_pooled_feedback(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Feedback"))
    assert "Je Referent*in" in driver.page_source
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Teil 2:"))
    report = driver.find_element(By.TAG_NAME, "main").text
    assert "Alle Skalenfragen zusammen" in report
    assert "Das Praxisbeispiel aus Singen" in report
    assert "Fallbeispiele" not in report, "the unit survey with three answers adds no text"
    assert driver.find_element(By.CSS_SELECTOR, "svg[role=img] title").get_attribute("textContent").startswith("Verteilung der Antworten")
    assert_accessible(driver)

    facilitator = make_driver()
    try:
        login(facilitator, base_url, accounts["facilitator"])
        facilitator.get(base_url + "/mein-programm")
        click_and_wait(facilitator, facilitator.find_element(By.LINK_TEXT, "Rückmeldungen zu meinen Einheiten"))
        own = facilitator.find_element(By.TAG_NAME, "main").text
        assert "Feedback zu den Einheiten von" in own
        assert "Das Praxisbeispiel aus Singen" not in own, "a colleague's unit is not in her report"
        assert_accessible(facilitator)
    finally:
        facilitator.quit()


def test_participant_sets_and_reports_a_practice_project(driver, base_url, accounts):
    login(driver, base_url, accounts["participant"])
    driver.get(base_url + "/praxisprojekte")
    assert_accessible(driver)
    Select(driver.find_element(By.ID, "feld-partID")).select_by_index(1)
    driver.find_element(By.ID, "feld-goal").send_keys("Ein Netzwerktreffen der Migrant*innenorganisationen")
    driver.find_element(By.ID, "feld-firstSteps").send_keys("Liste der Organisationen, Termin mit dem Bürgermeister")
    due = datetime.date.today() + datetime.timedelta(days=90)
    driver.execute_script("document.getElementById('feld-dueOn').value = arguments[0]", due.isoformat())
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "Der Eintrag ist angelegt." in driver.page_source
    assert_accessible(driver)
    click_and_wait(driver, driver.find_elements(By.PARTIAL_LINK_TEXT, "Bericht abgeben")[0])
    Select(driver.find_element(By.ID, "feld-outcome")).select_by_value("done")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "umgesetzt" in driver.page_source
    assert_accessible(driver)


def test_partner_reads_the_printable_report(driver, base_url, accounts):
    login(driver, base_url, accounts["partner"])
    assert driver.find_element(By.TAG_NAME, "h1").text == "Berichte"
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    assert "Veränderung der Kompetenzen" in driver.page_source
    assert "Anna Becker" not in driver.page_source
    assert_accessible(driver)


def test_lead_sees_the_cohorts_practice_projects(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Praxisprojekte"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Praxisprojekte"
    assert_accessible(driver)
