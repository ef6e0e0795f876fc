"""Shared number grammar: digits and spelled-out numbers, Vietnamese and English.

The engine is language-neutral; each language's vocabulary and digit formats
are data in ``pipeline/lang/<lang>/numbers.py``. Two entry points:

* :func:`parse_number` reads a whole string as one number (``"2,5"``,
  ``"bảy trăm hai mươi mốt nghìn không trăm mười hai"``, ``"-1,2M"``).
* :func:`find_numbers` finds every number in running text, left to right,
  longest first (``"2,5 tỷ"`` is one number, 2.5e9).

Spelled-out numbers are read with the usual accumulator: digits add to the
current group, ``mươi`` multiplies the last digit by ten, ``trăm``/``hundred``
multiplies the group by a hundred, and a scale word (``nghìn``, ``triệu``,
``tỷ``, ``million``...) either closes the group (``hai tỷ năm trăm triệu``)
or multiplies everything before it when it is larger than every scale seen
so far (``năm nghìn tỷ`` = 5e12). Vietnamese keywords are also accepted
accent-folded (``trieu``, ``ty``) when the word carries no diacritics.
"""
from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

__all__ = ["NumberMatch", "Token", "find_numbers", "parse_number", "fold", "tokenize", "parse_at"]


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    text: str = ""
    scale: float = 1.0  # largest scale word or shorthand applied (1.0 when none)
    spelled: bool = False  # contains number words
    first_token: int = 0  # token indices (see tokenize) of the match, end exclusive
    end_token: int = 0


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    kind: str  # num / word / sym


_TOKEN_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)*|(?<!\d)[.,]\d+)|(?P<word>[^\W\d_]+)|(?P<sym>\S)")


def tokenize(text: str) -> list[Token]:
    """Digit runs (with inner ``.``/``,``), letter runs, and single other characters."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        out.append(Token(m.start(), m.end(), m.group(), m.lastgroup))
    return out


def fold(s: str) -> str:
    """Lowercase, strip Vietnamese diacritics (``đ`` -> ``d``)."""
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d")


@lru_cache(maxsize=None)
def _lang_data(lang: str) -> SimpleNamespace:
    if lang not in ("vi", "en"):
        raise ValueError(f"no number grammar for language {lang!r} (have: vi, en)")
    mod = importlib.import_module(f"pipeline.lang.{lang}.numbers")
    words: dict[str, tuple[str, Decimal]] = {}

    def add(table, kind):
        for w in table:
            val = Decimal(str(int(table[w]))) if isinstance(table, dict) else Decimal(0)
            words[unicodedata.normalize("NFC", w.lower())] = (kind, val)

    add(mod.DIGITS, "DIGIT")
    add(getattr(mod, "DIGITS_AFTER_TENS", {}), "AFTER_TENS")
    add(getattr(mod, "TEN", {}), "TEN")
    add(getattr(mod, "TENS_MULTIPLIER", set()), "TENS_MULT")
    add(getattr(mod, "TEENS", {}), "TEEN")
    add(getattr(mod, "TENS", {}), "EN_TENS")
    add(mod.HUNDRED, "HUNDRED")
    add(mod.FILLERS, "FILLER")
    add(getattr(mod, "ARTICLES", set()), "ARTICLE")
    add(mod.SCALES, "SCALE")
    add(mod.HALF, "HALF")
    add(mod.DECIMAL_WORDS, "DECIMAL")
    folded: dict[str, tuple[str, Decimal]] = {}
    if lang == "vi":
        for w, entry in words.items():
            f = fold(w)
            if f == "muoi":  # mười (10) and mươi (x10) fold together: decided by context
                folded[f] = ("MUOI", Decimal(10))
            elif f not in folded:
                folded[f] = entry
    formats = [
        (re.compile(rx), thou, dec, needs) for rx, thou, dec, needs in mod.DIGIT_FORMATS
    ]
    return SimpleNamespace(
        lang=lang,
        words=words,
        folded=folded,
        formats=formats,
        suffixes={k: Decimal(str(int(v))) for k, v in mod.SUFFIXES.items()},
        negative={w.lower() for w in mod.NEGATIVE_WORDS},
        not_alone={w.lower() for w in mod.NOT_ALONE},
    )


def read_digits(s: str, lang: str) -> tuple[Decimal, bool] | None:
    """Value of a digit token under ``lang``'s conventions, and whether it needs a scale word."""
    data = _lang_data(lang)
    for rx, thou, dec, needs in data.formats:
        if rx.fullmatch(s):
            t = s
            if thou:
                t = t.replace(thou, "")
            if dec:
                t = t.replace(dec, ".")
            if t.startswith("."):
                t = "0" + t
            return Decimal(t), needs
    return None


