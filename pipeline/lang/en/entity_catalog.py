"""English data for the entity catalog (see :mod:`pipeline.entity_catalog`).

CLDR (through Babel) gives the official English names (``United States``,
``South Korea``); these are the other names the press uses, mapped to ISO
3166 codes. A leading ``the`` is ignored before lookup.
"""
from __future__ import annotations

# Press name (as written, any case; "the" dropped) -> ISO 3166-1 alpha-2 code.
PLACE_ALIASES: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "Korea": "KR",  # the press's "Korea" is the South
    "Republic of Korea": "KR",
    "ROK": "KR",
    "DPRK": "KP",
    "Democratic People's Republic of Korea": "KP",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Holland": "NL",
    "Burma": "MM",
    "Viet Nam": "VN",
    "Czech Republic": "CZ",
    "Soviet Union": "SU",
    "USSR": "SU",
    "People's Republic of China": "CN",
    "PRC": "CN",
    "Mainland China": "CN",
    "Hong Kong SAR": "HK",
    "Macau": "MO",
    "UAE": "AE",
}

# Words skipped when the initials of an organisation's name are compared with an acronym.
ACRONYM_STOPWORDS: frozenset[str] = frozenset({"of", "and", "the", "for", "&", "de", "và", "la", "le"})
