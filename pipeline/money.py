"""Money amounts in Vietnamese and English: value, ISO 4217 currency, qualifier, rate.

``find(text, lang)`` is the pure matcher; :class:`MoneyStage` runs it over each
segment's ``text_norm`` and maps spans back to the original article.

Layout (Duckling style): numbers come from the shared grammar in
:mod:`pipeline.numbers`; the words around amounts are data in
``pipeline/lang/<lang>/money.py``; the currency lexicon is built once from
CLDR through Babel (ISO codes, Vietnamese and English names and symbols) plus
each language's press aliases.

An amount is a number with a currency right before it (a symbol or code:
``$1.9m``, ``VND1000``, ``Rs. 20``) or right after it (``2,5 tỷ won``,
``10$``, ``42 Lebanese pounds``), optionally:

* a qualifier before it (``hơn``, ``about``...) or after it (``trở xuống``),
  kept inside the span;
* a range (``từ 5 đến 7 tỷ won``, ``$5-7 million``: the scale of the upper
  bound applies to a bare lower bound);
* minor units (``2 đô 23 xu``, ``1 dollar and forty-two cents``);
* a rate unit (``300 triệu won / tập``, ``$2 million per episode``).

Two adjacent amounts in different currencies joined by ``(`` or an
equivalence word (``tương đương``, ``or about``) are one amount restated: the
second's ``equivalent_of`` is the index of the first.

A segment is read with its own language's conventions first (``2,5`` is 2.5
in Vietnamese; ``1,900`` is 1900 in English); the other language's grammar is
then tried for the rest, and its matches are kept only when they contain a
word the segment's language does not know (``3,21 tỉ đồng`` inside English
text) and no digit string would read differently under the two conventions.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from types import SimpleNamespace

from pipeline.numbers import NumberMatch, Token, _find_numbers_tokens, _lang_data, fold, read_digits, tokenize

__all__ = ["MoneyMatch", "find", "MoneyStage"]

QUALIFIERS = ("exact", "approx", "over", "under", "at_least", "at_most", "range")

# ISO codes that are also ordinary words or acronyms in upper-case text
# (``TOP 10``, ``ALL 5``): never read as currencies. XXX/XTS are test codes.
_CODE_STOPLIST = {"ALL", "TOP", "CUP", "MOP", "SOS", "BOB", "PEN", "TRY", "MAD", "XXX", "XTS", "XAG", "XAU", "XPT", "XPD"}


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    amount: float
    currency: str | None
    qualifier: str
    amount_max: float | None
    per: str | None
    equivalent_of: int | None


@dataclass(frozen=True)
class _Cur:
    code: str | None
    options: frozenset
    kind: str  # code / symbol / name


# ---------------------------------------------------------------- lexicon


def _words_alt(phrases, fold_too: bool) -> str:
    """Regex alternation of phrases, longest first, spaces as ``\\s+``, case-insensitive."""
    forms = set()
    for p in phrases:
        forms.add(p.lower())
        if fold_too:
            forms.add(fold(p))
    parts = []
    for f in sorted(forms, key=len, reverse=True):
        esc = re.escape(f).replace("\\ ", r"\s+")
        parts.append(esc)
    return "(?i:" + "|".join(parts) + ")"


@lru_cache(maxsize=None)
def _money_data(lang: str) -> SimpleNamespace:
    from babel import Locale
    from babel.numbers import get_currency_name, get_currency_precision, list_currencies

    mod = importlib.import_module(f"pipeline.lang.{lang}.money")
    vi_fold = lang == "vi"
    exact: dict[str, _Cur] = {}  # case-sensitive surfaces (codes, symbols)
    ci: dict[str, _Cur] = {}  # case-insensitive names (lower-cased, and folded for vi)
    codes = sorted(c for c in list_currencies() if len(c) == 3 and c.isalpha() and c.isupper())
    for c in codes:
        if c not in _CODE_STOPLIST:
            exact[c] = _Cur(c, frozenset({"prefix"}), "code")
    # Symbols from both locales: a Vietnamese text may write ``US$`` and an English one ``₫``.
    for loc in ("en", "vi"):
        for c, sym in Locale(loc).currency_symbols.items():
            if c not in codes or sym == c or c in _CODE_STOPLIST:
                continue
            # Bare letters (``R``, ``Ks``) are words, not symbols.
            if re.fullmatch(r"[^\W\d_]{1,3}\.?", sym):
                continue
            exact.setdefault(sym, _Cur(c, frozenset({"prefix"}), "symbol"))
    # CLDR names in this language (and English names in Vietnamese text: press
    # often writes ``20 Euros``); a name claimed by two currencies is dropped.
    names: dict[str, set] = {}
    locales = [mod.BABEL_LOCALE] + (["en"] if mod.BABEL_LOCALE != "en" else [])
    for loc in locales:
        locale = Locale(loc)
        for c in codes:
            cands = {locale.currencies.get(c)}
            for count in (1, 2):
                try:
                    cands.add(get_currency_name(c, count=count, locale=loc))
                except Exception:  # noqa: BLE001 - missing plural data for a code
                    pass
            for nm in cands:
                if not nm or nm == c or re.search(r"[\d()]", nm):
                    continue
                names.setdefault(nm.lower(), set()).add(c)
    for nm, cs in names.items():
        if len(cs) == 1:
            ci[nm] = _Cur(next(iter(cs)), frozenset(), "name")
            if vi_fold:
                ci.setdefault(fold(nm), _Cur(next(iter(cs)), frozenset(), "name"))
    # Press aliases override CLDR.
    for surface, code, opts in mod.CURRENCY_WORDS:
        options = frozenset(o for o in opts.split("|") if o)
        cur = _Cur(code, options, "name")
        if surface.isupper() or "." in surface or surface == "Rs":
            exact[surface] = cur
        ci[surface.lower()] = cur
        if vi_fold and "no_fold" not in options and fold(surface) != surface.lower():
            ci[fold(surface)] = cur
    # ``đ`` is only ``đ``: matched exactly, never as folded ``d``.
    surfaces = sorted(set(exact) | set(ci), key=len, reverse=True)
    alts = []
    for s in surfaces:
        esc = re.escape(s).replace("\\ ", r"\s+")
        if s in exact and s not in ci:
            alts.append(esc)
        elif s in exact:
            alts.append(esc)
            alts.append("(?i:" + esc + ")")
        else:
            alts.append("(?i:" + esc + ")")
    cur_alt = "|".join(alts)
    prefix_surfaces = sorted(
        (s for s, c in list(exact.items()) + list(ci.items()) if "prefix" in c.options),
        key=len,
        reverse=True,
    )
    prefix_alt = "|".join(re.escape(s).replace("\\ ", r"\s+") for s in prefix_surfaces)
    sub_alt = _words_alt(mod.SUBUNITS, False)
    standalone = {s.lower(): (c, f) for s, c, f in mod.STANDALONE_SUBUNITS}

    def known_words() -> set[str]:
        words = set()
        for s in list(ci) + list(exact):
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", s))
        numdata = _lang_data(lang)
        words.update(numdata.words)
        words.update(numdata.folded)
        words.update(s.lower() for s in numdata.suffixes)
        for table in (mod.QUALIFIERS_BEFORE, mod.QUALIFIERS_AFTER):
            for p, _ in table:
                words.update(p.lower().split())
        for lst in (mod.RANGE_OPENERS, mod.RANGE_JOINERS, mod.RANGE_AND, mod.PER_MARKERS, mod.EQUIVALENCE_MARKERS, list(mod.SUBUNITS)):
            for p in lst:
                words.update(p.lower().split())
        return words

    return SimpleNamespace(
        lang=lang,
        mod=mod,
        exact=exact,
        ci=ci,
        fold=vi_fold,
        precision=lambda c: get_currency_precision(c) if c else 2,
        suffix_re=re.compile(r"[ \t]*(?P<cur>" + cur_alt + r")(?![^\W\d_])"),
        prefix_re=re.compile(r"(?<![^\W\d_])(?P<cur>" + prefix_alt + r")[ \t]*\Z"),
        qual_before_re=re.compile(
            r"(?<![^\W\d_])(?P<q>" + _words_alt([p for p, _ in mod.QUALIFIERS_BEFORE], vi_fold) + r")[ \t]*\Z"
        ),
        qual_before={_k: q for p, q in mod.QUALIFIERS_BEFORE for _k in {p.lower(), fold(p) if vi_fold else p.lower()}},
        qual_after_re=re.compile(r"[ \t]+(?P<q>" + _words_alt([p for p, _ in mod.QUALIFIERS_AFTER], vi_fold) + r")(?![^\W\d_])"),
        qual_after={_k: q for p, q in mod.QUALIFIERS_AFTER for _k in {p.lower(), fold(p) if vi_fold else p.lower()}},
        from_re=re.compile(r"(?<![^\W\d_])" + _words_alt(mod.FROM_WORDS, vi_fold) + r"[ \t]+\Z") if mod.FROM_WORDS else None,
        opener_re=re.compile(r"(?<![^\W\d_])(?P<o>" + _words_alt(mod.RANGE_OPENERS, vi_fold) + r")[ \t]+\Z"),
        joiner_re=re.compile(
            r"[ \t]*(?:[-–—~]|(?<=\s)" + _words_alt([j for j in mod.RANGE_JOINERS if j[0].isalpha()], vi_fold) + r"(?=\s))[ \t]*"
        ),
        and_re=re.compile(r"[ \t]+" + _words_alt(mod.RANGE_AND, vi_fold) + r"[ \t]+"),
        sub_join_re=re.compile(r"[ \t]*(?:" + _words_alt(mod.SUBUNIT_JOINERS, vi_fold) + r"[ \t]+)?"),
        sub_re=re.compile(r"[ \t]*(?P<s>" + sub_alt + r")(?![^\W\d_])"),
        standalone=standalone,
        standalone_re=re.compile(r"[ \t]*(?P<s>" + "|".join(re.escape(s) for s in sorted(standalone, key=len, reverse=True)) + r")(?![^\W\d_])")
        if standalone
        else None,
        per_re=re.compile(
            r"[ \t]*(?:(?P<slash>/)|(?P<m>" + _words_alt([p for p in mod.PER_MARKERS if p != "/"], vi_fold) + r")(?=\s))[ \t]*"
            r"(?P<u>" + _words_alt(mod.PER_MULTIWORD, vi_fold) + r"(?![^\W\d_])|[^\W\d_]+\d?(?![\w]))"
        ),
        per_restricted_re=re.compile(
            r"[ \t]+" + _words_alt(mod.PER_MARKERS_RESTRICTED, vi_fold) + r"[ \t]+(?P<u>"
            + _words_alt(mod.PER_UNITS, vi_fold) + r")(?![^\W\d_])"
        ),
        equiv_re=re.compile(
            r"[ \t]*(?:\([ \t]*(?:" + _words_alt(mod.EQUIVALENCE_MARKERS, vi_fold) + r")?|,?[ \t]*"
            + _words_alt(mod.EQUIVALENCE_MARKERS, vi_fold) + r"|,?[ \t]*[~≈=])[ \t]*\Z"
        ),
        articles=set(getattr(importlib.import_module(f"pipeline.lang.{lang}.numbers"), "ARTICLES", set())),
        known_words=known_words(),
    )


def _lookup(data: SimpleNamespace, surface: str) -> _Cur | None:
    s = re.sub(r"\s+", " ", surface)
    if s in data.exact:
        return data.exact[s]
    return data.ci.get(s.lower()) or (data.ci.get(fold(s)) if data.fold else None)


# ---------------------------------------------------------------- matching


@dataclass
class _Cand:
    start: int
    end: int
    amount: float
    currency: str | None
    qualifier: str
    amount_max: float | None = None
    per: str | None = None
    numbers: tuple = ()


def _currency_around(text: str, data, num: NumberMatch, allow_suffix: bool = True):
    """Currency written before (prefix) or after (suffix) ``num``: (start, end, code, cur, side)."""
    m = data.prefix_re.search(text, max(0, num.start - 12), num.start)
    if m and allow_suffix:
        # ``tỷ giá USD 25.000 đồng``: a different currency after the number wins
        s = data.suffix_re.match(text, num.end)
        c2 = _lookup(data, s.group("cur")) if s else None
        c1 = _lookup(data, m.group("cur"))
        if c2 is not None and c1 is not None and c2.code != c1.code and _suffix_ok(text, c2, num, s):
            m = None
    if m:
        cur = _lookup(data, m.group("cur"))
        if cur is not None and "prefix" in cur.options:
            end = num.end
            # ``$5 USD``: the same currency written twice
            if allow_suffix:
                s = data.suffix_re.match(text, num.end)
                if s and (c2 := _lookup(data, s.group("cur"))) and c2.code == cur.code and c2.code:
                    end = s.end()
            return m.start(), end, cur.code, cur, "prefix"
    if not allow_suffix:
        return None
    s = data.suffix_re.match(text, num.end)
    if s:
        cur = _lookup(data, s.group("cur"))
        if cur is None:
            return None
        if not _suffix_ok(text, cur, num, s):
            return None
        return num.start, s.end(), cur.code, cur, "suffix"
    return None


def _suffix_ok(text: str, cur: _Cur, num: NumberMatch, m: re.Match) -> bool:
    opts = cur.options
    has_scale = num.scale > 1
    if "after_scale" in opts and not has_scale:
        return False
    if "needs_amount" in opts:
        grouped = (not num.spelled) and re.search(r"\d[,.]\d{3}", num.text)
        if not (has_scale or grouped):
            return False
    if "glued_grouped" in opts and (m.start("cur") != num.end or num.spelled or not re.search(r"\d[.,]\d{3}", num.text)):
        return False
    if "not_before_of" in opts and re.match(r"\s+of\b", text[m.end():]):
        return False
    sym = m.group("cur")
    if sym == "đ" and m.start("cur") > num.end and not re.match(r"\s*(?:[^\w\s]|\Z)", text[m.end():]):
        # spaced ``đ`` must end the phrase (``50.000 đ.``), glued ``50.000đ`` always counts
        return False
    return True


def _number_starting(nums: list[NumberMatch], pos: int) -> int | None:
    for k, n in enumerate(nums):
        if n.start == pos:
            return k
        if n.start > pos:
            break
    return None


def _find_lang(text: str, tokens: list[Token], lang: str) -> list[_Cand]:
    data = _money_data(lang)
    nums = _find_numbers_tokens(text, tokens, lang)
    # ``a dollar``, ``an euro``: an article before a currency name is one unit.
    if data.articles:
        extra = []
        for t in tokens:
            if t.kind == "word" and t.text.lower() in data.articles:
                s = data.suffix_re.match(text, t.end)
                if s and s.start("cur") > t.end and (c := _lookup(data, s.group("cur"))) and c.kind == "name":
                    extra.append(NumberMatch(t.start, t.end, 1.0, t.text, 1.0, True))
        if extra:
            nums = sorted(nums + [e for e in extra if not any(n.start <= e.start < n.end for n in nums)], key=lambda n: n.start)
    out: list[_Cand] = []
    used: set[int] = set()
    for k, num in enumerate(nums):
        if k in used:
            continue
        # ``400 . 000 đ``: a segmenter split a grouped figure; its tail is not an amount of 0
        if re.match(r"\d{3}(?!\d)", num.text) and re.search(r"\d[ \t]*[.,][ \t]*\Z", text[max(0, num.start - 4):num.start]):
            continue
        if num.value == 0:
            continue
        cand = _range_at(text, data, nums, k, used) or _amount_at(text, data, nums, k, used)
        if cand is None:
            continue
        out.append(cand)
    return out


def _amount_at(text, data, nums, k, used) -> _Cand | None:
    num = nums[k]
    cur = _currency_around(text, data, num)
    if cur is None:
        if data.standalone_re is not None:
            m = data.standalone_re.match(text, num.end)
            if m and (m.group("s") != "c" or num.text.isdigit()):
                code, factor = data.standalone[m.group("s").lower()]
                if m.group("s") in data.standalone:  # case as written (``c`` but not ``C``)
                    return _finish(text, data, _Cand(num.start, m.end(), num.value * factor, code, "exact", numbers=(num,)), nums, used)
        return None
    start, end, code, c, side = cur
    value = _fix_grouping(data, num, code)
    if value is None:
        return None
    cand = _Cand(start, end, value, code, "exact", numbers=(num,))
    cand = _minor_units(text, data, nums, k, cand, used)
    return _finish(text, data, cand, nums, used)


def _fix_grouping(data, num: NumberMatch, code: str | None) -> float | None:
    """The value of an amount's number, or None when its digits are ambiguous.

    One separator followed by exactly three digits (``1,500`` in Vietnamese,
    ``1.500`` in English) is the one place where the two conventions collide:

    * with a currency that has no minor unit (VND, KRW, JPY) and no scale word,
      three decimals are impossible: it is thousands grouping (``10.000 dong``
      in English text is 10000);
    * otherwise, ending in ``0`` it is ambiguous (nobody writes ``1,500`` for
      1.5, but a writer using the other convention writes it for 1500): the
      amount is dropped rather than guessed; ``3,125 tỷ`` stays a decimal.
    """
    m = re.search(r"\d+(?:[.,]\d+)*|(?<!\d)[.,]\d+", num.text)
    if m is None:
        return num.value
    digits = m.group()
    mark = "," if data.lang == "vi" else "."
    if re.fullmatch(r"\d{1,3}" + re.escape(mark) + r"\d{3}", digits):
        if code and data.precision(code) == 0 and num.scale == 1:
            return float(digits.replace(mark, ""))
        if digits.endswith("0") and not (data.lang == "en" and num.scale > 1):
            return None
    return num.value


def _minor_units(text, data, nums, k, cand: _Cand, used) -> _Cand:
    """``2 đô 23 xu``, ``US$3 and fourteen``, ``20 ringgit and 43c``."""
    num = nums[k]
    if num.scale > 1 or num.value != int(num.value) or data.precision(cand.currency) < 2:
        return cand
    j = data.sub_join_re.match(text, cand.end)
    k3 = _number_starting(nums, j.end()) if j else None
    if k3 is None or j.end() == cand.end:  # nothing there, or glued digits: not minor units
        return cand
    n3 = nums[k3]
    if n3.scale != 1 or n3.value != int(n3.value) or not 0 < n3.value < 100 or not re.fullmatch(r"\d{1,2}|[^\d]+", n3.text):
        return cand
    s = data.sub_re.match(text, n3.end)
    if s:
        end = s.end()
    elif re.match(r"[ \t]*(?:[^\w\s(]|\Z)", text[n3.end:]):
        end = n3.end
    else:
        return cand
    used.add(k3)
    return replace(cand, end=end, amount=cand.amount + n3.value / 100.0, numbers=cand.numbers + (n3,))


def _finish(text, data, cand: _Cand, nums, used) -> _Cand:
    """Rate unit, qualifiers before and after."""
    m = data.per_re.match(text, cand.end)
    if m:
        unit = re.sub(r"\s+", " ", m.group("u"))
        cand = replace(cand, end=m.end(), per=unit if unit.isupper() else unit.lower())
    else:
        m = data.per_restricted_re.match(text, cand.end)
        if m:
            cand = replace(cand, end=m.end(), per=re.sub(r"\s+", " ", m.group("u")).lower())
    qa = data.qual_after_re.match(text, cand.end)
    if qa and cand.qualifier == "exact":
        q = data.qual_after.get(re.sub(r"\s+", " ", qa.group("q").lower()))
        if q:
            start = cand.start
            if data.from_re is not None:
                f = data.from_re.search(text, max(0, start - 8), start)
                if f:
                    start = f.start()
            cand = replace(cand, start=start, end=qa.end(), qualifier=q)
            return cand
    qb = data.qual_before_re.search(text, max(0, cand.start - 20), cand.start)
    if qb:
        q = data.qual_before.get(re.sub(r"\s+", " ", qb.group("q").lower()))
        if q:
            cand = replace(cand, start=qb.start(), qualifier=q if cand.qualifier != "range" else "range")
    return cand


def _range_at(text, data, nums, k, used) -> _Cand | None:
    low = nums[k]
    c1 = _currency_around(text, data, low)
    after = c1[1] if c1 else low.end
    if c1 and c1[4] == "prefix":
        after = low.end  # ``$5-7 million``: the joiner follows the number
        if c1[1] > low.end:
            after = c1[1]
    k2 = None
    j = data.joiner_re.match(text, after)
    opener = data.opener_re.search(text, max(0, (c1[0] if c1 else low.start) - 12), c1[0] if c1 else low.start)
    if j is None or j.end() == after:
        j = data.and_re.match(text, after)
        if j is None or opener is None:
            return None
    pos = j.end()
    # optional prefix currency before the upper bound (``VND1000-VND2000``, ``$5-$7 million``)
    for kk in range(k + 1, min(k + 3, len(nums))):
        n2 = nums[kk]
        gap = text[pos:n2.start]
        if gap == "" or (data.prefix_re.search(text, pos, n2.start) and data.prefix_re.search(text, pos, n2.start).start() == pos):
            k2 = kk
            break
        if n2.start > pos + 12:
            break
    if k2 is None:
        return None
    high = nums[k2]
    c2 = _currency_around(text, data, high)
    if c2 is None and not (c1 and c1[4] == "prefix"):
        return None
    code1 = c1[2] if c1 else None
    code2 = c2[2] if c2 else None
    if c1 and c2 and code1 != code2:
        return None
    code = code2 if c2 else code1
    hv = _fix_grouping(data, high, code)
    lv = _fix_grouping(data, low, code)
    if hv is None or lv is None:
        return None
    if low.scale == 1 and high.scale > 1 and lv < hv / high.scale:
        lv = lv * high.scale
    if not lv < hv:
        return None
    start = c1[0] if c1 and c1[4] == "prefix" else low.start
    if opener is not None and opener.end() >= start - 0 and text[opener.end():start].strip() == "":
        start = opener.start()
    end = c2[1] if c2 else high.end
    used.add(k2)
    cand = _Cand(start, end, lv, code, "range", hv, numbers=(low, high))
    return _finish(text, data, cand, nums, used)


def _keep_secondary(text: str, cand: _Cand, primary: str, secondary: str) -> bool:
    """A match of the other language's grammar is kept only when it holds a word
    the segment's language does not know and its digits read the same both ways."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text[cand.start:cand.end])}
    if not words - _money_data(primary).known_words:
        return False
    for n in cand.numbers:
        for d in re.findall(r"\d+(?:[.,]\d+)*|(?<!\d)[.,]\d+", n.text):
            a = read_digits(d, primary)
            b = read_digits(d, secondary)
            if a is not None and (b is None or a[0] != b[0]):
                return False
    return True


