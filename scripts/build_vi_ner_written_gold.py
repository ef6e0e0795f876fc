"""Build ``evaluation/gold/vi_written_ner.jsonl``: Vietnamese news-style sentences written for this project.

    .venv/bin/python scripts/build_vi_ner_written_gold.py [--incoming DIR] [--out FILE]

Input: ``data/_incoming/written_vi_part*.jsonl`` (``{"id", "text", "entities":
[{"text", "label"}]}``, entities in order, no offsets): sentences written and
annotated for the project (not copied from any source; the project's own data,
shipped under the project's licence). Entities are placed with the same rule as
``scripts/build_vi_ner_train_gold.py``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_vi_ner_train_gold import build  # noqa: E402

# Parts written in the treebank's casing (``written-m`` on): their writers put one person's name in
# eight in lower case, but the treebank's own sentences have one in twenty (40 of 803 in the train
# file). In every other sentence of those parts a person's name is given its capitals back, which
# brings the rate near the treebank's; left as written, the CRF learns to run a name on over the
# lower-case words after it ("chị Tiệp bùi ngùi").
TREEBANK_CASING_PARTS = frozenset("m n o p q r s t u v w x y z za zb zc zd ze zf zg zh zi zj zk zl zm zn zo zp "
                                  "zq zr zs zt zu zv zz zza zzb zzc zzd zze".split())


def recapitalise_people(text: str, ents: list[dict]) -> tuple[str, list[dict]]:
    """``text`` with each person's name written with capitals (syllable-initial letters upper case)."""
    chars = list(text)
    for e in ents:
        if e["label"] != "PER":
            continue
        a, b = e["start"], e["end"]
        name = text[a:b]
        fixed = " ".join(w[:1].upper() + w[1:] if w[:1].isalpha() else w for w in name.split(" "))
        if len(fixed) == len(name):
            chars[a:b] = fixed
    new = "".join(chars)
    return new, [{**e, "text": new[e["start"]:e["end"]]} for e in ents]


def _fix(sid: str, text: str, ents: list[dict]) -> tuple[str, list[dict]]:
    part, number = sid.split("-")[1:3]
    if part in TREEBANK_CASING_PARTS and int(number) % 2 == 1:
        return recapitalise_people(text, ents)
    return text, ents


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incoming", type=Path, default=REPO / "data" / "_incoming")
    ap.add_argument("--out", type=Path, default=REPO / "evaluation" / "gold" / "vi_written_ner.jsonl")
    a = ap.parse_args(argv)
    build(sorted(a.incoming.glob("written_vi_part*.jsonl")), a.out, fix=_fix, nfc=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
