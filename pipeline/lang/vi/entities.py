"""Vietnamese vocabulary for named-entity recognition (see :mod:`pipeline.entities`).

All entries are lower case; multi-word entries are written with single spaces.
Conventions follow ``shared/corpus/vi_ner_dev.README.md``: spans hold the name
only; person titles and common heads of places are left out of the span, while
the head of an organisation's own name stays inside it.
"""
from __future__ import annotations

# Titles and roles before a person's name: left out of the span, imply PER.
PERSON_TITLES: frozenset[str] = frozenset("""
ông|bà|anh|chị|em|cô|chú|bác|cậu|cụ|cụ bà|cụ ông|bé|cháu|dì|thím|mợ|thằng|lão|chàng|nàng|ả|mụ|o|
đồng chí|ngài|quý ông|quý bà|tiến sĩ|thạc sĩ|giáo sư|phó giáo sư|pgs|gs|ts|ths|pgs.ts|gs.ts|bác sĩ|bs|
luật sư|ls|kỹ sư|kĩ sư|ks|nhà báo|nhà văn|nhà thơ|nhà nghiên cứu|nhà sử học|nhà khoa học|nhạc sĩ|ca sĩ|
họa sĩ|hoạ sĩ|nghệ sĩ|nsưt|nsnd|nghệ sĩ nhân dân|nghệ sĩ ưu tú|diễn viên|nữ diễn viên|nam diễn viên|
đạo diễn|nhà sản xuất|biên kịch|vận động viên|vđv|cầu thủ|thủ môn|tiền đạo|hậu vệ|tiền vệ|hlv|
huấn luyện viên|chủ tịch|phó chủ tịch|tổng thống|phó tổng thống|thủ tướng|phó thủ tướng|bộ trưởng|
thứ trưởng|giám đốc|phó giám đốc|tổng giám đốc|tgđ|gđ|tổng bí thư|bí thư|phó bí thư|chủ nhiệm|
đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|trung tá|thiếu tá|đại úy|đại uý|
thượng úy|trung úy|thiếu úy|trung sĩ|hạ sĩ|binh nhì|binh nhất|chiến sĩ|liệt sĩ|đại sứ|hoàng đế|vua|
hoàng tử|công chúa|nữ hoàng|thái tử|hoàng hậu|phu nhân|thầy|thầy giáo|cô giáo|linh mục|hòa thượng|
thượng tọa|đại đức|sư|sư thầy|ni cô|mục sư|thẩm phán|kiểm sát viên|điều tra viên|thi sĩ|văn sĩ|tác giả|
phóng viên|pv|trưởng phòng|trưởng ban|trưởng công an|chánh án|viện trưởng|hiệu trưởng|hiệu phó|
tài tử|minh tinh|siêu mẫu|người mẫu|hoa hậu|á hậu|nhà thiết kế|doanh nhân|tỷ phú|tỉ phú|
danh thủ|tay vợt|võ sĩ|kỳ thủ|nhà vô địch|ứng viên|thượng nghị sĩ|nghị sĩ|đại biểu|thống đốc|
thị trưởng|ngoại trưởng|tổng tư lệnh|tư lệnh|chính ủy|chính uỷ|chỉ huy|trưởng đoàn|trưởng thôn|
trưởng ấp|trưởng bản|già làng|chủ quán|chủ nhà|chủ hộ|chủ tiệm|chủ doanh nghiệp|bị cáo|bị can|
nghi phạm|nghi can|đối tượng|nạn nhân|cháu bé|bé gái|bé trai|cô gái|chàng trai|cô bé|cậu bé|
nhà sư|nữ sĩ|nhà giáo|nhà hoạt động|nhà đầu tư|nhà vật lý|nhà toán học|nhà triết học|nhà văn hóa|
nhà cách mạng|nhà thám hiểm|nhà soạn nhạc|nhạc trưởng|vũ công|biên tập viên|btv|phát ngôn viên|
người phát ngôn|cố|cựu|tân|mr|mrs|ms|dr|sir|nữ|nam|vợ|chồng|con trai|con gái|mẹ|bố|cha|ba|má|
thám tử|thư ký|thư kí|trợ lý|trợ lí|vợ chồng|anh em|chị em|mẹ con|bố con|cha con
""".replace("\n", "").split("|")) - {""}

