"""Reads the messages a recording sendmail kept, with Python's own e-mail parser, and prints
for each what a mail program would see: the recipients sendmail was given, every header
(decoded), the addresses in To, Cc and Bcc, and any defects the parser found."""
import email
import email.policy
import email.utils
import json
import pathlib
import sys

out = []
for eml in sorted(pathlib.Path(sys.argv[1]).glob("*.eml")):
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    args = eml.with_suffix(".args").read_text(encoding="utf-8").splitlines()
    defects = [type(d).__name__ for d in message.defects]
    headers = []
    for name, value in message.items():
        headers.append([name, str(value)])
        defects += [type(d).__name__ for d in getattr(value, "defects", [])]
    addressed = [address for _, address in email.utils.getaddresses(
        message.get_all("to", []) + message.get_all("cc", []) + message.get_all("bcc", []))]
    out.append({"file": eml.name, "args": args, "headers": headers, "addressed": addressed, "defects": defects})
print(json.dumps(out))
