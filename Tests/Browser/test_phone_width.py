"""Every page fits a 360 px phone: the page itself never scrolls sideways (wide tables scroll in
their own box) and chart text stays readable (at least 12 px)."""
from urllib.parse import urljoin, urlparse

import pytest
from selenium.webdriver.common.by import By

from conftest import login, make_driver, wait_until_loaded

SKIP = (".csv", ".ics", ".pdf", "/static/", "/api/", "/material/", "/kalender/")
OVERFLOW = "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Each SVG text's size on screen: its font size in the drawing times the drawing's scale.
SMALLEST_CHART_TEXT = """
  let smallest = null;
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.viewBox && svg.viewBox.baseVal;
    if (!box || !box.width) continue;
    const scale = svg.getBoundingClientRect().width / box.width;
    for (const text of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (smallest === null || size < smallest) smallest = size;
    }
  }
  return smallest;
"""


def pages_of(phone, base_url, start, limit=45):
    """The pages reachable by links from `start`, within the site, breadth first."""
    seen, queue, visited = {start}, [start], []
    while queue and len(visited) < limit:
        url = queue.pop(0)
        phone.get(url)
        wait_until_loaded(phone)
        visited.append(url)
        yield url
        for link in phone.find_elements(By.CSS_SELECTOR, "main a[href]"):
            href = urljoin(url, link.get_attribute("href")).split("#")[0]
            if urlparse(href).netloc != urlparse(base_url).netloc or any(part in href for part in SKIP):
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)


@pytest.mark.parametrize("role,start", [("lead", "/verwaltung"), ("participant", "/mein-programm"),
                                        ("facilitator", "/mein-programm"), ("partner", "/berichte"), (None, "/")])
def test_every_page_fits_a_phone(base_url, accounts, role, start):
    phone = make_driver(360, 800)
    try:
        if role:
            login(phone, base_url, accounts[role])
        problems = []
        for url in pages_of(phone, base_url, base_url + start):
            overflow = phone.execute_script(OVERFLOW)
            if overflow > 0:
                problems.append(f"{url} scrolls sideways by {overflow}px")
            smallest = phone.execute_script(SMALLEST_CHART_TEXT)
            if smallest is not None and smallest < 12:
                problems.append(f"{url} has chart text of {smallest:.1f}px")
        assert not problems, "\n".join(problems)
    finally:
        phone.quit()


def test_header_is_one_line_on_a_desktop_and_a_menu_button_on_a_phone(base_url, accounts):
    desktop = make_driver(1280, 900)
    try:
        login(desktop, base_url, accounts["lead"])
        desktop.get(base_url + "/passwort-vergessen")
        tops = desktop.execute_script("""return ['.brand', '.site-nav', '.account'].map(s =>
            document.querySelector(s).getBoundingClientRect()).map(r => r.top + r.height / 2)""")
        assert max(tops) - min(tops) < 20, f"brand, navigation and account share one line: {tops}"
        assert not desktop.find_element(By.CSS_SELECTOR, ".site-menu__toggle").is_displayed()
        footer = desktop.execute_script("return document.querySelector('.site-footer').getBoundingClientRect().bottom")
        assert abs(footer - desktop.execute_script("return window.innerHeight")) < 2, "the footer stays at the bottom of a short page"
    finally:
        desktop.quit()
    # Without JavaScript: the menu is a <details> element.
    phone = make_driver(360, 800, javascript=False)
    try:
        login(phone, base_url, accounts["participant"])
        phone.get(base_url + "/passwort-vergessen")
        header = phone.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
        assert header <= phone.execute_script("return window.innerHeight") / 5, f"the header takes {header}px"
        mine = phone.find_element(By.CSS_SELECTOR, ".site-nav a[href='/mein-programm']")
        assert not mine.is_displayed(), "the menu starts closed"
        phone.find_element(By.CSS_SELECTOR, ".site-menu__toggle").click()
        assert mine.is_displayed()
        assert phone.find_element(By.XPATH, "//button[normalize-space(.)='Abmelden']").is_displayed()
    finally:
        phone.quit()
