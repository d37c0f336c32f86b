"""The Central European, Baltic and Turkish code page of an undeclared page that does not read as
Windows-1252 words. A guesser took short pages in them for another code page (Turkish and
Lithuanian as Windows-1250: "Bakanlýđý", "Krađto"; Latvian as Windows-1258: "pazịoja"), which the
cleaning's repair, reading back from Windows-1252, cannot undo. A page is in one of these code
pages when its reading there gives letters of one language's alphabet only (encoding.ALPHABETS):
a wrong code page mixes letters of several ("đ" beside "ř"), or gives symbols inside words."""

from __future__ import annotations

from materiel.clean.encoding import ALPHABETS

# Each code page with the languages it serves (encoding.ALPHABETS), in order of preference when
# two fit (Windows code pages are far more common on the web than ISO). A reading fits only its
# own page's languages: Latvian read as Windows-1250 gives "vçl", "sacîja", Turkish letters.
_CENTRAL = ("polish", "czech", "slovak", "hungarian", "croatian-slovene", "romanian", "german")
LATIN_CODEPAGES = {
    "cp1250": _CENTRAL,
    "iso8859_2": _CENTRAL,
    "cp1257": ("lithuanian", "latvian", "german"),
    "cp1254": ("turkish", "german"),
}
# Turkish dotted capital İ lowers to ASCII i plus a combining dot: it adds no letter.
_DOTTED_I = "İ"


def latin_codepage(data: bytes) -> tuple[str, str] | None:
    """(text, code page) of the first of LATIN_CODEPAGES whose reading's letters beyond ASCII
    are all the alphabet of one of its languages, or None (the page is left to the guess)."""
    for codec, languages in LATIN_CODEPAGES.items():
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _one_alphabet(text, languages):
            return text, codec
    return None


def _one_alphabet(text: str, languages: tuple[str, ...]) -> bool:
    if any(not c.isascii() and not c.isalpha() and _in_word(text, i) for i, c in enumerate(text)):
        return False
    accented = {c.lower() for c in text if c.isalpha() and not c.isascii() and c != _DOTTED_I}
    return bool(accented) and any(accented <= ALPHABETS[language] for language in languages)


def _in_word(text: str, index: int) -> bool:
    """Whether the character at index touches a letter on either side."""
    return any(0 <= j < len(text) and text[j].isalpha() for j in (index - 1, index + 1))
