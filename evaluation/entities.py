"""Exact-span evaluation of the entities stage.

Reads JSONL gold files (``id``, ``text``, ``entities`` with ``start``, ``end``,
``label``) and prints precision / recall / F1 per label (PER, LOC, ORG, MISC)
and over PER+LOC+ORG.

    .venv/bin/python -m evaluation.entities                 # Vietnamese dev set and held-out treebank set, English gold
    .venv/bin/python -m evaluation.entities --gold FILE --lang vi [--no-baseline] [--no-forms]
    .venv/bin/python -m evaluation.entities --gold evaluation/gold/vi_vtb_train_ner.jsonl --lang vi
    .venv/bin/python -m evaluation.entities --gold FILE --errors odd     # differing sentences

For Vietnamese it also prints underthesea's CRF ``ner`` on the same sentences,
two halves of the set separately, and the stripped / segmented forms of the
sentences run through the same normalization the pipeline applies. For English,
spaCy's own entities through the label map (no repairs) on the same sentences.

Halves (``--split``): the dev set ``../shared/corpus/vi_ner_dev.jsonl`` is split
into its first and second half, and the second half into its two quarters (the
first half's errors were read in sessions 1-7, the third quarter's in session 8,
the fourth quarter's never: it is the one unread measure in the dev set's own
annotation; the rules are developed on the train file,
``evaluation/gold/vi_vtb_train_ner.jsonl``); any other file is
split into odd and even sentences (1st, 3rd, ... / 2nd, 4th, ...): rules are
developed on the errors of the odd half and checked on the even half.

Under each part's figures: a 95% interval of its PER+LOC+ORG F1 (sentences resampled with
replacement, fixed seed), and by default the two parts whose errors were never read (the dev
set's fourth quarter, the held-out file's even sentences) scored together.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSX_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))

LABELS = ("PER", "LOC", "ORG", "MISC")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Per label (and ``PER+LOC+ORG``, ``ALL``): precision, recall, F1, tp, n_pred, n_gold."""
    out = {}
    groups = {lab: {lab} for lab in LABELS}
    groups["PER+LOC+ORG"] = {"PER", "LOC", "ORG"}
    groups["ALL"] = set(LABELS)
    for name, labs in groups.items():
        tp = n_p = n_g = 0
        for g, p in zip(gold, pred):
            g2 = {x for x in g if x[2] in labs}
            p2 = {x for x in p if x[2] in labs}
            tp += len(g2 & p2)
            n_p += len(p2)
            n_g += len(g2)
        prec = tp / n_p if n_p else 0.0
        rec = tp / n_g if n_g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[name] = (prec, rec, f1, tp, n_p, n_g)
    return out


def f1_interval(gold: list[set], pred: list[set], labels=("PER", "LOC", "ORG"), draws: int = 2000,
                seed: int = 0) -> tuple[float, float]:
    """95% interval of the F1 over ``labels``, by resampling sentences with replacement (percentile
    bootstrap, fixed seed): how far a figure on a few dozen sentences may be from the same model's
    figure on more text of the same kind."""
    import random

    counts = []
    for g, p in zip(gold, pred):
        g2 = {x for x in g if x[2] in labels}
        p2 = {x for x in p if x[2] in labels}
        counts.append((len(g2 & p2), len(p2), len(g2)))
    rng = random.Random(seed)
    n = len(counts)
    f1s = []
    for _ in range(draws):
        tp = n_p = n_g = 0
        for _ in range(n):
            a, b, c = counts[rng.randrange(n)]
            tp, n_p, n_g = tp + a, n_p + b, n_g + c
        f1s.append(2 * tp / (n_p + n_g) if n_p + n_g else 0.0)
    f1s.sort()
    return f1s[int(0.025 * draws)], f1s[min(draws - 1, int(0.975 * draws))]


def print_interval(gold: list[set], pred: list[set], indent: str = "  ") -> None:
    lo, hi = f1_interval(gold, pred)
    print(f"{indent}PER+LOC+ORG F1 95% interval (sentences resampled): {lo:.3f} - {hi:.3f}")


def print_scores(title: str, sc: dict) -> None:
    print(f"\n{title}")
    print(f"  {'label':12s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/pred/gold")
    for name, (p, r, f, tp, n_p, n_g) in sc.items():
        print(f"  {name:12s} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{n_p}/{n_g}")


def gold_sets(rows: list[dict]) -> list[set]:
    return [{(e["start"], e["end"], e["label"]) for e in r["entities"]} for r in rows]


def ours(texts: list[str], lang: str) -> list[set]:
    """The entity stage on ``texts``. Vietnamese first gets what the normalize stage gives every Vietnamese
    segment and keeps the length: one tone-mark placement, look-alike letters mapped (``Ð`` -> ``Đ``)."""
    from pipeline.entities import find_batch

    if lang == "vi":
        from pipeline.diacritics import normalize_tone_marks

        texts = [normalize_tone_marks(t) for t in texts]
    return [{(m.start, m.end, m.label) for m in ms} for ms in find_batch(texts, lang)]


