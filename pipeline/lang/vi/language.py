"""Vietnamese letter and syllable data used to tell languages and forms apart.

The syllable pattern is the phonotactics of a Vietnamese syllable written
without diacritics: an optional onset, a vowel nucleus and an optional coda.
It lets the form detector recognise `Su ket hop cua dien vien` as Vietnamese
whose diacritics were stripped, while `combination`, `Japanese` or `Eye`
are not possible Vietnamese syllables.
"""

# Letters that only Vietnamese (among the languages we meet) writes:
# vowels with breve/circumflex/horn, đ, and vowels with Vietnamese tone marks.
VIETNAMESE_ONLY_LETTERS = frozenset(
    "ăâđêôơư"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ĂÂĐÊÔƠƯ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
)

# Written onsets (initial consonants), longest first.
ONSETS = ("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
          "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")

# Written vowel nuclei (with glides), stripped of diacritics.
NUCLEI = ("uyen", "uye", "uya", "uyu", "oai", "oay", "oeo", "uay", "uoi", "uou", "ieu", "yeu",
          "uya", "oa", "oe", "uy", "ua", "uo", "ue", "ui", "ia", "ie", "ye", "ai", "ao", "au",
          "ay", "eo", "eu", "iu", "oi", "ou", "ue", "ui", "uu", "ua", "uu", "yu",
          "a", "e", "i", "o", "u", "y")

# Written codas.
CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")

# Very frequent Vietnamese function words written without diacritics; a
# segment made mostly of possible syllables and holding some of these is
# Vietnamese whose diacritics were stripped.
STRIPPED_FUNCTION_WORDS = frozenset({
    "cua", "va", "cac", "nhung", "trong", "duoc", "khong", "la", "co", "cho", "nguoi",
    "voi", "mot", "nhieu", "da", "dang", "se", "tai", "tu", "den", "nay", "khi", "ve",
    "cung", "nhu", "nam", "ngay", "thang", "theo", "sau", "truoc", "tren", "duoi",
    "ra", "vao", "len", "thi", "ma", "de", "boi", "nen", "vi", "bi", "hon", "rat",
    "anh", "chi", "em", "ong", "ba", "phim", "nha", "viec", "dieu", "cau", "chuyen",
})
