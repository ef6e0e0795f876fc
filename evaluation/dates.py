"""Pass rate of the dates grammar on Duckling's time corpora and on our held-out phrases.

Run from the repository root::

    .venv/bin/python -m evaluation.dates            # figures per file
    .venv/bin/python -m evaluation.dates -v         # and every failure

An example passes when one extracted expression covers the phrase and
- for a ``value``: its ``start_time`` equals the expected value's wall clock (the
  reference's time-zone offset is dropped), both cut to the expected grain, and its
  ``grain`` equals the expected grain;
- for an ``interval``: its ``start_time`` equals ``from`` and its ``end_time`` (exclusive)
  equals ``to`` (each side only when Duckling gives it); Duckling's interval ends are
  exclusive at the grain of the interval, like ours;
- for ``null``: nothing of type date/time is found.
Each example is run with its own ``reference_time`` (a time-zone-aware datetime, so
expressions like ``4pm CET`` can be converted to the reference's wall clock).

Files: ``../shared/corpus/duckling/{vi,en}_time.jsonl`` (Duckling, BSD licence) and
``tests/dates/data/heldout_{vi,en}_time.jsonl`` (written by us before any tuning on it,
same kinds of phrases, not seen by the grammar's author while writing rules).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from pipeline.dates import DateMatch, find

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSX_SHARED", REPO.parent / "shared"))
DUCKLING_FILES = ("vi_time.jsonl", "en_time.jsonl")
HELDOUT_DIR = REPO / "tests" / "dates" / "data"
HELDOUT_FILES = ("heldout_vi_time.jsonl", "heldout_en_time.jsonl",
                 "heldout2_vi_time.jsonl", "heldout2_en_time.jsonl")


def _wall(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).replace(tzinfo=None)


def _cut(t: dt.datetime, grain: str) -> dt.datetime:
    """``t`` with every field finer than ``grain`` reset."""
    if grain == "year":
        return dt.datetime(t.year, 1, 1)
    if grain in ("half", "quarter", "month"):
        return dt.datetime(t.year, t.month, 1)
    if grain in ("week", "day"):
        return dt.datetime(t.year, t.month, t.day)
    if grain == "hour":
        return t.replace(minute=0, second=0, microsecond=0)
    if grain == "minute":
        return t.replace(second=0, microsecond=0)
    return t.replace(microsecond=0)


def _covers(m: DateMatch, text: str) -> bool:
    body = text.strip().rstrip(".,!?")
    first = len(text) - len(text.lstrip())
    return m.start <= first and m.end >= first + len(body)


def check(example: dict) -> tuple[bool, list[DateMatch]]:
    """Whether ``example`` (one line of a corpus file) passes, and what was found."""
    text = example["text"]
    ref = dt.datetime.fromisoformat(example["reference_time"])
    found = find(text, example["lang"], ref)
    exp = example["expected"]
    if exp is None:
        return not any(m.type in ("date", "time") for m in found), found
    covering = [m for m in found if _covers(m, text) and m.start_time is not None]
    if exp["type"] == "value" and exp["value"].startswith("-"):  # a year before the common era
        want = "-" + exp["value"][1:5]
        return any(m.value == want and m.grain == exp["grain"] and _covers(m, text) for m in found), found
    if exp["type"] == "value":
        want, grain = _wall(exp["value"]), exp["grain"]
        ok = any(m.grain == grain and _cut(m.start_time, grain) == _cut(want, grain)
                 for m in covering)
        return ok, found
    frm, to = exp.get("from"), exp.get("to")
    for m in covering:
        if frm is not None and _cut(m.start_time, frm["grain"]) != _cut(_wall(frm["value"]), frm["grain"]):
            continue
        if to is not None and (m.end_time is None or m.end_time != _wall(to["value"])):
            continue
        return True, found
    return False, found


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(path: Path) -> tuple[int, int, list[tuple[dict, list[DateMatch]]]]:
    examples = load(path)
    failures = []
    for ex in examples:
        ok, found = check(ex)
        if not ok:
            failures.append((ex, found))
    return len(examples) - len(failures), len(examples), failures


def files() -> list[tuple[str, Path]]:
    out = [("duckling", SHARED / "corpus" / "duckling" / f) for f in DUCKLING_FILES]
    out += [("heldout", HELDOUT_DIR / f) for f in HELDOUT_FILES]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print every failure")
    args = ap.parse_args(argv)
    totals: dict[str, list[int]] = {}
    for group, path in files():
        passed, total, failures = evaluate(path)
        t = totals.setdefault(group, [0, 0])
        t[0] += passed
        t[1] += total
        print(f"{group:9s} {path.name:24s} {passed:4d}/{total:<4d} {100 * passed / total:6.1f}%")
        if args.verbose:
            for ex, found in failures:
                got = "; ".join(f"{m.text!r}={m.value} {m.grain} {m.start_time} {m.end_time}"
                                for m in found) or "nothing"
                print(f"    FAIL {ex['text']!r}: expected {json.dumps(ex['expected'])} got {got}")
    for group, (p, t) in totals.items():
        print(f"{group:9s} {'ALL':24s} {p:4d}/{t:<4d} {100 * p / t:6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
