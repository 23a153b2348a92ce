"""Every page fits a 360 px phone: the page itself never scrolls sideways (wide tables scroll in
their own box) and chart text stays readable (at least 12 px)."""
from urllib.parse import urljoin, urlparse

import pytest
from selenium.webdriver.common.by import By

from conftest import login, make_driver, wait_until_loaded

SKIP = (".csv", ".ics", "/static/", "/api/", "/material/", "/kalender/")
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
