"""The Vietnamese entity models (pipeline.vi_ner): tokens and BIO labels, the CRF and the spaCy network, errors."""
from __future__ import annotations

import pytest

from evaluation.entities import REPO, load
from pipeline import vi_ner

GOLDS = [REPO / "evaluation" / "gold" / "vi_vtb_train_ner.jsonl", REPO / "evaluation" / "gold" / "vi_written_ner.jsonl"]


@pytest.fixture(scope="module")
def training_rows() -> list[dict]:
    return [r for path in GOLDS for r in load(path)]


def test_gold_spans_survive_bio_round_trip(training_rows):
    # every gold span falls on token edges, so labels -> spans gives back exactly the gold spans
    for r in training_rows:
        gold = [(e["start"], e["end"], e["label"]) for e in r["entities"]]
        assert vi_ner.spans(r["text"], vi_ner.gold_labels(r["text"], r["entities"])) == gold, r["id"]


def test_tokens_split_punctuation_and_keep_syllables():
    text = "Ông H. đến TP.HCM, gặp Yoo-seok."
    assert [text[a:b] for a, b in vi_ner.tokens(text)] == [
        "Ông", "H", ".", "đến", "TP", ".", "HCM", ",", "gặp", "Yoo", "-", "seok", "."]


def test_spans_open_an_entity_at_a_stray_inside_label():
    text = "gặp Park Kyung Lee hôm qua"
    assert vi_ner.spans(text, ["O", "I-PER", "I-PER", "I-PER", "O", "O"]) == [(4, 18, "PER")]
    assert vi_ner.spans(text, ["O", "B-PER", "B-PER", "I-LOC", "O", "O"]) == [
        (4, 8, "PER"), (9, 14, "PER"), (15, 18, "LOC")]


def test_features_one_list_per_token_and_pure():
    from pipeline import entities as E

    text = "Đạo diễn Jong Yoo-seok nói với báo Tuổi Trẻ tại Hà Nội."
    words = E._vi_tokens(text)
    rules = E._rules_vi(text, words)
    f1 = vi_ner.features(text, words, rules)
    assert len(f1) == len(vi_ner.tokens(text))
    assert f1 == vi_ner.features(text, words, rules)
    ha = [t for t, (a, b) in zip(f1, vi_ner.tokens(text)) if text[a:b] == "Hà"][0]
    assert "gaz_start2" in ha and "after_prep" in ha  # "Hà Nội" is a place, after "tại"


@pytest.mark.parametrize("text, expected", [
    # capitalised runs stop at lower-case words; a lone connector between capitals joins
    ("Sở Giáo dục và Đào tạo Hà Nội họp", [("Sở", "B", 2), ("Giáo", "E", 2), ("Đào", "S", 1),
                                          ("Hà", "B", 2), ("Nội", "E", 2)]),
    ("bộ NN & PTNT và Bộ Y tế", [("NN", "B", 6), ("&", "I", 6), ("PTNT", "I", 6), ("và", "I", 6),
                                 ("Bộ", "I", 6), ("Y", "E", 6)]),
    # a number continues a run ("Quận 3"), a full stop does not
    ("quận 1 và Quận 3 của TP.HCM", [("Quận", "B", 2), ("3", "E", 2), ("TP", "S", 1), ("HCM", "S", 1)]),
    ("không có tên nào", []),
])
def test_name_runs(text, expected):
    toks = vi_ner.tokens(text)
    low = [text[a:b].lower() for a, b in toks]
    shape = [vi_ner._shape(text[a:b]) for a, b in toks]
    from pipeline.lang.vi.entities import ORG_CONNECTORS

    runs = vi_ner._name_runs(low, shape, ORG_CONNECTORS)
    assert [(text[a:b], r[0], r[1]) for (a, b), r in zip(toks, runs) if r] == expected


def test_features_see_the_neighbouring_words():
    from pipeline import entities as E

    text = "Ông Lê Văn Tám làm việc tại Bộ Y tế."
    words = E._vi_tokens(text)
    feats = vi_ner.features(text, words, E._rules_vi(text, words))
    bo = [f for f, (a, b) in zip(feats, vi_ner.tokens(text)) if text[a:b] == "Bộ"][0]
    assert "uw[-1]=tại" in bo and "run=B2" in bo and "run_first=org" in bo


def test_shipped_model_matches_the_features_and_rules(training_rows):
    """The model file is rebuilt after features or rules change: it still fits its own training data.

    (A stale model, trained on other features, loses most of its fit; `scripts/train_vi_ner.py` rebuilds it.)
    """
    from evaluation.entities import gold_sets, ours, score

    sc = score(gold_sets(training_rows), ours([r["text"] for r in training_rows], "vi"))
    assert sc["PER+LOC+ORG"][2] >= 0.98


@pytest.mark.parametrize("path, loader", [("MODEL", "_tagger"), ("SPACY_MODEL", "_spacy_ner")])
def test_a_missing_model_says_how_to_build_it(monkeypatch, tmp_path, path, loader):
    monkeypatch.setattr(vi_ner, path, tmp_path / "absent")
    getattr(vi_ner, loader).cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="scripts/train_vi_ner.py"):
            vi_ner.tag("Ông Nam đến Hà Nội.", [], [])
    finally:
        getattr(vi_ner, loader).cache_clear()