# Titles of address and kinship: before a place-like word it is still a person's name ("chị Mỹ",
# "anh Hà"); after a role ("tổng thống Mỹ", "đại sứ Pháp") a country's name stays a place.
KINSHIP_TITLES: frozenset[str] = frozenset("""
ông|bà|anh|chị|em|cô|chú|bác|cậu|cụ|cụ bà|cụ ông|bé|cháu|dì|thím|mợ|thằng|lão|chàng|nàng|ả|mụ|o|
vợ|chồng|con trai|con gái|mẹ|bố|cha|ba|má|nữ|nam|mr|mrs|ms|sir|cô gái|chàng trai|cô bé|cậu bé|
bé gái|bé trai|cháu bé|thầy|cô giáo|thầy giáo|vợ chồng|anh em|chị em|mẹ con|bố con|cha con|đồng chí
""".replace("\n", "").split("|")) - {""}

# Heads of place names: left out of the span, imply LOC.
LOC_HEADS: frozenset[str] = frozenset("""
tỉnh|huyện|quận|xã|phường|thị trấn|thị xã|thành phố|tp|tp.|thủ đô|đường|phố|ngõ|ngách|hẻm|kiệt|sông|
núi|đảo|quần đảo|cầu|mũi|vịnh|động|hồ|đèo|làng|thôn|ấp|bản|xóm|buôn|khu phố|vùng|nước|bang|tiểu bang|
sân bay|cảng|bến|ga|chợ|đầm|suối|thác|rừng|vườn quốc gia|khu du lịch|đại lộ|phá|cửa khẩu|đồi|dãy|
dãy núi|cao nguyên|bán đảo|hầm|tp.hcm|cù lao|bến đò|bến phà|bến xe|khu tập thể|ktx|
ký túc xá|kí túc xá|nhà giam|trại giam
""".replace("\n", "").split("|")) - {"", "tp.hcm"}

# Heads of administrative units (their names are matched even in lower case: "huyện bình chánh").
ADMIN_HEADS: frozenset[str] = frozenset(
    ["tỉnh", "huyện", "quận", "xã", "phường", "thị trấn", "thị xã", "thành phố", "tp", "tp."]
)

# Heads kept inside a place name (direction and continent names, numbered roads).
LOC_KEPT_HEADS: frozenset[str] = frozenset(
    ["miền", "châu", "biển", "quốc lộ", "tỉnh lộ", "đường cao tốc", "cao tốc", "vành đai"]
)
# Loc heads that stay in the span when what follows is only a number ("quận 1").
LOC_NUMBERED_HEADS: frozenset[str] = frozenset(
    ["quận", "phường", "quốc lộ", "tỉnh lộ", "đường", "khu", "lô", "vành đai", "trạm"]
)

# Heads of an organisation's own name: kept inside the span, imply ORG.
ORG_HEADS: frozenset[str] = frozenset("""
ubnd|hđnd|ủy ban|uỷ ban|ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|ban|bộ|sở|phòng|cục|tổng cục|
chi cục|viện|học viện|trường|trường đại học|đại học|đh|cao đẳng|bệnh viện|bv|công ty|cty|tổng công ty|
tập đoàn|ngân hàng|nh|hội|hiệp hội|liên đoàn|đảng|quốc hội|tòa án|toà án|tand|viện kiểm sát|vksnd|
công an|ca|bộ tư lệnh|quân đoàn|sư đoàn|lữ đoàn|trung đoàn|quân khu|trung tâm|câu lạc bộ|clb|
đài truyền hình|nhà xuất bản|nxb|hãng phim|liên hiệp|tổng liên đoàn|mặt trận|thông tấn xã|
hợp tác xã|htx|nhà máy|xí nghiệp|quỹ|văn phòng|kho bạc|chi nhánh|đoàn|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|
huyện ủy|huyện uỷ|quận ủy|quận uỷ|đảng ủy|đảng uỷ|ban quản lý|bql|bộ chỉ huy|công đoàn|
đội tuyển|tổ chức|liên minh|cơ quan|ủy ban olympic|hạm đội|binh đoàn|tiểu đoàn|đại đội|
đài phát thanh|nhà hát|bảo tàng|thư viện|tổng lãnh sự quán|lãnh sự quán|đại sứ quán|
trường thpt|trường thcs|trường tiểu học|trường mầm non|thpt|thcs|sở giao dịch|vụ|ủy ban trung ương
""".replace("\n", "").split("|")) - {""}

