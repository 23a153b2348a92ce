#!/usr/bin/env python3
"""Every GET route of the app at one connection, for bench/run.

Reads the route list (`cohesion access-table`), signs in as each role a route is open to, fills
each path parameter with a real id (the edition of the scale data first, the demo's where that
has none of the object), asks once for the statement count (the server runs with
COUNT_STATEMENTS=1 and answers `X-Count-Statements`), then measures with wrk. Prints a Markdown
table sorted by p50, slowest first, and the routes it could not measure with the reason.
"""
import argparse
import http.client
import re
import subprocess
import sys
import time
import urllib.parse

try:  # SQLite's own module in a recent version, where installed (reads any schema).
    import pysqlite3 as sqlite3
except ImportError:
    import sqlite3

ROLE_ORDER = ["participant", "facilitator", "lead", "partner", "admin"]
SKIPPED_PARAMETERS = {"token": "Einmal-Link, nur per E-Mail"}

# What each path parameter stands for, as SQL over {E} (the edition of the context) and {U} (the
# signed-in person). Objects of the person come first where a route is about one's own.
PARAMETERS = {
    "edition": "SELECT '{E}'",
    "programme": "SELECT programme_id FROM editions WHERE id = '{E}'",
    "part": "SELECT id FROM parts WHERE edition_id = '{E}' ORDER BY number LIMIT 1",
    "unit": """SELECT u.id FROM units u JOIN parts p ON p.id = u.part_id
               LEFT JOIN unit_facilitators f ON f.unit_id = u.id AND f.user_id = '{U}'
               WHERE p.edition_id = '{E}' ORDER BY f.user_id IS NULL, p.number, u.starts_at LIMIT 1""",
    "survey": """SELECT s.id FROM surveys s JOIN parts p ON p.id = s.part_id WHERE p.edition_id = '{E}'
                 AND NOT EXISTS (SELECT 1 FROM survey_participations x WHERE x.survey_id = s.id AND x.user_id = '{U}')
                 ORDER BY p.number, s.unit_id IS NOT NULL LIMIT 1""",
    "phase": "SELECT id FROM assessment_phases WHERE edition_id = '{E}' ORDER BY is_open DESC, code LIMIT 1",
    "person": """SELECT user_id FROM edition_members WHERE edition_id = '{E}' AND user_id <> '{U}' ORDER BY user_id LIMIT 1""",
    "certificate": "SELECT id FROM certificates WHERE edition_id = '{E}' ORDER BY user_id = '{U}' DESC, id LIMIT 1",
    "code": "SELECT code FROM certificates ORDER BY edition_id = '{E}' DESC, user_id = '{U}' DESC LIMIT 1",
    "material": """SELECT m.id FROM materials m JOIN units u ON u.id = m.unit_id JOIN parts p ON p.id = u.part_id
                   ORDER BY p.edition_id = '{E}' DESC, m.id LIMIT 1""",
    "actor": "SELECT id FROM network_actors WHERE user_id = '{U}' ORDER BY id LIMIT 1",
    "project": """SELECT pp.id FROM practice_projects pp JOIN parts p ON p.id = pp.part_id WHERE p.edition_id = '{E}'
                  ORDER BY pp.user_id = '{U}' DESC, pp.id LIMIT 1""",
    "article": "SELECT id FROM portal_articles ORDER BY published_at DESC LIMIT 1",
    "competenceArea": "SELECT id FROM competence_areas WHERE programme_id = (SELECT programme_id FROM editions WHERE id = '{E}') ORDER BY position LIMIT 1",
    "module": "SELECT id FROM modules WHERE programme_id = (SELECT programme_id FROM editions WHERE id = '{E}') ORDER BY position LIMIT 1",
    "post": "SELECT id FROM board_posts WHERE edition_id = '{E}' ORDER BY author_id = '{U}' DESC, created_at LIMIT 1",
    "meeting": "SELECT id FROM lunch_meetings ORDER BY starts_at DESC LIMIT 1",
    "team": "SELECT team_id FROM topic_team_members ORDER BY user_id = '{U}' DESC, team_id LIMIT 1",
    "document": "SELECT id FROM topic_team_documents WHERE team_id = {team} ORDER BY id LIMIT 1",
    "number": "SELECT number FROM topic_team_versions WHERE team_id = {team} ORDER BY number LIMIT 1",
    "file": "SELECT token || '.ics' FROM calendar_feeds WHERE user_id = '{U}'",
    "key": "SELECT '08335043'",
    "kind": "SELECT 'impressum'",
}
# A route may name the person it is about in a narrower way than any member.
ROUTE_PARAMETERS = {
    ("/auswertung/durchlaeufe/:edition/referentinnen/:person/feedback", "person"): """
        SELECT f.user_id FROM unit_facilitators f JOIN units u ON u.id = f.unit_id JOIN parts p ON p.id = u.part_id
        WHERE p.edition_id = '{E}' ORDER BY f.user_id = '{U}' DESC, f.user_id LIMIT 1""",
    ("/verwaltung/teilnehmende/:person/netzwerk", "person"): """
        SELECT m.user_id FROM edition_members m WHERE m.edition_id = '{E}'
        AND EXISTS (SELECT 1 FROM network_actors a WHERE a.user_id = m.user_id) ORDER BY m.user_id LIMIT 1""",
}


