"""Function words of the languages a page from an unseen site is often written in, as data.

The line model's own feature counts English function words only (line_features.FUNCTION_WORDS): a
short German, French, Spanish, Polish or Ukrainian sentence at a story's end ("Sie sollen aus
Rumänien kommen.", "Dostawy ruszą w przyszłym roku.") has none of them, and the model, which
has no vocabulary of those languages, drops it as furniture. The prose guard reads each line's
share of function words against each language here and takes the best: a sentence of prose is
dense with its own language's articles, prepositions, pronouns and copulas, a menu or a label in
any language is not. Each language is counted on its own, so that a word of one ("die", "do")
does not add to an English line's share.

A language without articles (Polish, Ukrainian, Russian) has fewer such words to a sentence, so
its share is set lower: one in five words of a five-word sentence ("Chodzi o 152 haubice." has
one in four).
"""

from __future__ import annotations

import re
from itertools import pairwise

from materiel import regexcache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "de": _words(
        """der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war
        waren wird werden wurde wurden hat haben hatte hatten sein soll sollen kann können im in am an
        auf aus bei mit nach von vom zu zum zur für über um es er sie wir ihr ihre sein seine sich
        dass als auch noch wie"""
    ),
    "fr": _words(
        """le la les l un une des du de d et ou mais ne pas est sont était étaient sera seront a ont
        avait été être il ils elle elles on en au aux dans sur pour par avec sans que qui ce cette
        ces se sa son ses leur leurs y c n qu s j"""
    ),
    "es": _words(
        """el la los las lo un una unos unas y o pero no es son era eran será serán ha han había
        fue fueron está están de del al a en con por para sin sobre que se su sus este esta estos
        estas le les"""
    ),
    "it": _words(
        """il lo la i gli le un uno una e o ma non è sono era erano sarà ha hanno di del della dei
        delle al alla a in nel nella con per da su che si suo sua"""
    ),
    "pt": _words(
        """o a os as um uma uns umas e ou mas não é são era eram será foi foram tem têm de do da dos
        das ao à em no na nos nas com por para pelo pela que se seu sua"""
    ),
    "pl": _words(
        """w we z ze na do o od po przez dla przy za pod nad i a oraz lub ale nie jest są był była
        było byli będzie będą się to ten ta te tego tej jego jej ich on ona oni one że który która
        które co jak też także już"""
    ),
    "uk": _words(
        """в у на з із зі до від по за для при про під над і й та а але чи не є був була було були
        буде будуть це цей ця ці цього його її їх він вона вони що який яка які як також вже ще
        нас нам ми вони воно"""
    ),
    "ru": _words(
        """в во на с со к ко от по за для при про под над из и а но или не есть был была было были
        будет будут это этот эта эти этого его её их он она они что который которая которые как
        также уже ещё нас нам мы они оно"""
    ),
}
# The share of a line's words that must be its language's function words for it to read as
# prose. English's own share is lines.PROSE_FUNCTION_SHARE; these are the other languages'.
FUNCTION_SHARE_BY_LANGUAGE: dict[str, float] = {
    "de": 0.25,
    "fr": 0.25,
    "es": 0.25,
    "it": 0.25,
    "pt": 0.25,
    "pl": 0.2,
    "uk": 0.2,
    "ru": 0.2,
}


# The page speaking to its reader or naming itself, as lines.READER_WORDS and SELF_REFERENCE do in
# English ("Il vous reste 80% de cet article à lire.", "Ta strona używa plików cookies."): such a
# line is left to the model. Case-folded, except German's polite "Sie" and "Ihnen", whose lower
# case is "they" and "them" (they count after the line's first word only).
ADDRESS_WORDS = _words(
    """du dich dir dein deine deinen vous votre vos tu ton ta tes toi usted ustedes tú tus te
    tuo tua voi vostro você vocês seu teu ty ciebie twój twoja państwo ви вас вам ваш ваша ваше
    ваші вы ваши твій твоя
    artikel artikels seite webseite website beitrag article page site artículo artículos
    página sitio contenido articolo pagina sito artigo página artykuł artykułu strona strony
    stronie serwis стаття статті сайт сайту сторінка сторінки статья статьи страница"""
)
POLITE_GERMAN = frozenset(["Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"])


# Function words above that are English words too ("in", "to", "war", "die", "son"): they count
# only in a line with a letter outside ASCII ("To ważna decyzja.", "Il y en a douze à Kyiv."), so
# that an English line of furniture ("Sign in to comment.") never reads as Polish or German.
ENGLISH_HOMOGRAPHS = _words(
    """a al am an as co com con den des die do era est ha hat i in ma no non o on one par per pour
    sans sin son su ten to um war we"""
)
NON_ASCII_LETTER = regexcache.compile(r"[^\W\d_\x00-\x7f]")