# Lower-case words that end an organisation's name ("Bệnh viện Nhi trung ương").
ORG_TRAILERS: frozenset[str] = frozenset(["trung ương", "tw", "t.ư"])

# Heads of organisation names left out of the span (newspapers, firms, restaurants).
ORG_STRIP_HEADS: frozenset[str] = frozenset("""
báo|tờ|tờ báo|tạp chí|hãng|hãng tin|nhà hàng|quán|khách sạn|kênh|đài|nhãn hàng|thương hiệu|đội|
câu lạc bộ bóng đá|hãng hàng không|hãng thông tấn|trang|website|mạng|báo điện tử|trang web|nhật báo|tuần báo|
tờ nhật báo
""".replace("\n", "").split("|")) - {""}

# Words connecting parts of an organisation's name.
ORG_CONNECTORS: frozenset[str] = frozenset(
    ["&", "tỉnh", "huyện", "quận", "xã", "phường", "thành phố", "tp", "tp.", "thị xã", "thị trấn", "và", "-"]
)

# Words after which a lone capitalised syllable is a place, not a person ("ở Huế", "lên Mát").
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    ["ở", "tại", "sang", "lên", "xuống", "hướng", "khắp", "rời", "quanh", "đi", "miệt", "vùng", "khu vực",
     "xứ", "miền"]
)
# Compass points: after "phía" / "phương" they are directions, not given names ("phía Nam", but "phía Bình").
DIRECTIONS: frozenset[str] = frozenset(["đông", "tây", "nam", "bắc"])
DIRECTION_NOUNS: frozenset[str] = frozenset(["phía", "phương", "hướng", "mạn"])

# Heads of a department or ministry, before which ``ORG_FULL_NAMES`` are read ("bộ Tài chính").
DEPARTMENT_HEADS: frozenset[str] = frozenset(
    ["bộ", "sở", "phòng", "ban", "vụ", "cục", "tổng cục", "chi cục", "ủy ban", "uỷ ban", "viện", "học viện",
     "trường", "trường đại học", "đại học", "khoa"]
)

# Nouns announcing a work's title ("phim X", "bộ phim 'X'"): the title is MISC / WORK_OF_ART.
WORK_NOUNS: frozenset[str] = frozenset("""
phim|bộ phim|sê-ri|series|phim truyền hình|tiểu thuyết|sách|cuốn|cuốn sách|ca khúc|bài hát|album|
chương trình|vở|vở kịch|tác phẩm|truyện|game|trò chơi|bức tranh|tranh|bài thơ|tập thơ|ký sự|
phim tài liệu|show|gameshow|mv|đĩa nhạc|tựa
""".replace("\n", "").split("|")) - {""}

# Genre words between a work noun and its title ("tác phẩm dã sử Dae Jang Geum", "phim hài Bố già"): with one
# of them after a work noun, a capitalised name that follows is the work's title, not a person or a place.
WORK_GENRES: frozenset[str] = frozenset("""
dã sử|cổ trang|hài|hài hước|kinh dị|hành động|tình cảm|tâm lý|hoạt hình|tài liệu|trinh thám|lịch sử|
ngôn tình|võ hiệp|kiếm hiệp|viễn tưởng|khoa học viễn tưởng|chiến tranh|gia đình|ca nhạc|điện ảnh|
truyền hình|thần thoại|cổ tích|phiêu lưu|giả tưởng|lãng mạn|thiếu nhi
""".replace("\n", "").split("|")) - {""}

# Middle names that mark a personal full name ("Bùi Văn Luyến", "Lã Thị Kim Oanh").
MIDDLE_NAMES: frozenset[str] = frozenset(["văn", "thị"])

# Organisation heads that are also common nouns: before a person's name they are not part of a name
# ("vụ Lã Thị Kim Oanh": the Lã Thị Kim Oanh case; "cơ quan Nhu": Nhu's office).
AMBIGUOUS_ORG_HEADS: frozenset[str] = frozenset(["vụ", "cơ quan", "văn phòng", "đoàn", "phòng", "nhà"])

