"""The one data structure that flows through every stage.

A :class:`Document` is created by the reader with the article's original text
and metadata; each stage (see :mod:`pipeline.stages`) fills in its part and
returns the document. Every span (``start``/``end``) is a Python string index
into ``Document.text``, the original decoded article, ``end`` exclusive.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.offsets import OffsetMap


@dataclass
class Token:
    seg_id: int
    token_id: int
    start: int
    end: int
    text: str  # original substring
    norm: str  # clean form: syllables joined by spaces, diacritics as in text_norm


@dataclass
class Segment:
    """A sentence (or heading, caption line) of the article."""

    seg_id: int
    start: int
    end: int
    text: str  # original substring
    paragraph: int = 0
    lang: str | None = None  # vi / en / other
    form: str | None = None  # plain / segmented / no_diacritics
    text_norm: str | None = None  # what analyzers read
    offsets: OffsetMap | None = None  # text_norm positions -> original document positions
    # Word boundaries given by the input (segmented Vietnamese), as text_norm spans.
    given_words: list[tuple[int, int]] | None = None
    tokens: list[Token] = field(default_factory=list)

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        """Original document span of the ``text_norm`` span ``[a, b)``."""
        if self.offsets is None:
            return self.start + a, self.start + b
        return self.offsets.to_original(a, b)


@dataclass
class Entity:
    mention_id: str
    start: int
    end: int
    text: str
    norm: str
    label: str  # PER / ORG / LOC / MISC
    fine_label: str | None
    lang: str
    source: str
    entity_id: str | None = None  # filled by the entity_catalog stage
    entity_key: str | None = None  # why: the merging rule and the name it keyed on


@dataclass
class Money:
    mention_id: str
    start: int
    end: int
    text: str
    amount: float
    currency: str | None
    qualifier: str
    amount_max: float | None
    per: str | None
    equivalent_of: str | None
    lang: str


@dataclass
class Date:
    mention_id: str
    start: int
    end: int
    text: str
    value: str | None
    grain: str | None
    start_time: dt.datetime | None
    end_time: dt.datetime | None
    relative: bool
    lang: str
    type: str  # date / time / duration / set


@dataclass
class Document:
    doc_id: str
    source: str  # path relative to the input root (with ":line" for JSONL articles)
    text: str  # the original decoded article text: every offset points here
    title: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    lang_hint: str | None = None  # `lang` given by the input; overrides detection
    reference_date: dt.datetime | None = None  # anchor for relative dates
    status: str = "ok"
    error: str | None = None
    lang: str | None = None  # dominant language
    segments: list[Segment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # what the stages run so far provide
    fingerprint: str | None = None  # hash of content + metadata + code + settings (incremental runs)

    def fail(self, message: str) -> "Document":
        self.status = "error"
        self.error = message
        return self
