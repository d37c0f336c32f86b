"""Pages in a legacy encoding that say nothing of it (no byte-order mark, no charset): the Western
European Windows-1252 / Latin-1 that most such pages are in is read as it is, and pages in other
code pages are still recognised. The sentences are written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel import api
from materiel.read import read_paths
from materiel.read.text import decode

WESTERN = [
    "Die Bundesregierung hat weitere Flugabwehrsysteme zugesagt, erklärte das Ministerium am Montag.",
    "Le ministère a livré des obus à l'armée, a déclaré le général après la réunion.",
    "El Gobierno enviará más vehículos blindados en otoño, añadió el portavoz de Defensa.",
    "O ministério confirmou a entrega de peças e munições às forças armadas em março.",
    "Sweden’s ministry said the “Archer” howitzers — twelve of them — would arrive by June.",
    "The deal with Peña’s government covers 24 jets, according to officials in São Paulo.",
    # Letters the Baltic, Czech and Hungarian misreads show as, where their own languages write them.
    "Ráðuneytið sagði að skriðdrekarnir kæmu til Reykjavíkur í næstu viku.",
    "Forsvarsministeriet siger, at øerne får nye kampvogne næste år.",
    "As eleições põem à prova a promessa de mais blindados, disse o ministro.",
    "Üç gemi geçen hafta geldi, dedi Bakan; Türkçe metin güçlü ve seçkin.",
]


# Each sentence in Windows-1252, and in Latin-1 where it has every character (no curly quotes).
ENCODED = [(w, c) for w in WESTERN for c in ("cp1252", "latin-1") if c == "cp1252" or max(map(ord, w)) < 0x100]


@pytest.mark.parametrize(("words", "codec"), ENCODED)
def test_western_text_without_a_charset_is_read_as_windows_1252(words: str, codec: str) -> None:
    """A guesser picked Windows-1250 ("ministčre", "ŕ", "Peńa") or even Shift-JIS ("erkl舐te") for
    such short pages, where the reading as Windows-1252 was plain words of a Latin language."""
    assert decode(words.encode(codec))[0] == words


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_western_page_without_a_charset_keeps_its_letters(tmp_path: Path, suffix: str) -> None:
    words = WESTERN[0] + " " + WESTERN[1]
    body = words if suffix == ".txt" else f"<html><head><title>Panzer</title></head><body><p>{words}</p></body></html>"
    (tmp_path / f"page{suffix}").write_bytes(body.encode("cp1252"))
    [article] = read_paths([tmp_path])
    assert words in (article.text if suffix == ".txt" else article.html)


@pytest.mark.parametrize(
    ("codec", "words"),
    [
        ("cp1251", "Міністерство оборони повідомило про нову партію снарядів для армії."),
        ("cp1251", "Министерство обороны сообщило о поставке новых бронемашин на этой неделе."),
        ("cp1250", "Ministerstwo obrony poinformowało, że żołnierze otrzymają nowe haubice."),
        ("cp1250", "Ministerstvo obrany potvrdilo, že příští měsíc dorazí další tanky."),
        ("cp1253", "Το υπουργείο άμυνας ανακοίνωσε την παράδοση νέων αρμάτων μάχης."),
        ("euc-kr", "국방부는 다음 달에 새로운 전차를 인도할 것이라고 밝혔다."),
        ("shift_jis", "防衛省は来月、新しい戦車を引き渡すと発表した。"),
    ],
)
def test_other_code_pages_are_still_recognised(tmp_path: Path, codec: str, words: str) -> None:
    """Their reading as Windows-1252 is no Latin language's words, so the guess decides (and the
    cleaning repairs what it still misreads: the guess takes Polish for Windows-1252)."""
    (tmp_path / "page.txt").write_bytes(words.encode(codec))
    [article] = api.clean([tmp_path], dates=False, paragraph_languages=False)
    assert article.text == words


# Pages of Central European, Baltic and Turkish code pages, each sentence written for this test.
CODE_PAGES = [
    ("cp1257", "Lietuva perduos Ukrainai dar dvi priešlėktuvinės gynybos sistemas."),
    ("cp1257", "Krašto apsaugos ministerija pranešė, kad kariai gaus naujų šarvuočių."),
    ("cp1257", "Latvija nodos Ukrainai vēl divus helikopterus, sacīja ministrs."),
    ("cp1257", "Aizsardzības ministrija paziņoja, ka karavīri saņems jaunas bruņumašīnas."),
    ("cp1250", "Česko pošle Ukrajině další houfnice, řekla ministryně."),
    ("cp1250", "Magyarország nem küld fegyvert, mondta a szóvivő."),
    ("iso8859_2", "Česko pošle Ukrajině další houfnice, řekla ministryně."),
    ("iso8859_2", "Polska przekaże Ukrainie kolejne czołgi, powiedział minister."),
    ("cp1254", "Savunma Bakanlığı, askerlerin yeni zırhlı araçlar alacağını açıkladı."),
    ("cp1254", "Türkiye insansız hava aracı gönderdi, dedi Dışişleri sözcüsü."),
]


@pytest.mark.parametrize(("codec", "words"), CODE_PAGES)
def test_central_baltic_and_turkish_pages_keep_their_letters(tmp_path: Path, codec: str, words: str) -> None:
    """Before: the first four and the Czech and Hungarian pages in Windows-1250 read as Windows-1252
    ("prieðlëktuvinës", "vçl", "øekla ministrynì", "szóvivõ"), and the guess took the Lithuanian
    and Turkish ones for Windows-1250 ("Krađto", "Bakanlýđý") and the Latvian for Windows-1258."""
    (tmp_path / "page.txt").write_bytes(words.encode(codec))
    [article] = api.clean([tmp_path], dates=False, paragraph_languages=False)
    assert article.text == words
