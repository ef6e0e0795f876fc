"""Vietnamese diacritics: strip them, place tone marks one way, restore them.

* :func:`strip_diacritics` removes every Vietnamese mark (``đ`` -> ``d``), one character
  for one character.
* :func:`normalize_tone_marks` puts the tone mark of each syllable in one canonical place
  (the placement underthesea's ``text_normalize`` uses: ``hòa``, ``thủy``, ``khỏe``) and
  maps look-alike characters (``Ð`` U+00D0 -> ``Đ``), one character for one character.
* :class:`Restorer` puts the marks back on diacritic-stripped Vietnamese: candidates per
  stripped syllable come from a vocabulary, and a Viterbi search scores them with
  syllable frequencies, pairs of syllables found in dictionary words and names, and what
  :meth:`Restorer.learn` saw in diacritic-bearing text (the normalize stage has a
  Restorer learn each article whose stripped captions it restores, :func:`restorer_for`).
  Tokens that cannot be a stripped Vietnamese syllable (``Eye``, ``Love``, ``Netflix``,
  ``Hyo``), tokens that already carry marks, digits and punctuation are left as they are,
  and the case of every letter is kept, so ``len(restore(text)) == len(text)`` and
  offsets do not move.

All functions expect NFC text (what ``unicodedata.normalize("NFC", ...)`` gives). On
decomposed text a combining mark is a character of its own: it is kept as it is, so the
length is still preserved, but the marks are not stripped or moved.

The model (``pipeline/lang/vi/diacritics_ngrams.tsv.gz``) is built by
``scripts/build_diacritics_model.py`` from data shipped in installed packages and from the
news running text of ``data/vi_vtb_train.txt`` (UD Vietnamese VTB train split, CC BY-SA
4.0), whose syllable-pair counts give an interpolated (Witten-Bell) bigram score in the
Viterbi search. The input keeps its case, so the running-text pairs keep apart words
written with a capital inside a sentence (names: ``bà Loan``, ``đại diện Viện``), and a
capital that only starts a sentence counts little toward a proper-name reading.
"""
from __future__ import annotations

import gzip
import math
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pipeline.lang.vi.diacritics import (
    BASE_OF,
    CREDIT_WORDS,
    FINALS,
    INITIALS,
    LOOKALIKES,
    NUCLEI_ANY,
    NUCLEI_OPEN_ONLY,
    STRIP_TABLE,
    TONE_OF,
    TONED,
)

MODEL_PATH = Path(__file__).resolve().parent / "lang" / "vi" / "diacritics_ngrams.tsv.gz"

_STRIP_TRANS = str.maketrans(STRIP_TABLE)
_LOOKALIKE_TRANS = str.maketrans(LOOKALIKES)
_LETTERS = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aăâeêioôơuưy")
_HAT = frozenset("ăâêôơư")
_STOP_FINALS = ("c", "ch", "p", "t")

__all__ = [
    "strip_diacritics",
    "normalize_tone_marks",
    "is_vietnamese_syllable",
    "is_stripped_vietnamese_syllable",
    "split_letters",
    "Restorer",
    "restore",
    "restorer_for",
]


# --------------------------------------------------------------------------- basics

def strip_diacritics(text: str) -> str:
    """``text`` without Vietnamese marks; same length (``Đà Nẵng`` -> ``Da Nang``)."""
    return text.translate(_STRIP_TRANS)


