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
import json
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_vi_ner_train_gold import place  # noqa: E402

# Parts written in the treebank's casing (``written-m`` on): their writers put one person's name in
# eight in lower case, but the treebank's own sentences have one in twenty (40 of 803 in the train
# file). In every other sentence of those parts a person's name is given its capitals back, which
# brings the rate near the treebank's; left as written, the CRF learns to run a name on over the
# lower-case words after it ("chị Tiệp bùi ngùi").
TREEBANK_CASING_PARTS = frozenset("m n o p q r s t u v w x y z za zb zc zd ze zf zg zh zi zj zk zl zm zn zo zp "
                                  "zq zr zs zt zu zv".split())


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incoming", type=Path, default=REPO / "data" / "_incoming")
    ap.add_argument("--out", type=Path, default=REPO / "evaluation" / "gold" / "vi_written_ner.jsonl")
    a = ap.parse_args(argv)
    rows, counts, n_bad = [], {}, 0
    for p in sorted(a.incoming.glob("written_vi_part*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            text = unicodedata.normalize("NFC", r["text"]).strip()
            ents, problems = place(text, r["entities"])
            part, number = r["id"].split("-")[1:3]
            if part in TREEBANK_CASING_PARTS and int(number) % 2 == 1:
                text, ents = recapitalise_people(text, ents)
            for msg in problems:
                print(f"{p.name} {r['id']}: {msg}", file=sys.stderr)
            n_bad += sum(1 for m in problems if m.startswith("cannot"))
            for e in ents:
                counts[e["label"]] = counts.get(e["label"], 0) + 1
            rows.append({"id": r["id"], "text": text, "entities": ents})
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate sentence ids in the input")
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{a.out}: {len(rows)} sentences, {sum(counts.values())} entities {counts}, {n_bad} not placed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
