"""The certificate as an Open Badge, checked by an independent implementation: joserfc verifies
the VC-JWT with the JWK Set fetched from the running server, jsonschema checks the credential
against a schema written from the Open Badges 3.0 data model, and the verification page its id
names confirms it."""
import json
import pathlib
import urllib.request

import jsonschema
from joserfc import jwt
from joserfc.jwk import KeySet
from selenium.webdriver.common.by import By

from conftest import PROTOTYPE, click_and_wait, login, open_edition

SCHEMA = json.loads((pathlib.Path(__file__).parent / "schemas" / "open-badge-credential.schema.json").read_text(encoding="utf-8"))


def fetch(url, cookies=None):
    request = urllib.request.Request(url)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    with urllib.request.urlopen(request) as response:
        return response.headers.get("Content-Type"), response.read()


def test_participant_downloads_a_badge_that_verifies_against_the_servers_keys(driver, base_url, accounts):
    # The lead issues the edition's certificates (again: the codes stay).
    login(driver, base_url, accounts["lead"])
    open_edition(driver, base_url, PROTOTYPE)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Abschluss"))
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space(.)='Bescheinigungen für alle Abgeschlossenen ausstellen']"))
    driver.delete_all_cookies()

    login(driver, base_url, accounts["participant"])
    driver.get(base_url + "/mein-programm")
    link = driver.find_element(By.LINK_TEXT, "Open Badge für eine Nachweis-Wallet")
    content_type, token = fetch(link.get_attribute("href"), driver.get_cookies())
    assert content_type == "application/vc+jwt"

    _, jwks = fetch(base_url + "/.well-known/jwks.json")
    keys = KeySet.import_key_set(json.loads(jwks))
    decoded = jwt.decode(token.decode("ascii"), keys, algorithms=["RS256"])
    assert decoded.header["alg"] == "RS256" and decoded.header["kid"] in [key["kid"] for key in json.loads(jwks)["keys"]]
    credential = decoded.claims
    jsonschema.validate(credential, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert credential["iss"] == credential["issuer"]["id"] and credential["jti"] == credential["id"]

    # The issuer profile is served where the badge says, and the id leads to the verification page.
    _, profile = fetch(credential["issuer"]["id"])
    assert json.loads(profile)["type"] == ["Profile"]
    driver.get(credential["id"])
    assert "Diese Bescheinigung ist echt und gültig." in driver.page_source
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] in driver.page_source

    # A badge changed after signing is refused.
    header, payload, signature = token.decode("ascii").split(".")
    forged = ".".join([header, payload[:-4] + ("AAAA" if payload[-4:] != "AAAA" else "BBBB"), signature])
    try:
        jwt.decode(forged, keys, algorithms=["RS256"])
    except Exception:
        pass
    else:
        raise AssertionError("a changed badge verified")
