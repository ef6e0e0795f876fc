"""Stage `normalize`: build each segment's `text_norm` and its offset map.

Whatever form a segment came in, analyzers read the same clean text:

* every form: Unicode NFC, one space for any run of white space (line breaks
  of hard-wrapped sentences included), one tone-mark placement and no
  look-alike letters (`hoà` -> `hòa`, `Ð` -> `Đ`) for Vietnamese;
* `segmented`: `_` between syllables becomes a space (`Hàn_Quốc` -> `Hàn Quốc`)
  and the given word boundaries are kept as `Segment.given_words` for the
  tokenizer;
* Vietnamese showing a tokenizer's spacing (segmented input, or a sentence of
  one-syllable words from such a source): the spaces around punctuation go
  (`won / tập` -> `won/tập`, `" All_in "` -> `"All in"`, `Mỹ ,` -> `Mỹ,`);
* Vietnamese words glued by a missing space are split where the boundary is
  clear: a lower-case letter followed by a capital, the left part being a
  Vietnamese syllable (`vàHồi ức` -> `và Hồi ức`, `tậpChuyện` -> `tập Chuyện`);
* `no_diacritics`: diacritics restored (:mod:`pipeline.diacritics`), by a
  restorer that first learns the syllables and syllable pairs of the same
  article's Vietnamese written with marks (a stripped photo caption beside
  the article it captions gets the article's names and words).

Every character of `text_norm` is tied to the original characters it came
from (:mod:`pipeline.offsets`), so spans found in `text_norm` are reported in
the original article.
"""
from __future__ import annotations

import re
import unicodedata

import regex

from pipeline.document import Document, Segment
from pipeline.language import has_segmenter_spacing, is_possible_stripped_syllable
from pipeline.offsets import OffsetMapBuilder

CLOSING_PUNCT = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’", "»", "...", "…"})
OPENING_PUNCT = frozenset({"(", "[", "{", "“", "‘", "«"})
JOINING_PUNCT = frozenset({"/"})
STRAIGHT_QUOTES = frozenset({'"'})
# Tokens that follow a closing quote but never an opening one.
_AFTER_CLOSING_QUOTE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "-", "–", "—", "..."})

_PIECES = re.compile(r"\s+|\S+")
_GLUE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
_LETTERS_AT_END = regex.compile(r"\p{L}+$")
_SYLLABLE_AT_START = regex.compile(r"\p{Lu}\p{Ll}*")


def _ascii_fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _glue_points(token: str) -> list[int]:
    """Positions inside ``token`` where two Vietnamese words were glued together."""
    points = []
    prev = 0
    for m in _GLUE.finditer(token):
        i = m.start()
        # The left part must be a whole Vietnamese syllable of two letters or more
        # (`và`, `tập`) and so must the right one; `iPhone`, `McDonald` and
        # `YouTube` stay whole.
        left = _LETTERS_AT_END.search(token, prev, i)
        right = _SYLLABLE_AT_START.match(token, i)
        if not left or not right or len(left.group()) < 2:
            continue
        if not (is_possible_stripped_syllable(_ascii_fold(left.group()))
                and is_possible_stripped_syllable(_ascii_fold(right.group()))):
            continue
        points.append(i)
        prev = i
    return points


def _add_nfc(b: OffsetMapBuilder, text: str, start: int, replace_underscores: bool) -> None:
    """Append ``text`` (found at original ``start``) in NFC, cluster by cluster."""
    if replace_underscores:
        text_u = re.sub(r"(?<=[^\W_])_(?=[^\W_])", " ", text)
    else:
        text_u = text
    if unicodedata.is_normalized("NFC", text_u):
        b.add(text_u, start, start + len(text))
        return
    i = 0
    while i < len(text_u):
        j = i + 1
        while j < len(text_u) and unicodedata.combining(text_u[j]):
            j += 1
        b.add(unicodedata.normalize("NFC", text_u[i:j]), start + i, start + j)
        i = j


