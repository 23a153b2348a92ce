"""The participant export opens in LibreOffice with its columns and umlauts intact."""
import os
import subprocess
import tempfile
import urllib.request

import openpyxl
from selenium.webdriver.common.by import By

from conftest import assert_accessible, click_and_wait, login


def test_participant_export_opens_in_libreoffice(driver, base_url, accounts):
    login(driver, base_url, accounts["lead"])
    driver.get(base_url + "/verwaltung/teilnehmende")
    assert_accessible(driver)
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "(CSV)").get_attribute("href")
    cookie = driver.get_cookie("cohesion_session")["value"]
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": "cohesion_session=" + cookie})) as response:
        data = response.read()
    folder = tempfile.mkdtemp()
    csv_path = os.path.join(folder, "teilnehmende.csv")
    with open(csv_path, "wb") as file:
        file.write(data)
    # Separator ';' and quote '"' as a person picks them in the import dialog; the character set
    # is left for LibreOffice to detect, which is what the byte-order mark is for.
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                    "--infilter=CSV:59,34,,1", "--convert-to", "xlsx", "--outdir", folder, csv_path],
                   check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(os.path.join(folder, "teilnehmende.xlsx")).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Name", "E-Mail", "Kommune", "Gemeindeschlüssel"]
    names = [row[0] for row in rows[1:]]
    assert "Lena Schäfer" in names and "Mehmet Yılmaz" in names and "Felix Müller" in names
    assert all(len(row) == len(rows[0]) for row in rows)
