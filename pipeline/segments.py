"""Stage `segments`: split an article into paragraphs and sentences.

Paragraphs are runs of non-blank lines. A line break ends a sentence unless the
next line plainly continues it (it starts in lower case after a line that has no
sentence-final punctuation). Inside a line, a sentence ends after `.`, `!`, `?`
or `…` (with any closing quotes or brackets) when the next sentence starts with
a capital, a digit or an opening quote, and also where a period is glued to the
next sentence (`gần đây.Một`), but not after an abbreviation (`TP.`, `Mr.`,
`Sept.`) or a one-letter initial.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.document import Document, Segment
from pipeline.lang.en import segments as en_data
from pipeline.lang.vi import segments as vi_data

ABBREVIATIONS = vi_data.ABBREVIATIONS | en_data.ABBREVIATIONS

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# Terminal punctuation, closing quotes/brackets, then the start of what follows.
_BOUNDARY = re.compile(
    rf"(?P<punct>[.!?…]+)(?P<close>[{re.escape(_CLOSERS)}]*)(?P<space>\s*)(?=(?P<next>\S))"
)
_WORD_BEFORE = re.compile(r"(\S+)$")
_ALNUM = re.compile(r"\w")
_FINAL = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*\s*$")
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lstrip(_OPENERS)
    if word in ABBREVIATIONS:
        return True
    # One-letter initials (`H.`, `J.`) and dotted acronyms (`U.S`).
    return bool(re.fullmatch(r"(?:[A-ZĐ]\.)*[A-ZĐ]", word))


def split_sentences(line: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` spans of the sentences of one line, whitespace trimmed."""
    start = 0
    for m in _BOUNDARY.finditer(line):
        nxt = m.group("next")
        punct = m.group("punct")
        glued = not m.group("space")
        if glued:
            # Glued only for a lone period between a lower-case letter and a capital.
            if m.group("close") or punct != "." or not nxt.isupper():
                continue
            prev = line[m.start() - 1] if m.start() > 0 else ""
            if not (prev.isalpha() and prev.islower()):
                continue
        else:
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in "-–—"):
                continue
            if punct in ("...", "…") and not nxt.isupper():
                continue
        if punct == "." and _is_abbreviation(line[start:m.start()]):
            continue
        if not _ALNUM.search(line, m.end()):
            continue  # only closing punctuation follows (`nhỉ ? " .`): it belongs to this sentence
        end = m.end("close")
        yield from _trimmed(line, start, end)
        start = m.end()
    yield from _trimmed(line, start, len(line))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _continues(prev_line: str, line: str) -> bool:
    """A hard-wrapped line: the previous one has no final punctuation and this one starts lower case."""
    stripped = line.lstrip()
    if not stripped or not stripped[0].islower():
        return False
    return bool(_ELLIPSIS.search(prev_line)) or not _FINAL.search(prev_line)


def find(text: str) -> list[tuple[int, int, int]]:
    """Sentence spans of ``text`` as ``(start, end, paragraph)``, offsets into ``text``."""
    spans: list[tuple[int, int, int]] = []
    paragraph = -1
    blank_before = True
    block_start = None  # start of the current block of joined lines
    block_end = 0
    prev_line = ""
    pos = 0

    def flush() -> None:
        if block_start is None:
            return
        block = text[block_start:block_end]
        for s, e in split_sentences(block):
            spans.append((block_start + s, block_start + e, paragraph))

    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        content = line.rstrip("\r\n")
        if not content.strip():
            flush()
            block_start = None
            blank_before = True
            continue
        if blank_before:
            paragraph += 1
            blank_before = False
        if block_start is not None and _continues(prev_line, content):
            block_end = line_start + len(content)
        else:
            flush()
            block_start, block_end = line_start, line_start + len(content)
        prev_line = content
    flush()
    return spans


class SegmentsStage:
    name = "segments"
    requires: tuple[str, ...] = ()
    provides = ("segments",)

    def __call__(self, doc: Document) -> Document:
        doc.segments = [
            Segment(seg_id=i, start=s, end=e, text=doc.text[s:e], paragraph=p)
            for i, (s, e, p) in enumerate(find(doc.text))
        ]
        return doc
