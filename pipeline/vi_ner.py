"""Two syllable taggers that decide Vietnamese entity spans together, trained on the project's own annotated sentences.

The rules of :mod:`pipeline.entities` know a lot (titles, heads, gazetteers,
name shapes) but each is a hard decision; underthesea's CRF knows other things
(it was trained on a large news corpus) but swallows titles and tags numbers.
This CRF reads both as features, with the words around each syllable, and
learns which to believe where from ``evaluation/gold/vi_vtb_train_ner.jsonl``
(1600 hand-annotated sentences of the UD Vietnamese treebank, CC BY-SA) and
``evaluation/gold/vi_written_ner.jsonl`` (13,663 news-style sentences written and
annotated for the project).

Tokens are syllables and punctuation marks (gold spans always fall on their
edges); labels are BIO over PER / LOC / ORG / MISC. The model file
``lang/vi/ner_crf.bin`` (CRFsuite format, read by underthesea_core, which
underthesea already installs) is built by ``scripts/train_vi_ner.py`` from those
gold files alone (``--check``: a rebuild tags every training sentence the same).
One feature comes from unannotated running text: how often a syllable is written
with a capital inside a sentence (``lang/vi/capitalised.tsv``), which tells a given
name that opens a sentence or is written in lower case from a common word.

A second model reads the same features another way: a spaCy network (tok2vec + transition-based
NER) trained from scratch on the same sentences, which embeds the syllable's own form with four
groups of those features (:data:`ATTRIBUTE_GROUPS`) and sees a window of words through its
convolutions. Its files, ``lang/vi/ner_spacy/``, come from the same script. A span is kept when
both models give it, same ends (:func:`agree`; where they type it differently, the rules' label if
they side with one, else the network's): in block cross-validation their agreement beats the CRF
alone (precision up more than recall down).

``features`` is pure (text, underthesea words, rule matches -> one feature list
per token); ``spans`` decodes tags to entity spans; :func:`tag` runs both models.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

MODEL = Path(__file__).parent / "lang" / "vi" / "ner_crf.bin"
SPACY_MODEL = Path(__file__).parent / "lang" / "vi" / "ner_spacy"
CAPITALISED = Path(__file__).parent / "lang" / "vi" / "capitalised.tsv"

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_BRACKETS = frozenset("()[]{}")


def tokens(text: str) -> list[tuple[int, int]]:
    """Syllables and punctuation marks of ``text`` as (start, end) spans."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _shape(s: str) -> str:
    if s.isdigit():
        return "d"
    if not s[:1].isalpha():
        return "p"
    if s.isupper():
        return "X" if len(s) == 1 else "XX"
    if s[:1].isupper():
        return "Xx"
    return "x"


def _bio_at(spans: list[tuple[int, int]], items: list[tuple[int, int, str]]) -> list[str]:
    """BIO label of every token span from (start, end, label) items (tokens outside any item: O)."""
    out = ["O"] * len(spans)
    for a, b, lab in items:
        first = True
        for i, (s, e) in enumerate(spans):
            if s >= a and e <= b:
                out[i] = ("B-" if first else "I-") + lab
                first = False
    return out


@functools.lru_cache(maxsize=1)
def capitalised_share() -> dict[str, tuple[int, int]]:
    """{syllable: (times written with a capital inside a sentence, times seen there)} of running text
    (``lang/vi/capitalised.tsv``, built by ``scripts/build_vi_capitalised.py``)."""
    if not CAPITALISED.exists():
        raise FileNotFoundError(f"{CAPITALISED} is missing: build it with `python scripts/build_vi_capitalised.py`")
    out = {}
    for line in CAPITALISED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, capitalised, seen = line.split("\t")
            out[word] = (int(capitalised), int(seen))
    return out


