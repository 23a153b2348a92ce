"""The screenshots of the role guides in docs/anleitung/, taken from the demo as each role sees it.

With GUIDE_SCREENSHOTS=docs/bilder the pictures land where the guides show them; without it they go
to a temporary folder, so every run still checks that each page of the guides opens and renders."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import PROTOTYPE, click_and_wait, login, make_driver, open_edition, public_part_link, wait_until_loaded

SHOTS = os.environ.get("GUIDE_SCREENSHOTS") or tempfile.mkdtemp(prefix="cohesion-anleitung-")


def shot(driver, name, width=1280, height=1000):
    """The page's top as a person first sees it, at `width`; PNG files the guides link to."""
    wait_until_loaded(driver)
    driver.set_window_size(width, height)
    driver.execute_script("window.scrollTo(0, 0)")
    path = os.path.join(SHOTS, name + ".png")
    assert driver.save_screenshot(path), path
    assert os.path.getsize(path) > 8_000, f"{name}: the picture is nearly empty"
    assert "Fehler" not in driver.title, f"{name}: {driver.title}"


def click(driver, text):
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, text))


@pytest.fixture
def shooter():
    driver = make_driver()
    yield driver
    driver.quit()


def test_public_pages(shooter, base_url):
    shooter.get(base_url + "/")
    shot(shooter, "oeffentlich-programm")
    click_and_wait(shooter, public_part_link(shooter, "Teil 2: Fachkenntnisse und Empowerment"))
    shot(shooter, "oeffentlich-teil")


def test_programme_lead(shooter, base_url, accounts):
    login(shooter, base_url, accounts["lead"])
    shooter.get(base_url + "/verwaltung")
    shot(shooter, "leitung-verwaltung")
    open_edition(shooter, base_url, PROTOTYPE)
    shot(shooter, "leitung-durchlauf")
    click(shooter, "Einladungen")
    shot(shooter, "leitung-einladungen")
    open_edition(shooter, base_url, PROTOTYPE)
    click(shooter, "Bedarfe")
    shot(shooter, "leitung-bedarfe")
    open_edition(shooter, base_url, PROTOTYPE)
    click(shooter, "Abschluss")
    shot(shooter, "leitung-abschluss")


def test_facilitator(shooter, base_url, accounts):
    login(shooter, base_url, accounts["facilitator"])
    shooter.get(base_url + "/mein-programm")
    shot(shooter, "referentin-mein-programm")
    click(shooter, "Rückmeldungen zu meinen Einheiten")
    shot(shooter, "referentin-rueckmeldungen")


def test_participant(shooter, base_url, accounts):
    login(shooter, base_url, accounts["participant"])
    for path, name in [("/mein-programm", "teilnehmende-mein-programm"), ("/selbsteinschaetzung", "teilnehmende-selbsteinschaetzung"),
                       ("/netzwerk", "teilnehmende-netzwerk"), ("/kolleginnen", "teilnehmende-kolleginnen")]:
        shooter.get(base_url + path)
        shot(shooter, name)
    shooter.get(base_url + "/mein-programm")
    shot(shooter, "teilnehmende-telefon", width=360, height=780)


def test_partner(shooter, base_url, accounts):
    login(shooter, base_url, accounts["partner"])
    shooter.get(base_url + "/berichte")
    shot(shooter, "partner-berichte")
    click_and_wait(shooter, shooter.find_element(By.PARTIAL_LINK_TEXT, PROTOTYPE))
    shot(shooter, "partner-bericht")
    shooter.get(base_url + "/berichte")
    click(shooter, "Durchläufe im Vergleich")
    shot(shooter, "partner-vergleich")


def test_administration(shooter, base_url, accounts):
    login(shooter, base_url, accounts["admin"])
    for path, name in [("/verwaltung/konten", "administration-konten"), ("/verwaltung/protokoll", "administration-protokoll"),
                       ("/verwaltung/aufbewahrung", "administration-aufbewahrung")]:
        shooter.get(base_url + path)
        shot(shooter, name)
