"""English number vocabulary, read by the shared grammar in :mod:`pipeline.numbers`."""

LANG = "en"

# (regex over the whole token, thousands separator, decimal mark, needs_scale)
# English writes ``1,900,000`` and ``1.9``. ``1.900.000`` (two dot groups) can
# only be continental grouping, so it is read as such.
DIGIT_FORMATS = [
    (r"\d+", None, None, False),
    (r"\d{1,3}(?:,\d{3})+", ",", None, False),
    (r"\d{1,3}(?:,\d{3})+\.\d+", ",", ".", False),
    (r"\d+\.\d+", None, ".", False),
    (r"\.\d+", None, ".", False),
    (r"\d{1,3}(?:\.\d{3}){2,}", ".", None, False),
]

DIGITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
# Addends that stand for themselves.
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDRED = {"hundred": 100}
FILLERS = {"and"}  # ``one hundred and five``; only between number words
# ``a``/``an`` are 1 only before ``hundred``/``thousand``/``million``...
ARTICLES = {"a", "an"}
SCALES = {
    "thousand": 1e3,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
    "million": 1e6, "mln": 1e6, "mn": 1e6,
    "crore": 1e7, "crores": 1e7,
    "billion": 1e9, "bln": 1e9, "bn": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
HALF = set()
# Glued shorthands after digits: ``10k``, ``$1.9m``, ``2.5bn``, ``$3B``.
SUFFIXES = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "G": 1e9,
}
DECIMAL_WORDS = {"point"}
NEGATIVE_WORDS = {"minus", "negative"}
NOT_ALONE = set()