# Words that do not name an organisation after its head ("UBND TP", "công ty TNHH"): generic.
GENERIC_AFTER_ORG_HEADS: frozenset[str] = frozenset(
    "tp tp. thành phố tỉnh huyện quận xã phường tw trung ương tnhh cp mtv cổ phần nhà nước".split()
)

# Words that name no place after an organisation head: "ủy ban xã", "UBND TP" are generic (not
# "nhà nước": "Ngân hàng Nhà nước" is the State Bank).
GENERIC_PLACE_WORDS: frozenset[str] = frozenset(
    ["tp", "tp.", ".", "thành", "phố", "tỉnh", "huyện", "quận", "xã", "phường", "thị", "trấn"]
)

# Heads of organisations never named after a person (unlike "trường Lê Quý Đôn", "bệnh viện Trưng
# Vương"): a personal name after one, in a role's phrase, is the office holder ("Bộ trưởng bộ Y tế Trần Thị Chiến").
UNNAMED_ORG_HEADS: frozenset[str] = frozenset(
    "bộ sở vụ cục ubnd hđnd ủy uỷ thành tỉnh huyện quận đảng tổng chi ban viện tòa toà tand vksnd".split()
)

# Occupations that are no titles of a person (the rules do not read them as one) but are a role all the
# same: never the start of an organisation's name ("sv cao đẳng Công nghiệp": a student of the college).
OCCUPATION_ROLES: frozenset[str] = frozenset(
    "sinh viên|sv|học sinh|hs|giáo viên|gv|giảng viên|nghiên cứu sinh|ncs|học viên|cán bộ|nhân viên".split("|")
)

# Words before "Nam" / "Bắc" that make them the South / the North ("vào Nam", "ngoài Bắc").
REGION_MOVES: frozenset[str] = frozenset(["vào", "ra", "trong", "ngoài"])

# Words of PERSON_TITLES that also open names of places and organisations ("Tân Bình", "Cựu chiến binh"):
# not roles to cut off the front of such a name.
NOT_ROLES: frozenset[str] = frozenset(["cố", "cựu", "tân", "sư", "vua", "o", "ả", "chàng", "nàng", "lão", "mụ", "cụ"])

# Nouns before a country's name that make it a nationality or a language ("tiếng Anh", "người Anh").
NATIONALITY_NOUNS: frozenset[str] = frozenset(["tiếng", "người", "dân", "nước", "lính", "quân", "hàng", "phía"])

# Event nouns kept inside the event's name, which is MISC ("cách mạng Tháng Tám", "Tết Trung thu").
EVENT_HEADS_KEPT: frozenset[str] = frozenset(["cách mạng", "tết"])

# Verbs of what an organisation does, and tense words, that never stand inside its name: an organisation
# span runs no further ("Bộ Quốc phòng phối hợp tuần tra ...", "nhà xuất bản Công an nhân dân ấn hành").
# Verbs that do stand in names are left out ("điều tra", "phát triển", "quản lý", "biểu diễn", "nghiên cứu").
ORG_END_VERBS: frozenset[str] = frozenset("""
phối hợp|hướng dẫn|hỗ trợ|ấn hành|chế tạo|tổng kết|khai giảng|lai tạo|phát động|xuất quân|ước tính|
chủ trì|cảnh báo|cho biết|công bố|ban hành|kiến nghị|đề nghị|yêu cầu|thông báo|khẳng định|triển khai|
phát hành|tiếp nhận|khánh thành|xác nhận|quyết định|phát hiện|dự báo|tuần tra|cập cảng|tổ chức|
đến|vừa|đã|sẽ|đang
""".replace("\n", "").split("|")) - {""}

# Clause words never inside a name (none in the 26,000 gold spans): a span over one is two names or none
# ("Tết Nguyên đán thì Tết Trung thu" is two holidays).
CLAUSE_WORDS: frozenset[str] = frozenset(["thì", "mà", "nhưng", "cũng", "vẫn", "khi", "nếu"])

# A name ends before a time expression run into it: a time word before a number ("Đảng năm 1960",
# "Quốc hội tháng 10") or a day word ("sở kế hoạch & đầu tư hôm qua").
TIME_WORDS_BEFORE_NUMBER: frozenset[str] = frozenset(["năm", "tháng", "ngày", "tuần", "quý", "giờ"])
TIME_PHRASES: frozenset[str] = frozenset("""
hôm qua|hôm nay|hôm kia|sáng nay|trưa nay|chiều nay|tối nay|đêm nay|sáng qua|chiều qua|tối qua|đêm qua|
ngày mai|sáng mai|năm nay|năm ngoái|năm qua|tháng này|tháng trước|tuần này|tuần trước|tuần qua
""".replace("\n", "").split("|")) - {""}

