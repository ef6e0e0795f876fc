"""Offset maps: every normalized string remembers where each character came from.

A :class:`OffsetMap` is built piece by piece while a normalizer walks the
original text. Each piece of normalized text is tied to the original span it
replaces. A span ``[a, b)`` of the normalized text maps back to the smallest
original span that covers every piece touched by it, so a mention found in
``text_norm`` is always reported at its place in the article as the user wrote it.

Inserted text (a space put between glued words) is tied to an empty original
span at the insertion point; deleted text (a space a segmenter put before a
comma) simply has no piece in the normalized string.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Maps positions of a normalized string back to the original text.

    ``starts[i]`` and ``ends[i]`` give the original span of normalized character ``i``.
    """

    starts: array = field(default_factory=lambda: array("l"))
    ends: array = field(default_factory=lambda: array("l"))
    end_of_text: int = 0  # original position that the end of the normalized text maps to

    def __len__(self) -> int:
        return len(self.starts)

    @classmethod
    def identity(cls, start: int, end: int) -> "OffsetMap":
        """The map of an unchanged slice ``original[start:end]``."""
        return cls(array("l", range(start, end)), array("l", range(start + 1, end + 1)), end)

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``[a, b)``."""
        n = len(self.starts)
        if not 0 <= a <= b <= n:
            raise IndexError(f"span [{a}, {b}) outside normalized text of length {n}")
        if a == b:
            pos = self.starts[a] if a < n else self.end_of_text
            return pos, pos
        start = min(self.starts[a:b])
        end = max(self.ends[a:b])
        return start, end

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """A map of a string normalized again: ``inner`` maps text2 -> text1, self maps text1 -> original."""
        out = OffsetMap(end_of_text=self.end_of_text)
        for s, e in zip(inner.starts, inner.ends):
            os_, oe = self.to_original(s, e)
            out.starts.append(os_)
            out.ends.append(oe)
        if inner.end_of_text < len(self.starts):
            out.end_of_text = self.starts[inner.end_of_text]
        return out


class OffsetMapBuilder:
    """Accumulates normalized text together with its offset map."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.map = OffsetMap()

    def add(self, text: str, orig_start: int, orig_end: int) -> None:
        """Append ``text`` as the normalized form of ``original[orig_start:orig_end]``.

        When ``text`` and the original span have the same length, characters map
        one to one; otherwise every character of ``text`` maps to the whole span.
        """
        if not text:
            return
        self._parts.append(text)
        if len(text) == orig_end - orig_start:
            self.map.starts.extend(range(orig_start, orig_end))
            self.map.ends.extend(range(orig_start + 1, orig_end + 1))
        else:
            self.map.starts.extend([orig_start] * len(text))
            self.map.ends.extend([orig_end] * len(text))

    def insert(self, text: str, at: int) -> None:
        """Append ``text`` that has no counterpart in the original (zero-width at ``at``)."""
        self.add(text, at, at)

    def build(self, end_of_text: int) -> tuple[str, OffsetMap]:
        self.map.end_of_text = end_of_text
        return "".join(self._parts), self.map
