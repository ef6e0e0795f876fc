"""English named entities: spaCy's label map, vocabulary and repairs (see :mod:`pipeline.entities`).

spaCy ``en_core_web_sm`` finds most names in English news but cuts multi-part
Korean names short, takes Japanese names for places or organisations and misses
names in parentheses. The repairs below are generic:

- label map: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP/EVENT/WORK_OF_ART/
  PRODUCT/LAW/LANGUAGE -> MISC (``fine_label`` keeps spaCy's label), numbers and dates dropped;
- a person's span goes on over adjacent capitalised name words ("Yoon Tae" + "Oh");
- capitalised word sequences shaped like romanised Korean or Japanese names are people;
- a role word before a name ("actor X", "director X", "writer X") makes it a person;
- "A (B)": a character and the actor who plays them are both people;
- a hyphenated word spaCy splits is one word again ("Jae-yong", "So-hee", "M-TP"), so the
  name goes on over it ("Lee Jae-yong"), but not over English word-formation ("-based", "-led");
- CLDR territory names (Babel) and a few big Asian cities are places; a short list of the
  companies and media of this news (``KNOWN_ORGS``) are organisations, cultural waves (``KNOWN_MISC``:
  "Hallyu", "K-pop") are MISC; quoted title-case
  phrases are works (their article kept: "The First Slam Dunk");
- a title ends at its last role word: "Finance Minister Choi Sang-mok" -> "Choi Sang-mok".
"""
from __future__ import annotations

import re

LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
DROPPED = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}

# Words before a name that say it is a person (lower case).
PERSON_CUES = frozenset("""
actor actress director producer writer author novelist screenwriter singer rapper star idol artist
composer musician dancer model comedian host presenter anchor journalist reporter photographer
player striker midfielder defender goalkeeper coach manager captain athlete champion boxer
president chairman chairwoman ceo founder minister premier senator governor mayor ambassador
spokesperson spokesman spokeswoman general colonel lieutenant sergeant officer professor dr dr.
mr mr. mrs mrs. ms ms. sir lord lady king queen prince princess pope bishop father sister brother
mother wife husband son daughter uncle aunt grandmother grandfather judge lawyer attorney doctor
designer chef entrepreneur billionaire businessman businesswoman leader rival character filmmaker
""".split())

# Hyphenated tails that are English word-formation, not part of a name ("Kim-led", "Park-style").
NOT_NAME_TAILS = frozenset("""
based born led owned style like era made funded backed linked run controlled affiliated related
esque ish type class level wide
""".split())

# Capitalised words that never start or extend a person's name.
NOT_NAME_WORDS = frozenset("""
The A An And Or But Of In On At To For From With By As Is Are Was Were Be Been It Its This That These
Those He She They We I You His Her Their Our My Your Not Only Meanwhile However According Photo
Based Recently Starting After Before During While When Where Who What Which Why How If Then So
Korean Japanese Chinese Vietnamese American English French German Asian European Mr Mrs Ms Dr
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday CEO TV Netflix Korea Japan China Vietnam
""".split())

# Romanised Korean given-name syllables and Japanese name words (shape, not a list of names).
_KOREAN_SYLLABLE = re.compile(
    r"^(?:kk|tt|pp|ss|jj|ch|[gkndrlmbsjthpyw]|ng)?(?:y|w)?"
    r"(?:ae|eo|eu|oe|ui|oo|ee|ou|wa|wi|ye|yo|yu|ya|a|e|i|o|u)"
    r"(?:ng|n|m|l|k|p|t|b|g)?$",
    re.I,
)
_JAPANESE_WORD = re.compile(r"^(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmrwyjf])?[aiueo]|n)+$", re.I)

KOREAN_SURNAMES = frozenset("""
kim lee park choi jung jeong kang cho jo yoon yun jang lim im han oh seo shin kwon hwang ahn song
yoo yu hong jeon jun ko go moon mun yang son bae baek heo nam shim sim noh roh ha gong chae jin ryu
byun woo kwak sung cha joo ji
""".split())


# Common short or historical place names that CLDR lists only in a longer form.
EXTRA_PLACES = frozenset("""
korea|britain|great britain|america|holland|burma|persia|siam|indochina|saigon|hanoi|seoul|tokyo|
hollywood|silicon valley|wall street|europe|asia|africa|middle east|southeast asia|east asia|
the west|mekong|mekong delta|red river|east sea|south china sea|pacific|atlantic|
busan|incheon|daegu|daejeon|gwangju|ulsan|suwon|jeju|gyeongju|pyongyang|
osaka|kyoto|yokohama|nagoya|sapporo|fukuoka|kobe|hiroshima|okinawa|
beijing|shanghai|hangzhou|shenzhen|guangzhou|bangkok|singapore|kuala lumpur|jakarta|manila
""".replace("\n", "").split("|")) - {""}

