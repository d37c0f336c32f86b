"""An outlet's notes written as whole sentences, in English and the languages foreign.py covers:
the page speaking of itself (how it was made, who paid for it, where else it ran), corrections of
an earlier version, a note labelled as the editors' or as a disclosure, and the outlet's appeals
to the reader (support us, readers like you, we would like to hear from you, thank you for
reading).

Each kind names what a news sentence never says: "this article" or "an earlier version of this
article" as its subject, the reader addressed together with the outlet's journalism, a label
that opens the line. A sentence that quotes such words from someone else ("'We want to hear from
you,' the mayor said", "the study was produced in partnership with the audit office, the
ministry said") keeps them inside quotation marks or after another subject. clean22 wrote these
from made-up pages (tests/cases/cleaning/unseen.json, round 7); chrome.json holds each rule's
lines with sentences of the same words that stay.
"""

from __future__ import annotations

from materiel.clean.rules import rule

# A sentence's start: the line's own, or after a sentence's stop and a space (a quotation's
# opening mark stands before a quoted sentence, so "'We would like ...,' she said" is not one).
_SENTENCE = r"(?:^|(?<=[.!?]\ ))"

PROSE_NOTE_RULES = (
    rule(  # the page speaking of itself in another language: how it was made, with whose help
        "disclaimer",
        r"""
        ^\W*(?:
            (?:dieser|der)\ (?:artikel|beitrag|text)\ (?:entstand|ist|wurde)\ .{0,40}?          # German
                (?:in\ (?:zusammenarbeit|kooperation)|mit\ (?:unterstützung|förderung)|im\ rahmen)\b
          | cet\ article\ (?:a\ été|est)\ (?:réalisé|produit|écrit|publié|financé)\ .{0,20}?      # French
                (?:en\ (?:partenariat|collaboration)|avec\ le\ soutien|grâce)\b
          | cet\ article\ vous\ est\ offert\b                               # a metered paywall's gift
          | (?:este|el)\ (?:artículo|reportaje|contenido)\ (?:ha\ sido|fue|se\ ha)            # Spanish
                \ (?:realizado|elaborado|producido|publicado)\ (?:en\ colaboración|con\ el\ apoyo|gracias)\b
          | questo\ (?:articolo|contenuto|reportage)\ è\ stato\ (?:realizzato|prodotto|scritto)  # Italian
                \ (?:in\ collaborazione|con\ il\ (?:sostegno|contributo)|grazie)\b
          | (?:artykuł|tekst|materiał)\ powstał\ (?:we\ współpracy|dzięki|przy\ wsparciu|w\ ramach)\b  # Polish
          | (?:цей\ )?(?:матеріал|публікаці[юя]|статт[яю])\ (?:підготовлено|підготовлен[аи]      # Ukrainian
                |створено|створен[аи])\ (?:за\ підтримки|у\ співпраці|в\ рамках|за\ сприяння)
          | зміст\ (?:цього\ |цієї\ )?(?:матеріалу|публікації)\ є\ (?:виключною\ )?   # its grant's note
                відповідальністю
          | (?:этот\ )?(?:материал|публикация|статья)\ (?:подготовлен[аы]?|создан[аы]?)         # Russian
                \ (?:при\ поддержке|в\ сотрудничестве|в\ рамках)
        ).{0,250}$""",
        320,
        anchored=True,
    ),
    rule(  # the same in English, where notices.py's "this article ..." does not reach
        "disclaimer",
        r"""
        ^\W*(?:
            (?:this|our)\ (?:reporting|coverage|journalism)\ (?:was|is)\ (?:supported|funded|made\ possible
                |paid\ for)\ (?:by|through|with|in\ part)\b                  # "This reporting was supported by a grant"
          | the\ (?:fund|foundation|funder|donor|sponsor)s?\ (?:had|has|have)\ no\ (?:say|influence|control
                |input|involvement)\ (?:over|on|in)\ (?:the\ |this\ |our\ )?(?:editorial\ )?(?:content|reporting
                |coverage)\b                                                  # the funder's note after it
          | this\ (?:article|story|piece)\ is\ part\ of\ [^.]{0,60}?\bour\ (?:[\w-]+\ ){0,3}?
                (?:series|coverage|project)\b                                 # "is part of The Arsenal, our series"
          | read\ (?:the\ other|more|all\ the)\ (?:stories|articles|parts|episodes)\ (?:in|from|of)
                \ (?:the|this|our)\ series\b
          | a\ version\ of\ this\ (?:article|story|piece)\ (?:appeared|appears|was\ published|ran)
                \ (?:in\ print|in\ the\ print|in\ our\ print)\b               # a print edition's note
          | (?:photographs|photos|images|pictures)\ (?:in|for)\ this\ (?:story|article|piece|report)
                \ (?:were|are|was)\ (?:provided|taken|supplied|used|courtesy)\b   # the page's photo credit
          | this\ (?:article|story|piece|page)\ is\ more\ than\ \w+\ (?:years?|months?)\ old\b\W{0,3}
                (?:(?:some|parts?)\ of\ the\ (?:information|content)\b.*)?$  # an archive banner and its warning
        ).{0,250}$""",
        320,
        anchored=True,
    ),
    rule(  # a note the line's label sets apart: the editors', a disclosure, a correction of an earlier version
        "disclaimer",
        r"""
        ^\W*(?:editor['’]?s\ note|note\ from\ the\ editors?|disclosure|anmerkung\ der\ redaktion       # English, German
          | hinweis\ der\ redaktion|note\ de\ la\ rédaction|nota\ de\ la\ redacción|nota\ della\ redazione
          | od\ redakcji|від\ редакції|от\ редакции)\s*:\s*\S                      # French ... Russian
    """,
        400,
        anchored=True,
    ),
    rule(  # a correction: an earlier version of this article, said in any of the languages
        "update_note",
        r"""
        \b(?:in|an)\ einer\ (?:früheren|vorherigen|älteren|ersten)\ (?:fassung|version)          # German
            \ (?:dieses|des)\ (?:artikels|beitrags|textes)\b
      | \bune\ (?:version\ (?:précédente|antérieure)|précédente\ version)\ de\ (?:cet|notre)\ article\b  # French
      | \buna\ versión\ anterior\ de\ (?:esta|este)\ (?:noticia|artículo|texto|reportaje|información)\b  # Spanish
      | \buna\ (?:versione\ precedente|precedente\ versione)\ di\ questo\ (?:articolo|testo)\b   # Italian
      | \b(?:pierwotnej|poprzedniej|wcześniejszej)\ wersji\ (?:tego\ )?(?:tekstu|artykułu)\b   # Polish
      | \b(?:попередній|первинній)\ версії\ (?:цього\ )?(?:матеріалу|тексту|статті|новини)     # Ukrainian
      | \b(?:предыдущей|первоначальной)\ версии\ (?:этого\ )?(?:материала|текста|статьи|новости)  # Russian
      | ^\W*(?:correction|clarification)\s*:\s*an\ earlier\ version\ of\ this\b   # English, after its label
    """,
        400,
        ("fassung", "version", "versión", "versione", "wersji", "версії", "версии"),
    ),
    rule(  # the outlet's appeals to the reader, said in a sentence of their own
        "self_promotion",
        rf"""
        ^\W*if\ you\ (?:value|appreciate|enjoy|like|rely\ on)\ (?:what\ we\ do|our\ (?:journalism|reporting
            |work|coverage)|this\ (?:article|story|reporting))\b                 # "If you value what we do, ..."
      | \bconsider\ becoming\ an?\ (?:paying\ )?(?:supporter|subscriber|patron|donor)\b   # (a state may
      | \bplease\ consider\ becoming\ a\ member\b                 # "consider becoming a member" of an alliance)
      | {_SENTENCE}we(?:\ would|['’]d)\ (?:like|love)\ to\ hear\ from\ you\b
      | {_SENTENCE}we\ want\ to\ hear\ from\ you\b
      | {_SENTENCE}are\ you\ (?:an?\ )?[^.?"“]{{0,60}}\baffected\ by\ (?:this|these|the)\b[^.?]{{0,60}}\?  # a call-out
      | {_SENTENCE}get\ in\ touch\ with\ (?:our|the)\ (?:[\w-]+\ ){{0,2}}(?:team|desk|newsroom|reporters?)\b
      | {_SENTENCE}we\ (?:never|don['’]t|do\ not|will\ never)\ put\ our\ (?:journalism|reporting|stories|articles)
            \ behind\ a\ paywall\b
      | \b(?:readers\ like\ you|leser(?:innen|n)?(?:\ und\ lesern)?\ wie\ (?:ihnen|dir)          # "readers like you"
          | lecteurs?\ (?:et\ lectrices\ )?comme\ vous|lectores\ como\ (?:tú|usted|vosotros)       # closing its
          | lettori\ come\ (?:te|voi))(?=\W*$|[.!]\s)                                          # sentence
      | \bunterstützen\ sie\ (?:den\ |die\ )?(?:unabhängigen?|unseren?|unsere|qualitäts)\w*\ ?   # "support our"
            (?:journalismus|recherche|arbeit|redaktion)\b
      | \bsoutenir\ (?:une|l['’]|notre)\ ?(?:information|journalisme|rédaction)\ (?:indépendant|libre)
      | \bhazte\ (?:socio|socia|suscriptor|suscriptora|miembro)\b | \b(?:tu|su)\ apoyo\ hace\ posible\b
      | \bsostienici\b | \bsostieni\ (?:il\ nostro|l['’]informazione|il\ giornalismo)\b
      | \bwesprzyj\ (?:niezależne|nasze|naszą)\ (?:dziennikarstwo|redakcję|pracę)\b     # the outlet's work, not
      | \bпідтримайте\ (?:незалежну\ |нашу\ )?(?:журналістику|редакцію)                # "support us", which a
      | \bподдержите\ (?:независимую\ |нашу\ )?(?:журналистику|редакцию)              # president says too
      | {_SENTENCE}ми\ працюємо\ завдяки\ вам\b | {_SENTENCE}мы\ работаем\ благодаря\ вам\b
      | \b(?:informazione|giornalismo)\ (?:libera\ e\ indipendente|libera|indipendente|di\ qualità)\ ha\ un\ costo\b
      | \bjournalisme\ (?:indépendant|de\ qualité)\ a\ un\ coût\b | \b(?:unabhängiger|guter)\ journalismus\ kostet\b
      | \bperiodismo\ (?:independiente|de\ calidad)\ (?:cuesta|tiene\ un\ cost[eo])\b
      | ^\W*(?:thank\ you|thanks)\ for\ reading(?:\ (?:this|our\ \w+))?\W*(?:$|[.!]\s) |  # not "... the statement"
        ^\W*dziękujemy,?\ że\ (?:czytasz|czytacie|jesteś|jesteście)\b
      | ^\W*merci\ de\ (?:nous\ )?lire\b | ^\W*gracias\ por\ (?:leer|leernos)\b     # "Thank you for reading"
      | ^\W*grazie\ per\ (?:aver\ letto|leggerci|averci\ letto)\b | ^\W*danke\ fürs\ lesen\b
      | ^\W*дякуємо,?\ що\ (?:читаєте|ви\ з\ нами)\b | ^\W*спасибо,?\ что\ (?:читаете|вы\ с\ нами)\b
    """,
        400,
        (
            "if you",
            "consider becoming",
            "hear from you",
            "affected by",
            "get in touch",
            "paywall",
            "like you",
            "wie ihnen",
            "wie dir",
            "comme vous",
            "como tú",
            "como usted",
            "como vosotros",
            "come te",
            "come voi",
            "unterstützen sie",
            "soutenir",
            "hazte",
            "apoyo hace",
            "sostien",
            "wesprzyj",
            "підтримайте",
            "поддержите",
            "завдяки вам",
            "благодаря вам",
            "ha un costo",
            "a un coût",
            "journalismus kostet",
            "periodismo",
            "thank",
            "dziękujemy",
            "merci de",
            "gracias por",
            "grazie per",
            "danke fürs",
            "дякуємо",
            "спасибо",
        ),
    ),
)