# Village heads that name a village only before a Vietnamese name ("bản Pác Ngòi"); before a foreign
# word they are the common noun "version, piece" ("Bản Sonate buồn", a film).
VILLAGE_HEADS: frozenset[str] = frozenset(["bản"])

# Vietnamese family names (first syllable of a full name).
SURNAMES: frozenset[str] = frozenset("""
nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|đào|đoàn|vương|trịnh|trương|
đinh|lâm|phùng|mai|tô|hà|tạ|lương|lưu|châu|cao|thái|triệu|quách|kiều|tăng|hứa|chu|khổng|la|từ|lục|
thân|diệp|nghiêm|âu|doãn|giang|tống|mạc|đàm|vi|lã|lạc|khúc|nông|quan|bạch|bế|cù|đồng|kim|lò|ninh|
phí|phó|tiêu|tôn|trình|ung|viên|yên|lai|mẫn|khuất|khương|văn|ông|hầu|lò|sầm|lường|hoàng|tòng|đèo|
mã|thạch|danh|trang|lữ|tiết|khưu|mạch|lạng|kha|giáp|thiều|an|ân|biện|công|cấn|chung|đàm|điêu|hàn|
lương|nhâm|quang|sơn|thi|tiền|vòng|vưu|xa|y
""".replace("\n", "").split("|")) - {""}

# Foreign family names frequent in Vietnamese and English news (Korean, Chinese, Japanese).
FOREIGN_SURNAMES: frozenset[str] = frozenset("""
kim|lee|park|choi|jung|jeong|kang|cho|yoon|jang|lim|han|oh|seo|shin|kwon|hwang|ahn|song|yoo|hong|
jeon|ko|moon|yang|son|bae|baek|heo|nam|shim|noh|ha|gong|chae|jong|jin|ryu|byun|woo|go|im|ji|
wang|li|zhang|liu|chen|huang|zhao|wu|zhou|xu|sun|ma|hu|zhu|guo|he|lin|xi|deng|mao|jiang|
sato|suzuki|takahashi|tanaka|watanabe|ito|yamamoto|nakamura|kobayashi|kato|yoshida|yamada|sasaki|
yamaguchi|matsumoto|inoue|kimura|hayashi|shimizu|abe|kishida|sakaguchi|aoki|oguri|nikaido|tsuji|
tsukikawa|fujiwara|kishimoto|miyazaki|murakami|ono|okada|mori|ikeda|hashimoto|ishikawa|ogawa
""".replace("\n", "").split("|")) - {""}

# Short country names and ethnonyms used alone in Vietnamese text ("người Hàn", "lính Mỹ").
SHORT_COUNTRY_NAMES: frozenset[str] = frozenset("""
mỹ|hàn|nhật|pháp|đức|nga|úc|ý|lào|thái|trung|anh|hoa kỳ|tàu|miên|xiêm|triều tiên|bắc hàn|nam hàn|
đài|hồng kông|ma cao|liên xô|đông đức|tây đức|nam tư|tiệp khắc|sài gòn|tp.hcm|tp hcm|hcm|tphcm|
tây nguyên|nam bộ|bắc bộ|trung bộ|tây bắc|đông bắc|đồng bằng sông cửu long|tây nam bộ|đông nam bộ|
đông nam á|trung đông|bắc mỹ|nam mỹ|mỹ latinh|châu âu|châu á|châu phi|châu mỹ|châu úc|bắc phi|
tây âu|đông âu|bắc âu|nam á|đông á|tây á|trung á|biển đông|thái bình dương|đại tây dương|
ấn độ dương|bắc cực|nam cực|hà tây|sông bé|hà sơn bình|nghĩa bình|phú khánh|bình trị thiên|
hải hưng|minh hải|hậu giang|cửu long|gia định|chợ lớn|huế|đà lạt|vũng tàu|nha trang|phú quốc|
hạ long|vn|sa pa|sapa|côn đảo|trường sa|hoàng sa|mekong|mê kông|cửu long|hollywood|châu thổ
""".replace("\n", "").split("|")) - {""}

