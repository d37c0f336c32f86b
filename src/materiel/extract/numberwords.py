"""The words of amounts: number words, scales, vague amounts as ranges, and currencies."""

from __future__ import annotations

import re

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "half a dozen": 6,
    "a half dozen": 6,
    "a half-dozen": 6,  # "a half-dozen tanks", hyphenated
    "a score of": 20,
    "a hundred": 100,
    "a thousand": 1000,
    "half a million": 500_000,
    "half a billion": 500_000_000,
    "a half million": 500_000,  # "a half billion dollars", as American copy writes it
    "a half billion": 500_000_000,
    "a quarter of a million": 250_000,  # not "a million" after "a quarter of"
    "a quarter million": 250_000,
    "a quarter of a billion": 250_000_000,
    "three quarters of a million": 750_000,  # not "three" and "a million"
    "three-quarters of a million": 750_000,
    "three quarters of a billion": 750_000_000,
    "three-quarters of a billion": 750_000_000,  # "three-quarters of a billion euros"
    "a million and a half": 1_500_000,  # not "a million" alone
    "a billion and a half": 1_500_000_000,
    "a pair of": 2,
    "a couple of": 2,
}
# Number words that may follow "hundred and" ("one hundred and twenty"): one to ninety.
SMALL_WORDS = [w for w, n in WORD_NUMBERS.items() if " " not in w and n < 100]
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mio": 1e6,  # German and Dutch "Mio."
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,  # Russian and Ukrainian wires' abbreviation
    "mrd": 1e9,  # German and Dutch "Mrd." (Milliarde)
    "milliarden": 1e9,  # German "Milliarden"
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tln": 1e12,  # "5.6 tln won": Korean wires' abbreviation
    "trn": 1e12,  # "$1trn": British business copy's abbreviation
    "crore": 1e7,  # Indian English: ten million
    "lakh": 1e5,  # a hundred thousand
    "lakh crore": 1e12,  # a lakh of crores: a trillion
    "cr": 1e7,  # "Rs 2,500 cr": Indian copy abbreviates the crore
    "lakh cr": 1e12,  # "₹1.2 lakh cr"
    "lac": 1e5,  # "5 lac", "2 lacs": the lakh as some Indian and Pakistani copy spells it
    "milliard": 1e9,  # Norwegian, Danish and French English: a thousand million
    "mld": 1e9,  # Polish, Czech and Slovak "mld." (miliard): a thousand million
    "mil": 1e6,  # "1.2 mil. USD"
    "bil": 1e9,  # "$1.5 bil."
}
# Vague amounts as the ranges a reader would sign: "dozens" is at least two dozen.
VAGUE = {
    "hundreds of thousands": (100_000, 999_999),
    "tens of thousands": (10_000, 99_999),
    "thousands": (1_000, 9_999),
    "hundreds": (100, 999),
    "dozens": (24, 99),
    "scores": (40, 99),
    "tens of": (10, 99),  # "tens of drones": more than one ten, fewer than a hundred
    "millions": (1_000_000, 9_999_999),
    "billions": (1e9, 9.999e9),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful of": (2, 5),
    "tens of millions": (1e7, 9.9e7),
    "hundreds of millions": (1e8, 9.99e8),
    "hundreds of billions": (1e11, 9.99e11),  # not "hundreds" and then "billions"
    "tens of billions": (1e10, 9.9e10),
    # Tens and dozens of a scale, as copy translated from Slavic languages counts ("dozens of
    # thousands of drones", "several tens of thousands of shells"): one amount, not "dozens" and then
    # "thousands"; "several" and "a few" tens are three to nine and two to five of them.
    "dozens of thousands": (24_000, 99_999),
    "several tens of thousands": (30_000, 99_999),
    "a few tens of thousands": (20_000, 59_999),
    "several tens of millions": (3e7, 9.9e7),  # money: "several tens of millions of dollars"
    "a few tens of millions": (2e7, 5.99e7),
    "several tens of billions": (3e10, 9.9e10),
    "a few tens of billions": (2e10, 5.99e10),
    "several tens of": (30, 99),
    "a few tens of": (20, 59),
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "$us": "USD",  # Australian copy's US dollars: "$US1.06 billion"
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₪": "ILS",
    "₺": "TRY",
    "dollars": "USD",
    "dollar": "USD",
    "dlrs": "USD",  # wire-service shorthand after a scale: "40 mln dlrs", "a 100 mln dlr loan"
    "dlr": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "pound": "GBP",  # after a scale only (CURRENCY_WORDS): "a 40 million pound deal", never "a 500-pound bomb"
    "stg": "GBP",  # wire-service sterling after a scale: "a 150 mln stg contract"
    "sterling": "GBP",  # "a 500 million sterling order"
    "won": "KRW",
    "rubles": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",  # the singular before a noun: "a 1 billion rouble contract"
    "rouble": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "zlotys": "PLN",
    "zloty": "PLN",
    "zł": "PLN",  # the zloty's sign, after the sum: "2,5 mld zł"
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",  # the singular before a noun: "a 63,000 crore rupee deal"
    "shekels": "ILS",
    "lira": "TRY",
    "liras": "TRY",
    "riyals": "SAR",
    "rials": "IRR",  # Iranian rials (Oman's and Yemen's are rials too; the figure is what is scored)
    "reais": "BRL",  # the Brazilian real's plural: "a 5 billion reais contract"
    "manat": "AZN",  # Azerbaijan's (Turkmenistan's is the manat too)
    "tenge": "KZT",  # Kazakhstan's
    "dong": "VND",  # Vietnam's, after a scale only (CURRENCY_WORDS): not a name ("3 Dong boats")
    "birr": "ETB",  # Ethiopia's
    "dirhams": "AED",
    "francs": "CHF",  # Swiss francs: the francs an arms deal is priced in
    "kronor": "SEK",
    "crowns": "crowns",  # one of several states' currencies: see crown_currency
    "kroner": "crowns",
    "korunas": "CZK",
    "leva": "BGN",  # Bulgarian
    "lei": "RON",  # Romanian
    "forints": "HUF",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "naira": "NGN",
    "taka": "BDT",
    "kyat": "MMK",
    "nt$": "TWD",  # New Taiwan dollars
    "hk$": "HKD",
    "s$": "SGD",
    "usd": "USD",
    "eur": "EUR",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₦": "NGN",  # the naira's sign: "₦50 billion"
    "n": "NGN",  # the naira as Nigerian copy writes it before a scaled sum: "N50 billion"
    "r": "ZAR",  # the rand as South African copy writes it before a scaled sum: "R1.5 billion"
    "nis": "ILS",  # new Israeli shekels: "NIS 1.2 billion"
    "ksh": "KES",  # Kenyan shillings: "KSh 3 billion"
    "tk": "BDT",  # Bangladeshi taka: "Tk 500 crore"
    "dh": "AED",  # UAE dirhams: "Dh2bn", "Dhs 2 billion"
    "dhs": "AED",
    "e£": "EGP",  # Egyptian pounds
    "rand": "ZAR",
    "shillings": "KES",  # the shillings of arms news are Kenya's (Uganda's and Tanzania's are rarer)
    "dinars": "dinars",  # one of several states' dinars: the code is left as the word
    "pesos": "pesos",  # likewise several states' pesos
}
# Dollars and crowns named by their state ("100 million Australian dollars", "3 billion Norwegian
# kroner"): the adjective settles the currency.
NAMED_CURRENCIES = {
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "new zealand dollars": "NZD",
    "taiwan dollars": "TWD",
    "singapore dollars": "SGD",
    "swedish kronor": "SEK",
    "swedish crowns": "SEK",
    "norwegian kroner": "NOK",
    "norwegian crowns": "NOK",
    "danish kroner": "DKK",
    "danish crowns": "DKK",
    "czech crowns": "CZK",
    "czech korunas": "CZK",
    "swiss francs": "CHF",
    "indian rupees": "INR",
    "pounds sterling": "GBP",
}
CURRENCY_WORDS = r"""(?:
    (?:u\.?s\.?\ )?dollars?             # dollars, US dollars
    | dlrs?                              # wire-service shorthand: "40 mln dlrs"
    | {named}                            # Australian dollars, Norwegian kroner
    | euros?|pounds|won|ro?ubles?|hryvnias?|zlotys?|zł|yen|yuan|renminbi|rupees?|shekels|liras?  # rubles, roubles
    | (?:(?<=illion[\s-])|(?<=mln[\s-])|(?<=bn[\s-]))(?:pound|stg|sterling)  # a 40 million pound deal, 150
                                         #   mln stg (wire sterling): after a scale, never "500-pound bombs"
    | riyals|rials|reais|dirhams|francs|kronor|kroner|crowns|korunas|usd|eur  # reais: Brazil's reals
    | leva|lei|forints|ringgit|baht|rupiah|naira|taka|kyat  # Bulgarian leva ... Myanmar kyat
    | manat|tenge|birr                 # Azerbaijani manat, Kazakh tenge, Ethiopian birr
    | (?:(?<=illion[\s-])|(?<=bn[\s-]))dong  # Vietnamese dong after a scale: "24 trillion dong", never "3 Dong boats"
    | rand|shillings|dinars|pesos      # South African rand, Kenyan shillings, dinars, pesos
)(?!-(?!worth\b)\w)                     # not a name's first word: "three Yuan-class submarines"
""".format(named="|".join(re.escape(n).replace(r"\ ", " ").replace(" ", r"\ ") for n in NAMED_CURRENCIES))
# ISO codes written before a sum ("SEK 7 billion"): the code is the currency.
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "SEK", "NOK", "DKK", "CHF", "PLN", "CZK", "JPY", "KRW", "UAH", "RUB", "CAD",
    "AUD", "INR", "CNY", "ILS", "TRY", "SAR", "AED",
    "PKR", "BDT", "LKR", "NGN", "ZAR", "KES", "EGP", "TWD", "SGD", "MYR", "IDR", "THB", "BRL",  # Asian, African, Latin
    "HUF", "RON", "BGN", "NZD", "HKD", "MXN", "QAR", "KWD", "UGX", "TZS", "GHS", "ETB", "NPR",
)  # fmt: skip