def test_capitalised_share_tells_names_from_common_words():
    share = vi_ner.capitalised_share()
    # running text writes "tuấn" with a capital almost always, "anh" (brother / you / England) seldom
    assert vi_ner._share_bucket(share, "tuấn") == "4"
    assert vi_ner._share_bucket(share, "anh") in ("1", "2")
    assert vi_ner._share_bucket(share, "được") == "0"
    assert vi_ner._share_bucket(share, "xyzzyq") == "rare"


def test_features_carry_the_capitalised_share():
    from pipeline import entities as E

    text = "Tùng đến nhà của bạn."
    words = E._vi_tokens(text)
    rules = E._rules_vi(text, words)
    toks = vi_ner.tokens(text)
    feats = vi_ner.features(text, words, rules, share={"tùng": (9, 10), "của": (0, 50)})
    by = {text[a:b]: f for f, (a, b) in zip(feats, toks)}
    assert "cs=4" in by["Tùng"] and "cs|first=4" in by["Tùng"]
    assert "cs=0" in by["của"] and "cs|first=0" not in by["của"]
    assert "cs=rare" in by["nhà"] and "cs[1]=0" in by["nhà"] and "cs[-1]=rare" in by["nhà"]
    assert not any(f.startswith("cs") for f in by["."])  # punctuation has no share


def test_capitalised_table_is_rebuilt_from_its_sources():
    """The shipped table is what scripts/build_vi_capitalised.py writes from data/ (no hand edits)."""
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import build_vi_capitalised as C

    text = C.render(C.table(*C.count(C.read_sources())))
    assert vi_ner.CAPITALISED.read_text(encoding="utf-8") == text


def test_capitalised_counts_skip_sentence_starts():
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import build_vi_capitalised as C

    capitalised, seen = C.count(["Hùng gặp Lan ở chợ . Lan về nhà : Hùng đi tiếp", "hoà bình"])
    assert seen["lan"] == 1 and capitalised["lan"] == 1  # the second "Lan" opens a sentence
    assert seen["hùng"] == 0  # both open a sentence (the first after ":")
    assert seen["hòa"] == 0 and seen["bình"] == 1  # tone marks normalized; first words skipped


def test_a_bracket_ends_a_span():
    text = "UBND huyện Lệ Thủy (tỉnh Quảng Bình)"
    labels = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC", "I-LOC"]
    got = [(text[a:b], lab) for a, b, lab in vi_ner.spans(text, labels)]
    assert got == [("UBND huyện Lệ Thủy", "ORG"), ("tỉnh", "ORG"), ("Quảng Bình", "LOC")]



def test_training_gold_has_no_near_copy_of_dev_sentences(training_rows, corpus_dir):
    # the dev set stays held out: no 10 consecutive tokens of a dev sentence occur in the CRF's
    # training sentences (the written ones were composed by people who never saw it)
    import json
    import re
    import unicodedata

    def grams(s: str, n: int = 10) -> set:
        w = re.findall(r"\w+|[^\w\s]", unicodedata.normalize("NFC", s).lower())
        return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}

    train: set = set()
    for r in training_rows:
        train |= grams(r["text"])
    dev = [json.loads(l)["text"] for l in (corpus_dir / "vi_ner_dev.jsonl").read_text(encoding="utf-8").splitlines()
           if l.strip()]
    assert len(dev) == 200
    assert not [s for s in dev if grams(s) & train]


def test_attributes_group_the_features_the_network_embeds():
    feats = [["b", "w=hà", "r=B-LOC", "rs=cldr", "ut=B-LOC", "pos=Np", "cs=4", "gaz_start2", "after_prep"],
             ["b", "w=,", "r=O", "rs=O", "ut=O", "pos=CH"]]
    got = vi_ner.attributes(feats)
    assert got[0] == {"tag": "r=B-LOC|rs=cldr", "lemma": "pos=Np|ut=B-LOC", "dep": "cs=4",
                      "ent_kb_id": "after_prep|gaz_start2"}
    assert got[1]["dep"] == "_" and got[1]["ent_kb_id"] == "_"  # an empty group still has a value
    assert "w=hà" not in "".join(got[0].values())  # the word itself is the network's own NORM


def test_spacy_doc_keeps_the_tokens_and_their_spaces():
    import spacy

    text = "Ông  Park đến TP.HCM."
    feats = [["r=O"]] * len(vi_ner.tokens(text))
    doc = vi_ner.spacy_doc(spacy.blank("xx").vocab, text, feats)
    assert [t.text for t in doc] == ["Ông", "Park", "đến", "TP", ".", "HCM", "."]
    assert [bool(t.whitespace_) for t in doc] == [True, True, True, False, False, False, False]
    assert all(t.tag_ == "r=O" and t.dep_ == "_" for t in doc)


def test_agree_keeps_only_spans_both_models_give():
    crf = [(0, 5, "PER"), (10, 17, "LOC"), (20, 25, "ORG")]
    network = [(0, 5, "PER"), (10, 17, "ORG"), (20, 24, "ORG"), (30, 33, "LOC")]
    # same ends or dropped; typed differently: the network's label
    assert vi_ner.agree(crf, network) == [(0, 5, "PER"), (10, 17, "ORG")]
    assert vi_ner.agree(crf, []) == []
    # a third voter (the rules) breaks a tie of labels when it sides with one model
    assert vi_ner.agree(crf, network, [(10, 17, "LOC")]) == [(0, 5, "PER"), (10, 17, "LOC")]
    assert vi_ner.agree(crf, network, [(10, 17, "PER")]) == [(0, 5, "PER"), (10, 17, "ORG")]