# Region names found in any case, even written in lower case ("bắc trung bộ", "Đồng bằng sông Cửu Long").
REGION_NAMES: tuple[str, ...] = (
    "đồng bằng sông cửu long", "đồng bằng sông hồng", "duyên hải nam trung bộ", "bắc trung bộ", "nam trung bộ",
    "tây nguyên", "đông nam bộ", "tây nam bộ", "nam bộ", "bắc bộ", "trung bộ", "đông nam á",
)

# Ethnonyms and demonyms that are MISC (NORP) rather than places.
NORP_NAMES: frozenset[str] = frozenset("""
việt|kinh|chăm|khmer|khơ me|tày|thái đen|thái trắng|mường|hmông|h'mông|mông|dao|ê đê|ê-đê|gia rai|
jrai|ba na|bana|xơ đăng|cơ ho|mnông|m'nông|sán dìu|sán chay|nùng|hoa kiều|việt kiều|hàn kiều|
do thái|ả rập|la tinh|latin|công giáo|phật giáo|hồi giáo|tin lành|cao đài|hòa hảo
""".replace("\n", "").split("|")) - {""}

# Capitalised words that open sentences or headings and are never names by themselves.
NON_NAME_WORDS: frozenset[str] = frozenset("""
nhà nước|chính phủ|quốc hội|trung ương|tổ quốc|nhân dân|đảng|bác|trời|phật|chúa|thượng đế|
tết|thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|chủ nhật|tháng|năm|ngày|
ảnh|clip|video|tin|nguồn|theo|tuy nhiên|nhưng|và|với|khi|nếu|sau|trước|trong|ngoài|tại|ở|từ|
đến|cho|của|là|có|không|được|bị|đã|đang|sẽ|các|những|một|mọi|này|đó|kia|ai|gì|sao|vì|do|bởi|
chỉ|cũng|còn|rồi|thì|mà|nên|hay|hoặc|vậy|thế|như|để|về|qua|lên|xuống|ra|vào|tôi|chúng tôi|
chúng ta|họ|nó|mình|ta|anh ấy|cô ấy|ông ấy|bà ấy|hôm nay|hôm qua|ngày mai|sáng|trưa|chiều|
tối|đêm|lúc|giờ|phút|giây|tuần|quý|đầu|cuối|giữa|hơn|gần|khoảng|chừng|nhiều|ít|đó là|vâng|dạ|
ừ|ôi|à|ơi|nhé|nhỉ|chứ|đâu|nào|bao giờ|bao nhiêu|thế nào|tại sao|vì sao|như thế|hiện|hiện nay|
hiện tại|lbkt|rbkt|ts|clb|tp|ubnd|hđnd|sars|hiv|aids|h5n1|covid|gdp|usd|vnd|đồng|kg|km|cm|mm|
tv|dvd|cd|vcd|pc|ok|sms|gps|atm|it|ai|dna|rna|cpu|pin|wto|thpt|thcs|tuy|dù|mặc dù|nhờ|cùng|cả|riêng|
nhà|người|cuộc sống|cuộc đời
""".replace("\n", "").split("|")) - {""}

# Acronyms that are not entities (units, diseases, technical words).
NON_ENTITY_ACRONYMS: frozenset[str] = frozenset(
    "LBKT RBKT SARS HIV AIDS H5N1 COVID GDP USD VND VNĐ KG KM CM MM TV DVD CD VCD PC OK SMS GPS ATM "
    "DNA RNA CPU CEO CFO MC OTT PR IT AI VIP SUV PGS GS TS THS BS KS PV VĐV HLV NSƯT NSND TNHH CP "
    "TP THPT THCS BQL "
    # Vietnamese abbreviations of common nouns: doanh nghiệp (nhà nước), hội đồng xét xử, cảnh sát
    # giao thông / hình sự / kinh tế, xã hội chủ nghĩa, điện thoại di động, người Việt ở nước ngoài,
    # thương binh, ngân hàng, cán bộ công nhân viên, giáo viên, học sinh, sinh viên, bất động sản,
    # khu công nghiệp / chế xuất, cựu chiến binh, công an nhân dân, bảo hiểm xã hội / y tế, ...
    "DN DNNN DNTN HĐXX CSGT CSHS CSKT CSCĐ CSĐT XHCN ĐTDĐ NVƠNN NVNƠNN TB NH CB CBCNV CNV CNVC GV HS SV "
    "BĐS KCN KCX KDC CCB CAND QĐND BHXH BHYT GTVT NN BCH BTC BGĐ HĐQT ĐH CĐ THCN XKLĐ NLĐ TTCK CK "
    "TNGT ATGT MTV KT XD QL TL".split()
)

