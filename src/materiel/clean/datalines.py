"""Widget lines a page sets around its article that hold figures more than words, and notices the
other rule modules do not word: market tickers, weather, prices, a poll's vote count, time stamps
and reading times in the languages pages are wrapped in, gallery counters, bare social handles,
breadcrumb trails in any language, affiliate and reproduction notices.

Each rule matches a whole short line (anchored, capped), so a sentence of the article that cites
a price, a temperature or a percentage keeps its words around the figure and stays.
tests/cases/cleaning/chrome.json holds for each rule lines it drops and sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

# The words of a time stamp line, in English, German, French, Spanish, Italian, Polish,
# Ukrainian and Russian: the verbs that open it, then months, weekdays, relative days, and the
# small words and zones between its figures.
_STAMP_VERBS = r"""
    (?:last\ |first\ )?(?:updated|published|posted|modified)(?:\ on|\ at)?
  | (?:first\ |originally\ )?(?:aired|broadcast)(?:\ on|\ at)?                         # a programme's: "Aired March 4"
  | (?:zuletzt\ )?(?:aktualisiert|veröffentlicht|geändert)(?:\ am)? | stand              # German
  | (?:mis\ à\ jour|publié|modifié)(?:\ le)? | dernière\ mise\ à\ jour                     # French
  | (?:actualizado|publicado|modificado)(?:\ el)? | última\ actualización                # Spanish
  | (?:aggiornato|pubblicato)(?:\ il)? | ultimo\ aggiornamento                           # Italian
  | (?:ostatnia\ )?aktualizacja | opublikowano | zaktualizowano                           # Polish
  | оновлено | опубліковано | обновлено | опубликовано | дата\ публікації | дата\ публикации  # Ukrainian, Russian
  | (?:laatst\ )?(?:gepubliceerd|bijgewerkt|gewijzigd)(?:\ op|\ om)?                      # Dutch
  | (?:publicado|atualizado|actualizado|modificado)(?:\ em|\ a)?                          # Portuguese
