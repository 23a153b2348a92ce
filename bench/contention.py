"""Contention: every token registers for the same part at the same moment, each over its own
connection. Then the database is read back: exactly `seats` registered, the rest waitlisted in
the order the server took them, nobody twice, nobody lost. Prints one JSON object.

    python3 bench/contention.py --port 8095 --part ID --tokens FILE --seats 30 (--sqlite PATH | --psql URL)
"""
import argparse
import asyncio
import json
from collections import Counter
import sqlite3
import subprocess
import sys
import time

BODY = json.dumps({"overnight": False, "diet": "none", "photoConsent": True}).encode()


async def register(port, part, token, ready, go):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (f"PUT /api/v1/parts/{part}/registration HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(BODY)}\r\nConnection: close\r\n\r\n").encode() + BODY
    ready()
    await go.wait()
    writer.write(request)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    return status, body


def rows(args):
    query = ("SELECT r.user_id, r.status, r.sequence FROM registrations r "
             f"WHERE r.part_id = '{args.part}' ORDER BY r.sequence")
    if args.sqlite:
        # Fluent keeps UUIDs as text in SQLite, upper case.
        connection = sqlite3.connect(args.sqlite)
        found = connection.execute(query.replace(f"r.part_id = '{args.part}'", "upper(r.part_id) = upper(?)"), (args.part,)).fetchall()
        connection.close()
        return [(str(user).lower(), status, sequence) for user, status, sequence in found]
    out = subprocess.run(["psql", args.psql, "-At", "-F", "\t", "-c", query], check=True, capture_output=True, text=True).stdout
    return [(user, status, int(sequence)) for user, status, sequence in (line.split("\t") for line in out.splitlines() if line)]


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--part", required=True)
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--seats", type=int, required=True)
    parser.add_argument("--sqlite")
    parser.add_argument("--psql")
    args = parser.parse_args()
    tokens = [line.strip() for line in open(args.tokens) if line.strip()]
    go = asyncio.Event()
    connected = 0
    all_connected = asyncio.Event()

    def ready():
        nonlocal connected
        connected += 1
        if connected == len(tokens):
            all_connected.set()

    tasks = [asyncio.create_task(register(args.port, args.part, token, ready, go)) for token in tokens]
    await asyncio.wait_for(all_connected.wait(), timeout=120)
    started = time.monotonic()
    go.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    seconds = time.monotonic() - started

    answered = [r for r in results if not isinstance(r, BaseException)]
    ok = [body for status, body in answered if status == 200]
    stored = rows(args)
    registered = [r for r in stored if r[1] == "registered"]
    waitlisted = [r for r in stored if r[1] == "waitlisted"]
    sequences = [r[2] for r in stored]
    in_order = all(r[1] == "registered" for r in stored[:args.seats]) and all(r[1] == "waitlisted" for r in stored[args.seats:])
    places = {}
    for body in ok:
        answer = json.loads(body)
        if answer.get("waitlistPlace"):
            places[answer["userID"].lower()] = answer["waitlistPlace"]
    by_sequence = [places.get(str(user).lower()) for user, status, _ in stored if status == "waitlisted"]
    report = {
        "requests": len(tokens), "answered_200": len(ok), "errors": len(tokens) - len(ok),
        "statuses": {str(k): v for k, v in sorted(Counter(status for status, _ in answered).items())},
        "failed_connections": len(results) - len(answered),
        "stored": len(stored), "registered": len(registered), "waitlisted": len(waitlisted),
        "twice": len(stored) - len({r[0] for r in stored}),
        "sequences_unique": len(set(sequences)) == len(sequences),
        "registered_first": in_order,
        "waitlist_places_in_arrival_order": by_sequence == list(range(1, len(by_sequence) + 1)),
        "seconds": round(seconds, 2),
    }
    report["correct"] = (report["errors"] == 0 and report["stored"] == len(tokens) and report["registered"] == args.seats
                         and report["twice"] == 0 and report["sequences_unique"] and report["registered_first"]
                         and report["waitlist_places_in_arrival_order"])
    print(json.dumps(report))
    sys.exit(0 if report["correct"] else 1)


asyncio.run(main())
