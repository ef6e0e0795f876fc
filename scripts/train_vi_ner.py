"""Build ``pipeline/lang/vi/ner_crf.bin``: the Vietnamese entity CRF of :mod:`pipeline.vi_ner`.

Sources: ``evaluation/gold/vi_vtb_train_ner.jsonl`` (1600 sentences of the UD
Vietnamese treebank, annotated by hand for this project, CC BY-SA; built by
``scripts/build_vi_ner_train_gold.py``) and ``evaluation/gold/vi_written_ner.jsonl``
(13,663 news-style sentences written and annotated for the project, rich in places,
organisations and foreign names; ``scripts/build_vi_ner_written_gold.py``). The features also read
``pipeline/lang/vi/capitalised.tsv`` (``scripts/build_vi_capitalised.py``, from unannotated running text);
``--cv`` recounts that table for each fold without the fold's held-out sentences. Nothing else: the dev set
``../shared/corpus/vi_ner_dev.jsonl`` stays held out.

    .venv/bin/python scripts/train_vi_ner.py                  # train on all, write the model
    .venv/bin/python scripts/train_vi_ner.py --cv 5           # k-fold figures only (rules vs CRF), contiguous folds
    .venv/bin/python scripts/train_vi_ner.py --cv 5 --interleaved   # sentence i in fold i % 5
    .venv/bin/python scripts/train_vi_ner.py --check          # rebuild in memory, tag like the shipped model?

The trainer is underthesea_core's CRF (L-BFGS/OWL-QN): the same gold file gives
a model that tags every training sentence the same (``--check``; the file's bytes
are ordered differently from build to build).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

GOLDS = (REPO / "evaluation" / "gold" / "vi_vtb_train_ner.jsonl", REPO / "evaluation" / "gold" / "vi_written_ner.jsonl")
L1, L2, ITERATIONS = 0.05, 0.01, 200


@contextlib.contextmanager
def quiet():
    """underthesea_core's trainer prints every iteration on the process's stderr and stdout: silence both."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 1)
        os.dup2(null.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)


def load(paths: tuple[Path, ...] = GOLDS) -> list[dict]:
    from evaluation.entities import load as load_jsonl

    return [row for path in paths for row in load_jsonl(path)]


def analyse(rows: list[dict]) -> list[tuple[list, list]]:
    """underthesea's words and the rules' matches of every sentence (the slow part of featurizing)."""
    from pipeline import entities as E

    out = []
    for r in rows:
        words = E._vi_tokens(r["text"])
        out.append((words, E._rules_vi(r["text"], words)))
    return out


def featurize(rows: list[dict], share: dict | None = None,
              analysed: list[tuple[list, list]] | None = None) -> tuple[list, list, list]:
    """Features, gold labels and the rules' own spans of every sentence (``share``: see ``vi_ner.features``;
    ``analysed``: :func:`analyse` of ``rows``, computed here when not given)."""
    from pipeline import vi_ner

    X, Y, R = [], [], []
    for r, (words, rules) in zip(rows, analysed if analysed is not None else analyse(rows)):
        X.append(vi_ner.features(r["text"], words, rules, share))
        Y.append(vi_ner.gold_labels(r["text"], r["entities"]))
        R.append({(m.start, m.end, m.label) for m in rules})
    return X, Y, R


def train(X: list, Y: list):
    from underthesea_core import CRFTrainer

    t = CRFTrainer()
    t.set_l1_penalty(L1)
    t.set_l2_penalty(L2)
    t.set_max_iterations(ITERATIONS)
    keep = [i for i, x in enumerate(X) if x]
    with quiet():
        t.train([X[i] for i in keep], [Y[i] for i in keep])
    return t.get_model()