"""
_STAMP_WORDS = r"""
    (?:jan|feb|mär|mar|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zäé]{0,7}\.?   # months, English, German
  | (?:janv|févr|mars|avr|mai|juin|juil|août|sept|déc)[a-zéû]{0,5}\.?                 # French
  | (?:ene|abr|ago|dic|gen|mag|giu|lug|ott|dic|set)[a-z]{0,7}\.?                      # Spanish, Italian
  | (?:maart|mrt|mei|out(?:ubro)?|dez(?:embro)?|fevereiro|março)\.?                     # Dutch, Portuguese
  | (?:stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|październik|pa[źz]dz|listopad|grud)[a-ząęśźżńół]{0,6}
  | (?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)[а-яіїє]{0,6}     # Ukrainian
  | (?:янв|фев|март|апр|ма[йя]|июн|июл|авг|сент|окт|ноя|дек)[а-я]{0,6}                 # Russian
  | (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?                    # weekdays, English
  | yesterday|today|gestern|heute|hier|aujourd['’]hui|ayer|hoy|ieri|oggi|wczoraj|dzisiaj|dziś
  | вчора|сьогодні|вчера|сегодня
  | [ap]\.?m\.?|gmt|utc|cet|cest|bst|est|edt|pst|pdt|ist|uhr|h                    # times and zones,
  | et|pt|ct                                        # and America's short ones: "10:42 a.m. ET"
  | on|at|am|um|le|à|el|a\ las|de|il|alle|o|godz\.?|в|о|року|года|г\.             # the small words between
  | op|om|em|às|do|da                                                       # (Dutch, Portuguese)
"""
# The rest of a stamp line: figures of dates and times ("20th" too) and the words above (a second stamp's verb
# among them: "Published 12 May, updated 13 May"; a bar, bullet or dash between the two stamps:
# "Published 5 May • Updated 6 May"), to the line's end.
# Each figure or word is followed by punctuation or the line's end and is matched atomically, so
# a long line that fails at its end is given up at once (nested repeats would try every split).
_STAMP_RUN = (
    rf"""(?>(?:\d{{1,4}}(?:st|nd|rd|th)?|{_STAMP_WORDS}|{_STAMP_VERBS})(?:(?:[\s,.:/()|•–—-]|(?<=\d)h(?=\d))++|$))+$"""
)

DATA_RULES = (
    rule(
        "video_player",
        r"""^\W*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\W*$""",  # a player's clock: "00:00 / 02:34"
        30,
        anchored=True,
    ),
    rule(
        "update_note",
        rf"""
        ^(?=.*\d)\W*(?:{_STAMP_VERBS})\W*{_STAMP_RUN}
                                                # "Aktualisiert am 12.03.2024, 10:15 Uhr", "Published 12:04 GMT"
      | ^(?=.*(?:\b\d{{1,2}}:\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b))\W*{_STAMP_RUN}
                                          # a date with a time, or in figures: "12 March 2024, 10:15"
      | ^\W*(?:yesterday|today|gestern|heute|hier|ayer|hoy|ieri|oggi|wczoraj|вчора|сьогодні|вчера|сегодня)
            \W+\d{{1,2}}[:.h]\d{{2}}\W*$     # "Yesterday, 18:40"
    """,
        80,
        anchored=True,
    ),
    rule(  # a press release's dateline alone: the place, then a date with its year ("Berlin, 14.02.2024",
        # "Paris, le 3 mars 2024"; not a name and an age: "Ilya Yashin, 41")
        "dateline",
        rf"""^\W*(?-i:[A-Z][\w'’.-]+)(?:[\s-](?-i:[A-Z])[\w'’.-]+){{0,2}},\s+(?=.*\b(?:19|20)\d\d\b){_STAMP_RUN}""",
        60,
        anchored=True,
    ),
    rule(
        "byline",
        r"""
        ^\W*(?:temps\ de\ lecture|lesezeit|lesedauer|tiempo\ de\ lectura|tempo\ di\ lettura|tempo\ de\ leitura
            |czas\ czytania|время\ чтения|час\ читання|reading\ time)\W*\d{1,2}\s*\w{0,8}\W*$   # "Lesezeit: 3 Minuten"
      | ^\s*@[\w.]{2,30}\s*$                                                    # a bare handle: "@janeroe"
    """,
        60,
        anchored=True,
    ),
    rule(
        "self_promotion",
        r"""
        ^\W*(?:podcast|episode\ \d{1,4})\s*:\s*\S.{0,80}$                 # "Podcast: The Defence Hour"
      | ^\W*(?:was\ this\ (?:article|story|page|information)\ (?:helpful|useful)|rate\ this\ (?:article|story)|
            how\ would\ you\ rate\ this\ (?:article|story)|wie\ finden\ sie\ diesen\ (?:artikel|beitrag)|
            cet\ article\ vous\ a-t-il\ été\ utile|¿?te\ ha\ resultado\ útil)\W*$    # a feedback widget
    """,
        100,
        anchored=True,
    ),
    rule(
        "gallery_control",
        r"""
        ^\W*(?:image|photo|picture|slide|foto|bild|zdjęcie|фото|immagine|imagen)\s*\d{1,3}\s*(?:of|/|von|de|di|z|из|з)
            \s*\d{1,3}\W*$                                                      # "Photo 3/10", "Bild 2 von 8"
      | ^\W*(?:(?:photo\ )?gallery|galerie|galería|galleria|galeria|галерея)\W*\d{1,3}
            \s+(?:photos|images|pictures|fotos|bilder|zdjęć|фото)\W*$           # "Gallery: 14 photos"
    """,
        60,
        anchored=True,
    ),
    rule(
        "poll",
        r"""
        ^\W*(?:total\ )?\d[\d,.\s]{0,9}\s(?:votes?|stimmen|voix|votos|voti|głos\w{0,3}|голос\w{0,3})\W*$
    """,  # the votes a poll counted, alone ("1,204 votes"; a result alone may be a table's cell)
        30,
        anchored=True,
    ),
    rule(
        "advertisement",
        r"""
        ^\W*(?:price\W+|from\ |only\ |now\ |was\ |ab\ |dès\ |desde\ |da\ |od\ |от\ |від\ )
            (?:[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|\$|zł|₴|₽|грн\.?|руб\.?))\W*$   # a price alone: "From £19.99"
      | ^\W*(?:[$€£¥]\s?\d{1,3}(?:,\d{3})?[.,]\d{2}                           # or with its cents: "$249.99",
          | \d{1,3}(?:[.\s]\d{3})?,\d{2}\s?(?:€|zł|₴|₽|грн\.?|руб\.?))\W*$       # "19,99 €" (a table's cell of
                                                                              # millions has no cents)
    """,
        30,
        anchored=True,
    ),
    rule(
        "ticker",
        r"""
        ^(?=.*(?:[+\-−▲▼]\s?\d[\d.,]*\s?%|\b[a-z]{3}/[a-z]{3}\b))     # a change in per cent, or a currency pair
        \W*(?>[a-z][\w&/.-]*(?:\ [\w&/.-]+){0,2}\s+[$€£]?\d[\d,]*[.,]\d+
            \s*(?:\(?[+\-−▲▼]\s?\d[\d.,]*\s?%?\)?)?\s*[|·•,;]?\s*)+$    # "DAX 18,204.5 +0.4% | EUR/USD 1.08"
                                                                  # (each item atomic: a failing line fails fast)
    """,
        160,
        ("%", "/"),  # the change in per cent or the pair's bar that the look-ahead asks for
        anchored=True,
    ),
    rule(
        "weather",
        r"""^[^\d.!?]{0,30}[\-+−]?\d{1,2}\s?°\s?[cf]?\b[^.!?]{0,30}$""",  # "Berlin, 14°C, cloudy"
        60,
        ("°",),
    ),
    rule(
        "navigation",
        r"""
        ^\W*[^\W\d][^.!?»›>\n]{0,25}(?:\s[»›>]\s[^.!?»›>\n]{1,25}){2,}\W*$  # a breadcrumb trail in any language
    """,
        120,
        anchored=True,
    ),
    rule(
        "advertisement",
        r"""
        \baffiliate\ (?:links?|commissions?|partners?|programs?)\b                    # an affiliate notice
      | \b(?:we|this\ (?:site|page|article))\ (?:may\ )?(?:earn|receive|get)\ (?:a\ )?(?:small\ )?
            (?:commission|share\ of\ (?:the\ )?(?:sales|revenue))\b                   # "We may earn a commission ..."
    """,
        300,
        ("affiliate", "commission", "share of"),
    ),
    rule(
        "copyright",
        r"""
        \breproduction\ (?:interdite|prohibited|strictly\ prohibited|réservée)\b       # French, English
      | \b(?:nachdruck|vervielfältigung|weiterverbreitung)\b.{0,60}\b(?:nur|verboten|genehmigung)\b  # German
      | \bprohibida\ (?:su\ )?(?:la\ )?reproducción\b | \briproduzione\ riservata\b       # Spanish, Italian
      | \bprzedruk\b.{0,40}\b(?:zabroniony|wyłącznie|tylko)\b                             # Polish
      | \bвикористанн\w*\ матеріал\w*.{0,80}\b(?:посилання|дозв\w*)                      # Ukrainian
      | \bиспользовани\w*\ материал\w*.{0,80}\b(?:ссылк\w*|разреш\w*)                    # Russian
      | ^\W*(?:\w+\ )?(?:(?:artikel|beitrag|text|interview|kommentar|article|artículo|texto|articolo|
            artykuł|tekst|материал|статья|матеріал|стаття)\w*\ (?:\w+\ )?)?  # only "This article", "Der Text"
            (?:erschien\ zuerst|est\ paru\ (?:initialement|d['’]abord)|publicado\ originalmente|  # before it: a note
            pubblicato\ originariamente|pierwotnie\ opublikowan\w*|впервые\ опубликован\w*|  # on the page, not a
            вперше\ опублікован\w*)\b                                      # report that "first appeared" in a journal
      | \bmay\ not\ be\ (?:reproduced|republished|copied)\b.{0,80}\bwithout\b            # English
    """,
        250,
        (
            "reproduction",
            "nachdruck",
            "vervielfältigung",
            "weiterverbreitung",
            "reproducción",
            "riproduzione",
            "przedruk",
            "матеріал",
            "материал",
            "may not be",
            "erschien",
            "paru",
            "originalmente",
            "originariamente",
            "pierwotnie",
            "впервые",
            "вперше",
        ),
    ),
)
