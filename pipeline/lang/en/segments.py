"""English sentence-splitting data.

Abbreviations that end with a period but do not end a sentence
(compared case-sensitively, without the final period).
"""

ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Rep", "Sen", "Gov", "Pres", "Rev", "Hon",
    "Inc", "Co", "Corp", "Ltd", "Bros", "No", "Nos", "vs", "etc", "approx", "est", "dept",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    "U.S", "U.K", "U.N", "e.g", "i.e", "a.m", "p.m",
})