# The copulas and auxiliaries among the function words above: a verb any sentence of prose may
# hold ("La entrega será gradual."). A line of nouns joined by prepositions and conjunctions
# ("Politique de confidentialité et cookies.", "Mehr zum Thema.") holds none.
VERB_WORDS = _words(
    """ist sind war waren wird werden wurde wurden hat haben hatte hatten soll sollen kann können
    est sont était étaient sera seront ont avait été être es son eran será serán ha han había fue
    fueron está están è sono erano sarà hanno é são eram foi foram tem têm jest są był była było
    byli będzie będą є був була було були буде будуть есть был была было були будет будут"""
)
# Subject pronouns: a clause's subject, whose verb may be any word ("Il y en a douze").
SUBJECT_WORDS = _words("il ils elle elles er wir ich він вона вони он она они")


def foreign_prose(words: list[str]) -> bool:
    """Whether the words read as another language's prose (each language's share of function
    words against the share it needs), have a verb-like word and do not speak to the reader or
    name the page."""
    folded = [re.split(r"['’]", w.casefold())[0] for w in words]
    if not folded or any(w in ADDRESS_WORDS for w in folded) or any(w in POLITE_GERMAN for w in words[1:]):
        return False
    if not _verb_like(folded):
        return False
    foreign = any(NON_ASCII_LETTER.search(w) for w in words)
    counted = [w for w in folded if foreign or w not in ENGLISH_HOMOGRAPHS]
    return any(
        sum(w in function for w in counted) / len(folded) >= FUNCTION_SHARE_BY_LANGUAGE[language]
        for language, function in FUNCTION_WORDS_BY_LANGUAGE.items()
    )


def _verb_like(folded: list[str]) -> bool:
    """A copula, an auxiliary or a subject pronoun, or two words side by side that are no language's function words
    (a subject and its verb, "Dostawy ruszą"): a line of nouns that prepositions and
    conjunctions join ("Datenschutz und Impressum") has neither."""
    function = set().union(*FUNCTION_WORDS_BY_LANGUAGE.values())
    if any(w in VERB_WORDS or w in SUBJECT_WORDS for w in folded):
        return True
    return any(a not in function and b not in function for a, b in pairwise(folded))


# A language that marks a noun's role by its ending (Russian, Ukrainian, Polish) needs few
# function words: a short statement may hold none ("Первые машины отправят весной.", "Pierwsze
# działa trafią na front wiosną."), and the model, which learnt no word of these languages, took
# such closing sentences for furniture. A statement in sentence case (its first word capitalised,
# most of the others not: a menu or a headline capitalises its words, a label ends in no full
# stop) of INFLECTED_MIN_WORDS or more, in such a language's letters (Cyrillic in most of its
# words, or a letter of Polish's alphabet in any), with a word that ends as a verb does, is prose.
# A footer's nouns ("Pomoc techniczna serwisu.") end as no verb does.
CYRILLIC = regexcache.compile(r"[\u0400-\u04ff]")
POLISH = regexcache.compile(r"[ąćęłńśźż]", re.IGNORECASE)
VERB_ENDING = regexcache.compile(
    r"""(?:
        л|ла|ло|ли|ив|ав|[аеёиіоуюя]т[иь]|ться|тся|ся|сь  # Russian and Ukrainian: past tense,
                                              # infinitive and plural (not a noun's "-сть", "-сти"), reflexive
      | ет|ёт|ит|ат|ят|ут|ют|ує|ює           # their present and future
      | ł|ła|ło|ły|li|ą|ją                    # Polish: past tense, third person plural
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
INFLECTED_MIN_WORDS = 3
# "Our" in these languages: the site speaking ("Подписывайтесь на наш канал."), as lines.PUBLISHER_WORDS.
OUR = regexcache.compile(r"^(?:наш|nasz)\w*$", re.IGNORECASE)
# The share of the words after the first that are in lower case: a sentence's common nouns and
# verbs; names may make up the rest.
INFLECTED_LOWER_SHARE = 0.5


def inflected_statement(line: str, words: list[str]) -> bool:
    """Whether the line is a statement in sentence case in a language that inflects its nouns, not
    speaking to the reader or naming the page."""
    end = line.rstrip()
    if not end.endswith(".") or end.endswith("..") or len(words) < INFLECTED_MIN_WORDS:
        return False
    cyrillic = sum(CYRILLIC.search(w) is not None for w in words) * 2 >= len(words)
    if not cyrillic and not any(POLISH.search(w) for w in words):
        return False
    if any(w.casefold() in ADDRESS_WORDS or OUR.match(w) for w in words) or not words[0][0].isupper():
        return False
    if not any(VERB_ENDING.search(w) for w in words):
        return False
    rest = words[1:]
    return sum(w[0].islower() for w in rest) / len(rest) >= INFLECTED_LOWER_SHARE