class Database:
    def __init__(self, sqlite_path, psql_url):
        self.sqlite = sqlite3.connect(sqlite_path) if sqlite_path else None
        self.psql_url = psql_url

    def value(self, sql):
        if self.sqlite:
            row = self.sqlite.execute(sql).fetchone()
            return None if row is None or row[0] is None else str(row[0])
        text = subprocess.run(["psql", self.psql_url, "-AtX", "-c", sql], capture_output=True, text=True)
        if text.returncode != 0:
            raise RuntimeError(text.stderr.strip())
        out = text.stdout.strip().splitlines()
        return out[0] if out and out[0] else None

    def uuid(self, text):
        # SQLite keeps ids as upper-case text; PostgreSQL reads either.
        return text.upper() if self.sqlite else text


def sign_in(host, port, email, password):
    connection = http.client.HTTPConnection(host, port)
    connection.request("GET", "/anmelden")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "email": email, "password": password})
    connection.request("POST", "/anmelden", body, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    session = response.getheader("Set-Cookie", "").split(";")[0]
    if response.status != 303 or not session.startswith("cohesion_session="):
        sys.exit(f"Anmeldung von {email} fehlgeschlagen ({response.status})")
    return session


def api_token(host, port, cookie):
    """A read token of the signed-in person, made on the account page as a person would."""
    connection = http.client.HTTPConnection(host, port)
    connection.request("GET", "/konto", headers={"Cookie": cookie})
    page = connection.getresponse().read().decode()
    token = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "name": "bench/run", "scope": "read", "days": "30"})
    connection.request("POST", "/konto/api-tokens", body, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    connection.getresponse().read()
    connection.request("GET", "/konto", headers={"Cookie": cookie})
    page = connection.getresponse().read().decode()
    return re.search(r'<code class="secret">([^<]+)</code>', page).group(1)


def credentials(path, cookie):
    """The API takes the person's token, the pages their session."""
    if not cookie:
        return []
    if path.startswith("/api/"):
        return [("Authorization", "Bearer " + cookie[1])]
    return [("Cookie", cookie[0])]


def probe(host, port, path, cookie):
    connection = http.client.HTTPConnection(host, port, timeout=60)
    headers = dict([("X-Count-Statements", "1")] + credentials(path, cookie))
    started = time.monotonic()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.monotonic() - started) * 1000
    return response.status, len(body), response.getheader("X-Count-Statements", "0"), elapsed


def to_ms(text):
    number = float(re.match(r"[\d.]+", text).group(0))
    if text.endswith("us"):
        return number / 1000
    if text.endswith("ms"):
        return number
    if text.endswith("s"):
        return number * 1000
    return number


