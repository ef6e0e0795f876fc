"""Build ``evaluation/gold/vi_vtb_dev_heldout_ner.jsonl``: real news sentences no model or rule has seen.

    .venv/bin/python scripts/build_vi_ner_heldout_gold.py [--incoming DIR] [--out FILE]

Input: ``data/_incoming/vtb_dev_part{1,2}.jsonl`` (git-ignored): the ``# text =`` lines of
``vi_vtb-ud-dev.conllu`` of the UD Vietnamese VTB treebank (commit ``03ece1b8``, sentences
``dev-s1`` ... ``dev-s600``, the whole file), copied and annotated by hand for the project with
the dev set's conventions, entities in order without offsets (placed as by
``scripts/build_vi_ner_train_gold.py``).

This file of the treebank is a later release than the one the dev set was drawn from: it shares
one sentence with the dev set (``dev-s304``) and one boilerplate headline with the training
sentences (``dev-s126`` = ``train-s1089``); both are left out, and so is ``dev-s153``, which
shares a stock phrase of ten tokens with a written training sentence. Nothing here is ever
trained on or read to write rules: it is an evaluation set only (``evaluation/entities.py``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_vi_ner_train_gold import build  # noqa: E402

LEFT_OUT = {
    "dev-s304": "also a sentence of the dev set",
    "dev-s126": "the same headline as train-s1089",
    "dev-s153": "ten tokens in common with written-za-211 (a stock phrase)",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incoming", type=Path, default=REPO / "data" / "_incoming")
    ap.add_argument("--out", type=Path, default=REPO / "evaluation" / "gold" / "vi_vtb_dev_heldout_ner.jsonl")
    a = ap.parse_args(argv)
    paths = sorted(a.incoming.glob("vtb_dev_part*.jsonl"))
    if not paths:
        sys.exit(f"no vtb_dev_part*.jsonl under {a.incoming}")
    build(paths, a.out, keep=lambda r: r["id"] not in LEFT_OUT, nfc=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
