"""The running text behind the diacritic model (data/vi_vtb_train.txt) and its use."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from pipeline.diacritics import Restorer

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "data" / "vi_vtb_train.txt"


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def test_running_text_does_not_contain_dev_sentences(corpus_dir):
    dev = {
        _norm(json.loads(l)["text"])
        for l in (corpus_dir / "vi_ner_dev.jsonl").read_text(encoding="utf-8").splitlines()
        if l.strip()
    }
    train = [_norm(l) for l in CORPUS.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(train) > 200
    assert not [s for s in train if s in dev]


def test_model_has_running_text_counts():
    m = Restorer().model
    assert len(m.text_pairs) > 1000
    assert m.text_pairs.get("nhưng không", 0) >= 1  # "Nhưng không !" (train-s22)
    assert "của" in m.text_left


def test_running_text_bigram_changes_a_decision():
    r = Restorer()
    with_lm = r._pair("gia", "đình") - r._pair("gia", "định")
    r0 = Restorer()
    r0.LM_WEIGHT = 0.0
    without = r0._pair("gia", "đình") - r0._pair("gia", "định")
    assert with_lm > without  # "gia đình" is frequent in the news text
