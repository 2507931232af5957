"""Compile the message catalogs: every src/guidecite/locale/*/LC_MESSAGES/*.po to its .mo.

    python scripts/compile_translations.py           # writes the .mo files
    python scripts/compile_translations.py --check   # exit 1 if a .mo is out of date

The same logic as CPython's Tools/i18n/msgfmt.py (GNU .mo format, little-endian, no hash
table), for the subset of the .po format our catalogs use: msgid, msgid_plural, msgstr,
msgstr[N], continued strings and comments. Fuzzy entries are left out, as msgfmt does.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "src" / "guidecite" / "locale"


def read_po(text: str) -> dict[bytes, bytes]:
    """msgid -> msgstr as msgfmt stores them (plural forms joined with NUL)."""
    messages: dict[bytes, bytes] = {}
    entry: dict[str, list[str]] = {}
    field: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                msgid += "\0" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\0".join("".join(entry[k]) for k in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr or not msgid:
                messages[msgid.encode()] = msgstr.encode()
        entry, fuzzy = {}, False

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if field is None:
                raise ValueError(f"a string outside an entry: {line}")
            entry[field].append(ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in entry:
            flush()
        field = keyword
        entry[field] = [ast.literal_eval(rest)]
    flush()
    return messages


def write_mo(messages: dict[bytes, bytes]) -> bytes:
    """The GNU .mo file of a catalog."""
    keys = sorted(messages)
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(messages[k] + b"\0" for k in keys)
    start = 7 * 4 + len(keys) * 16  # header, then the two offset tables
    offsets, id_at, str_at = [], 0, start + len(ids)
    for k in keys:
        offsets.append((len(k), start + id_at, len(messages[k]), str_at))
        id_at += len(k) + 1
        str_at += len(messages[k]) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    id_table = b"".join(struct.pack("ii", n, at) for n, at, _, _ in offsets)
    str_table = b"".join(struct.pack("ii", n, at) for _, _, n, at in offsets)
    return header + id_table + str_table + ids + strs


def compiled(po: Path) -> bytes:
    return write_mo(read_po(po.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo, data = po.with_suffix(".mo"), compiled(po)
        if check:
            if not mo.exists() or mo.read_bytes() != data:
                stale.append(mo)
        else:
            mo.write_bytes(data)
            print(f"wrote {mo.relative_to(LOCALE.parents[2])}")
    for mo in stale:
        print(f"out of date: {mo} (run scripts/compile_translations.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
