"""Throughput of the entities finder beside underthesea's CRF ``ner`` on the same text, same run.

    .venv/bin/python -m benchmarks.entities [--repeat N]

Text: the Vietnamese dev sentences (``../shared/corpus/vi_ner_dev.jsonl``) and the
English parts of sample 001. Models are loaded (and warmed up) before timing.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSX_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn, texts: list[str], repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn(texts)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    from underthesea import ner

    from pipeline.entities import find_batch

    vi = [json.loads(line)["text"] for line in open(SHARED / "corpus" / "vi_ner_dev.jsonl", encoding="utf-8")]
    sample = (SHARED / "samples" / "001_250ad5e89605ddc5.txt").read_text(encoding="utf-8")
    en = [line for line in sample[:sample.index("An Nhiên\n\nĐiều")].split("\n") if line.strip()]
    find_batch(vi[:5], "vi")
    find_batch(en[:5], "en")
    ner(vi[0])
    n_vi, n_en = words(vi) * a.repeat, words(en) * a.repeat
    t_base = timed(lambda ts: [ner(t) for t in ts], vi, a.repeat)
    t_vi = timed(lambda ts: find_batch(ts, "vi"), vi, a.repeat)
    t_en = timed(lambda ts: find_batch(ts, "en"), en, a.repeat)
    print(f"underthesea ner (CRF), vi:   {n_vi / t_base:8.0f} words/s  ({n_vi} words, {t_base:.2f} s)")
    print(f"newsx entities, vi:          {n_vi / t_vi:8.0f} words/s  ({n_vi} words, {t_vi:.2f} s)")
    print(f"newsx entities, en (spaCy):  {n_en / t_en:8.0f} words/s  ({n_en} words, {t_en:.2f} s)")


if __name__ == "__main__":
    main()
