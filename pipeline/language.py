"""Stage `language`: decide each segment's language (`vi`/`en`/`other`) and form.

Forms of Vietnamese: `plain`, `segmented` (a word segmenter joined the
syllables of multi-syllable words with `_`) and `no_diacritics` (diacritics
stripped). English and other languages are always `plain`.

Evidence, strongest first: the article's own `lang` field; letters only
Vietnamese writes; `_` joining letters; the offline identifier py3langid
restricted to the languages news dumps hold; and for text without any
diacritics, whether its words are possible Vietnamese syllables. Segments
too short to judge take the language and form of their neighbours.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.document import Document, Segment
from pipeline.lang.vi import language as vi_data

# py3langid is restricted to these; anything else it prefers becomes `other`.
LANGID_LANGUAGES = ("vi", "en", "fr", "de", "es", "it", "pt", "nl", "id", "ms", "tl",
                    "ru", "zh", "ja", "ko", "th")
MIN_LETTERS_TO_JUDGE = 12

_WORD = re.compile(r"[^\W\d_]+(?:_[^\W\d_]+)*")
_JOINED = re.compile(r"[^\W\d_]_[^\W\d_]")
_SPACED_PUNCT = re.compile(r"\w \s*(?:\.\.\.|[,.;:!?)…])(?:\s|$)")
_STRIPPED_SYLLABLE = re.compile(
    "(?:{})?(?:{})(?:{})?".format(
        "|".join(vi_data.ONSETS), "|".join(vi_data.NUCLEI), "|".join(vi_data.CODAS)
    )
)


def has_segmenter_spacing(text: str) -> bool:
    """Spaces a tokenizer put before punctuation (`Mỹ ,`, `nhất .`)."""
    return bool(_SPACED_PUNCT.search(text))


def is_possible_stripped_syllable(word: str) -> bool:
    """True if ``word`` could be a Vietnamese syllable written without diacritics."""
    return bool(_STRIPPED_SYLLABLE.fullmatch(word.lower()))


@functools.lru_cache(maxsize=1)
def _identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as exc:  # pragma: no cover - exercised only on broken installs
        raise ImportError(
            "py3langid is required for language identification: pip install py3langid==0.4.0"
        ) from exc
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGID_LANGUAGES))
    return ident


@dataclass(frozen=True)
class Evidence:
    letters: int  # number of letters
    words: int
    vi_words: int  # words holding a letter only Vietnamese writes
    joined: int  # `_` joining letters
    spaced_punct: bool  # segmenter-style ` ,` / ` .`
    syllable_ratio: float  # share of words that are possible stripped syllables
    function_words: int  # stripped Vietnamese function words


def gather(text: str) -> Evidence:
    words = _WORD.findall(text)
    parts = [p for w in words for p in w.split("_")]
    vi_words = sum(1 for p in parts if any(c in vi_data.VIETNAMESE_ONLY_LETTERS for c in p))
    syll = sum(1 for p in parts if is_possible_stripped_syllable(p))
    func = sum(1 for p in parts if p.lower() in vi_data.STRIPPED_FUNCTION_WORDS)
    return Evidence(
        letters=sum(len(p) for p in parts),
        words=len(parts),
        vi_words=vi_words,
        joined=len(_JOINED.findall(text)),
        spaced_punct=has_segmenter_spacing(text),
        syllable_ratio=syll / len(parts) if parts else 0.0,
        function_words=func,
    )


def detect(text: str) -> tuple[str | None, str | None]:
    """Language and form of one segment on its own; ``None`` where it is too short to tell."""
    ev = gather(text)
    if ev.words == 0:
        return None, None
    if ev.vi_words and (ev.vi_words / ev.words >= 0.2 or ev.vi_words >= 3):
        return "vi", ("segmented" if ev.joined else "plain")
    if ev.joined and ev.vi_words:
        return "vi", "segmented"
    if ev.letters < MIN_LETTERS_TO_JUDGE:
        return None, None
    lang, _prob = _identifier().classify(text)
    stripped_vi = ev.vi_words == 0 and ev.syllable_ratio >= 0.75 and ev.function_words >= 2
    if lang == "vi" or stripped_vi:
        if ev.vi_words == 0:
            return "vi", "no_diacritics"
        return "vi", ("segmented" if ev.joined else "plain")
    if lang == "en":
        return "en", "plain"
    return "other", "plain"


def decide(segments: list[Segment], lang_hint: str | None = None) -> None:
    """Set ``lang`` and ``form`` of every segment, filling undecided ones from context."""
    guesses = [detect(seg.text) for seg in segments]
    if lang_hint is not None:
        guesses = [(lang_hint, _form_under_hint(seg.text, lang_hint)) for seg in segments]
    decided = [g for g in guesses if g[0] is not None]
    # A segmenter ran over the document: its sentences without a multi-syllable
    # word still show the segmenter's spacing (`chưa chán .`).
    segmented_doc = any(g == ("vi", "segmented") for g in decided)
    for i, seg in enumerate(segments):
        lang, form = guesses[i]
        if lang is None:
            lang, form = _from_neighbours(guesses, i)
        if lang == "vi" and form == "plain" and segmented_doc and gather(seg.text).spaced_punct:
            form = "segmented"
        seg.lang, seg.form = lang, form


def _form_under_hint(text: str, lang: str) -> str:
    if lang != "vi":
        return "plain"
    ev = gather(text)
    if ev.joined:
        return "segmented"
    if ev.vi_words == 0 and ev.words >= 3 and ev.syllable_ratio >= 0.75:
        return "no_diacritics"
    return "plain"


def _from_neighbours(guesses: list[tuple[str | None, str | None]], i: int) -> tuple[str, str]:
    for distance in range(1, len(guesses)):
        for j in (i - distance, i + distance):
            if 0 <= j < len(guesses) and guesses[j][0] is not None:
                return guesses[j]  # type: ignore[return-value]
    return "other", "plain"


def dominant(segments: list[Segment]) -> str | None:
    """The language holding most characters of the document."""
    sizes: dict[str, int] = {}
    for seg in segments:
        sizes[seg.lang] = sizes.get(seg.lang, 0) + (seg.end - seg.start)
    return max(sizes, key=sizes.get) if sizes else None


class LanguageStage:
    name = "language"
    requires = ("segments",)
    provides = ("language",)

    def __call__(self, doc: Document) -> Document:
        decide(doc.segments, doc.lang_hint)
        doc.lang = doc.lang_hint or dominant(doc.segments)
        return doc