def _word_entry(data: SimpleNamespace, text: str) -> tuple[str, Decimal] | None:
    w = unicodedata.normalize("NFC", text.lower())
    entry = data.words.get(w)
    if entry is None and data.folded and w == fold(w):
        entry = data.folded.get(w)
    return entry


_COMPLETE = {"DIGIT", "TEN", "TENS_MULT", "AFTER_TENS", "TEEN", "EN_TENS", "HUNDRED", "SCALE", "HALF", "NUM", "FRAC"}
_GROUP_WORDS = {"DIGIT", "TEN", "TENS_MULT", "AFTER_TENS", "TEEN", "EN_TENS", "HUNDRED", "NUM", "FRAC", "ARTICLE"}


def parse_at(tokens: list[Token], i: int, lang: str, allow_bare: bool = False):
    """Longest number starting at token ``i``.

    Returns ``(end_token, value, max_scale, spelled, only_word)`` or None.
    ``allow_bare`` lets a number start with a bare ``trăm``/scale word.
    """
    data = _lang_data(lang)
    total = Decimal(0)
    group = Decimal(0)
    prev = None
    last_digit = None
    max_scale = Decimal(0)
    last_scale = Decimal(1)
    pending = False  # digits that are only a number together with a following (smaller) scale word
    after_scale_digits = False
    frac_pos = 0
    spelled = False
    commits = []
    j = i
    n = len(tokens)
    while j < n:
        tok = tokens[j]
        if tok.kind == "num":
            if prev == "DECIMAL":
                if not tok.text.isdigit():
                    break
                group += Decimal("0." + tok.text)
                prev = "FRAC"
            elif prev is None or prev == "SCALE":
                r = read_digits(tok.text, lang)
                if r is None:
                    break
                val, needs = r
                if prev == "SCALE":
                    if needs or val != val.to_integral_value():
                        break
                    after_scale_digits = True
                    pending = True
                else:
                    pending = needs
                group = val
                prev = "NUM"
                # glued shorthand: 10K, 1,2M, 2.5bn
                if j + 1 < n and tokens[j + 1].kind == "word" and tokens[j + 1].start == tok.end:
                    suf = data.suffixes.get(tokens[j + 1].text)
                    nxt_glued = j + 2 < n and tokens[j + 2].start == tokens[j + 1].end and tokens[j + 2].kind in ("word", "num")
                    if suf is not None and not nxt_glued and not after_scale_digits:
                        total = (total + group) * suf
                        group = Decimal(0)
                        max_scale = max(max_scale, suf)
                        commits.append((j + 2, total, max_scale))
                        break
                    if suf is None:
                        # glued letters that are not a shorthand (12h, 5kg): the number ends here
                        if not pending:
                            commits.append((j + 1, total + group, max_scale))
                        break
            else:
                break
        elif tok.kind == "word":
            entry = _word_entry(data, tok.text)
            if entry is None:
                break
            kind, val = entry
            if kind == "MUOI":
                kind = "TENS_MULT" if prev == "DIGIT" else "TEN"
            if kind == "DIGIT":
                if prev in ("DECIMAL", "FRAC"):
                    frac_pos += 1
                    group += val / (Decimal(10) ** frac_pos)
                    prev = "FRAC"
                elif prev in (None, "TEN", "TENS_MULT", "HUNDRED", "FILLER", "SCALE", "EN_TENS"):
                    if prev == "EN_TENS" and val == 0:
                        break
                    group += val
                    last_digit = val
                    prev = "DIGIT"
                else:
                    break
            elif kind == "AFTER_TENS":
                if prev == "TENS_MULT" or (prev == "TEN" and val == 5):
                    group += val
                    prev = "AFTER_TENS"
                else:
                    break
            elif kind in ("TEN", "TEEN", "EN_TENS"):
                if prev in (None, "HUNDRED", "FILLER", "SCALE"):
                    group += val
                    prev = kind
                else:
                    break
            elif kind == "TENS_MULT":
                if prev == "DIGIT" and last_digit is not None and last_digit >= 2:
                    group += last_digit * 9
                    prev = "TENS_MULT"
                else:
                    break
            elif kind == "HUNDRED":
                if prev in ("DIGIT", "ARTICLE", "TEEN") or (prev == "NUM" and group < 10 and not pending and group == group.to_integral_value()):
                    group = group * 100
                elif prev is None and allow_bare:
                    group = Decimal(100)
                elif prev in ("SCALE", "FILLER") and allow_bare:
                    group = Decimal(100)
                else:
                    break
                prev = "HUNDRED"
                pending = False
            elif kind == "FILLER":
                if prev in ("HUNDRED", "SCALE") and j + 1 < n:
                    prev = "FILLER"
                else:
                    break
            elif kind == "ARTICLE":
                if prev is None:
                    group = Decimal(1)
                    prev = "ARTICLE"
                else:
                    break
            elif kind == "SCALE":
                if prev in _GROUP_WORDS - {"NUM"} or prev == "NUM":
                    if after_scale_digits and val >= last_scale:
                        break
                    if val > max_scale:
                        total = (total + group) * val
                    else:
                        total += group * val
                elif prev == "SCALE" and val > last_scale:
                    total = total * val
                elif prev is None and allow_bare:
                    total = val
                else:
                    break
                group = Decimal(0)
                last_scale = val
                max_scale = max(max_scale, val)
                pending = False
                after_scale_digits = False
                prev = "SCALE"
            elif kind == "HALF":
                if prev == "SCALE" and group == 0:
                    total += last_scale / 2
                    commits.append((j + 1, total, max_scale))
                    spelled = True
                break
            elif kind == "DECIMAL":
                if prev in ("DIGIT", "TEN", "TENS_MULT", "AFTER_TENS", "TEEN", "EN_TENS") or (
                    prev == "NUM" and not pending and group == group.to_integral_value() and not after_scale_digits
                ):
                    prev = "DECIMAL"
                    frac_pos = 0
                else:
                    break
            else:
                break
            spelled = True
        elif tok.kind == "sym" and tok.text in "-‐" and prev == "EN_TENS":
            # forty-two
            if j + 1 < n and tokens[j + 1].start == tok.end and tok.start == tokens[j - 1].end:
                entry = _word_entry(data, tokens[j + 1].text)
                if entry and entry[0] == "DIGIT" and entry[1] > 0:
                    j += 1
                    continue
            break
        else:
            break
        if prev in _COMPLETE and not pending:
            commits.append((j + 1, total + group, max_scale))
        j += 1
    if not commits:
        return None
    end, value, scale = commits[-1]
    only_word = end - i == 1 and tokens[i].kind == "word" and tokens[i].text.lower() in data.not_alone
    return end, value, scale, spelled, only_word


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Every number in ``text`` (non-overlapping, left to right, longest match).

    Signs are not read here (``-`` is a dash in running text); a number is never
    a bare scale word (``hàng trăm``, ``tiền tỉ`` are not numbers) nor a lone
    ``không`` ("not").
    """
    tokens = tokenize(text)
    return _find_numbers_tokens(text, tokens, lang)


def _find_numbers_tokens(text: str, tokens: list[Token], lang: str) -> list[NumberMatch]:
    out = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "sym" or (i > 0 and tok.kind == "word" and tokens[i - 1].end == tok.start and tokens[i - 1].kind == "word"):
            i += 1
            continue
        r = parse_at(tokens, i, lang)
        if r is None or r[4]:
            i += 1
            continue
        end, value, scale, spelled, _ = r
        s, e = tokens[i].start, tokens[end - 1].end
        out.append(NumberMatch(s, e, float(value), text[s:e], float(scale) if scale else 1.0, spelled, i, end))
        i = end
    return out


def parse_number(text: str, lang: str) -> float | None:
    """The value of ``text`` read as one whole number, or None."""
    data = _lang_data(lang)
    tokens = tokenize(text.strip())
    if not tokens:
        return None
    sign = 1
    i = 0
    if tokens[0].kind == "sym" and tokens[0].text in "-−":
        sign, i = -1, 1
    elif tokens[0].kind == "word" and tokens[0].text.lower() in data.negative:
        sign, i = -1, 1
    if i >= len(tokens):
        return None
    r = parse_at(tokens, i, lang, allow_bare=True)
    if r is None or r[0] != len(tokens):
        return None
    return sign * float(r[1])
