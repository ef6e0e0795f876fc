"""Build the gold file ``evaluation/gold/vi_vtb_train_ner.jsonl`` from the hand annotations.

    .venv/bin/python scripts/build_vi_ner_train_gold.py [--incoming DIR] [--out FILE]

Input: ``data/_incoming/vtb_train_part{0..6}.jsonl``, one sentence a line:
``{"id", "text", "entities": [{"text", "label"}, ...]}`` with the entities in
order of appearance but without offsets.

Output: the evaluator's gold format, ``{"id", "text", "entities": [{"start",
"end", "label", "text"}]}``. Each entity is placed at the k-th occurrence (left
to right, at word boundaries) of its text, k counting the earlier entities of
the sentence with the same text. A placement that overlaps an earlier entity or
goes backwards is retried at the first free word-boundary occurrence after the
previous entity. Entities that cannot be placed are reported (and left out).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Word-boundary occurrences of ``needle`` in ``text`` (a word character never touches either end)."""
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    out, pos = [], 0
    while True:
        m = pat.search(text, pos)
        if not m:
            return out
        out.append(m.span())
        pos = m.start() + 1


def place(text: str, ents: list[dict]) -> tuple[list[dict], list[str]]:
    placed: list[dict] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    last_end = 0
    for e in ents:
        surface = unicodedata.normalize("NFC", e["text"]).strip()
        k = seen.get(surface, 0)
        seen[surface] = k + 1
        occ = occurrences(text, surface)
        span = occ[k] if k < len(occ) else None
        taken = [(p["start"], p["end"]) for p in placed]
        if span is not None and (span[0] < last_end or any(span[0] < b and a < span[1] for a, b in taken)):
            span = None  # k-th occurrence is inside an earlier entity or out of order: take the next free one
        if span is None:
            free = [s for s in occ if s[0] >= last_end and not any(s[0] < b and a < s[1] for a, b in taken)]
            span = free[0] if free else None
            if span is not None:
                problems.append(f"re-placed {surface!r} ({e['label']}) at {span[0]} (k-th occurrence clashed)")
        if span is None:
            problems.append(f"cannot place {surface!r} ({e['label']}): {len(occ)} occurrence(s)")
            continue
        placed.append({"start": span[0], "end": span[1], "label": e["label"], "text": text[span[0]:span[1]]})
        last_end = span[1]
    return placed, problems


# train-s1601..s1800 reappear word for word in the dev set's source (the treebank's test file at a
# later commit), so they are left out, as in data/vi_vtb_train.txt (see data/README.md).
LAST_ID = 1600


def build(paths: list[Path], out: Path, keep=None, fix=None, nfc: bool = False) -> None:
    """Place the entities of hand-annotated sentences (JSONL files ``paths``, entities without offsets)
    and write the gold file ``out``; print its counts, and every entity that had to be re-placed or
    could not be placed. ``keep(row)``: whether to take an input row; ``fix(id, text, entities)``: the
    row's text and entities after placing; ``nfc``: normalise (NFC) and strip each text first."""
    rows, counts, n_bad = [], {}, 0
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if keep is not None and not keep(r):
                continue
            text = unicodedata.normalize("NFC", r["text"]).strip() if nfc else r["text"]
            ents, problems = place(text, r["entities"])
            if fix is not None:
                text, ents = fix(r["id"], text, ents)
            for msg in problems:
                print(f"{p.name} {r['id']}: {msg}", file=sys.stderr)
            n_bad += sum(1 for m in problems if m.startswith("cannot"))
            for e in ents:
                counts[e["label"]] = counts.get(e["label"], 0) + 1
            rows.append({"id": r["id"], "text": text, "entities": ents})
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate sentence ids in the input")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out}: {len(rows)} sentences, {sum(counts.values())} entities {counts}, {n_bad} not placed")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incoming", type=Path, default=REPO / "data" / "_incoming")
    ap.add_argument("--out", type=Path, default=REPO / "evaluation" / "gold" / "vi_vtb_train_ner.jsonl")
    a = ap.parse_args(argv)
    parts = sorted(a.incoming.glob("vtb_train_part*.jsonl"), key=lambda p: int(re.search(r"(\d+)", p.stem[-3:])[1]))
    build(parts, a.out, keep=lambda r: int(r["id"].rsplit("s", 1)[1]) <= LAST_ID)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
