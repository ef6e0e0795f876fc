"""Diacritic restoration: strip Vietnamese sentences, restore them, count syllables right.

    .venv/bin/python -m evaluation.diacritics [--no-pyvi] [--errors N]

Prints, for ours and for pyvi's ``ViUtils.add_accents`` side by side, the share of
syllables restored exactly (after one tone-mark placement on both sides) and the share on
capitalized syllables (names), on ``../shared/corpus/vi_ner_dev.jsonl`` (200 news
sentences) and on the Vietnamese with diacritics of the samples (000; the Vietnamese
lines of 001; 002 with the word-segmentation underscores replaced by spaces). A third
figure restores each sample line after learning the other Vietnamese lines of its own
article (:func:`pipeline.diacritics.restorer_for`, what the pipeline does for a stripped
caption beside the article it captions); pyvi has no such mode.

A syllable is a run of letters of the reference that contains a Vietnamese mark or whose
lowercase form is a stripped Vietnamese syllable; foreign words count too when they are
among those (they must come back unchanged).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

from pipeline.diacritics import (
    Restorer,
    is_stripped_vietnamese_syllable,
    normalize_tone_marks,
    restorer_for,
    strip_diacritics,
)

SHARED = Path(os.environ.get("NEWSX_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
_LETTERS = re.compile(r"[^\W\d_]+")


def dev_sentences(shared: Path = SHARED) -> list[str]:
    path = shared / "corpus" / "vi_ner_dev.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _has_marks(s: str) -> bool:
    return strip_diacritics(s) != s


def sample_sentences(shared: Path = SHARED) -> list[str]:
    """Vietnamese lines with diacritics from the three samples."""
    return [line for lines in sample_articles(shared).values() for line in lines]


def sample_articles(shared: Path = SHARED) -> dict[str, list[str]]:
    """The Vietnamese lines with diacritics of each sample, by file name."""
    samples = shared / "samples"
    articles: dict[str, list[str]] = {}
    for path in sorted(samples.glob("*.txt")):
        out = articles.setdefault(path.name, [])
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().replace("_", " ")
            if not line:
                continue
            words = _LETTERS.findall(line)
            if not words:
                continue
            marked = sum(1 for w in words if _has_marks(w))
            if marked / len(words) >= 0.3:  # a Vietnamese line (001 is mostly English)
                out.append(line)
    return articles


def syllable_pairs(ref: str, hyp: str):
    """(reference syllable, hypothesis syllable, capitalized) for each scored syllable.

    ``hyp`` is aligned with ``ref`` by letter runs; a hypothesis that changed the number
    of letter runs is aligned run by run as far as they go (the rest count as errors)."""
    ref = normalize_tone_marks(ref)
    hyp = normalize_tone_marks(hyp)
    rw = _LETTERS.findall(ref)
    hw = _LETTERS.findall(hyp)
    for i, r in enumerate(rw):
        if not (_has_marks(r) or is_stripped_vietnamese_syllable(r)):
            continue
        h = hw[i] if i < len(hw) else ""
        yield r, h, r[:1].isupper()


def score(refs: list[str], hyps: list[str]) -> dict:
    n = ok = cn = cok = 0
    errors = []
    for ref, hyp in zip(refs, hyps):
        for r, h, cap in syllable_pairs(ref, hyp):
            n += 1
            ok += r == h
            if cap:
                cn += 1
                cok += r == h
            if r != h:
                errors.append((r, h))
    return {"n": n, "acc": ok / max(n, 1), "cap_n": cn, "cap_acc": cok / max(cn, 1), "errors": errors}


def pyvi_restore(text: str) -> str:
    from pyvi import ViUtils

    return ViUtils.add_accents(text)


def run(name: str, refs: list[str], with_pyvi: bool, show_errors: int) -> dict:
    stripped = [strip_diacritics(s) for s in refs]
    r = Restorer()
    r.model  # load before timing
    t = time.perf_counter()
    ours = [r.restore(s) for s in stripped]
    t_ours = time.perf_counter() - t
    assert all(len(a) == len(b) for a, b in zip(ours, stripped)), "restoration changed a length"
    res = {"ours": score(refs, ours), "t_ours": t_ours}
    if with_pyvi:
        t = time.perf_counter()
        theirs = [pyvi_restore(s) for s in stripped]
        res["t_pyvi"] = time.perf_counter() - t
        res["pyvi"] = score(refs, theirs)
    o = res["ours"]
    print(f"\n{name}: {len(refs)} sentences, {o['n']} syllables, {o['cap_n']} capitalized")
    print(f"  {'':8} {'syllables':>10} {'capitalized':>12} {'seconds':>8}")
    print(f"  {'ours':8} {o['acc']:10.4f} {o['cap_acc']:12.4f} {t_ours:8.2f}")
    if with_pyvi:
        p = res["pyvi"]
        print(f"  {'pyvi':8} {p['acc']:10.4f} {p['cap_acc']:12.4f} {res['t_pyvi']:8.2f}")
    if show_errors:
        from collections import Counter

        print("  most frequent errors (reference -> ours):")
        for (a, b), c in Counter(o["errors"]).most_common(show_errors):
            print(f"    {c:3d}  {a} -> {b}")
    return res


def run_adapted(name: str, articles: dict[str, list[str]]) -> dict:
    """Each line restored by a Restorer that learned the other lines of its article."""
    refs: list[str] = []
    hyps: list[str] = []
    for lines in articles.values():
        for i, line in enumerate(lines):
            r = restorer_for(lines[:i] + lines[i + 1:])
            refs.append(line)
            hyps.append(r.restore(strip_diacritics(line)))
    o = score(refs, hyps)
    print(f"\n{name}: {len(refs)} sentences, {o['n']} syllables, {o['cap_n']} capitalized")
    print(f"  {'':8} {'syllables':>10} {'capitalized':>12}")
    print(f"  {'ours':8} {o['acc']:10.4f} {o['cap_acc']:12.4f}")
    return {"ours": o}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Diacritic restoration accuracy, ours vs pyvi")
    ap.add_argument("--no-pyvi", action="store_true", help="skip pyvi's add_accents")
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent errors")
    args = ap.parse_args(argv)
    with_pyvi = not args.no_pyvi
    if with_pyvi:
        try:
            import pyvi  # noqa: F401
        except ImportError:
            print("pyvi is not installed (pip install pyvi==0.1.1): measuring ours only", file=sys.stderr)
            with_pyvi = False
    run("vi_ner_dev.jsonl", dev_sentences(), with_pyvi, args.errors)
    run("samples (Vietnamese with diacritics)", sample_sentences(), with_pyvi, args.errors)
    run_adapted("samples, each line after learning the rest of its article", sample_articles())


if __name__ == "__main__":
    main()
