"""Build ``pipeline/lang/vi/capitalised.tsv``: how often each syllable is written with a capital inside a sentence.

    .venv/bin/python scripts/build_vi_capitalised.py            # write the table
    .venv/bin/python scripts/build_vi_capitalised.py --check    # exit 1 if a rebuild differs from the shipped file

A Vietnamese syllable that running text writes with a capital in mid-sentence most of
the time is a name (``tuấn`` 92 of 95, ``tùng`` 77 of 83); one it writes in lower case
is a common word that can also be a name (``thắng`` 95 of 163, ``anh`` 127 of 937). The
entity CRF (:mod:`pipeline.vi_ner`) reads that share as a feature, so that a given name
the annotated sentences never showed is still recognised when it opens a sentence (where
every word has a capital) or is written in lower case (as the treebank writes some names).

Sources: ``data/vi_written.txt`` (news-style text written for the project) and
``data/vi_vtb_train.txt`` (the sentences of the UD Vietnamese VTB train split, CC BY-SA
4.0), see ``data/README.md``. Neither holds a sentence of the dev set.

Rows: ``syllable<TAB>capitalised<TAB>seen``, lower case, tone marks normalized, for
syllables seen at least ``MIN_SEEN`` times inside a sentence (not first in it, nor
first after ``. ! ? : " “ … - – (``); ``#`` lines are comments.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.diacritics import normalize_tone_marks  # noqa: E402
from pipeline.vi_ner import CAPITALISED  # noqa: E402

SOURCES = (REPO / "data" / "vi_written.txt", REPO / "data" / "vi_vtb_train.txt")
MIN_SEEN = 3
_WORD = re.compile(r"[^\W\d_]+")
_OPENERS = '.!?:"“…-–('


def normalize(line: str) -> str:
    """The form the counts are keyed on: NFC, tone marks in one place, stripped."""
    return normalize_tone_marks(unicodedata.normalize("NFC", line.strip()))


def count(lines: Iterable[str]) -> tuple[Counter, Counter]:
    """(times capitalised, times seen) of each lower-case syllable inside a sentence of ``lines``."""
    capitalised: Counter = Counter()
    seen: Counter = Counter()
    for line in lines:
        line = normalize(line)
        for m in _WORD.finditer(line):
            before = line[: m.start()].rstrip()
            if not before or before[-1] in _OPENERS:
                continue  # a sentence's first word has a capital whatever it is
            word = m.group()
            key = word.lower()
            seen[key] += 1
            if word[0].isupper():
                capitalised[key] += 1
    return capitalised, seen


def table(capitalised: Counter, seen: Counter) -> dict[str, tuple[int, int]]:
    """{syllable: (capitalised, seen)} of the syllables seen at least ``MIN_SEEN`` times."""
    return {k: (capitalised[k], n) for k, n in seen.items() if n >= MIN_SEEN}


def read_sources(paths: Iterable[Path] = SOURCES) -> list[str]:
    lines = []
    for path in paths:
        if not path.exists():
            sys.exit(f"{path} is missing: it ships with the repository (data/README.md says how it was built)")
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


def render(rows: dict[str, tuple[int, int]]) -> str:
    out = [
        "# Vietnamese syllables written with a capital inside a sentence, built by scripts/build_vi_capitalised.py",
        "# from data/vi_written.txt (the project's own text) and data/vi_vtb_train.txt (UD Vietnamese VTB train, CC BY-SA 4.0)",
        f"# syllable\tcapitalised\tseen (inside a sentence; syllables seen at least {MIN_SEEN} times)",
    ]
    out += [f"{k}\t{c}\t{n}" for k, (c, n) in sorted(rows.items())]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if a rebuild differs from the shipped table")
    args = ap.parse_args(argv)
    text = render(table(*count(read_sources())))
    if args.check:
        same = CAPITALISED.exists() and CAPITALISED.read_text(encoding="utf-8") == text
        print(f"{CAPITALISED}: {'same as' if same else 'DIFFERS from'} a rebuild")
        sys.exit(0 if same else 1)
    CAPITALISED.write_text(text, encoding="utf-8")
    print(f"wrote {CAPITALISED} ({len(text.splitlines()) - 3:,} syllables)")


if __name__ == "__main__":
    main()