def fold_of(rows: list[dict], k: int, blocks: bool) -> list[int]:
    """The fold of every sentence. ``blocks``: each source (treebank, written) cut into k contiguous
    blocks, so a story's sentences are held out together (the treebank splits stories across its
    files, and interleaved folds let a held-out sentence's neighbours teach its names);
    otherwise sentence i goes to fold i % k."""
    if not blocks:
        return [i % k for i in range(len(rows))]
    out = [0] * len(rows)
    for prefix in ("train-", "written-"):
        idx = [i for i, r in enumerate(rows) if r["id"].startswith(prefix)]
        for rank, i in enumerate(idx):
            out[i] = rank * k // len(idx)
    return out


def cross_validate(rows: list[dict], k: int, blocks: bool = True) -> None:
    from underthesea_core import CRFTagger

    from evaluation.entities import gold_sets, score
    from pipeline import vi_ner

    import build_vi_capitalised as C

    gold = gold_sets(rows)
    pred: list[set] = [set() for _ in rows]
    R: list = []
    source_lines = C.read_sources()
    analysed = analyse(rows)  # the same in every fold; only the capitalised share changes
    folds = fold_of(rows, k, blocks)
    for fold in range(k):
        test = [i for i in range(len(rows)) if folds[i] == fold]
        tr = [i for i in range(len(rows)) if folds[i] != fold]
        # the capitalised share counted without the held-out sentences, as the dev set is not in it
        held_out = {C.normalize(rows[i]["text"]) for i in test}
        share = C.table(*C.count(line for line in source_lines if C.normalize(line) not in held_out))
        X, Y, R = featurize(rows, share, analysed)
        model = train([X[i] for i in tr], [Y[i] for i in tr])
        tagger = CRFTagger.from_model(model)
        for i in test:
            pred[i] = set(vi_ner.spans(rows[i]["text"], tagger.tag(X[i]))) if X[i] else set()
    how = "contiguous blocks" if blocks else "interleaved"
    print(f"{k}-fold cross-validation ({how}) on {len(rows)} sentences, PER+LOC+ORG exact spans:")
    for name, prefix in (("treebank", "train-"), ("written", "written-")):
        idx = [i for i, r in enumerate(rows) if r["id"].startswith(prefix)]
        g, p, r = [gold[i] for i in idx], [pred[i] for i in idx], [R[i] for i in idx]
        rules, crf = score(g, r), score(g, p)
        print(f"  {name} ({len(idx)} sentences)")
        print("    rules alone   P %.3f R %.3f F1 %.3f" % rules["PER+LOC+ORG"][:3])
        print("    CRF           P %.3f R %.3f F1 %.3f" % crf["PER+LOC+ORG"][:3])
        for lab in ("PER", "LOC", "ORG", "MISC"):
            print(f"    CRF {lab:4s}      P %.3f R %.3f F1 %.3f" % crf[lab][:3])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=int, metavar="K", help="print K-fold figures instead of writing the model")
    ap.add_argument("--interleaved", action="store_true",
                    help="with --cv: sentence i in fold i %% K (default: contiguous blocks, a story held out whole)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a rebuild differs from the shipped model")
    ap.add_argument("--out", type=Path, help="where to write the model (default: the shipped path)")
    args = ap.parse_args(argv)
    from pipeline import vi_ner

    rows = load()
    if args.cv:
        cross_validate(rows, args.cv, blocks=not args.interleaved)
        return
    X, Y, _ = featurize(rows)
    model = train(X, Y)
    if args.check:
        # The file's byte order varies from build to build (hash maps): compare what the models do.
        from underthesea_core import CRFTagger

        rebuilt, shipped = CRFTagger.from_model(model), vi_ner.load(vi_ner.MODEL)
        differ = sum(1 for x in X if x and rebuilt.tag(x) != shipped.tag(x))
        print(f"model rebuilt: {differ} of {len(X)} training sentences tagged differently from {vi_ner.MODEL}")
        sys.exit(1 if differ else 0)
    out = args.out or vi_ner.MODEL
    model.save(str(out))
    print(f"wrote {out} ({out.stat().st_size:,} bytes; {model.num_attributes} attributes, "
          f"{model.num_state_features()} state features) from {len(rows)} sentences")


if __name__ == "__main__":
    main()