def measure(base, path, cookie, seconds):
    command = ["wrk", "-t1", "-c1", f"-d{seconds}s", "--latency"]
    for name, value in credentials(path, cookie):
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [base + path], capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        return None
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not (p50 and p99 and rate):
        return None
    return to_ms(p50.group(1)), to_ms(p99.group(1)), float(rate.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--routes", required=True, help="output of `cohesion access-table`")
    parser.add_argument("--accounts", required=True, help="output of `cohesion seed-demo`")
    parser.add_argument("--scale", required=True, help="output of `cohesion seed-scale`")
    parser.add_argument("--sqlite")
    parser.add_argument("--psql")
    parser.add_argument("--seconds", type=int, default=2)
    parser.add_argument("--only", help="a regular expression: only the routes whose path it finds something in")
    args = parser.parse_args()
    db = Database(args.sqlite, args.psql)
    url = urllib.parse.urlparse(args.base)

    accounts = {}
    for line in open(args.accounts):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[0] in ROLE_ORDER and fields[0] not in accounts:
            accounts[fields[0]] = (fields[1], fields[2])
    scale = {}
    for line in open(args.scale):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 2:
            scale[fields[0]] = fields[1:]

    def user_id(email):
        return db.value(f"SELECT id FROM users WHERE email = '{email}'")

    # Contexts: the edition of the scale data (5,000 people) with its sample participant, then the
    # demo's current edition with the demo's people, where the scale data has none of the object.
    demo_edition = db.value(
        "SELECT m.edition_id FROM edition_members m JOIN users u ON u.id = m.user_id "
        f"WHERE u.email = '{accounts['participant'][0]}' LIMIT 1")
    people = {role: (email, password) for role, (email, password) in accounts.items()}
    sessions, contexts = {}, []
    big_edition = db.uuid(scale["edition"][0])
    sample_email, sample_password = scale["participant"][0], scale["participant"][1]
    scale_people = dict(people, participant=(sample_email, sample_password))
    scale_people.pop("facilitator", None)  # the scale data's units are given by people without a known password
    for name, edition, who in [("Skala", big_edition, scale_people), ("Demo", demo_edition, people)]:
        cookies = {}
        for role, (email, password) in who.items():
            if email not in sessions:
                session = sign_in(url.hostname, url.port, email, password)
                sessions[email] = (session, api_token(url.hostname, url.port, session))
                if role == "participant":  # the calendar address is made at the first visit
                    probe(url.hostname, url.port, "/mein-programm", sessions[email])
            cookies[role] = (sessions[email], user_id(email))
        contexts.append((name, edition, cookies))

    routes = []
    for line in open(args.routes):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[0] == "GET" and (not args.only or re.search(args.only, fields[1])):
            routes.append((fields[1], fields[2]))

    def concrete_path(path, names, edition, uid):
        """The path with every parameter filled in, or the name of the first that has no object."""
        values, concrete = {"E": edition, "U": uid or ""}, path
        for name in names:
            template = ROUTE_PARAMETERS.get((path, name), PARAMETERS.get(name))
            team = values.get("team")
            value = db.value(template.format(E=values["E"], U=values["U"], team=f"'{team}'" if team else "NULL")) if template else None
            if value is None:
                return None, name
            values[name] = value
            concrete = concrete.replace(":" + name, urllib.parse.quote(value), 1)
        return concrete, None

    def attempt(path, names, role):
        """The first context in which the role gets the page, measured; else why not."""
        reason = "kein passendes Objekt"
        for context_name, edition, cookies in contexts:
            if role is not None and role not in cookies:
                continue
            cookie, uid = cookies[role] if role else (None, cookies["participant"][1])
            concrete, missing = concrete_path(path, names, edition, uid)
            if concrete is None:
                reason = f"kein Objekt für :{missing}"
                continue
            status, size, statements, elapsed = probe(url.hostname, url.port, concrete, cookie)
            if status != 200:
                reason = f"Antwort {status} ({context_name})"
                continue
            result = measure(args.base, concrete, cookie, args.seconds)
            if result is None:
                reason = f"wrk: Antworten außer 2xx ({context_name})"
                continue
            if result[2] == 0:  # slower than the measuring time: the probe's own time stands for it
                result = (elapsed, elapsed, 1000 / elapsed)
            return (path, role or "öffentlich", context_name, size, int(statements)) + result, None
        return None, reason

    rows, missed = [], []
    for path, audience in routes:
        roles = [None] if audience == "alle" else [r for r in ROLE_ORDER if r in audience.split(",")]
        # The administration acts as the lead; it is measured where only it may go.
        if "lead" in roles and "admin" in roles:
            roles.remove("admin")
        names = re.findall(r":(\w+)", path)
        skipped = [SKIPPED_PARAMETERS[n] for n in names if n in SKIPPED_PARAMETERS]
        if skipped:
            missed.append((path, "–", skipped[0]))
            continue
        for role in roles:
            row, reason = attempt(path, names, role)
            if row:
                rows.append(row)
                print(f"{row[1]:12} {row[5]:8.2f} ms {row[4]:>4} Anw.  {path}", file=sys.stderr)
            else:
                missed.append((path, role or "öffentlich", reason))
                print(f"{role or 'öffentlich':12} nicht gemessen: {reason}  {path}", file=sys.stderr)

    rows.sort(key=lambda row: row[5], reverse=True)
    print("| Route | Rolle | Daten | Größe | Anweisungen | p50 ms | p99 ms | Anfragen/s |")
    print("|---|---|---|---|---|---|---|---|")
    for path, role, context, size, statements, p50, p99, rate in rows:
        print(f"| `{path}` | {role} | {context} | {size // 1024} KB | {statements} | {p50:.2f} | {p99:.2f} | {rate:.0f} |")
    print()
    print(f"{len(rows)} Messungen über {len({r[0] for r in rows})} von {len(routes)} GET-Routen.")
    if missed:
        print()
        print("Nicht gemessen:")
        for path, role, reason in missed:
            print(f"- `{path}` ({role}): {reason}")


if __name__ == "__main__":
    main()