def spacy_baseline(texts: list[str]) -> list[set]:
    """spaCy ``en_core_web_sm`` as it comes, through the label map only (no repairs)."""
    from pipeline.entities import _en_nlp
    from pipeline.lang.en.entities import LABEL_MAP

    return [{(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in doc.ents if e.label_ in LABEL_MAP}
            for doc in _en_nlp().pipe(texts)]


def underthesea_baseline(texts: list[str]) -> list[set]:
    """underthesea's CRF ``ner`` as it comes: BIO spans aligned back to the text."""
    from underthesea import ner

    from pipeline.entities import _align

    out = []
    for t in texts:
        rows = ner(t)
        spans = _align(t, [r[0] for r in rows])
        ents, cur = set(), None
        for (a, b), row in zip(spans, rows):
            tag = row[3]
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                if cur:
                    ents.add(tuple(cur))
                cur = [a, b, tag[2:]]
            elif tag.startswith("I-"):
                cur[1] = b
            else:
                if cur:
                    ents.add(tuple(cur))
                cur = None
        if cur:
            ents.add(tuple(cur))
        out.append(ents)
    return out


# -- other surface forms of the same sentences ---------------------------------


def strip_diacritics(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D").replace("\u00d0", "D")
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn"))


def segment(s: str) -> str:
    """The word-segmented form of a sentence (underthesea ``word_tokenize``), as a segmenter would write it."""
    from underthesea import word_tokenize

    return word_tokenize(s, format="text")


def unsegment(seg: str, original: str) -> tuple[str, list[int]]:
    """What the normalizer gives for segmented text: ``_`` -> space. Returns text and a map to ``original``.

    The dev sentences are already tokenised with spaces around punctuation, so
    undoing ``_`` gives back the plain sentence when the segmenter kept every
    character; the map aligns non-space characters in order.
    """
    norm = seg.replace("_", " ")
    pos = [i for i, c in enumerate(original) if not c.isspace()]
    m, k = [], 0
    for c in norm:
        if c.isspace():
            m.append(pos[k] if k < len(pos) else len(original))
        else:
            m.append(pos[k] if k < len(pos) else len(original))
            k += 1
    return norm, m


def map_back(pred: list[set], maps: list[list[int]], norms: list[str]) -> list[set]:
    out = []
    for p, m, n in zip(pred, maps, norms):
        s = set()
        for a, b, lab in p:
            if b > a:
                s.add((m[a], m[b - 1] + 1, lab))
        out.append(s)
    return out


def restore_available():
    try:
        from pipeline.diacritics import restore  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - module built by another helper, may be absent
        return None
    return restore


SPLITS = ("halves", "odd-even")


def split_index(n: int, split: str) -> list[tuple[str, list[int]]]:
    """The parts of a file of ``n`` sentences, named. ``halves`` (the dev set): the first half (errors read
    in sessions 1-7), the third quarter (errors read in session 8) and the fourth (errors never read);
    ``odd-even``: odd sentences (development) and even ones (check)."""
    if split == "halves":
        half, three = n // 2, (3 * n) // 4
        return [("first half", list(range(half))), ("second half", list(range(half, n))),
                ("third quarter", list(range(half, three))), ("fourth quarter", list(range(three, n)))]
    return [("odd sentences (development)", list(range(0, n, 2))), ("even sentences (check)", list(range(1, n, 2)))]


# --errors choice -> (split, part of split_index); the dev set's fourth quarter is kept unread: no choice
ERROR_PARTS = {"first": ("halves", "first half"), "second": ("halves", "second half"),
               "third-quarter": ("halves", "third quarter"), "odd": ("odd-even", "odd sentences (development)"),
               "even": ("odd-even", "even sentences (check)")}


def default_split(path: Path) -> str:
    return "halves" if path.name == "vi_ner_dev.jsonl" else "odd-even"


def evaluate_vi(path: Path, baseline: bool = True, forms: bool = True, split: str | None = None) -> dict:
    rows = load(path)
    texts = [r["text"] for r in rows]
    gold = gold_sets(rows)
    pred = ours(texts, "vi")
    results = {}
    sc = score(gold, pred)
    results["plain"] = sc
    print_scores(f"Vietnamese {path.name} ({len(rows)} sentences): newsx entities", sc)
    for name, idx in split_index(len(rows), split or default_split(path)):
        g, p = [gold[i] for i in idx], [pred[i] for i in idx]
        results[name] = score(g, p)
        indent = "    " if "quarter" in name else "  "
        print_scores(indent + name, results[name])
        print_interval(g, p, indent + "  ")
    results["sets"] = (gold, pred)
    if baseline:
        base = underthesea_baseline(texts)
        sc_b = score(gold, base)
        results["underthesea"] = sc_b
        print_scores("underthesea ner (CRF), same sentences", sc_b)
    if forms:
        seg = [segment(t) for t in texts]
        pairs = [unsegment(s, t) for s, t in zip(seg, texts)]
        norms = [p[0] for p in pairs]
        pseg = map_back(ours(norms, "vi"), [p[1] for p in pairs], norms)
        sc_s = score(gold, pseg)
        results["segmented"] = sc_s
        ratio = sc_s["PER+LOC+ORG"][2] / sc["PER+LOC+ORG"][2] if sc["PER+LOC+ORG"][2] else 0.0
        print_scores(f"segmented form (underthesea word_tokenize, '_' -> ' '): ratio to plain F1 = {ratio:.3f}",
                     sc_s)
        restore = restore_available()
        if restore is None:
            print("\nstripped form: pending (pipeline.diacritics.restore is not available)")
        else:
            stripped = [strip_diacritics(t) for t in texts]
            restored = [restore(s) for s in stripped]
            ok = [len(r) == len(t) for r, t in zip(restored, texts)]
            restored = [r if k else s for r, s, k in zip(restored, stripped, ok)]
            pst = ours(restored, "vi")
            sc_r = score(gold, pst)
            results["stripped"] = sc_r
            ratio = sc_r["PER+LOC+ORG"][2] / sc["PER+LOC+ORG"][2] if sc["PER+LOC+ORG"][2] else 0.0
            print_scores(f"stripped form restored by pipeline.diacritics.restore: ratio to plain F1 = {ratio:.3f}",
                         sc_r)
    return results


def evaluate_en(path: Path, baseline: bool = True) -> dict:
    rows = load(path)
    gold = gold_sets(rows)
    texts = [r["text"] for r in rows]
    sc = score(gold, ours(texts, "en"))
    print_scores(f"English {path.name} ({len(rows)} sentences): newsx entities", sc)
    if baseline:
        print_scores("spaCy en_core_web_sm alone (label map, no repairs), same sentences",
                     score(gold, spacy_baseline(texts)))
    return sc


def show_errors(path: Path, lang: str, part: str) -> None:
    rows = load(path)
    if part != "all":
        split, name = ERROR_PARTS[part]
        rows = [rows[i] for i in dict(split_index(len(rows), split))[name]]
    pred = ours([r["text"] for r in rows], lang)
    for r, p in zip(rows, pred):
        g = {(e["start"], e["end"], e["label"]) for e in r["entities"]}
        if g != p:
            t = r["text"]
            print(r["id"], t)
            for x in sorted(g - p):
                print("   missed ", x[2], repr(t[x[0]:x[1]]))
            for x in sorted(p - g):
                print("   spurious", x[2], repr(t[x[0]:x[1]]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, help="a JSONL gold file (default: the Vietnamese dev set, "
                    "evaluation/gold/vi_vtb_dev_heldout_ner.jsonl and the English gold)")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--no-baseline", action="store_true", help="skip underthesea's and spaCy's own figures")
    ap.add_argument("--no-forms", action="store_true", help="skip the segmented / stripped forms")
    ap.add_argument("--split", choices=SPLITS,
                    help="how to cut the file in two (default: halves for the dev set, odd-even otherwise)")
    ap.add_argument("--errors", choices=[*ERROR_PARTS, "all"],
                    help="print the differing sentences (odd / even: 1st, 3rd, ... / 2nd, 4th, ... sentences; "
                    "the dev set's fourth quarter is kept unread: it has no choice of its own)")
    a = ap.parse_args(argv)
    if a.errors:
        show_errors(a.gold or SHARED / "corpus" / "vi_ner_dev.jsonl", a.lang, a.errors)
        return
    if a.gold:
        if a.lang == "vi":
            evaluate_vi(a.gold, baseline=not a.no_baseline, forms=not a.no_forms, split=a.split)
        else:
            evaluate_en(a.gold, baseline=not a.no_baseline)
        return
    dev = evaluate_vi(SHARED / "corpus" / "vi_ner_dev.jsonl", baseline=not a.no_baseline, forms=not a.no_forms,
                      split=a.split)
    held = evaluate_vi(REPO / "evaluation" / "gold" / "vi_vtb_dev_heldout_ner.jsonl", baseline=not a.no_baseline,
                       forms=not a.no_forms, split=a.split)
    if a.split is None:  # the two parts whose errors were never read, as one set
        g, p = [], []
        for res, split, name in ((dev, "halves", "fourth quarter"), (held, "odd-even", "even sentences (check)")):
            gold, pred = res["sets"]
            idx = dict(split_index(len(gold), split))[name]
            g += [gold[i] for i in idx]
            p += [pred[i] for i in idx]
        print_scores("never-read parts together (dev fourth quarter + held-out even sentences)", score(g, p))
        print_interval(g, p)
    for name in ("en_ner.jsonl", "en_ner_heldout.jsonl"):
        evaluate_en(REPO / "evaluation" / "gold" / name, baseline=not a.no_baseline)


if __name__ == "__main__":
    main()
