"""Vietnamese sentence-splitting data.

Abbreviations that end with a period but do not end a sentence
(compared case-sensitively, without the final period).
"""

ABBREVIATIONS = frozenset({
    "TP", "Tp", "tp",          # thành phố (TP. Hồ Chí Minh)
    "TS", "ThS", "PGS", "GS",  # academic titles
    "BS", "KS", "NSƯT", "NSND", "Th.S",
    "Q", "P", "H", "X",        # quận, phường, huyện, xã (Q.1, P. Bến Nghé)
    "St", "Mr", "Mrs", "Ms", "Dr",
    "v.v",                     # vân vân
})
