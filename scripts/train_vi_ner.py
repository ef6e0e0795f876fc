"""Build ``pipeline/lang/vi/ner_crf.bin`` and ``pipeline/lang/vi/ner_spacy/``: the Vietnamese entity CRF and
spaCy network of :mod:`pipeline.vi_ner` (a span is kept when both give it).

Sources: ``evaluation/gold/vi_vtb_train_ner.jsonl`` (1600 sentences of the UD
Vietnamese treebank, annotated by hand for this project, CC BY-SA; built by
``scripts/build_vi_ner_train_gold.py``) and ``evaluation/gold/vi_written_ner.jsonl``
(13,663 news-style sentences written and annotated for the project, rich in places,
organisations and foreign names; ``scripts/build_vi_ner_written_gold.py``). The features also read
``pipeline/lang/vi/capitalised.tsv`` (``scripts/build_vi_capitalised.py``, from unannotated running text);
``--cv`` recounts that table for each fold without the fold's held-out sentences. Nothing else: the dev set
``../shared/corpus/vi_ner_dev.jsonl`` stays held out.

    .venv/bin/python scripts/train_vi_ner.py                  # train on all, write both models (~20 min)
    .venv/bin/python scripts/train_vi_ner.py --cv 5           # k-fold figures only (rules, CRF, spaCy, both), contiguous folds (~1.5 h)
    .venv/bin/python scripts/train_vi_ner.py --cv 5 --interleaved   # sentence i in fold i % 5
    .venv/bin/python scripts/train_vi_ner.py --check          # rebuild in memory, tag like the shipped models?

The CRF's trainer is underthesea_core's (L-BFGS/OWL-QN): the same gold file gives
a model that tags every training sentence the same (``--check``; the file's bytes
are ordered differently from build to build). The spaCy network is trained with a fixed
seed and a fixed schedule (``SPACY_CONFIG``, ``SPACY_EPOCHS``: 8 epochs, parameter averaging,
no held-out sentences pick the epoch); a rebuild wrote the same files byte for byte, and
``--check`` compares both models' tags on every training sentence (about 20 minutes).
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


# The second model: spaCy's tok2vec + transition-based NER, trained from scratch (no vectors) on the same
# sentences; besides the syllable's own form it embeds the CRF's features, four groups of them
# (``vi_ner.ATTRIBUTE_GROUPS``). Widths and epochs were set once (session 12) and not tuned on any test fold.
SPACY_CONFIG = """
[nlp]
lang = "xx"
pipeline = ["tok2vec","ner"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 128
attrs = ["NORM","PREFIX","SUFFIX","SHAPE","TAG","LEMMA","DEP","ENT_KB_ID"]
rows = [20000,2000,5000,200,2000,2000,1000,2000]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 128
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 128
upstream = "*"
"""
SPACY_EPOCHS, SPACY_SEED = 8, 0
SPACY_META = {
    "name": "newsx_vi_ner",
    "description": "Vietnamese PER/LOC/ORG/MISC over syllables, read with the entity CRF's features "
                   "(pipeline/vi_ner.py); built by scripts/train_vi_ner.py",
    "license": "CC BY-SA 4.0 (trained on UD Vietnamese VTB sentences annotated for the project)",
}


def train_spacy(rows: list[dict], X: list):
    """The spaCy network on ``rows`` (their features ``X``): 8 epochs of Adam with parameter averaging
    (a fixed schedule: no held-out sentences pick the epoch). Returns the pipeline and the optimizer, whose
    averaged weights are the model: ``with nlp.use_params(optimizer.averages): ...``."""
    import random

    import spacy
    from spacy.tokens import Span
    from spacy.training import Example
    from spacy.util import compounding, minibatch
    from thinc.api import Adam, Config

    from pipeline import vi_ner

    spacy.util.fix_random_seed(SPACY_SEED)
    nlp = spacy.util.load_model_from_config(Config().from_str(SPACY_CONFIG), auto_fill=True)
    examples = []
    for r, x in zip(rows, X):
        if not x:
            continue
        predicted = vi_ner.spacy_doc(nlp.vocab, r["text"], x)
        reference = predicted.copy()
        toks = vi_ner.tokens(r["text"])
        first = {a: i for i, (a, _) in enumerate(toks)}
        last = {b: i for i, (_, b) in enumerate(toks)}
        reference.ents = [Span(reference, first[e["start"]], last[e["end"]] + 1, label=e["label"])
                          for e in r["entities"]]
        examples.append(Example(predicted, reference))
    nlp.initialize(lambda: examples[:2000])
    optimizer = Adam(0.001, use_averages=True)
    shuffle = random.Random(SPACY_SEED)
    for _ in range(SPACY_EPOCHS):
        shuffle.shuffle(examples)
        for batch in minibatch(examples, size=compounding(8, 64, 1.01)):
            nlp.update(batch, sgd=optimizer, drop=0.15)
    return nlp, optimizer


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
    from pipeline import entities as E
    from pipeline import vi_ner

    import build_vi_capitalised as C

    gold = gold_sets(rows)
    crf_pred: list[set] = [set() for _ in rows]
    spacy_pred: list[set] = [set() for _ in rows]
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
        nlp, optimizer = train_spacy([rows[i] for i in tr], [X[i] for i in tr])
        test = [i for i in test if X[i]]
        for i in test:
            crf_pred[i] = set(vi_ner.spans(rows[i]["text"], tagger.tag(X[i])))
        with nlp.use_params(optimizer.averages):
            found = vi_ner.spacy_spans(nlp, [rows[i]["text"] for i in test], [X[i] for i in test])
        for i, spans in zip(test, found):
            spacy_pred[i] = set(spans)
    def repaired(text: str, spans: set) -> list:
        return [x for span in sorted(spans) for x in E._repair_vi_span(text, *span)]

    how = "contiguous blocks" if blocks else "interleaved"
    print(f"{k}-fold cross-validation ({how}) on {len(rows)} sentences, PER+LOC+ORG exact spans:")
    for name, prefix in (("treebank", "train-"), ("written", "written-")):
        idx = [i for i, r in enumerate(rows) if r["id"].startswith(prefix)]
        g, r = [gold[i] for i in idx], [R[i] for i in idx]
        both = [set(vi_ner.agree(repaired(rows[i]["text"], crf_pred[i]), repaired(rows[i]["text"], spacy_pred[i]),
                                 sorted(R[i]))) for i in idx]  # as the entities stage combines them
        print(f"  {name} ({len(idx)} sentences)")
        print("    rules alone   P %.3f R %.3f F1 %.3f" % score(g, r)["PER+LOC+ORG"][:3])
        print("    CRF           P %.3f R %.3f F1 %.3f" % score(g, [crf_pred[i] for i in idx])["PER+LOC+ORG"][:3])
        print("    spaCy         P %.3f R %.3f F1 %.3f" % score(g, [spacy_pred[i] for i in idx])["PER+LOC+ORG"][:3])
        agreed = score(g, both)
        print("    both agree    P %.3f R %.3f F1 %.3f  (each model's spans repaired, the rules' vote)"
              % agreed["PER+LOC+ORG"][:3])
        for lab in ("PER", "LOC", "ORG", "MISC"):
            print(f"    both {lab:4s}     P %.3f R %.3f F1 %.3f" % agreed[lab][:3])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=int, metavar="K", help="print K-fold figures instead of writing the model")
    ap.add_argument("--interleaved", action="store_true",
                    help="with --cv: sentence i in fold i %% K (default: contiguous blocks, a story held out whole)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a rebuild differs from the shipped models")
    ap.add_argument("--out", type=Path, help="where to write the CRF (default: the shipped path)")
    ap.add_argument("--spacy-out", type=Path, help="where to write the spaCy network (default: the shipped path)")
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

        import spacy

        rebuilt, shipped = CRFTagger.from_model(model), vi_ner.load(vi_ner.MODEL)
        differ = sum(1 for x in X if x and rebuilt.tag(x) != shipped.tag(x))
        print(f"CRF rebuilt: {differ} of {len(X)} training sentences tagged differently from {vi_ner.MODEL}")
        # The network's files came out byte for byte the same in a rebuild (fixed seed); compare its tags.
        keep = [i for i, x in enumerate(X) if x]
        texts, feats = [rows[i]["text"] for i in keep], [X[i] for i in keep]
        nlp, optimizer = train_spacy(rows, X)
        with nlp.use_params(optimizer.averages):
            again = vi_ner.spacy_spans(nlp, texts, feats)
        before = vi_ner.spacy_spans(spacy.load(vi_ner.SPACY_MODEL), texts, feats)
        differ_network = sum(1 for a, b in zip(again, before) if a != b)
        print(f"network rebuilt: {differ_network} of {len(keep)} training sentences tagged differently from "
              f"{vi_ner.SPACY_MODEL}")
        sys.exit(1 if differ or differ_network else 0)
    out = args.out or vi_ner.MODEL
    model.save(str(out))
    print(f"wrote {out} ({out.stat().st_size:,} bytes; {model.num_attributes} attributes, "
          f"{model.num_state_features()} state features) from {len(rows)} sentences")
    nlp, optimizer = train_spacy(rows, X)
    spacy_out = args.spacy_out or vi_ner.SPACY_MODEL
    nlp.meta.update(SPACY_META)
    with nlp.use_params(optimizer.averages):
        nlp.to_disk(spacy_out)
    size = sum(f.stat().st_size for f in spacy_out.rglob("*") if f.is_file())
    print(f"wrote {spacy_out}/ ({size:,} bytes) from the same sentences")


if __name__ == "__main__":
    main()
