"""Same sentence, three forms: is `text_norm` identical whichever form came in?

    .venv/bin/python -m evaluation.forms

For each dev sentence (``../shared/corpus/vi_ner_dev.jsonl``), the plain form is
the sentence with the treebank's spaces before punctuation removed; the
segmented form is what underthesea's word segmenter makes of it (`_` joining
syllables, spaces around punctuation); the stripped form has its diacritics
removed. All three go through the pipeline's segments/language/normalize
stages (as Vietnamese, like an article whose `lang` is given) and the share
of sentences whose `text_norm` equals the plain form's is printed, together
with whether the tokens of the segmented form match its underscores.
"""
from __future__ import annotations

import re

from evaluation.diacritics import dev_sentences
from pipeline.diacritics import strip_diacritics
from pipeline.document import Document
from pipeline.stages import Pipeline, build

_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")
_QUOTED = re.compile(r'" ([^"]*?) "')


_NUMBER_PUNCT = re.compile(r"(\d) ([.,]) (\d)")
_SLASH = re.compile(r" / ")
_LONE_CLOSING_QUOTE = re.compile(r' "(?= ?(?:[,.;:!?)\]\-–—]|$))')
_LONE_OPENING_QUOTE = re.compile(r'" ')


def plain(sentence: str) -> str:
    """The treebank sentence as a newspaper prints it: no spaces inside quotes and brackets, before
    punctuation, around a slash or inside numbers (``400 . 000`` -> ``400.000``); a quote without its
    pair closes when punctuation or the end follows it, else it opens."""
    s = _SLASH.sub("/", _NUMBER_PUNCT.sub(r"\1\2\3", sentence))
    s = _QUOTED.sub(r'"\1"', _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", s)))
    if s.count('"') % 2:
        s = _LONE_CLOSING_QUOTE.sub('"', s) if _LONE_CLOSING_QUOTE.search(s) else _LONE_OPENING_QUOTE.sub('"', s, 1)
    return s


def segmented(sentence: str) -> str:
    from underthesea import word_tokenize

    return word_tokenize(sentence, format="text")


def text_norm(pipeline: Pipeline, text: str) -> tuple[str, list[str], Document]:
    doc = pipeline(Document(doc_id="s", source="s", text=text, lang_hint="vi"))
    if doc.status != "ok":
        raise RuntimeError(doc.error)
    return " ".join(s.text_norm for s in doc.segments), [t.text for s in doc.segments for t in s.tokens], doc


def main() -> None:
    pipeline = build(skip=("entities", "money", "dates"))
    sentences = [plain(s) for s in dev_sentences()]
    same_seg = same_stripped = tokens_ok = 0
    for s in sentences:
        reference, _, _ = text_norm(pipeline, s)
        seg = segmented(s)
        norm_seg, toks, _ = text_norm(pipeline, seg)
        same_seg += norm_seg == reference
        tokens_ok += toks == seg.split()
        norm_stripped, _, _ = text_norm(pipeline, strip_diacritics(s))
        same_stripped += norm_stripped == reference
    n = len(sentences)
    print(f"dev sentences: {n}")
    print(f"segmented  -> same text_norm as plain: {same_seg / n:.3f} ({same_seg}/{n})")
    print(f"segmented  -> tokens match the underscores: {tokens_ok / n:.3f} ({tokens_ok}/{n})")
    print(f"stripped   -> same text_norm as plain: {same_stripped / n:.3f} ({same_stripped}/{n})")


if __name__ == "__main__":
    main()