def find(text: str, lang: str) -> list[MoneyMatch]:
    """Every money amount in ``text`` (a segment in language ``lang``)."""
    primary = lang if lang in ("vi", "en") else "en"
    secondary = "en" if primary == "vi" else "vi"
    tokens = tokenize(text)
    cands = _find_lang(text, tokens, primary)
    for c in _find_lang(text, tokens, secondary):
        if any(c.start < p.end and p.start < c.end for p in cands):
            continue
        if _keep_secondary(text, c, primary, secondary):
            cands.append(c)
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cand] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    out: list[MoneyMatch] = []
    data = _money_data(primary)
    for i, c in enumerate(kept):
        equiv = None
        if i > 0 and out[i - 1].equivalent_of is None:
            a = kept[i - 1]
            if a.currency and c.currency and a.currency != c.currency and data.equiv_re.search(text, a.end, c.start):
                m = data.equiv_re.search(text, a.end, c.start)
                if m.start() == a.end or text[a.end:m.start()].strip() == "":
                    equiv = i - 1
        out.append(
            MoneyMatch(
                c.start, c.end, text[c.start:c.end], float(c.amount), c.currency, c.qualifier,
                None if c.amount_max is None else float(c.amount_max), c.per, equiv,
            )
        )
    return out


# ---------------------------------------------------------------- stage


class MoneyStage:
    """Adds ``doc.money`` rows: one per amount found in a segment's ``text_norm``."""

    name = "money"
    requires = ("text_norm",)
    provides = ("money",)

    def __call__(self, doc):
        from pipeline.document import Money

        n = len(doc.money)
        for seg in doc.segments:
            norm = seg.text_norm if seg.text_norm is not None else seg.text
            lang = seg.lang or doc.lang or "en"
            matches = find(norm, lang)
            ids: list[str] = []
            for m in matches:
                n += 1
                mid = f"money:{n}"
                ids.append(mid)
                start, end = seg.to_original(m.start, m.end)
                doc.money.append(
                    Money(
                        mention_id=mid, start=start, end=end, text=doc.text[start:end], amount=m.amount,
                        currency=m.currency, qualifier=m.qualifier, amount_max=m.amount_max, per=m.per,
                        equivalent_of=None if m.equivalent_of is None else ids[m.equivalent_of], lang=lang,
                    )
                )
        doc.done.add("money")
        return doc