# Companies, agencies and media of the news the project reads that spaCy's small model takes
# for places or people ("Netflix", "Uniqlo", "Yonhap"): always organisations.
KNOWN_ORGS = frozenset("""
netflix|disney|youtube|tiktok|facebook|google|apple|amazon|microsoft|samsung|samsung electronics|
hyundai|kia|lg|sk hynix|lotte|cj enm|hybe|naver|kakao|coupang|sony|toyota|honda|nintendo|softbank|
uniqlo|fast retailing|toho|toei|vingroup|vinfast|viettel|vietjet|vietnam airlines|fpt|masan|
yonhap|kyodo|reuters|bloomberg|kbs|mbc|sbs|jtbc|tvn|nhk
""".replace("\n", "").split("|")) - {""}

# Cultural waves and genres that spaCy's small model takes for organisations ("the Hallyu wave"): not
# organisations but names of a movement, MISC.
KNOWN_MISC = frozenset("""
hallyu|korean wave|k-pop|k-drama|k-beauty|j-pop|c-pop|v-pop|j-drama|c-drama
""".replace("\n", "").split("|")) - {""}


def _known_name(name: str) -> tuple[str, str | None] | None:
    """(label, fine label) of a name in ``KNOWN_ORGS`` or ``KNOWN_MISC``, else None."""
    from pipeline.entities import _key

    key = _key(name)
    if key in KNOWN_ORGS:
        return "ORG", "ORG"
    if key in KNOWN_MISC:
        return "MISC", None
    return None


EVENT_HEADS = frozenset("festival games cup awards award olympics championship championships expo summit war".split())
FACILITY_HEADS = frozenset("stadium airport bridge park street road avenue tower square station museum palace temple "
                           "pagoda harbour harbor port arena hall".split())


def _vi_places_folded() -> frozenset[str]:
    """Vietnamese province and district names without diacritics ("Da Nang", "Bac Giang")."""
    from pipeline.entities import _fold, _vi_admin_units

    try:
        return frozenset(_fold(n) for n in _vi_admin_units())
    except ImportError:
        return frozenset()


def is_korean_name(words: list[str]) -> bool:
    """``Yoon Tae Oh``, ``Chae Jong Hyeop``, ``Han Hyo Joo``: a surname and given-name syllables."""
    if not 2 <= len(words) <= 4 or words[0].lower() not in KOREAN_SURNAMES:
        return False
    parts = [p for w in words[1:] for p in w.split("-")]
    return all(p[:1].isupper() or not p[:1].isalpha() for p in words) and all(
        _KOREAN_SYLLABLE.match(p) for p in parts if p)


def is_japanese_name(words: list[str]) -> bool:
    """``Kentaro Sakaguchi``, ``Aoki Jungo``: two words of Japanese syllable shape."""
    return len(words) == 2 and all(len(w) >= 3 and w[:1].isupper() and _JAPANESE_WORD.match(w) for w in words)


def is_japanese_word(w: str) -> bool:
    return len(w) >= 5 and w[:1].isupper() and bool(_JAPANESE_WORD.match(w))