def split_letters(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of letters in ``text``."""
    return [m.span() for m in _LETTERS.finditer(text)]


def _untone(word: str) -> tuple[str, int]:
    """(word without its tone mark, tone index); tone -1 when two vowels carry tones."""
    tone = 0
    out = []
    for ch in word:
        t = TONE_OF.get(ch, 0)
        if t:
            if tone:
                return word, -1
            tone = t
            out.append(BASE_OF[ch])
        else:
            out.append(ch)
    return "".join(out), tone


def _parse(low: str) -> tuple[str, str, str] | None:
    """Split a lowercase toneless syllable into (initial, vowel cluster, final), or None."""
    initial = ""
    for ini in INITIALS:
        if low.startswith(ini):
            initial = ini
            break
    rest = low[len(initial):]
    if initial in ("gi", "qu") and (not rest or rest[0] not in _VOWELS):
        if initial == "qu":
            return None
        initial, rest = "g", low[1:]
    i = 0
    while i < len(rest) and rest[i] in _VOWELS:
        i += 1
    nucleus, final = rest[:i], rest[i:]
    if not nucleus:
        return None
    if final and final not in FINALS:
        return None
    return initial, nucleus, final


_NUCLEI_OPEN = frozenset(NUCLEI_OPEN_ONLY) | frozenset(NUCLEI_ANY)
_NUCLEI_CLOSED = frozenset(NUCLEI_ANY)


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether a lowercase word (marks allowed) has the shape of a Vietnamese syllable."""
    if not word or len(word) > 7:
        return False
    base, tone = _untone(word.lower())
    if tone < 0:
        return False
    parsed = _parse(base)
    if parsed is None:
        return False
    initial, nucleus, final = parsed
    if (final and nucleus not in _NUCLEI_CLOSED) or (not final and nucleus not in _NUCLEI_OPEN):
        return False
    if final in _STOP_FINALS and tone not in (0, 2, 5):
        return False
    if initial in ("k", "gh", "ngh") and nucleus[0] not in "eêiy":
        return False
    return True


def _tone_position(base_low: str) -> int | None:
    """Index in the toneless syllable where its tone mark belongs (classic placement)."""
    parsed = _parse(base_low)
    if parsed is None:
        return None
    initial, nucleus, final = parsed
    start = len(initial)
    hats = [i for i, c in enumerate(nucleus) if c in _HAT]
    if hats:
        return start + hats[-1]
    if final or len(nucleus) == 1:
        return start + len(nucleus) - 1
    if len(nucleus) == 3:
        return start + 1
    return start


def _normalize_word(word: str) -> str:
    base, tone = _untone(word)
    if tone <= 0:
        return word
    low = base.lower()
    if not is_vietnamese_syllable(low):
        return word
    pos = _tone_position(low)
    if pos is None:
        return word
    chars = list(base)
    c = chars[pos]
    toned = TONED.get((c, tone))
    if toned is None:
        return word
    chars[pos] = toned
    return "".join(chars)


def normalize_tone_marks(text: str) -> str:
    """One tone-mark placement per syllable (``hoà`` -> ``hòa``, ``thuỷ`` -> ``thủy``) and
    look-alike letters mapped (``Ð`` -> ``Đ``). Same length as ``text`` on NFC input."""
    text = text.translate(_LOOKALIKE_TRANS)
    if text.isascii():
        return text
    out = []
    last = 0
    for m in _LETTERS.finditer(text):
        w = m.group()
        if w.isascii():
            continue
        nw = _normalize_word(w)
        if nw != w:
            out.append(text[last:m.start()])
            out.append(nw)
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


@lru_cache(maxsize=1)
def stripped_syllables() -> frozenset[str]:
    """Every lowercase ASCII string that is some Vietnamese syllable with its marks removed
    (``quoc``, ``nguoi``, ``dang``), generated from the syllable shapes in
    ``pipeline/lang/vi/diacritics.py``."""
    out = set()
    initials = ("",) + INITIALS
    for ini in initials:
        for nuc in _NUCLEI_OPEN:
            for fin in ("",) + FINALS:
                w = ini + nuc + fin
                if is_vietnamese_syllable(w):
                    out.add(strip_diacritics(w))
    return frozenset(out)


def is_stripped_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case) could be a Vietnamese syllable written without marks."""
    return word.isascii() and word.lower() in stripped_syllables()


# --------------------------------------------------------------------------- model

class _Model:
    """Counts read from the TSV.gz model, turned into log scores."""

    def __init__(self, path: Path):
        uni: dict[str, float] = {}
        names: dict[str, float] = {}
        pairs: dict[str, float] = {}
        text_uni: dict[str, float] = {}
        text_pairs: dict[str, float] = {}
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                kind, key, count = line.rstrip("\n").split("\t")
                c = float(count)
                if kind == "U":
                    uni[key] = c
                elif kind == "N":
                    names[key] = c
                elif kind == "B":
                    pairs[key] = c
                elif kind == "W":
                    text_uni[key] = c
                elif kind == "C":
                    text_pairs[key] = c
        total = sum(uni.values())
        ntotal = sum(names.values()) or 1.0
        self.p_uni = {s: c / total for s, c in uni.items()}
        self.p_name = {s: c / ntotal for s, c in names.items()}
        self.pairs = pairs
        # running text (news sentences): syllable unigrams and adjacent-pair counts, with,
        # for each left syllable, how often it is followed by a syllable and by how many
        # different ones (the Witten-Bell weights of the interpolated bigram)
        ttotal = sum(text_uni.values()) or 1.0
        self.p_text = {s: c / ttotal for s, c in text_uni.items()}
        self.text_pairs = text_pairs
        left: dict[str, list[float]] = {}
        for k, c in text_pairs.items():
            a = k.split(" ", 1)[0]
            v = left.get(a)
            if v is None:
                left[a] = [c, 1.0]
            else:
                v[0] += c
                v[1] += 1.0
        self.text_left = {a: (v[0], v[1]) for a, v in left.items()}
        cands: dict[str, list[str]] = {}
        for s in uni:
            cands.setdefault(strip_diacritics(s), []).append(s)
        for k, v in cands.items():
            v.sort(key=lambda s: -self.p_uni[s])
        self.cands = cands


_MODEL_LOCK = threading.Lock()
_MODEL: _Model | None = None


def _default_model() -> _Model:
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is None:
            if not MODEL_PATH.exists():
                raise FileNotFoundError(
                    f"{MODEL_PATH} is missing: rebuild it with "
                    "`.venv/bin/python scripts/build_diacritics_model.py`"
                )
            _MODEL = _Model(MODEL_PATH)
        return _MODEL


# --------------------------------------------------------------------------- restorer

# Prefix of a syllable written with a capital inside a sentence in the running-text pair
# counts (rows ``C``) of the model: ``đại diện`` + ``^viện`` ("đại diện Viện Kiểm sát").
NAME_MARK = "^"

_SENTENCE_OPENERS = frozenset('.!?:;"“”«…')


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins the text or follows a sentence end, a colon or
    an opening quote (where a capital says little about a name)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _apply_case(template: str, lower: str) -> str:
    if template.islower():
        return lower
    if template.isupper():
        return lower.upper()
    return "".join(c.upper() if t.isupper() else c for t, c in zip(template, lower))


class Restorer:
    """Restores diacritics of stripped Vietnamese (see the module docstring).

    ``model`` is a path to a model TSV.gz; by default the shipped model, loaded once per
    process and shared by every Restorer. :meth:`learn` adapts one Restorer to some
    diacritic-bearing text (the article beside the stripped captions).
    """

    # Weights of the scores (NAME_MIX, LEARN_UNI, LEARN_PAIR set on the project's own
    # sentences, tests/diacritics; TEXT_MIX, LM_WEIGHT, WB_SCALE, PAIR_WEIGHT and
    # NAME_MIX_START on the last 10% of the running text held out of the counts:
    # `scripts/build_diacritics_model.py --tune`: best of the grid with 90,000 and with
    # 176,000 syllables of written text; TEXT_MIX 0.3 -> 0.1 with 260,000 (0.862 -> 0.866
    # syllables, 0.807 -> 0.823 capitalized on the 1,171 held-out treebank sentences;
    # 0.0 gave 0.866 / 0.820); with 344,000, 0.0 still beat 0.3 (0.878 vs 0.876).
    PAIR_WEIGHT = 2.0       # log(1 + pair count) of dictionary pairs
    NAME_MIX = 0.5          # share of the proper-name distribution for capitalized words
    NAME_MIX_START = 0.5    # the same for a capital that starts a sentence (says little)
    LEARN_UNI = 1e-3        # probability mass given to one occurrence of a learned syllable
    LEARN_PAIR = 30.0       # pair count given to one occurrence of a learned pair
    TEXT_MIX = 0.1          # share of the running-text unigram distribution in P(syllable)
    LM_WEIGHT = 1.0         # weight of the running-text bigram log-ratio log P(b|a) / P(b)
    WB_SCALE = 2.0          # Witten-Bell weight of the unigram in P(b|a) (x distinct followers)
    FLOOR = 1e-9

    def __init__(self, model: str | Path | None = None):
        self._model_path = Path(model) if model is not None else None
        self._model: _Model | None = None
        self._learned_uni: dict[str, float] = {}
        self._learned_pairs: dict[str, float] = {}
        self._emit_cache: dict[tuple[str, bool], list[tuple[str, float]]] = {}
        self._pair_cache: dict[str, float] = {}

    @property
    def model(self) -> _Model:
        if self._model is None:
            self._model = _Model(self._model_path) if self._model_path else _default_model()
        return self._model

    # -- adaptation
    def learn(self, texts: Iterable[str]) -> None:
        """Count the Vietnamese syllables (with marks) and their pairs in ``texts``; they
        are then preferred when restoring with this Restorer."""
        for text in texts:
            text = normalize_tone_marks(text)
            prev = None
            last_end = 0
            for a, b in split_letters(text):
                w = text[a:b].lower()
                ok = is_vietnamese_syllable(w)
                if prev is not None and ok and text[last_end:a].isspace():
                    key = prev + " " + w
                    self._learned_pairs[key] = self._learned_pairs.get(key, 0.0) + 1.0
                if ok and not w.isascii():
                    self._learned_uni[w] = self._learned_uni.get(w, 0.0) + 1.0
                prev = w if ok else None
                last_end = b
        self._emit_cache.clear()
        self._pair_cache.clear()

    # -- scoring
    def _emissions(self, key: str, capital: bool, start: bool = False) -> list[tuple[str, float]]:
        """(candidate, log score) for a stripped syllable; ``capital``: written with a
        capital, ``start``: that capital begins a sentence (a weaker hint of a name)."""
        ck = (key, capital, start)
        got = self._emit_cache.get(ck)
        if got is not None:
            return got
        m = self.model
        out = []
        mix = self.TEXT_MIX
        name_mix = self.NAME_MIX_START if start else self.NAME_MIX
        for s in m.cands.get(key, ()):
            p = (1 - mix) * m.p_uni.get(s, 0.0) + mix * m.p_text.get(s, 0.0)
            if capital:
                p = (1 - name_mix) * p + name_mix * m.p_name.get(s, 0.0)
            p += self.LEARN_UNI * self._learned_uni.get(s, 0.0)
            out.append((s, math.log(p + self.FLOOR)))
        self._emit_cache[ck] = out
        return out

    def _pair(self, a: str, b: str, ma: str = "", mb: str = "") -> float:
        """Score of syllable ``b`` after ``a``; ``ma``/``mb`` are ``NAME_MARK`` for a word
        written with a capital inside a sentence (a name), else ``""``."""
        tkey = ma + a + " " + mb + b
        got = self._pair_cache.get(tkey)
        if got is not None:
            return got
        m = self.model
        key = a + " " + b
        c = m.pairs.get(key, 0.0) + self.LEARN_PAIR * self._learned_pairs.get(key, 0.0)
        score = self.PAIR_WEIGHT * math.log1p(c) if c else 0.0
        left = m.text_left.get(ma + a)
        if left is not None and self.LM_WEIGHT:
            # interpolated (Witten-Bell) bigram of running text, as a ratio to the unigram
            # already counted in the emission: log P(b|a) - log P(b). The running-text
            # pairs keep apart words written with a capital inside a sentence (the input
            # keeps its case): "đại diện Viện kiểm sát" says nothing of "diện viện".
            #   P(b|a) = (c(a b) + lam * P(b)) / (c(a) + lam),  lam = WB_SCALE * T(a)
            ca, ta = left
            lam = self.WB_SCALE * ta
            mix = self.TEXT_MIX
            pb = (1 - mix) * m.p_uni.get(b, 0.0) + mix * m.p_text.get(b, 0.0) + self.FLOOR
            cab = m.text_pairs.get(tkey, 0.0)
            score += self.LM_WEIGHT * math.log((cab / pb + lam) / (ca + lam))
        if len(self._pair_cache) > 500_000:
            self._pair_cache.clear()
        self._pair_cache[tkey] = score
        return score

    # -- decoding
    def restore(self, text: str) -> str:
        """``text`` with the marks of its stripped Vietnamese syllables put back."""
        if not text:
            return text
        cands = self.model.cands
        tokens = [(m.start(), m.end(), m.group()) for m in _LETTERS.finditer(text)]
        foreign = self._foreign_names(text, tokens, cands)
        # (start, end, candidates or None for a marked syllable, word, name mark)
        chain: list[tuple[int, int, list[tuple[str, float]] | None, str, str]] = []
        pieces: list[tuple[int, int, str]] = []
        last_end = 0
        for i, (a, b, w) in enumerate(tokens):
            if chain and not text[last_end:a].isspace():
                pieces += self._decode(chain)
                chain = []
            last_end = b
            low = w.lower()
            if w.isascii() and low in CREDIT_WORDS and text[b:b + 1] == ":" and _starts_sentence(text, a):
                # a caption's credit line, "Anh: Nha san xuat" -> "Ảnh: ..."; ends the chain like punctuation
                if chain:
                    pieces += self._decode(chain)
                    chain = []
                word = CREDIT_WORDS[low]
                pieces.append((a, b, word[0].upper() + word[1:] if w[0].isupper() else word))
                continue
            if w.isascii():
                if low in cands and i not in foreign:
                    capital = w[0].isupper()
                    start = capital and _starts_sentence(text, a)
                    mark = NAME_MARK if capital and not start else ""
                    chain.append((a, b, self._emissions(low, capital, start), w, mark))
                    continue
            elif is_vietnamese_syllable(low):
                # already marked: fixed, but context for its neighbours
                mark = NAME_MARK if w[0].isupper() and not _starts_sentence(text, a) else ""
                chain.append((a, b, None, normalize_tone_marks(low), mark))
                continue
            if chain:
                pieces += self._decode(chain)
                chain = []
        if chain:
            pieces += self._decode(chain)
        if not pieces:
            return text
        out = []
        pos = 0
        for a, b, s in pieces:
            out.append(text[pos:a])
            out.append(s)
            pos = b
        out.append(text[pos:])
        return "".join(out)

    @staticmethod
    def _foreign_names(text: str, tokens, cands) -> set[int]:
        """Indexes of capitalized tokens in a name written with a foreign word
        (``Lee Se Young``, ``Kim Jong Un``, ``Han Hyo Joo``): kept as they are."""
        out: set[int] = set()
        i, n = 0, len(tokens)
        while i < n:
            j = i
            while (
                j < n
                and tokens[j][2][0].isupper()
                and tokens[j][2].isascii()
                and (j == i or text[tokens[j - 1][1]:tokens[j][0]] == " ")
            ):
                j += 1
            if j - i >= 2 and any(
                tokens[k][2].lower() not in cands and tokens[k][2][1:].islower() for k in range(i, j)
            ):
                first = i
                before = text[: tokens[i][0]].rstrip()
                if (not before or before[-1] in ".!?:\"“") and tokens[i][2].lower() in cands:
                    first = i + 1  # a capital that only starts the sentence ("Tai Malaysia")
                out.update(range(first, j))
            i = max(j, i + 1)
        return out

    def _decode(self, chain) -> list[tuple[int, int, str]]:
        if all(e is None for _, _, e, _, _ in chain):
            return []
        # Viterbi over the candidates of each token
        states: list[list[tuple[str, float]]] = []
        for _, _, emis, fixed, _ in chain:
            states.append(emis if emis is not None else [(fixed, 0.0)])
        pair = self._pair
        prev_scores = [e for _, e in states[0]]
        back: list[list[int]] = []
        for t in range(1, len(states)):
            cur_scores = []
            bp = []
            prev_states = states[t - 1]
            ma, mb = chain[t - 1][4], chain[t][4]
            for s, e in states[t]:
                best, arg = -1e300, 0
                for j, (ps, _) in enumerate(prev_states):
                    v = prev_scores[j] + pair(ps, s, ma, mb)
                    if v > best:
                        best, arg = v, j
                cur_scores.append(best + e)
                bp.append(arg)
            prev_scores = cur_scores
            back.append(bp)
        j = max(range(len(prev_scores)), key=prev_scores.__getitem__)
        path = [j]
        for bp in reversed(back):
            j = bp[j]
            path.append(j)
        path.reverse()
        out = []
        for (a, b, emis, w, _), j in zip(chain, path):
            if emis is None:
                continue
            out.append((a, b, _apply_case(w, emis[j][0])))
        return out


_DEFAULT: Restorer | None = None


def _default_restorer() -> Restorer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Restorer()
    return _DEFAULT


def restore(text: str) -> str:
    """Restore with a shared default :class:`Restorer` (no adaptation)."""
    return _default_restorer().restore(text)


def restorer_for(texts: Iterable[str]) -> Restorer:
    """A Restorer that has learned the marked Vietnamese of ``texts`` (one article's
    text), or the shared default one when they have no marked syllable to learn."""
    texts = [t for t in texts if t and not t.isascii()]
    if not texts:
        return _default_restorer()
    r = Restorer()
    r.learn(texts)
    return r
