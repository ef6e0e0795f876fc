"""Our own news-style money corpus (Duckling style: phrase -> expected amounts).

Each case is a sentence and the exact list of amounts it holds, as
``(span text, amount, currency, qualifier, amount_max, per, equivalent_of)``.
Vietnamese cases are written once, in plain form, and checked in the three
forms the pipeline sees in ``text_norm``: plain, word-segmented (after
normalization: underscores gone, punctuation possibly still spaced by the
segmenter) and diacritic-stripped (restoration failed: ``2,5 ty won``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

R = "range"


@dataclass(frozen=True)
class Case:
    lang: str
    form: str
    text: str
    expected: tuple


VI = [
    # the samples' kinds, reworded
    ("Bộ phim 16 tập có kinh phí 3,2 tỷ won (2,4 triệu USD), khởi quay vào tháng 6.",
     [("3,2 tỷ won", 3.2e9, "KRW", "exact", None, None, None), ("2,4 triệu USD", 2.4e6, "USD", "exact", None, None, 0)]),
    ("Vụ việc khiến hơn 1,75 tỉ đồng bị thất thoát tại huyện.",
     [("hơn 1,75 tỉ đồng", 1.75e9, "VND", "over", None, None, None)]),
    ("Chi phí sản xuất lên đến 12 tỷ won, tính ra trên 500 triệu won/tập.",
     [("12 tỷ won", 12e9, "KRW", "exact", None, None, None), ("trên 500 triệu won/tập", 5e8, "KRW", "over", None, "tập", None)]),
    ("Đài truyền hình hy vọng bán được ít nhất 80 triệu won mỗi tập.",
     [("ít nhất 80 triệu won mỗi tập", 8e7, "KRW", "at_least", None, "tập", None)]),
    ("Giá bản quyền từ 5 đến 7 tỷ won, tùy kênh.",
     [("từ 5 đến 7 tỷ won", 5e9, "KRW", R, 7e9, None, None)]),
    ("Doanh nghiệp nộp phạt 1.900.000 đồng vì vi phạm.",
     [("1.900.000 đồng", 1.9e6, "VND", "exact", None, None, None)]),
    ("Mỗi vé có giá khoảng 250.000 đồng.",
     [("khoảng 250.000 đồng", 250000.0, "VND", "approx", None, None, None)]),
    ("Tập đoàn dự kiến đầu tư gần 2 tỷ USD vào nhà máy.",
     [("gần 2 tỷ USD", 2e9, "USD", "approx", None, None, None)]),
    ("Cầu thủ nhận mức lương dưới 50 triệu đồng/tháng.",
     [("dưới 50 triệu đồng/tháng", 5e7, "VND", "under", None, "tháng", None)]),
    ("Tổng mức đầu tư là 15 nghìn tỷ đồng.",
     [("15 nghìn tỷ đồng", 15e12, "VND", "exact", None, None, None)]),
    ("Anh được thưởng hai mươi mốt nghìn đô la Mỹ.",
     [("hai mươi mốt nghìn đô la Mỹ", 21000.0, "USD", "exact", None, None, None)]),
    ("Căn hộ được rao bán 3 tỷ 500 triệu đồng.",
     [("3 tỷ 500 triệu đồng", 3.5e9, "VND", "exact", None, None, None)]),
    ("Giá vàng miếng lên 82 triệu đồng một lượng.",
     [("82 triệu đồng một lượng", 8.2e7, "VND", "exact", None, "lượng", None)]),
    ("Hãng phim Nhật chi 500 triệu yên cho phần hậu kỳ.",
     [("500 triệu yên", 5e8, "JPY", "exact", None, None, None)]),
    ("Đối tác Trung Quốc góp 30 triệu nhân dân tệ.",
     [("30 triệu nhân dân tệ", 3e7, "CNY", "exact", None, None, None)]),
    ("Câu lạc bộ chi 60 triệu bảng Anh để mua tiền đạo.",
     [("60 triệu bảng Anh", 6e7, "GBP", "exact", None, None, None)]),
    ("Khoản vay 1,2 triệu euro được giải ngân.",
     [("1,2 triệu euro", 1.2e6, "EUR", "exact", None, None, None)]),
    ("Mức phạt không quá 5 triệu đồng.",
     [("không quá 5 triệu đồng", 5e6, "VND", "at_most", None, None, None)]),
    ("Sản phẩm có giá từ 300 nghìn đồng trở lên.",
     [("từ 300 nghìn đồng trở lên", 3e5, "VND", "at_least", None, None, None)]),
    ("Giá cà phê 45.000đ/kg, tăng 2.000đ so với tuần trước.",
     [("45.000đ/kg", 45000.0, "VND", "exact", None, "kg", None), ("2.000đ", 2000.0, "VND", "exact", None, None, None)]),
    ("Doanh thu đạt 2,5 tỷ won, tương đương 1,9 triệu USD.",
     [("2,5 tỷ won", 2.5e9, "KRW", "exact", None, None, None), ("1,9 triệu USD", 1.9e6, "USD", "exact", None, None, 0)]),
    ("Vé xem phim tại Seoul có giá 15.000 won.",
     [("15.000 won", 15000.0, "KRW", "exact", None, None, None)]),
    ("Nhà sản xuất thu về 10 triệu USD từ bản quyền.",
     [("10 triệu USD", 1e7, "USD", "exact", None, None, None)]),
    ("Giá thuê khoảng 1.000-1.500 USD mỗi tháng.",
     [("khoảng 1.000-1.500 USD mỗi tháng", 1000.0, "USD", R, 1500.0, "tháng", None)]),
    ("Số tiền bị chiếm đoạt ước tính 3 triệu rưỡi đồng.",
     [("ước tính 3 triệu rưỡi đồng", 3.5e6, "VND", "approx", None, None, None)]),
    # not money
    ("Sê-ri phim có 5 tập, mỗi tập dài 17 phút.", []),
    ("Cụ bà qua đời ngày 17.9, hưởng thọ 96 tuổi.", []),
    ("Đám cháy xảy ra tại ngõ 58 Trần Bình vào năm 2003.", []),
    ("Sau hơn 8 tháng quay, phim lọt top 10 năm 2004.", []),
    ("Liên hệ số 0912 345 678 để được tư vấn.", []),
    ("Người dân yên tâm vì bảng xếp hạng có 3 phim Hàn.", []),
    ("Vụ thất thoát tiền tỉ, hàng trăm triệu đồng chưa thu hồi.", []),
    ("Bộ phim 24 tập quay ở 2 quốc gia trong 12 tháng.", []),
]

EN = [
    ("The drama cost 2.5 billion won ($1.9 million) to produce.",
     [("2.5 billion won", 2.5e9, "KRW", "exact", None, None, None), ("$1.9 million", 1.9e6, "USD", "exact", None, None, 0)]),
    ("Each episode cost $2 million per episode to make.",
     [("$2 million per episode", 2e6, "USD", "exact", None, "episode", None)]),
    ("Producers expect to sell it for at least 100 million won per episode.",
     [("at least 100 million won per episode", 1e8, "KRW", "at_least", None, "episode", None)]),
    ("The budget was between $5-7 million, sources said.",
     [("between $5-7 million", 5e6, "USD", R, 7e6, None, None)]),
    ("The studio raised more than $1.2 billion last year.",
     [("more than $1.2 billion", 1.2e9, "USD", "over", None, None, None)]),
    ("Revenue reached 1,900,000 dollars in March.",
     [("1,900,000 dollars", 1.9e6, "USD", "exact", None, None, None)]),
    ("The firm was fined nearly €3bn by regulators.",
     [("nearly €3bn", 3e9, "EUR", "approx", None, None, None)]),
    ("Tickets cost under £5 each.",
     [("under £5", 5.0, "GBP", "under", None, None, None)]),
    ("The Chinese partner put in 20 million yuan.",
     [("20 million yuan", 2e7, "CNY", "exact", None, None, None)]),
    ("Shares rose to $3.45 a share on Friday.",
     [("$3.45 a share", 3.45, "USD", "exact", None, "share", None)]),
    ("The fund holds US$12.5 million in cash.",
     [("US$12.5 million", 1.25e7, "USD", "exact", None, None, None)]),
    ("Seoul spent about 300 billion won ($225 million) on the project.",
     [("about 300 billion won", 3e11, "KRW", "approx", None, None, None), ("$225 million", 2.25e8, "USD", "exact", None, None, 0)]),
    ("A ticket costs 12,000 won at the box office.",
     [("12,000 won", 12000.0, "KRW", "exact", None, None, None)]),
    ("The actor was paid ten thousand dollars.",
     [("ten thousand dollars", 1e4, "USD", "exact", None, None, None)]),
    ("Salaries of up to 20 million yen a year were offered.",
     [("up to 20 million yen a year", 2e7, "JPY", "at_most", None, "year", None)]),
    ("The deal is worth 2.5bn yuan, or about $350m.",
     [("2.5bn yuan", 2.5e9, "CNY", "exact", None, None, None), ("about $350m", 3.5e8, "USD", "approx", None, None, 0)]),
    ("Vietnam's exports hit 3,5 tỷ USD, the report says.",
     [("3,5 tỷ USD", 3.5e9, "USD", "exact", None, None, None)]),
    # not money
    ("Samsung won 3 awards and the team of 11 won the final.", []),
    ("It has been on Netflix's top 10 list for five consecutive weeks.", []),
    ("They meet again after 5 years of separation, on September 27.", []),
    ("The temperature hit 10 C and the baby weighed 10 pounds of pure joy.", []),
    ("Cinderella at 2AM has a rating below 1%.", []),
]


def fold_keep_case(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s.replace("đ", "d").replace("Đ", "D"))


_PUNCT = re.compile(r"(?<!\d)([,;:()/])|([,;:()/])(?!\d)")


def space_punct(s: str) -> str:
    """Punctuation as a Vietnamese word segmenter leaves it: ``won / tập``, ``USD )``."""
    s = _PUNCT.sub(lambda m: f" {m.group(1) or m.group(2)} ", s)
    return re.sub(r" {2,}", " ", s).strip()


def _transform(expected, f):
    return tuple(
        (f(t), amount, cur, q, mx, (f(per) if per else None), eq) for t, amount, cur, q, mx, per, eq in expected
    )


def all_cases() -> list[Case]:
    out = []
    for text, exp in VI:
        out.append(Case("vi", "plain", text, tuple(tuple(e) for e in exp)))
        out.append(Case("vi", "segmented", space_punct(text), _transform(exp, space_punct)))
        out.append(Case("vi", "no_diacritics", fold_keep_case(text), _transform(exp, fold_keep_case)))
    for text, exp in EN:
        out.append(Case("en", "plain", text, tuple(tuple(e) for e in exp)))
    return out
