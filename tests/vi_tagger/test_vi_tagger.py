"""The fast feature extractor gives exactly underthesea's tags."""
from __future__ import annotations

import json

import pytest

from pipeline import vi_tagger


@pytest.fixture(scope="module")
def sentences(corpus_dir, samples_dir):
    dev = [json.loads(line)["text"] for line in (corpus_dir / "vi_ner_dev.jsonl").read_text(encoding="utf-8").splitlines()
           if line.strip()]
    sample = [line for line in (samples_dir / "000_6754daef41a499c9.txt").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    return dev[::4] + sample + ["", "Hà", "Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô", "A  B"]


def test_same_output_as_underthesea_ner(sentences):
    from underthesea import ner

    for s in sentences:
        assert vi_tagger.ner(s) == ner(s), s


def test_tag_words_of_given_words():
    out = vi_tagger.tag_words(["Ông", "Putin", "ca ngợi", "Liên Xô"])
    assert [w for w, *_ in out] == ["Ông", "Putin", "ca ngợi", "Liên Xô"]
    assert out[1][3] == "B-PER" and out[3][3] == "B-LOC"
    assert vi_tagger.tag_words([]) == []