def _share_bucket(share: dict[str, tuple[int, int]], low: str) -> str:
    """How name-like running text finds a syllable: ``rare`` (not in the table), ``0`` (never
    capitalised inside a sentence), ``1`` (< 10%), ``2`` (< 50%), ``3`` (< 90%), ``4`` (>= 90%)."""
    got = share.get(low)
    if got is None:
        return "rare"
    r = got[0] / got[1]
    return "0" if r == 0 else "1" if r < 0.1 else "2" if r < 0.5 else "3" if r < 0.9 else "4"


def _name_runs(low: list[str], shape: list[str], connectors) -> list[tuple[str, int, int] | None]:
    """Per token: (place in its run of capitalised tokens: B/I/E/S, the run's length, its first token) or None.

    A run is capitalised syllables, acronyms and numbers after them, joined by a lone
    connector (``và``, ``&``, ``-``) between two capitalised tokens (``NN & PTNT và Bộ Y``
    is one run). Lower-case words end a run: ``Sở Giáo dục và Đào tạo Hà Nội`` is three
    (``Sở Giáo``, ``Đào``, ``Hà Nội``); the CRF learns what a run's shape and opener mean.
    """
    n = len(low)
    out: list[tuple[str, int, int] | None] = [None] * n
    cap = [sh in ("Xx", "X", "XX") for sh in shape]
    i = 0
    while i < n:
        if not cap[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if cap[j] or (shape[j] == "d" and cap[j - 1]):
                j += 1
            elif low[j] in connectors and j + 1 < n and cap[j + 1] and cap[j - 1]:
                j += 2
            else:
                break
        length = j - i
        for k in range(i, j):
            place = "S" if length == 1 else "B" if k == i else "E" if k == j - 1 else "I"
            out[k] = (place, length, i)
        i = j
    return out


def features(text: str, words, rules, share: dict[str, tuple[int, int]] | None = None) -> list[list[str]]:
    """One feature list per token of ``text``.

    ``words``: underthesea's words (objects with ``start``, ``end``, ``pos``, ``tag``), ``rules``: the rule
    system's matches (``start``, ``end``, ``label``, ``source``); ``share``: the capitalised share of
    syllables in running text (default: the shipped :func:`capitalised_share`; cross-validation passes
    one counted without the held-out sentences).
    """
    from pipeline import entities as E

    V = E._vi_vocab()
    spans = tokens(text)
    n = len(spans)
    low = [text[a:b].lower() for a, b in spans]
    raw = [text[a:b] for a, b in spans]
    shape = [_shape(t) for t in raw]
    share = capitalised_share() if share is None else share
    # how often running text capitalises each syllable inside a sentence ("" for punctuation and numbers)
    cs = [_share_bucket(share, low[i]) if raw[i].isalpha() else "" for i in range(n)]
    # the underthesea word each token sits in, and the words before and after it
    pos = ["_"] * n
    wtag = ["O"] * n
    wpos = ["S"] * n
    wlow = [""] * n
    wprev = [""] * n
    wnext = [""] * n
    j = 0
    for i, (a, b) in enumerate(spans):
        while j < len(words) and words[j].end <= a:
            j += 1
        if j < len(words) and words[j].start <= a:
            wprev[i] = E._key(words[j - 1].text) if j > 0 else ""
            wnext[i] = E._key(words[j + 1].text) if j + 1 < len(words) else ""
        if j < len(words) and words[j].start <= a and b <= words[j].end:
            w = words[j]
            pos[i] = w.pos
            wtag[i] = w.tag
            single = w.start == a and w.end == b
            wpos[i] = "S" if single else ("B" if w.start == a else ("E" if w.end == b else "I"))
            wlow[i] = E._key(w.text)
    rule = _bio_at(spans, [(m.start, m.end, m.label) for m in rules])
    rsrc = ["O"] * n
    for m in rules:
        for i, (s, e) in enumerate(spans):
            if s >= m.start and e <= m.end:
                rsrc[i] = m.source.split(":")[-1]
    cldr = E._cldr_places()
    admin = E._vi_admin_units()
    dictionary = E._vi_dictionary()

    # phrase[k][i]: the k tokens from i, lower-cased and space-joined ("" past the end)
    phrase = {k: [" ".join(low[i:i + k]) if i + k <= n else "" for i in range(n)] for k in (1, 2, 3)}

    def in_gaz(i: int, k: int) -> bool:
        if i < 0 or i + k > n:
            return False
        p = phrase[k][i]
        return p in cldr or p in admin or p in V.SHORT_COUNTRY_NAMES

    def phrase_before(i: int, vocab) -> bool:
        return any(i - k >= 0 and phrase[k][i - k] in vocab for k in (1, 2, 3))

    def phrase_at(i: int, vocab) -> bool:
        return any(phrase[k][i] in vocab for k in (1, 2, 3))

    titles = V.PERSON_TITLES
    loc_heads = V.LOC_HEADS | V.LOC_KEPT_HEADS | V.ADMIN_HEADS
    org_heads = V.ORG_HEADS | V.ORG_STRIP_HEADS
    preps = V.PLACE_PREPOSITIONS
    # (feature, vocabulary) of a phrase ending just before a token / starting at it
    after = (("after_title", titles), ("after_loc_head", loc_heads), ("after_org_head", org_heads),
             ("after_prep", preps), ("after_work", V.WORK_NOUNS))
    at = (("title", titles), ("org_head", org_heads), ("loc_head", loc_heads))
    run = _name_runs(low, shape, V.ORG_CONNECTORS)
    head_kind = ["org" if phrase_at(i, org_heads) else "loc" if phrase_at(i, loc_heads)
                 else "title" if phrase_at(i, titles) else "" for i in range(n)]
    out: list[list[str]] = []
    for i in range(n):
        f = [
            "b",
            f"w={low[i]}",
            f"sh={shape[i]}",
            f"pos={pos[i]}",
            f"ut={wtag[i]}",
            f"wp={wpos[i]}",
            f"r={rule[i]}",
            f"rs={rsrc[i]}",
            f"r|sh={rule[i]}|{shape[i]}",
            f"ut|r={wtag[i]}|{rule[i]}",
            f"pos|sh={pos[i]}|{shape[i]}",
        ]
        if wlow[i] and " " in wlow[i]:
            f.append(f"word={wlow[i]}")
            f.append(f"word_dict={wlow[i] in dictionary}")
        if shape[i] in ("Xx", "X", "XX", "x"):
            f.append(f"vi={E._is_vi_syllable(raw[i])}")
            f.append(f"dia={E._has_vi_diacritics(raw[i])}")
            if E._is_foreign_word(raw[i]) and len(low[i]) > 3:
                # how a foreign word ends tells names ("Kentaro", "Nikaido") from firms ("Airbus")
                f.append(f"suf2={low[i][-2:]}")
                f.append(f"suf3={low[i][-3:]}")
        if low[i] in V.SURNAMES:
            f.append("surname")
        if low[i] in V.FOREIGN_SURNAMES:
            f.append("foreign_surname")
        if low[i] in V.MIDDLE_NAMES:
            f.append("middle")
        for k in (1, 2, 3):
            if in_gaz(i, k):
                f.append(f"gaz_start{k}")
            if in_gaz(i - k + 1, k):
                f.append(f"gaz_end{k}")
        f += [name for name, vocab in after if phrase_before(i, vocab)]
        f += [name for name, vocab in at if phrase_at(i, vocab)]
        if run[i]:
            place, length, start = run[i]
            f.append(f"run={place}{min(length, 4)}")
            before = "<s>" if start == 0 else (head_kind[start - 1] or low[start - 1])
            f.append(f"run_after={before}")
            f.append(f"run_first={head_kind[start] or shape[start]}")
        first = i == 0 or raw[i - 1] in E._SENT_OPENERS
        if first:
            f.append("first")
        if cs[i]:
            f += [f"cs={cs[i]}", f"cs|sh={cs[i]}|{shape[i]}", f"cs|wp={cs[i]}|{wpos[i]}"]
            if first:
                f.append(f"cs|first={cs[i]}")
        for d in (-2, -1, 1, 2):
            k = i + d
            if 0 <= k < n:
                f.append(f"w[{d}]={low[k]}")
                f.append(f"sh[{d}]={shape[k]}")
                f.append(f"r[{d}]={rule[k]}")
                if abs(d) == 1:
                    f.append(f"pos[{d}]={pos[k]}")
                    f.append(f"ut[{d}]={wtag[k]}")
            else:
                f.append(f"w[{d}]=<s>")
        for d in (-1, 1):
            if 0 <= i + d < n and cs[i + d] and cs[i]:
                f.append(f"cs[{d}]={cs[i + d]}")
        if wprev[i]:
            f.append(f"uw[-1]={wprev[i]}")
        if wnext[i]:
            f.append(f"uw[+1]={wnext[i]}")
        if i > 0:
            f.append(f"w[-1,0]={low[i - 1]}|{low[i]}")
            f.append(f"sh[-1,0]={shape[i - 1]}|{shape[i]}")
        if i + 1 < n:
            f.append(f"w[0,1]={low[i]}|{low[i + 1]}")
            f.append(f"sh[0,1]={shape[i]}|{shape[i + 1]}")
        out.append(f)
    return out


def spans(text: str, labels: list[str]) -> list[tuple[int, int, str]]:
    """Entity (start, end, label) spans from BIO labels over :func:`tokens` (an I- without its B- opens one).
    A bracket is never inside a name (the annotation conventions have none): it ends the span."""
    out: list[tuple[int, int, str]] = []
    cur: list | None = None
    for (a, b), lab in zip(tokens(text), labels):
        if lab == "O" or text[a:b] in _BRACKETS:
            if cur:
                out.append(tuple(cur))
            cur = None
            continue
        kind, typ = lab.split("-", 1)
        if kind == "B" or cur is None or cur[2] != typ:
            if cur:
                out.append(tuple(cur))
            cur = [a, b, typ]
        else:
            cur[1] = b
    if cur:
        out.append(tuple(cur))
    return out


def gold_labels(text: str, entities: list[dict]) -> list[str]:
    """BIO labels of :func:`tokens` from gold entities (``start``, ``end``, ``label``)."""
    return _bio_at(tokens(text), [(e["start"], e["end"], e["label"]) for e in entities])


# The features the second model embeds, grouped into four token attributes (one hashed string each): the
# rules' label and source / underthesea's word tag and entity tag / casing / lexicon, gazetteer and run flags.
ATTRIBUTE_GROUPS = {
    "tag": ("r=", "rs="),
    "lemma": ("ut=", "pos="),
    "dep": ("cs=", "vi=", "dia=", "first"),
    "ent_kb_id": ("gaz_", "surname", "foreign_surname", "middle", "title", "org_head", "loc_head", "after_", "run="),
}


def attributes(feats: list[list[str]]) -> list[dict[str, str]]:
    """Per token, the :data:`ATTRIBUTE_GROUPS` strings of its features (``_`` when a group is empty)."""
    return [{attr: "|".join(sorted(f for f in fs if f.startswith(prefixes))) or "_"
             for attr, prefixes in ATTRIBUTE_GROUPS.items()} for fs in feats]


def spacy_doc(vocab, text: str, feats: list[list[str]]):
    """A spaCy ``Doc`` of :func:`tokens` carrying :func:`attributes` (what the second model reads)."""
    from spacy.tokens import Doc

    spans_ = tokens(text)
    doc = Doc(vocab, words=[text[a:b] for a, b in spans_],
              spaces=[i + 1 < len(spans_) and spans_[i + 1][0] > b for i, (a, b) in enumerate(spans_)])
    for tok, attrs in zip(doc, attributes(feats)):
        tok.tag_, tok.lemma_, tok.dep_, tok.ent_kb_id_ = attrs["tag"], attrs["lemma"], attrs["dep"], attrs["ent_kb_id"]
    return doc


def agree(first: list[tuple[int, int, str]], second: list[tuple[int, int, str]],
          third: list[tuple[int, int, str]] = ()) -> list[tuple[int, int, str]]:
    """The spans both models give, same ends (a name one model alone finds is dropped). Where they type it
    differently, a third voter (the rules' span with the same ends) decides if it sides with one of them;
    otherwise the second's label (the network's: in cross-validation the better of the two alone)."""
    label_of = {(a, b): label for a, b, label in second}
    vote = {(a, b): label for a, b, label in third}
    out = []
    for a, b, label in first:
        other = label_of.get((a, b))
        if other is None:
            continue
        if label != other:
            label = vote[(a, b)] if vote.get((a, b)) in (label, other) else other
        out.append((a, b, label))
    return out


@functools.lru_cache(maxsize=1)
def _spacy_ner():
    if not SPACY_MODEL.exists():
        raise FileNotFoundError(f"{SPACY_MODEL} is missing: build it with `python scripts/train_vi_ner.py`")
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a dependency of the project
        raise ImportError("Vietnamese entities need spaCy: pip install spacy==3.8.18") from e
    return spacy.load(SPACY_MODEL)


def spacy_spans(nlp, texts: list[str], feats: list[list[list[str]]]) -> list[list[tuple[int, int, str]]]:
    """Entity spans the spaCy model ``nlp`` finds in each of ``texts`` from its features, in batches of 64
    (measured: about 9,300 tokens/s this way, 2,900 one sentence at a time)."""
    docs = nlp.pipe([spacy_doc(nlp.vocab, t, f) for t, f in zip(texts, feats)], batch_size=64)
    out = []
    for text, doc in zip(texts, docs):
        spans_ = tokens(text)
        out.append([(spans_[e.start][0], spans_[e.end - 1][1], e.label_) for e in doc.ents])
    return out


@functools.lru_cache(maxsize=1)
def _tagger():
    if not MODEL.exists():
        raise FileNotFoundError(f"{MODEL} is missing: build it with `python scripts/train_vi_ner.py`")
    return load(MODEL)


def load(path: Path):
    """A CRF tagger from a model file."""
    try:
        from underthesea_core import CRFTagger
    except ImportError as e:  # pragma: no cover - underthesea installs it
        raise ImportError("Vietnamese entities need underthesea_core: pip install underthesea==9.5.0") from e

    tagger = CRFTagger()
    tagger.load(str(path))
    return tagger


def _as_is(text: str, a: int, b: int, label: str) -> list[tuple[int, int, str]]:
    return [(a, b, label)]


def tag(text: str, words, rules, repair=_as_is) -> list[tuple[int, int, str]]:
    """Entity spans both models find in ``text`` (the CRF and the spaCy network, same features).

    ``repair(text, start, end, label) -> spans`` is applied to each model's spans before they are
    compared (the entities stage passes its convention repairs: one model's ``Tết Nguyên đán thì Tết
    Trung thu``, cut in two, agrees with the other's two holidays)."""
    return tag_batch([text], [words], [rules], repair)[0]


def tag_batch(texts: list[str], words: list, rules: list, repair=_as_is) -> list[list[tuple[int, int, str]]]:
    """:func:`tag` over many texts (each with its underthesea words and rule matches), the network batched."""
    feats = [features(t, w, r) for t, w, r in zip(texts, words, rules)]
    todo = [i for i, f in enumerate(feats) if f]
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    if not todo:
        return out
    crf = _tagger()
    network = spacy_spans(_spacy_ner(), [texts[i] for i in todo], [feats[i] for i in todo])
    for i, found in zip(todo, network):
        text = texts[i]
        mine = [x for span in spans(text, crf.tag(feats[i])) for x in repair(text, *span)]
        out[i] = agree(mine, [x for span in found for x in repair(text, *span)],
                       [(m.start, m.end, m.label) for m in rules[i]])
    return out
