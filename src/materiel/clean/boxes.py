"""The boxes a news site sets into and after its article, in the words of German, French,
Spanish, Italian and Polish sites that foreign.py's rules do not name: a paywall's offer of a
trial and its question to subscribers, the share of the article left to read, a gift-article
note, a newsletter box's promise and call, a consent notice addressed to "dear user", an
advertisement's countdown in a video player, a news agency's feed id, and a broadcaster's note
on the programme that carried the story.

Each rule matches a whole short line (anchored, capped), worded as the box words it: the offer
to the reader ("Testen Sie", "Il vous reste"), the reader's own data ("Twoich danych"), so an
article sentence about a trial, a subscription or a newsletter stays. tests/cases/cleaning
holds for each rule lines it drops and sentences it keeps (chrome.json), and the pages they come
from (unseen.json, round 8).
"""

from __future__ import annotations

from materiel.clean.rules import rule

BOX_RULES = (
    rule(  # a paywall's offer and notices, in the reader's second person
        "paywall",
        r"""
        ^\W*testen\ sie\ (?:\w+\ ){0,3}?(?:\d{1,2}|eine[nr]?|zwei|drei|vier|sechs|zwölf)\ (?:wochen?|monate?|tage)
            \b.{0,120}$                                                    # "Testen Sie vier Wochen für 1 Euro"
      | ^\W*(?:sie\ haben|haben\ sie)\ (?:bereits|schon)\ ein(?:\ [\w+-]+)?(?:\ |-)?(?:abo|abonnement|konto)
            \b.{0,100}$                                                    # "Sie haben bereits ein Abo?"
      | ^\W*il\ vous\ reste\ \d{1,3}\s?%\ (?:de\ cet\ article|de\ l['’]article|à\ lire)\b.{0,120}$   # French
      | ^\W*la\ suite\ est\ réservée\ aux\ (?:abonnés|abonnées|membres)\b.{0,80}$
      | ^\W*(?:ten|cały)\ (?:artykuł|tekst|materiał)\ jest\ dostępny\ (?:[\w-]+\ ){0,3}?dla\ (?:subskrybentów
            |prenumeratorów|abonentów)\b.{0,120}$                          # Polish
      | ^\W*(?:questo\ articolo|questo\ contenuto)\ è\ riservato\ agli\ abbonati\b.{0,120}$          # Italian
    """,
        260,
        anchored=True,
    ),
    rule(  # a subscriber's gift of the article: "Als Abonnent können Sie diesen Artikel verschenken"
        "paywall",
        r"""^.{0,60}\babonnent(?:in|innen|en)?\b.{0,80}\b(?:artikel|beiträge)\ (?:zu\ )?verschenken\b.{0,40}$""",
        200,
        ("verschenken",),
    ),
    rule(  # a newsletter box's promise of a weekday's mail, and its call to sign up for it
        "newsletter",
        r"""
        ^\W*(?:erhalten|bekommen)\ sie\ jede[nr]?\ (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag
            |sonntag|werktag|woche|monat)\b.{0,120}$                         # "Erhalten Sie jeden Freitag ..."
    """,
        200,
        anchored=True,
    ),
    rule(  # the box's line that ends on the free mail, and its call to sign up, wherever they start
        "newsletter",
        r"""
        \b(?:kostenlos|gratis)\ (?:per\ e-?mail|in\ ihr(?:em|en)?\ (?:postfach|posteingang))\W*$  # "..., kostenlos per
                                                                          # E-Mail"
      | \b(?:apúntate|suscríbete|inscrivez-vous|abonnez-vous|iscriviti|zapisz\ się|melden\ sie\ sich)
            \b.{0,40}\b(?:newsletter|boletín|bulletin|lettre\ d['’]information|biuletyn)\b.{0,60}$
                                                                          # "... Apúntate a nuestro boletín."
    """,
        300,
        ("kostenlos", "gratis", "newsletter", "boletín", "bulletin", "lettre d", "biuletyn"),
    ),
    rule(  # a consent notice that addresses the reader and their data (Polish sites' RODO box)
        "cookie_notice",
        r"""
        ^\W*szanown[ay]\ (?:użytkowniku|użytkowniczko|czytelniku|czytelniczko)\b.{0,300}$   # "Dear user, ..."
    """,
        400,
        anchored=True,
    ),
    rule(  # the same box's words on "your personal data", wherever the line starts
        "cookie_notice",
        r"""\bprzetwarzani\w*\ (?:twoich|pani/pana|państwa)\ danych\ osobowych\b""",
        400,
        ("danych osobowych",),
    ),
    rule(  # a video player's advertisement countdown
        "advertisement",
        r"""^\W*(?:werbung|anzeige|advertisement|ad|publicité|publicidad|pubblicità|reklama)\W*
            (?:endet|ends|se\ termine|termina|kończy\ się|finisce)\ (?:in|dans|en|za|tra)\ \d{1,2}\s?
            (?:sekunden|seconds|secondes|segundos|secondi|sekund|s)\W*$""",
        60,
        anchored=True,
    ),
    rule(  # a news agency's feed id under the story, as German sites carry dpa's
        "wire_marker",
        r"""^\W*dpa-infocom\b.{0,80}$ | ^\W*dpa:\d{6}-\d{2}-\d{3,7}(?:/\d+)?\W*$""",
        100,
        anchored=True,
    ),
    rule(  # a broadcaster's note on the programme that carried the story
        "channel_furniture",
        r"""^\W*(?:dieses\ thema\ im\ programm|über\ dieses\ thema\ berichtete(?:n)?\ (?:das|die|der)\ )
            .{0,160}$""",
        200,
        anchored=True,
    ),
)