def normalize_segment(doc_text: str, seg: Segment, quote_open: bool = False) -> bool:
    """Fill ``seg.text_norm``, ``seg.offsets`` and (segmented input) ``seg.given_words``.

    ``quote_open`` says whether a straight quote opened in an earlier sentence of
    the paragraph is still open; the state after this segment is returned. The marks of
    a ``no_diacritics`` segment are restored afterwards, by :class:`NormalizeStage`, once
    the whole article is known (restoration keeps the length, so the offset map holds).
    """
    text = doc_text[seg.start:seg.end]
    vi = seg.lang == "vi"
    segmented = vi and seg.form == "segmented"
    pieces = [(m.start(), m.end(), m.group()) for m in _PIECES.finditer(text)]
    tokens = [p for p in pieces if not p[2].isspace()]
    keep_space_after = None
    # Tokenizer spacing goes wherever it shows, also in a sentence of one-syllable words.
    if segmented or (vi and has_segmenter_spacing(text)):
        keep_space_after, quote_open = _spaces_to_keep(tokens, quote_open)

    b = OffsetMapBuilder()
    words: list[tuple[int, int]] = []
    tok_index = -1
    for s, e, piece in pieces:
        if piece.isspace():
            if keep_space_after is None or keep_space_after[tok_index]:
                b.add(" ", seg.start + s, seg.start + e)
            continue
        tok_index += 1
        cuts = _glue_points(piece) if vi else []
        bounds = [0, *cuts, len(piece)]
        for k in range(len(bounds) - 1):
            if k:
                b.insert(" ", seg.start + s + bounds[k])
            a = len(b.map)
            _add_nfc(b, piece[bounds[k]:bounds[k + 1]], seg.start + s + bounds[k], segmented)
            words.append((a, len(b.map)))
    norm, omap = b.build(end_of_text=seg.end)
    if vi:
        from pipeline import diacritics

        norm = diacritics.normalize_tone_marks(norm)
        if len(norm) != len(omap):
            raise AssertionError("Vietnamese normalization must keep the text's length")
    seg.text_norm = norm
    seg.offsets = omap
    seg.given_words = words if segmented else None
    return quote_open


def _spaces_to_keep(tokens: list[tuple[int, int, str]], quote_open: bool) -> tuple[list[bool], bool]:
    """For segmented input: whether the space after each token stays in `text_norm`."""
    keep = [True] * len(tokens)
    for i, (_, _, tok) in enumerate(tokens):
        if tok in STRAIGHT_QUOTES:
            nxt = tokens[i + 1][2] if i + 1 < len(tokens) else None
            # A quote nothing can open (last, or before a comma, dash, full stop...) closes a
            # quotation begun before this paragraph or sentence: `... công ty " - chị Hà nói`.
            closes_unopened = not quote_open and i > 0 and (nxt is None or nxt in _AFTER_CLOSING_QUOTE)
            if quote_open or closes_unopened:  # closing quote: glue to the word before
                if i > 0:
                    keep[i - 1] = False
            else:
                keep[i] = False
            if not closes_unopened:
                quote_open = not quote_open
        if tok in CLOSING_PUNCT and i > 0:
            keep[i - 1] = False
        if tok in OPENING_PUNCT:
            keep[i] = False
        if tok in JOINING_PUNCT and 0 < i < len(tokens) - 1:
            keep[i - 1] = keep[i] = False
    return keep, quote_open


class NormalizeStage:
    name = "normalize"
    requires = ("segments", "language")
    provides = ("text_norm",)

    def __call__(self, doc: Document) -> Document:
        quote_open, paragraph = False, None
        for seg in doc.segments:
            if seg.paragraph != paragraph:
                quote_open, paragraph = False, seg.paragraph
            quote_open = normalize_segment(doc.text, seg, quote_open)
        stripped = [s for s in doc.segments if s.lang == "vi" and s.form == "no_diacritics"]
        if stripped:
            from pipeline import diacritics

            # learn from the whole article first: a caption may come before the text it captions
            restorer = diacritics.restorer_for(
                s.text_norm for s in doc.segments if s.lang == "vi" and s.form != "no_diacritics"
            )
            for seg in stripped:
                restored = restorer.restore(seg.text_norm)
                if len(restored) != len(seg.text_norm):
                    raise AssertionError("diacritic restoration must keep the text's length")
                seg.text_norm = restored
        return doc
