"""English money vocabulary, read by :mod:`pipeline.money`.

CLDR (through Babel) gives every ISO 4217 code and the English currency names
(``US dollars``, ``South Korean won``, ``Qatari riyals``) and symbols; this file
adds press usage and the words around amounts. Entries are
``(surface, ISO code or None, options)``; options:

* ``prefix``: may stand before the number (``Rs 20``);
* ``needs_amount``: only after a number with a scale word (``5 billion won``)
  or a grouped figure of at least 1,000 (``500,000 won``): ``won`` is also the
  past tense of "win" (``the 11 won``, ``won 3 awards``);
* ``not_before_of``: ``10 pounds of rice`` is a weight, not money;
* ``lower_only``: match only as written (``c`` for cents, not ``C`` for Celsius).
"""

LANG = "en"
BABEL_LOCALE = "en"

CURRENCY_WORDS = [
    ("dollar", "USD", ""), ("dollars", "USD", ""),
    ("US dollar", "USD", ""), ("US dollars", "USD", ""),
    ("U.S. dollar", "USD", ""), ("U.S. dollars", "USD", ""),
    ("American dollars", "USD", ""),
    # Duckling leaves ``bucks`` without a currency; in news it means US dollars.
    ("buck", "USD", ""), ("bucks", "USD", ""),
    ("euro", "EUR", ""), ("euros", "EUR", ""),
    ("pound", "GBP", "not_before_of"), ("pounds", "GBP", "not_before_of"),
    ("pound sterling", "GBP", ""), ("pounds sterling", "GBP", ""), ("sterling", "GBP", ""),
    ("yen", "JPY", ""),
    ("yuan", "CNY", ""), ("renminbi", "CNY", ""), ("RMB", "CNY", "prefix"),
    ("won", "KRW", "needs_amount"),
    ("Korean won", "KRW", ""),
    ("dong", "VND", ""), ("VND", "VND", "prefix"), ("VNĐ", "VND", "prefix"),
    ("rupee", "INR", ""), ("rupees", "INR", ""),
    ("Rs", "INR", "prefix"), ("Rs.", "INR", "prefix"),
    ("ringgit", "MYR", ""), ("ringgits", "MYR", ""),
    ("shekel", "ILS", ""), ("shekels", "ILS", ""),
    ("tugrik", "MNT", ""), ("tugriks", "MNT", ""),
    ("hryvnia", "UAH", ""), ("hryvnias", "UAH", ""),
    ("baht", "THB", ""), ("rouble", "RUB", ""), ("roubles", "RUB", ""),
    ("ruble", "RUB", ""), ("rubles", "RUB", ""),
    # Names shared by several currencies: the amount is money, the currency is not named.
    ("rial", None, ""), ("rials", None, ""), ("riyal", None, ""), ("riyals", None, ""),
    ("dinar", None, ""), ("dinars", None, ""), ("peso", None, ""), ("pesos", None, ""),
    ("franc", None, ""), ("francs", None, ""),
]

# Minor units after a main amount: ``1 dollar and forty-two cents``, ``3 GBP 1 pence``.
SUBUNITS = {
    "cent": 0.01, "cents": 0.01, "c": 0.01, "¢": 0.01, "penny": 0.01, "pennies": 0.01,
    "pence": 0.01, "p": 0.01, "sen": 0.01, "sens": 0.01, "kopiyka": 0.01, "kopiykas": 0.01,
    "kopecks": 0.01, "kopeks": 0.01, "paise": 0.01,
}
# Minor units that are an amount by themselves: ``10 cents`` = 0.10 USD.
STANDALONE_SUBUNITS = [
    ("cent", "USD", 0.01), ("cents", "USD", 0.01), ("c", "USD", 0.01), ("¢", "USD", 0.01),
    ("penny", "USD", 0.01), ("pennies", "USD", 0.01), ("pence", "GBP", 0.01),
]
SUBUNIT_JOINERS = ["and"]

QUALIFIERS_BEFORE = [
    ("more than", "over"), ("over", "over"), ("above", "over"), ("in excess of", "over"),
    ("upwards of", "over"), ("just over", "over"), ("greater than", "over"), ("exceeding", "over"),
    ("about", "approx"), ("around", "approx"), ("approximately", "approx"), ("roughly", "approx"),
    ("nearly", "approx"), ("almost", "approx"), ("close to", "approx"), ("some", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("circa", "approx"), ("~", "approx"),
    ("at least", "at_least"), ("no less than", "at_least"), ("not less than", "at_least"),
    ("a minimum of", "at_least"),
    ("under", "under"), ("less than", "under"), ("below", "under"), ("just under", "under"),
    ("lower than", "under"),
    ("at most", "at_most"), ("no more than", "at_most"), ("not more than", "at_most"),
    ("up to", "at_most"), ("a maximum of", "at_most"), ("not exceeding", "at_most"),
    ("exactly", "exact"), ("precisely", "exact"),
]
QUALIFIERS_AFTER = [("or more", "at_least"), ("or less", "at_most"), ("or above", "at_least"), ("or below", "at_most")]
FROM_WORDS: list[str] = []

RANGE_OPENERS = ["from", "between"]
RANGE_JOINERS = ["-", "–", "—", "~", "to"]
RANGE_AND = ["and"]

PER_MARKERS = ["/", "per", "each", "for each", "for every"]
PER_MARKERS_RESTRICTED = ["a", "an"]
PER_UNITS = [
    "day", "week", "month", "quarter", "year", "hour", "minute", "share", "head", "person",
    "episode", "night", "barrel", "ounce", "ton", "tonne", "kilogram", "kg", "litre", "liter",
    "gallon", "piece", "unit", "ticket", "seat", "game", "season", "match", "film", "movie",
]
PER_MULTIWORD = ["square metre", "square meter", "square foot", "square feet"]

EQUIVALENCE_MARKERS = ["or", "or about", "or around", "about", "around", "roughly", "equivalent to", "equal to", "i.e."]
