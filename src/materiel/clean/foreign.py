"""Web furniture in the languages an English article's page is often wrapped in: German, French,
Spanish, Italian, Portuguese, Polish, Ukrainian and Russian.

A page in English from a site of another country (or a translation an outlet publishes beside
its own language) keeps the site's labels: "Read also", "Subscribe", "Share", "Advertisement",
"All rights reserved". These rules name those calls and labels, the same kinds furniture.py and
chrome.py name in English, matched as whole short lines (each rule is anchored at the line's
start and capped short), so that a sentence quoted in another language is not taken for them.
tests/cases/cleaning/chrome.json holds for each rule lines it drops and sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

FOREIGN_RULES = (
    rule(
        "read_more",
        r"""
        ^\W*(?:
            (?:також|также)\ читайте | читайте\ (?:також|также|ще|еще|більше|больше)  # Ukrainian, Russian
          | читати\ (?:також|далі|більше) | читать\ (?:далее|также|ещё|еще)
          | дивіться\ також | смотрите\ также
          | lesen\ sie\ (?:auch|mehr|hier|weiter) | weiterlesen | auch\ interessant   # German
          | (?:à\ )?lire\ (?:aussi|également|la\ suite) | voir\ aussi | à\ voir\ aussi    # French
          | lea\ (?:también|más) | leer\ más | ver\ también | te\ puede\ interesar       # Spanish
          | czytaj\ (?:też|także|również|więcej|dalej) | zobacz\ (?:też|także|również)  # Polish
          | leggi\ anche | leggi\ di\ più | leia\ (?:também|mais)                         # Italian, Portuguese
        )\b
      | ^\W*(?:по\ темі|по\ теме|на\ цю\ тему|на\ эту\ тему|докладніше|подробнее         # labels that open
          | mehr\ zum\ thema | en\ savoir\ plus | sur\ le\ même\ sujet | más\ información  # a sentence too:
          | saiba\ mais | powiązane | pokrewne)\s*(?:[:|—–»-]|$)                         # alone, or before a colon
    """,
        400,
        anchored=True,
    ),
    rule(
        "newsletter",
        r"""
        ^\W*(?:підписуйтес[ья]|підписуйся|підписатися|подписывайтесь|подпишитесь|подписаться  # Ukrainian, Russian
          | abonnieren\ sie | jetzt\ abonnieren | newsletter\ abonnieren                   # German
          | abonnez-vous | s['’]abonner | inscrivez-vous                                   # French
          | suscríbete | suscríbase | suscribirse                                          # Spanish
          | (?:za)?subskrybuj | zapisz\ się | iscriviti | assine | inscreva-se            # Polish, Italian, Portuguese
        )\b
    """,
        250,
        anchored=True,
    ),
    rule(
        "social_follow",
        r"""
        ^\W*(?:folgen\ sie\ uns | suivez-nous | síguenos | seguici | siga-nos | śledź\ nas  # "Follow us"
          | приєднуйтес[ья] | присоединяйтесь | стежте\ за\ нами | следите\ за\ нами
          | читайте\ нас\ (?:у|в|на))\b                                               # "Read us on Telegram"
    """,
        250,
        anchored=True,
    ),
    rule(
        "share_bar",
        r"""
        ^\W*(?:поширити|поделись|teilen\ sie|partagez|condividi|compartilhar|compartilhe)\W*$   # "Share", alone
      | ^\W*(?:поділитися|поделиться|teilen|partager|compartir|udostępnij|condividi|compartilhar)
            \W+(?:(?:в|у|auf|sur|en|na|su|no)\W+)?(?:facebook|twitter|x|telegram|whatsapp|viber|linkedin)\b.{0,60}$
    """,
        120,
        anchored=True,
    ),
    rule(  # "Source: https://..." alone, as source_link in English
        "source_link",
        r"""^\W*(?:джерело|источник|quelle|source|fuente|fonte|źródło)\s*:?\s*https?://\S+\W*$""",
        300,
        anchored=True,
    ),
    rule(
        "advertisement",
        r"""^\W*(?:реклама|anzeige|werbung|publicité|publicidad|reklama|pubblicità|publicidade|iklan)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a site's footer in its own language, wherever the line puts it: "All rights reserved"
        "navigation",
        r"""
        \b(?:alle\ rechte\ vorbehalten|tous\ droits\ réservés|todos\ los\ derechos\ reservados
          | tutti\ i\ diritti\ riservati|todos\ os\ direitos\ reservados|wszelkie\ prawa\ zastrzeżone
          | всі\ права\ захищені|усі\ права\ захищені|все\ права\ защищены)\W*$
      | 무단\s?전재|재배포\s?금지|無断転載|転載禁止|版权所有|版權所有|未经授权.{0,10}转载    # Korean, Japanese, Chinese
    """,
        200,
        (
            "rechte",
            "droits",
            "derechos",
            "diritti",
            "direitos",
            "prawa",
            "права",
            "무단",
            "재배포",
            "転載",
            "版权",
            "版權",
            "转载",
        ),
    ),
    rule(  # "Related articles" in Japanese, Korean and Chinese, alone
        "read_more",
        r"""^\W*(?:関連記事|関連ニュース|관련\s?기사|관련\s?뉴스|相关(?:新闻|阅读|文章)|相關(?:新聞|閱讀|文章))\W*$""",
        40,
        anchored=True,
    ),
)
