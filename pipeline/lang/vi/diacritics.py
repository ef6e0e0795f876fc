"""Vietnamese letters, tone marks and syllable shapes, as readable tables.

Used by ``pipeline/diacritics.py`` (stripping, tone-mark placement, restoration).
Every table here maps one precomposed (NFC) character to one character, so all the
transformations built on them keep the length of the text.
"""
from __future__ import annotations

# The six tones, in the order of the rows of VOWEL_FORMS:
# level (ngang), grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot below (nặng).
TONES = ("", "grave", "acute", "hook", "tilde", "dot")

# Each vowel "base" (the vowel with its shape mark: breve, circumflex, horn, but no tone)
# followed by its five toned forms, in TONES order.
VOWEL_FORMS = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}

# Vowel base -> the ASCII letter it is written with once every mark is gone.
BASE_TO_ASCII = {
    "a": "a", "ă": "a", "â": "a",
    "e": "e", "ê": "e",
    "i": "i",
    "o": "o", "ô": "o", "ơ": "o",
    "u": "u", "ư": "u",
    "y": "y",
}

# Characters that look like Vietnamese letters but are other code points
# (Icelandic eth, African D): normalized to the Vietnamese letter.
LOOKALIKES = {
    "\u00d0": "\u0110",  # Ð LATIN CAPITAL LETTER ETH -> Đ
    "\u0189": "\u0110",  # Ɖ LATIN CAPITAL LETTER AFRICAN D -> Đ
}

# Initial consonants of Vietnamese syllables (lowercase, stripped), longest first.
INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)

# Final consonants (codas).
FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")

# Vowel nuclei (with their glides) that can occur in a Vietnamese syllable, written
# with shape marks but no tone. A syllable is initial? + nucleus + final?.
# The entries are grouped by whether a final consonant may follow.
NUCLEI_OPEN_ONLY = (
    "ai", "ao", "au", "âu", "ay", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
    "ua", "ui", "ưa", "ưi", "ưu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu",
    "iêu", "yêu", "uya", "uyu", "ưu", "ya",
)
NUCLEI_ANY = (
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "oa", "oă", "oe", "oo", "uâ", "uê", "uy", "uơ", "iê", "yê", "uô", "ươ", "uyê",
)


def _build_char_tables():
    to_ascii: dict[str, str] = {}
    base_of: dict[str, str] = {}
    tone_of: dict[str, int] = {}
    toned: dict[tuple[str, int], str] = {}
    for base, forms in VOWEL_FORMS.items():
        for tone, ch in enumerate(forms):
            for c, b in ((ch, base), (ch.upper(), base.upper())):
                to_ascii[c] = BASE_TO_ASCII[base] if c.islower() else BASE_TO_ASCII[base].upper()
                base_of[c] = b
                tone_of[c] = tone
                toned[(b, tone)] = c
    to_ascii["đ"] = "d"
    to_ascii["Đ"] = "D"
    for k, v in LOOKALIKES.items():
        to_ascii[k] = to_ascii[v]
    return to_ascii, base_of, tone_of, toned


# char -> ASCII letter (every Vietnamese letter with a mark, both cases, and đ/Đ)
STRIP_TABLE, BASE_OF, TONE_OF, TONED = _build_char_tables()

# All letters that may appear in Vietnamese words (lowercase), marks included.
VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđ" + "".join(VOWEL_FORMS.values())
)

# Common Vietnamese family names and name syllables (general knowledge, not from any
# corpus): the restorer prefers them for capitalized stripped syllables (``Nguyen`` ->
# ``Nguyễn``). Counted as proper-name syllables by scripts/build_diacritics_model.py.
FAMILY_NAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn "
    "Vương Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Lưu Quách Thái Châu Đinh Lương Cao Triệu "
    "Mạc Kiều Văn Chu Tăng Lại La Từ Hứa Diệp Giang Khổng Tôn Thân Ông Âu Nghiêm Tiêu"
).split()
NAME_SYLLABLES = (
    "Văn Thị Hữu Đức Công Quang Minh Thanh Thu Hồng Ngọc Thành Anh Tuấn Hùng Dũng Hưng "
    "Hải Hà Hạnh Hương Hoa Hòa Hiền Hiếu Hiệp Hoài Huệ Huy Khánh Khoa Kiên Lan Linh Loan "
    "Long Lộc Mai My Mỹ Nam Nga Ngân Nghĩa Nhung Oanh Phong Phúc Phương Quân Quý Quỳnh "
    "Sơn Tâm Tân Thắng Thảo Thủy Tiến Toàn Trang Trí Trung Tùng Tú Tuyết Vân Việt Vinh "
    "Xuân Yến Bình Cường Chi Diệp Duy Giang Hậu Hiển Hoàng Khang Khôi Lâm Lợi Luân Nhân "
    "Phát Quốc Tài Thiện Thịnh Trọng Tuệ Uyên Vy Đạt Điệp Định Đông Ánh Bảo Châu Diễm"
).split()

# Words that open a caption's credit line when they start a sentence and a colon follows:
# "Anh: Nha san xuat" is "Ảnh: Nhà sản xuất" (photo: the producer), "Nguon:" is "Nguồn:".
CREDIT_WORDS = {"anh": "ảnh", "nguon": "nguồn"}
