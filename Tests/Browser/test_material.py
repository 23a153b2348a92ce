"""Material: the lead uploads through the browser, a participant downloads it with its name intact."""
import os
import tempfile
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

from conftest import assert_accessible, click_and_wait, login, make_driver


def test_upload_then_download_with_umlauts(driver, base_url, accounts):
    content = ("Ablauf des Workshops – Übersicht für Teilnehmende\n" * 4000).encode("utf-8")  # ~200 KB: streamed, not one packet
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "Übersicht Straße – Ablauf.txt")
    with open(path, "wb") as file:
        file.write(content)

    login(driver, base_url, accounts["lead"])
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Prototyp-Durchlauf 2022/23"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Fachkenntnisse und Empowerment"))
    click_and_wait(driver, driver.find_elements(By.PARTIAL_LINK_TEXT, "Material")[0])
    assert_accessible(driver)
    driver.find_element(By.ID, "datei").send_keys(path)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "Die Datei ist hochgeladen." in driver.page_source
    assert "Übersicht Straße – Ablauf.txt" in driver.page_source
    assert_accessible(driver)

    participant = make_driver()
    try:
        login(participant, base_url, accounts["participant"])
        participant.get(base_url + "/mein-programm")
        click_and_wait(participant, participant.find_elements(By.LINK_TEXT, "Material zu diesem Teil")[-1])
        assert_accessible(participant)
        link = participant.find_element(By.PARTIAL_LINK_TEXT, "Übersicht Straße").get_attribute("href")
        cookie = participant.get_cookie("cohesion_session")["value"]
        request = urllib.request.Request(link, headers={"Cookie": "cohesion_session=" + cookie})
        with urllib.request.urlopen(request) as response:
            assert response.read() == content
            disposition = response.headers["Content-Disposition"]
        encoded = disposition.split("filename*=UTF-8''", 1)[1]
        assert urllib.parse.unquote(encoded) == "Übersicht Straße – Ablauf.txt"
    finally:
        participant.quit()
