"""The municipal profile: its ten comparable Gemeinden, recomputed here with numpy from the files in
data/ (an implementation independent of the Swift one), and its charts and tables for everyone."""
import csv
import re
import math
import os
import urllib.request

import numpy as np
import pytest
from selenium.webdriver.common.by import By

from conftest import assert_accessible, login, make_driver

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "data")
URBANISATION = {"gering besiedelt": 1.0, "mittlere Besiedlungsdichte": 2.0, "dicht besiedelt": 3.0}
KONSTANZ = "08335043"


def read(name, **options):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as file:
        return list(csv.reader(file, **options))


def bw_vectors():
    """[ln population, ln density, foreign share, immigration-history share, urbanisation] of every
    kreisangehörige Gemeinde of Baden-Württemberg that has all five."""
    register = {}
    for row in read("destatis_gvisys_gemeinden_31122024.csv")[1:]:
        if row[0] != "60" or row[2] != "08" or row[1] in ("61", "62"):
            continue
        population = int(row[9]) if row[9] else 0
        area = float(row[8]) if row[8] else 0.0
        if population > 0 and area > 0 and row[19] in URBANISATION:
            register[row[2] + row[3] + row[4] + row[6]] = (population, area, URBANISATION[row[19]])
    foreign = {row[0]: float(row[2].replace(",", ".")) for row in read("stala_bw_auslaenderanteil_gemeinden_2025.csv", delimiter=";")[2:]
               if len(row) == 3 and row[2] not in ("", "-", ".")}
    history = {row[0]: int(row[5]) / int(row[2]) * 100 for row in read("zensus2022_einwanderungsgeschichte_gemeinden_bw.csv")[1:]
               if row[2] and row[5] and int(row[2]) > 0}
    keys = sorted(key for key in register if key in foreign and key in history)
    matrix = np.array([[math.log(register[k][0]), math.log(register[k][0] / register[k][1]), foreign[k], history[k], register[k][2]]
                       for k in keys])
    return keys, matrix


def robust_z(matrix):
    median = np.median(matrix, axis=0)
    unit = np.median(np.abs(matrix - median), axis=0) * 1.4826
    deviation = matrix.std(axis=0)
    unit = np.where(unit > 0, unit, np.where(deviation > 0, deviation, 1.0))
    return (matrix - median) / unit


def nearest(target, count=10):
    keys, matrix = bw_vectors()
    z = robust_z(matrix)
    own = z[keys.index(target)]
    distances = np.sqrt(((z - own) ** 2).sum(axis=1))
    ranked = sorted((distance, key) for key, distance in zip(keys, distances) if key != target)
    return [key for _, key in ranked[:count]]


def page_keys(base_url, key):
    with urllib.request.urlopen(f"{base_url}/kommunen/{key}/profil") as response:
        text = response.read().decode("utf-8")
    return re.findall(r'<tr data-key="(\d+)">', text), text


def test_konstanz_has_the_ten_gemeinden_numpy_finds_in_the_same_order(base_url):
    shown, text = page_keys(base_url, KONSTANZ)
    assert shown == nearest(KONSTANZ), shown
    assert "Die 10 ähnlichsten Kommunen" in text
    assert "dl-de/by-2-0" in text and "eigene Berechnung" in text, "sources and attributions are on the page"


def test_a_landkreis_is_compared_only_with_landkreise(base_url):
    shown, text = page_keys(base_url, "08335")
    assert len(shown) == 10
    kinds = re.findall(r'<tr data-key="\d+">.*?</th><td>([^<]*)</td>', text)
    assert set(kinds) <= {"Landkreis", "Kreis"}, kinds
    assert "Landkreise (und Kreise) in ganz Deutschland" in text


def test_the_profile_with_its_charts_passes_axe_at_1280_and_360(base_url):
    for width in (1280, 360):
        driver = make_driver(width=width)
        try:
            driver.get(f"{base_url}/kommunen/{KONSTANZ}/profil")
            assert driver.find_elements(By.CSS_SELECTOR, "svg.chart--profile"), "the charts are there"
            assert_accessible(driver)
        finally:
            driver.quit()


def regular_run_id(base_url):
    import json
    with urllib.request.urlopen(base_url + "/api/v1/programmes") as response:
        programmes = json.load(response)["programmes"]
    return next(e["id"] for p in programmes for e in p["editions"] if e["title"].startswith("Erster Regeldurchlauf"))


@pytest.mark.parametrize("role", ["lead", "partner"])
def test_the_cohort_map_passes_axe_and_hides_small_groups_for_partners(base_url, accounts, role):
    path = f"{base_url}/auswertung/durchlaeufe/{regular_run_id(base_url)}/kommunen"
    for width in (1280, 360):
        driver = make_driver(width=width)
        try:
            login(driver, base_url, accounts[role])
            driver.get(path)
            assert driver.find_elements(By.CSS_SELECTOR, "svg.chart--map"), "the map is there"
            text = driver.find_element(By.TAG_NAME, "main").text
            if role == "partner":
                assert "zusammengefasst" in text
                counts = [int(cell.text) for cell in driver.find_elements(By.CSS_SELECTOR, "main td.number")]
                assert counts and min(counts) >= 5, counts
            else:
                assert "Nach Kreis" in text and "Landkreis Konstanz" in text
            assert_accessible(driver)
        finally:
            driver.quit()