# Roman numerals are not names ("cấp II", "khóa IV").
ROMAN_NUMERAL = r"(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})"

# Capitalised common words that name one organisation ("Đảng": the Communist Party).
CAPITALISED_ORGS: frozenset[str] = frozenset(["Đảng"])

# Company legal forms that stay inside an organisation name ("công ty TNHH Trường Sơn").
COMPANY_FORMS: frozenset[str] = frozenset(["tnhh", "cp", "cổ phần", "mtv", "jsc", "co.", "ltd", "ltd."])

# Well-known organisations named without a head.
ORG_NAMES: frozenset[str] = frozenset("""
liên hợp quốc|lhq|liên hiệp quốc|asean|wto|who|imf|wb|adb|nato|unesco|unicef|undp|fao|apec|opec|fifa|
afc|ioc|vff|vtv|htv|vov|ttxvn|fpt|vnpt|viettel|vingroup|vinamilk|petrovietnam|evn|vietnam airlines|
ngân hàng thế giới|quỹ tiền tệ quốc tế|liên minh châu âu|quốc hội|mặt trận tổ quốc|interpol|fbi|cia|
kbs|sbs|mbc|bbc|cnn|afp|reuters|ap|netflix|google|facebook|microsoft|apple|samsung|toyota|honda|
ủy ban châu âu|hội đồng bảo an|tòa án tối cao|bộ chính trị|ban bí thư|trung ương đảng
""".replace("\n", "").split("|")) - {""}

# Endings (or whole words) of foreign firms' names: "Vietjet", "Airbus", "Vietcombank", "Microsoft".
ORG_WORD_ENDINGS: frozenset[str] = frozenset("""
air|airlines|airways|jet|bus|bank|group|corp|soft|tech|mobile|phone|fone|telecom|motors|pharma|media|
mart|express|milk|foods|petro|steel|electronics|systems|holdings|capital|invest|insurance
""".replace("\n", "").split("|")) - {""}

# Full names of ministries and departments that contain lower-case words or "và".
ORG_FULL_NAMES: tuple[str, ...] = (
    "nông nghiệp và phát triển nông thôn", "lao động - thương binh và xã hội", "lao động thương binh và xã hội",
    "văn hóa, thể thao và du lịch", "văn hoá, thể thao và du lịch", "văn hóa - thể thao và du lịch",
    "tài nguyên và môi trường", "kế hoạch và đầu tư", "khoa học và công nghệ", "giáo dục và đào tạo",
    "thông tin và truyền thông", "giao thông vận tải", "công thương", "tài chính", "xây dựng", "tư pháp",
    "ngoại giao", "quốc phòng", "công an", "nội vụ", "y tế", "nông nghiệp và môi trường",
    "khoa học - công nghệ", "giáo dục - đào tạo", "tài nguyên - môi trường", "văn hóa - thông tin",
)

# Capitalised common nouns (documents, meetings) that are not names when alone.
COMMON_CAPITALISED: frozenset[str] = frozenset("""
hội nghị|đại hội|hiệp định|luật|bộ luật|nghị định|nghị quyết|thông tư|quyết định|chỉ thị|hiến pháp|
kỳ họp|phiên họp|hội thảo|diễn đàn|chương trình|dự án|đề án|kế hoạch|báo cáo|tuyên bố|công ước|
nhà nước|chính phủ|tòa|toà|trung ương|thành phố|tỉnh|huyện|quận|xã|phường|bộ|sở|cục|viện|trường|
ban|hội|đoàn|đảng|bác|giám đốc|chủ tịch|thủ tướng|tổng thống|ông|bà|anh|chị|em|cô|chú|tết|xuân|
internet|web|email|facebook|zalo
""".replace("\n", "").split("|")) - {"", "facebook"}
