"""The forms of a number in figures, its scale words, and what after a number makes it no amount
(a share, a calibre, a measure, a designation, an ordinal): parts of quantities.PATTERN."""

# A number in figures: thousands grouped by commas or by a (narrow) no-break space ("300\u00a0000"),
# a plain space ("1 000", as French and Nordic copy writes it), apostrophes ("1'000") or dots ("10.000", as German copy
# writes it: a count is whole, so see quantities._figures), a decimal point, or a decimal comma before a scale
# ("1,5 Mrd.", "2,4 billion", "1,5 thousand drones" as translated copy writes 1,500).
NUMBER = r"""(?:\d{1,3}(?:(?:,|[\u00a0\u202f\u2009])\d{3})+(?:\.\d+)?
    |\d{1,3}(?:\ \d{3})+(?!\d|[,.]\d)      # 1 000, 40 000 (not "12 2023", "1 000,5", "2 100.5")
    |\d{1,3}(?:\.\d{3}){2,}(?!\d|[,.]\d)   # 1.000.000: dots group thousands
    |\d{1,3}(?:['’]\d{3})+(?!\d)       # 1'000, 12'500: apostrophes group thousands (Swiss copy)
    |\d{1,3},\d{1,2}(?=\s?(?:thousand|million|billion|trillion|mln|mio|bln|tln|mrd|milliarden|milliards?|mld|bn|mn)\b)
    |\d+½(?=\s?(?:thousand|million|billion|trillion|bn|mn|m)\b)  # 1½ million: a half before a scale only
    |\d+(?:\.\d+)?)"""
# Scales, the longer first: "lakh crore" (Indian English: a trillion; "cr" and "lac" are the crore
# and the lakh as Indian copy abbreviates and spells them: "Rs 2,500 cr", "5 lac"), "milliard(s)" (a billion, as
# Norwegian and French write it), "mld" (a billion, as Polish and Czech copy abbreviates it: "2,5 mld
# zł"), "mil." and "bil." (a million and a billion, in lower case: "Mil Mi-17" is a maker's name), "tln" and "trn" (a
# trillion, as Korean wires and British business copy abbreviate it: "5.6 tln won", "$1trn");
# a lone letter before a dash and a figure is a designation's, not a scale ("10 M-777 howitzers",
# "5 B-52 bombers", "12 K-9 guns"), while "$5m-worth" keeps its scale.
SCALE = r"""thousand|million|billion|trillion|lakh\s+(?:crores?|(?-i:[Cc]r))|crores?|lakhs?|lacs?|milliarden|milliards?
    |mln|mio|bln|mrd|mld|mn|bn|tln|trn|tn|(?-i:mil|bil)|(?-i:[Cc]r)|(?:k|m|b)(?!-\d)"""
# A number that is a share, not an amount ("60 percent of the deliveries", "40%").
NOT_SHARE = r"(?![\d.,]*\d)(?!\s?(?:%|per\s?cent|pct\b))(?!/\d)"  # not "1/3" (a fraction) nor "12 pct"
# A number that is a calibre or a size, not a count ("155mm shells", "122-mm rockets", ".50 calibre").
NOT_CALIBRE = r"(?!\s?-?(?:mm|millimet(?:er|re)s?|cal(?:iber|ibre)?|cm|inch(?:es)?)\b)"
# A number that is a range, a weight or a length, not a count: an abbreviated unit after it ("300 km",
# "2,000lb bombs", "50kg"), or a unit spelt out and joined to it as a modifier ("250-kilometre
# missiles", "2,000-pound bombs", "40-tonne tanks"), or a span of time ("a 10-year deal", "within 3
# weeks"); "500 tons of ammunition" stays a number.
NOT_MEASURE = r"""(?!\s?-?(?:km|kg|lbs?|nm)\b)
    (?!-?(?:kilomet(?:er|re)|mile|met(?:er|re)|foot|feet|pound|ton|tonne|kilogram(?:me)?)s?\b)
    (?![\s-](?:year|month|week|day|hour)s?\b)"""
# A number that opens a designation glued to its letters, not a count: "9M723 missiles", "48N6",
# "2S19 howitzers", "3M-14 Kalibr", "4x4 vehicles" (not "300k rounds", "1m shells", "2x M109").
NOT_DESIGNATION = r"(?![^\W\d_]+-?\d)"
# A number that is an ordinal, not a count ("the 50th aid package", "the 3rd batch of 10 tanks").
NOT_ORDINAL = r"(?!(?:st|nd|rd|th)\b)"