def entities_from_spacy(text: str, doc):
    """EntityMatch list for one English string and its spaCy ``doc``."""
    from pipeline.entities import EntityMatch, _cldr_places, _key, normalize_name

    from pipeline.entities import _fold

    cldr = _cldr_places()
    vi_places = _vi_places_folded()
    spans: list[list] = []  # [start, end, label, fine, source]
    for e in doc.ents:
        if e.label_ in DROPPED or e.label_ not in LABEL_MAP:
            continue
        spans.append([e.start_char, e.end_char, LABEL_MAP[e.label_], e.label_, "spacy"])

    # Tokens as (start, end, text) for the repairs; a hyphenated word spaCy split ("So", "-",
    # "hee") is one token again ("So-hee"), so "Han So-hee" reads as a name.
    toks: list[tuple[int, int, str]] = []
    for t in doc:
        s, e = t.idx, t.idx + len(t.text)
        if (len(toks) >= 2 and toks[-1][2] == "-" and toks[-2][1] == toks[-1][0] and toks[-1][1] == s
                and t.text.isalpha() and toks[-2][2][-1:].isalpha() and t.text.lower() not in NOT_NAME_TAILS):
            start = toks[-2][0]
            toks[-2:] = [(start, e, text[start:e])]
        else:
            toks.append((s, e, t.text))

    def cap_word(s: str) -> bool:
        return s[:1].isupper() and s.replace("-", "").replace("'", "").isalpha() and s not in NOT_NAME_WORDS

    # 1. Sequences of capitalised words (not sentence-initial function words).
    seqs: list[tuple[int, int]] = []  # token index ranges
    i = 0
    while i < len(toks):
        if cap_word(toks[i][2]):
            j = i
            while j + 1 < len(toks) and cap_word(toks[j + 1][2]) and toks[j + 1][0] - toks[j][1] <= 1:
                j += 1
            seqs.append((i, j + 1))
            i = j + 1
        else:
            i += 1

    def overlapping(a: int, b: int) -> list[list]:
        return [s for s in spans if s[0] < b and a < s[1]]

    def put(a: int, b: int, label: str, fine: str, source: str) -> None:
        for s in overlapping(a, b):
            spans.remove(s)
        spans.append([a, b, label, fine, source])

    for x, y in seqs:
        words = [toks[k][2] for k in range(x, y)]
        a, b = toks[x][0], toks[y - 1][1]
        if _key(" ".join(words)) in cldr or _key(" ".join(words)) in EXTRA_PLACES or (
                len(words) >= 2 and _fold(" ".join(words)) in vi_places):
            put(a, b, "LOC", "GPE", "gazetteer:cldr")
            continue
        known = _known_name(" ".join(words))
        if known:
            put(a, b, *known, f"gazetteer:{known[0].lower()}")
            continue
        if is_korean_name(words) or is_japanese_name(words):
            put(a, b, "PER", "PERSON", "rule:foreign-name")
            continue
        cur = overlapping(a, b)
        # 2. Extend a person's span over the whole capitalised sequence.
        if any(s[2] == "PER" for s in cur) and len(words) <= 4:
            put(a, b, "PER", "PERSON", "spacy+rule:extend")
            continue
        # 3. Role word before the name.
        prev = toks[x - 1][2].lower() if x > 0 else ""
        if prev in PERSON_CUES and len(words) <= 4:
            put(a, b, "PER", "PERSON", "rule:person-cue")
            continue
        # A single Japanese-shaped word spaCy took for a group or place ("Sakaguchi").
        if len(words) == 1 and is_japanese_word(words[0]) and all(s[3] in ("NORP", "GPE") for s in cur) \
                and cur and _key(words[0]) not in cldr:
            put(a, b, "PER", "PERSON", "rule:foreign-name")

    # 4. "A (B)": character and actor.
    for m in re.finditer(r"([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}) \(([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})\)", text):
        (a1, b1), (a2, b2) = m.span(1), m.span(2)
        w1, w2 = m.group(1).split(), m.group(2).split()
        if any(w in NOT_NAME_WORDS for w in w1 + w2) or _key(m.group(1)) in cldr or _key(m.group(2)) in cldr:
            continue
        per1 = any(s[2] == "PER" and s[0] <= a1 and b1 <= s[1] for s in spans)
        per2 = any(s[2] == "PER" and s[0] <= a2 and b2 <= s[1] for s in spans)
        if per1 or per2:
            if not per1:
                put(a1, b1, "PER", "PERSON", "rule:paren-name")
            if not per2:
                put(a2, b2, "PER", "PERSON", "rule:paren-name")

    # 5. Quoted title-case phrases are works.
    for m in re.finditer(r"[\"“]([^\"“”]{1,80})[\"”]", text):
        inner = m.group(1).strip()
        words = inner.split()
        if not words or len(words) > 10 or not words[0][:1].isupper():
            continue
        caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        if caps < max(1, len(words) - 2) or caps / len(words) < 0.6:
            continue
        a = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        put(a, a + len(inner), "MISC", "WORK_OF_ART", "rule:quoted-title")

    out = []
    for a, b, label, fine, source in sorted(spans):
        # Trim leading articles, quotes and trailing possessives / punctuation.
        span = text[a:b]
        # (a quoted title keeps its article: "The First Slam Dunk")
        lead = re.match(r"^[\"“”'‘’(]+" if source == "rule:quoted-title" else r"^(?:the |The |[\"“”'‘’(]+)", span)
        if lead and b - a > lead.end():
            a += lead.end()
        span = text[a:b]
        tail = re.search(r"(?:'s|’s|[\"“”'’).,;:])+$", span)
        if tail and tail.start() > 0:
            b = a + tail.start()
        if label == "PER":
            # a title ends at its last role word: "Finance Minister Choi Sang-mok", "Actor Park"
            spans_w = [(a + m.start(), m.group()) for m in re.finditer(r"\S+", text[a:b])]
            cue = max((k for k, (_, w) in enumerate(spans_w[:-1]) if w.lower() in PERSON_CUES), default=-1)
            if cue >= 0:
                a = spans_w[cue + 1][0]
        words = text[a:b].split()
        if label in ("ORG", "LOC", "PER") and words and words[-1].lower() in EVENT_HEADS and len(words) > 1:
            label, fine = "MISC", "EVENT"
        elif label in ("ORG", "PER") and words and words[-1].lower() in FACILITY_HEADS and len(words) > 1:
            label, fine = "LOC", "FAC"
        label, fine = _known_name(text[a:b]) or (label, fine)
        # Names ending in a country after an organisation word: "Netflix Korea" is the firm's branch.
        words = text[a:b].split()
        if label == "LOC" and len(words) >= 2 and (_key(words[-1]) in cldr or _key(words[-1]) in EXTRA_PLACES) and _key(" ".join(words)) not in cldr \
                and _key(words[0]) not in cldr:
            label, fine = "ORG", "ORG"
        if b <= a or not any(c.isalpha() for c in text[a:b]):
            continue
        if out and a < out[-1].end:
            continue
        out.append(EntityMatch(a, b, text[a:b], normalize_name(text[a:b]), label, fine, source))
    return out
