"""Vietnamese data for the entity catalog (see :mod:`pipeline.entity_catalog`).

CLDR (through Babel) gives every country its official Vietnamese name (``Hoa Kỳ``,
``Hàn Quốc``); the press uses others too. This table lists the common ones,
each mapped to its ISO 3166 code. Only real names belong here: nicknames and
epithets such as ``xứ kim chi`` or ``xứ sở hoa anh đào`` are not names and are
never linked.
"""
from __future__ import annotations

# Press name (as written, any case) -> ISO 3166-1 alpha-2 code.
PLACE_ALIASES: dict[str, str] = {
    "Mỹ": "US",
    "Hợp chúng quốc Hoa Kỳ": "US",
    "Hàn": "KR",  # "phim Hàn", "người Hàn": Korea, when tagged as a place
    "Nam Hàn": "KR",
    "Đại Hàn": "KR",
    "Đại Hàn Dân Quốc": "KR",
    "Bắc Hàn": "KP",
    "Bắc Triều Tiên": "KP",
    "Nhật": "JP",
    "Trung Hoa": "CN",
    "Anh": "GB",  # only when tagged as a place: "anh" is also a pronoun and a title
    "Anh quốc": "GB",
    "Liên bang Nga": "RU",
    "Xô Viết": "SU",
    "Liên Xô": "SU",
    "Ấn": "IN",
    "Úc": "AU",
    "Thái": "TH",
    "Đài": "TW",
    "Hồng Kông": "HK",
    "Hương Cảng": "HK",
    "Ma Cao": "MO",
    "Tân Gia Ba": "SG",
    "Xin-ga-po": "SG",
    "Lào": "LA",
    "Cam-pu-chia": "KH",
    "Campuchia": "KH",
    "Miến Điện": "MM",
    "Phi": "PH",
    "Philippines": "PH",
    "In-đô-nê-xi-a": "ID",
    "Indonesia": "ID",
    "Ma-lai-xi-a": "MY",
    "Malaysia": "MY",
    "Thụy Sĩ": "CH",
    "Thuỵ Sĩ": "CH",
    "Thụy Điển": "SE",
    "Hà Lan": "NL",
    "Tây Ban Nha": "ES",
    "Bồ Đào Nha": "PT",
    "Ý": "IT",
    "I-ta-li-a": "IT",
    "Cộng hòa Pháp": "FR",
    "Cộng hòa Liên bang Đức": "DE",
    "Tây Đức": "DE",
    "Việt": "VN",  # only when tagged as a place; the ethnonym is MISC and stays apart
    "VN": "VN",
    "Cộng hòa xã hội chủ nghĩa Việt Nam": "VN",
}
