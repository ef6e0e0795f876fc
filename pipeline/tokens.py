"""Stage `tokens`: words with offsets into the original text.

* Vietnamese: multi-syllable words are one token. Segmented input keeps the
  word boundaries its segmenter gave (`Segment.given_words`); other
  Vietnamese is segmented by underthesea's `word_tokenize` on `text_norm`.
* English: spaCy's English tokenizer rules.
* Other languages: runs of letters/digits and single punctuation marks.

A token's `norm` is its `text_norm` form (syllables joined by spaces,
diacritics restored); `text` is the original substring it covers.
"""
from __future__ import annotations

import functools
import re

from pipeline.document import Document, Segment, Token

_SIMPLE = re.compile(r"\w+|[^\w\s]")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1)
def _english_tokenizer():
    try:
        import spacy
    except ImportError as exc:
        raise ImportError("spaCy is required for English tokens: pip install spacy==3.8.18") from exc
    return spacy.blank("en").tokenizer


def _vi_word_tokenize(text: str) -> list[str]:
    try:
        from underthesea import word_tokenize
    except ImportError as exc:
        raise ImportError(
            "underthesea is required for Vietnamese tokens: pip install underthesea==9.5.0"
        ) from exc
    return word_tokenize(text, use_token_normalize=False)


def align(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` in ``text``, in order; white space inside a word may differ."""
    spans = []
    pos = 0
    for word in words:
        pattern = r"\s*".join(re.escape(part) for part in _SPACES.split(word.strip()) if part)
        if not pattern:
            continue
        m = re.compile(pattern).search(text, pos)
        if m is None:
            continue  # a word the tokenizer rewrote: its characters stay untokenized
        spans.append((m.start(), m.end()))
        pos = m.end()
    return spans


def find(seg: Segment) -> list[tuple[int, int]]:
    """Token spans of a normalized segment, as ``text_norm`` offsets."""
    text = seg.text_norm or ""
    if seg.lang == "vi":
        if seg.given_words is not None:
            return list(seg.given_words)
        return align(text, _vi_word_tokenize(text))
    if seg.lang == "en":
        return [(t.idx, t.idx + len(t.text)) for t in _english_tokenizer()(text) if not t.is_space]
    return [m.span() for m in _SIMPLE.finditer(text)]


class TokensStage:
    name = "tokens"
    requires = ("text_norm",)
    provides = ("tokens",)

    def __call__(self, doc: Document) -> Document:
        for seg in doc.segments:
            seg.tokens = []
            for a, b in find(seg):
                start, end = seg.to_original(a, b)
                seg.tokens.append(Token(
                    seg_id=seg.seg_id, token_id=len(seg.tokens), start=start, end=end,
                    text=doc.text[start:end], norm=seg.text_norm[a:b],
                ))
        return doc
