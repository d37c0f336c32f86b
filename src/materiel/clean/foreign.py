"""Web furniture in the languages an English article's page is often wrapped in: German, French,
Spanish, Italian, Portuguese, Polish, Ukrainian and Russian.

A page in English from a site of another country (or a translation an outlet publishes beside
its own language) keeps the site's labels: "Read also", "Subscribe", "Share", "Advertisement",
"All rights reserved". These rules name those calls and labels, the same kinds furniture.py and
chrome.py name in English, matched as whole short lines (each rule is anchored at the line's
start and capped short), so that a sentence quoted in another language is not taken for them.
A site's menus and buttons, each a whole line, are foreignbuttons.py's; FOREIGN_RULES holds both.
tests/cases/cleaning/chrome.json holds for each rule lines it drops and sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.foreignbuttons import FOREIGN_BUTTON_RULES
from materiel.clean.rules import rule

_NOTICE_RULES = (
    rule(
        "read_more",
        r"""
        ^\W*(?:
            (?:також|также)\ читайте | читайте\ (?:також|также|ще|еще|більше|больше)  # Ukrainian, Russian
          | читати\ (?:також|далі|більше) | читать\ (?:далее|также|ещё|еще)
          | дивіться\ також | смотрите\ также
          | lesen\ sie\ (?:auch|mehr|hier|weiter) | weiterlesen | auch\ interessant   # German
          | lies\ (?:auch|mehr|weiter)                                  # German, speaking to the reader as "du"
          | auch\ lesenswert | ebenfalls\ (?:lesenswert|interessant) | passend\ (?:dazu|zum\ thema) | zum\ weiterlesen
          | (?:à\ )?lire\ (?:aussi|également|la\ suite) | voir\ aussi | à\ voir\ aussi    # French
          | le[ae]\ (?:también|más) | leer\ más | ver\ también                            # Spanish
          | czytaj\ (?:też|także|również|więcej|dalej) | zobacz\ (?:też|także|również)  # Polish
          | leggi\ anche | leggi\ di\ più | leia\ (?:também|mais)                         # Italian, Portuguese
        )(?:\b|(?=(?-i:[A-ZА-ЯЁІЇЄҐ])))       # or glued to the headline after it, as markup set them side by side
      | ^\W*(?:(?:докладніше\ |детальніше\ )?(?:по\ темі|за\ темою)|(?:подробнее\ )?по\ теме  # labels that open
          | на\ цю\ тему|на\ эту\ тему|докладніше|детальніше|подробнее
          | te\ recomendamos|recomendamos|nuestras\ recomendaciones | à\ découvrir\ aussi | empfohlen
          | mehr\ zum\ thema | en\ savoir\ plus | sur\ le\ même\ sujet | más\ información  # a sentence too:
          | saiba\ mais | powiązane | pokrewne                                             # alone, or before a colon
          | (?:también\ )?te\ puede\ interesar | das\ könnte\ sie\ (?:auch\ )?interessieren  # "You may also like"
          | вас\ (?:також\ )?може\ зацікавити | вам\ (?:также\ )?может\ быть\ интересно
          | weitere\ (?:artikel|nachrichten)(?:\ aus\ (?:dem\ |der\ )?(?:ressort\ )?[\w-]+)?   # story lists' headings
          | meistgelesen | autres\ articles | les\ plus\ lus
          | vous\ aimerez\ aussi | más\ noticias | otros\ artículos | lo\ más\ leído
          | більше\ новин | інші\ (?:статті|новини) | найпопулярніше
          | (?:ещ[её]|больше)\ новост(?:и|ей) | другие\ (?:статьи|новости) | самое\ читаемое
          | (?:новини|статті|матеріали)\ за\ темою | (?:новости|статьи|материалы)\ по\ теме  # "On this topic"
        )\s*(?:[:|—–»-]|$)
    """,
        400,
        anchored=True,
    ),
    rule(
        "newsletter",
        r"""
        ^\W*(?:підписуйтес[ья]|підписуйся|підпишіться|підписатися                      # Ukrainian
          | подписывайтесь|подпишитесь|подписаться                                        # Russian
          | abonnieren\ sie | jetzt\ abonnieren | newsletter\ abonnieren                   # German
          | jetzt\ (?:kostenlos\ )?registrieren                                            # "Register now"
          | abonnez-vous | s['’]abonner | inscrivez-vous                                   # French
          | suscríbete | suscríbase | suscribirse                                          # Spanish
          | (?:za)?subskrybuj | zapisz\ się | iscriviti | assine | inscreva-se            # Polish, Italian, Portuguese
        )\b
    """,
        250,
        anchored=True,
    ),
    rule(  # the same call after the box's question on its line: "Keine Nachricht verpassen? Dann abonnieren Sie ..."
        "newsletter",
        r"""^[^.!]{3,100}\?\s+(?:dann\ |jetzt\ |alors\ |entonces\ )?
            (?:abonnieren\ sie|abonnez-vous|inscrivez-vous|suscríbete|подпишитесь|підпишіться|zapisz\ się)
            \b.{0,120}$""",
        250,
        ("?",),
        anchored=True,
    ),
    rule(  # a sign-up box's promise in another language: what the newsletter brings, and when
        "newsletter",
        r"""
        ^\W*jetzt\ (?:kostenlos\ |gratis\ )?(?:anmelden|eintragen)\ und\b.{0,80}$     # "Jetzt anmelden und ..."
      | ^\W*(?:erhalten|bekommen)\ sie\ (?:täglich|jeden\ (?:morgen|abend|tag)|wöchentlich|unseren|unsere
            |die\ wichtigsten)\b.{0,80}$                                                 # "Erhalten Sie täglich ..."
      | ^\W*recevez\ (?:gratuitement\ )?(?:chaque|tous\ les|toutes\ les|notre|nos|l['’]essentiel|le\ meilleur)\b.{0,80}$
                                                                                      # "Recevez chaque matin ..."
      | ^\W*recibe\ (?:gratis\ )?(?:cada|todos\ los|todas\ las|nuestr[oa]s?|lo\ mejor)\b.{0,80}$   # Spanish
    """,
        150,
        anchored=True,
    ),
    rule(  # a short line that closes on the reader's inbox, as "... straight to your inbox" in chrome.py
        "newsletter",
        r"""\b(?:in\ ihr(?:en)?\ (?:e-?mail-)?(?:postfach|posteingang)
          | dans\ votre\ boîte\ (?:mail|e-?mail|de\ réception) | en\ tu\ (?:correo|bandeja\ de\ entrada))\W*$""",
        150,
        ("postfach", "posteingang", "boîte", "correo", "bandeja"),
    ),
    rule(  # a paywall's notices in another language: the article is for subscribers; a trial; a login
        "paywall",
        r"""
        ^\W*(?:dieser|der)\ (?:artikel|beitrag|inhalt|text)\ (?:ist\ )?(?:nur|exklusiv|ausschließlich)\ für
            \ (?:abonnent\w*|abonnierende|mitglieder|plus-?\w*|registrierte)\b.{0,120}$   # German
      | ^\W*(?:jetzt\ )?(?:\d{1,2}|einen|zwei|drei|vier)\ (?:wochen?|monate?|tage)\ (?:gratis|kostenlos)
            (?:\ (?:testen|lesen))?\b.{0,60}$                                            # "4 Wochen gratis testen"
      | ^\W*(?:sie\ sind\ )?bereits\ (?:abonnent\w*|registriert|kunde|kundin)\b.{0,40}$ # "Bereits Abonnent?"
      | ^\W*(?:cet\ article|ce\ contenu|la\ suite\ de\ cet\ article)\ est\ réservée?\ aux\ (?:abonnés|membres)
            \b.{0,120}$                                                                  # French
      | ^\W*déjà\ abonnée?\b.{0,40}$                                                    # "Déjà abonné ?"
      | ^\W*(?:este\ (?:artículo|contenido)\ es\ (?:exclusivo\ )?(?:para|solo\ para)\ (?:suscriptores|socios|abonados))
            \b.{0,120}$                                                                  # Spanish
      | ^\W*¿?ya\ (?:eres|es)\ (?:suscriptor|socio|abonado)\b.{0,40}$
    """,
        250,
        anchored=True,
    ),
    rule(
        "social_follow",
        r"""
        ^\W*(?:folgen\ sie\ uns | suivez-nous | síguenos | seguici | siga-nos | śledź\ nas  # "Follow us"
          | únete\ a\ (?:nuestro|nuestra)\ (?:canal|comunidad|grupo)                  # "Join our channel" (Spanish,
          | rejoignez(?:-nous|\ notre\ (?:chaîne|communauté|groupe|canal))              # French)
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
      | ^\W*(?:artikel\ teilen|partager\ (?:cet\ article|l['’]article)|compartir\ (?:este\ )?(?:artículo|noticia|nota)
          | поділитися\ (?:новиною|статтею)|поделиться\ (?:новостью|статьей)|udostępnij\ artykuł
          | condividi\ (?:l['’])?articolo|compartilhe\ (?:esta\ )?(?:notícia|matéria))\W*$       # "Share this article"
      | ^\W*(?:copiar\ (?:enlace|link)|copier\ le\ lien|link\ kopieren|(?:с?копіювати)\ посилання    # "Copy link"
          | (?:с?копировать)\ ссылку|kopiuj\ link|copia\ (?:il\ )?link)\W*$
      | ^\W*(?:per\ e-?mail\ (?:teilen|senden|versenden)|enviar\ por\ (?:correo|e-?mail)     # "Share by e-mail"
          | envoyer\ par\ (?:e-?mail|courriel)|надіслати\ (?:на\ )?(?:e-?mail|пошту)|отправить\ по\ почте)\W*$
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
        r"""^\W*(?:реклама|anzeige|werbung|publicité|publicidad|anuncio|anúncio|reklama|pubblicità|publicidade|iklan
            |gesponsert|sponsorisé|patrocinado|contenu\ sponsorisé|contenido\ patrocinado)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a site's footer in its own language, wherever the line puts it: "All rights reserved"
        "navigation",
        r"""
        \b(?:alle\ rechte\ vorbehalten|tous\ droits\ réservés|todos\ los\ derechos\ reservados
          | tutti\ i\ diritti\ riservati|todos\ os\ direitos\ reservados|wszelkie\ prawa\ zastrzeżone
          | всі\ права\ захищені|усі\ права\ захищені|все\ права\ защищены)
            (?:\W+(?:передрук|перепечатка|використання|использование|nachdruck|la\ reproduction|toute\ reproduction
              |queda\ prohibida|la\ reproducción|è\ vietata|é\ proibida|kopiowanie)\b[^!?]{0,150}
            |\W*(?:©|\(c\))?\W*\d{4}(?:\s*[-–]\s*\d{4})?)?\W*$                # or the year: "... zastrzeżone © 2023"
                                                    # and the reprint terms after it: "Передрук ... з посиланням"
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
    rule(  # a video's teaser: the label, a separator, the video's title ("VIDÉO. Les canons ...")
        "video_player",
        r"""^\W*(?:vidéo|vídeo|відео|видео)\s*[.:|—–-]\s*[^.!?\s][^.!?]{0,150}[!?]?\s*$""",  # no sentence
        200,
        anchored=True,
    ),
    rule(
        "comment_prompt",
        r"""
        ^\W*(?:kommentare|commentaires|comentarios|komentarze|commenti|коментарі|комментарии)
            \s*(?:\(\d+\)|:?\s*\d+)\W*$                              # "Comments (12)", "Commentaires 27"
      | ^\W*\d+\s+(?:kommentare?|commentaires?|comentarios?|komentarz[ey]?|commenti|коментар(?:і|ів)?
            |комментари(?:й|ев|я))\W*$                                                # "48 Kommentare", "9 коментарів"
      | ^\W*(?:kommentar\ schreiben|diskutieren\ sie\ mit|laisser\ un\ commentaire|réagir   # "Leave a comment"
          | kommentieren|commenter|comentar|commenta|skomentuj|комментировать|коментувати  # the button, alone
          | écrire\ un\ commentaire|deja\ (?:un|tu)\ comentario|залишити\ коментар|оставить\ комментарий)\W*$
      | ^\W*(?:zum\ kommentieren\ (?:anmelden|einloggen)|connectez-vous\ pour\ commenter   # "Log in to comment"
          | inicia\ sesión\ para\ comentar|увійдіть,?\ щоб\ (?:коментувати|залишити\ коментар)
          | войдите,?\ чтобы\ (?:комментировать|оставить\ комментарий))\W*$
    """,
        80,
        anchored=True,
    ),
    rule(  # an outlet's appeals to support it and to install its app, in a whole short line
        "self_promotion",
        r"""
        ^\W*(?:unterstützen\ sie|soutenez|apoya|підтримайте|поддержите)\ (?:\w+\ ){0,2}?   # "Support our journalism":
            (?:journalismus|arbeit|redaktion|journalisme|rédaction|periodismo|redacción          # the call, then
              |журналістик\w*|редакці\w*|видання|журналистик\w*|редакци\w*|издани\w*)\b.{0,80}$  # the outlet's work
      | ^\W*(?:laden\ sie\ unsere\ app|téléchargez\ notre\ appli                 # "Download our app"
          | descarga\ nuestra\ app|завантажте\ (?:наш|наш[уе])\ |скачайте\ (?:наш|наше)\ )\w*.{0,60}$
    """,
        150,
        anchored=True,
    ),
    rule(  # "This article has been updated", a whole line
        "update_note",
        r"""
        ^\W*(?:dieser\ artikel\ wurde\ (?:zuletzt\ )?aktualisiert                      # German
          | cet\ article\ a\ été\ mis\ à\ jour | (?:mis\ à\ jour|actualisé)\ le\ \d   # French
          | este\ artículo\ (?:ha\ sido|fue)\ actualizado                               # Spanish
          | (?:ця|цю)\ (?:новин[ау]|стат(?:тя|тю))\ (?:було\ )?оновлен\w*             # Ukrainian
          | (?:эта|эту)\ (?:новост[ьи]|стать[яю])\ (?:была\ )?обновлен\w*)\b.{0,80}$  # Russian
    """,
        150,
        anchored=True,
    ),
    rule(  # an opinion page's disclaimer: the author's views are not the outlet's
        "disclaimer",
        r"""
        ^\W*(?:les\ opinions\ exprimées\ (?:dans\ (?:cet|ce|cette)\ \w+|n['’]engagent)       # French
          | las\ opiniones\ expresadas\ (?:en\ (?:este|esta)\ \w+|son\ (?:responsabilidad|exclusiva))  # Spanish
          | die\ in\ diesem\ (?:artikel|beitrag|text)\ (?:geäußerten|vertretenen)\ (?:meinungen|ansichten)  # German
          | (?:думка|позиція)\ автора\ може\ не\ збігатися                                 # Ukrainian
          | (?:мнение|позиция)\ автора\ может\ не\ совпадать                               # Russian
          | (?:думка|позиція)\ редакції\ може\ не\ збігатися                                # the same, said of
          | (?:мнение|позиция)\ редакции\ может\ не\ совпадать)\b.{0,160}$                 # the newsroom
    """,
        250,
        anchored=True,
    ),
    rule(  # a republished story's note on where it first appeared in French ("est paru ..." is datalines.py's)
        "disclaimer",
        r"""
        ^\W*(?:cet\ article\ a\ été\ |article\ )?(?:initialement|d['’]abord|originellement)\ publié
            \ (?:dans|par|sur)\b.{0,100}$
      | ^\W*cet\ article\ a\ été\ publié\ (?:initialement|d['’]abord|originellement)\ (?:dans|par|sur)\b.{0,100}$
    """,
        200,
        anchored=True,
    ),
    rule(  # a reading time alone: "Lesezeit: 3 Min.", "Lectura de 3 min", "Читати 3 хв"
        "byline",
        r"""^\W*(?:lesezeit|lesedauer|temps\ de\ lecture|lectura\ de|tiempo\ de\ lectura|читати|читать|час\ читання
            |время\ чтения|время\ прочтения|lecture)     # the last two: "Время прочтения: 3 минуты", "Lecture : 4 min"
            \W*(?:\d{1,2}|~\d{1,2})\s*(?:min\w*|хв\w*|мин\w*)\W*$""",
        50,
        anchored=True,
    ),
    rule(  # "Found a mistake? Select it and press Ctrl+Enter"
        "typo_report",
        r"""
        ^\W*(?:fehler\ gefunden|vous\ avez\ (?:trouvé|repéré)\ une\ (?:erreur|faute)     # German, French
          | (?:has\ )?encontrado\ un\ error | помітили\ помилку | заметили\ ошибку)\b.{0,120}$  # Spanish, Ukr, Rus
    """,
        200,
        anchored=True,
    ),
    rule(
        "cookie_notice",
        r"""
        ^\W*(?:wir\ verwenden\ cookies | diese\ (?:website|seite)\ verwendet\ cookies          # German
          | ce\ site\ utilise\ des\ cookies | nous\ utilisons\ des\ cookies                 # French
          | (?:utilizamos|usamos)\ cookies | este\ sitio\ (?:web\ )?utiliza\ cookies           # Spanish
          | ми\ використовуємо\ (?:файли\ )?cookie | мы\ используем\ (?:файлы\ )?cookie     # Ukrainian, Russian
          | używamy\ (?:plików\ )?cookie | utilizziamo\ (?:i\ )?cookie)\b.{0,250}$        # Polish, Italian
      | ^\W*(?:alle\ (?:akzeptieren|ablehnen)|akzeptieren|tout\ (?:accepter|refuser)|accepter  # the banner's buttons
          | (?:aceptar|rechazar)(?:\ todas?)?|прийняти(?:\ всі)?|відхилити|принять(?:\ все)?|отклонить
          | zaakceptuj(?:\ wszystkie)?|accetta(?:\ tutti)?)\W*$
    """,
        300,
        anchored=True,
    ),
)
# The notices first, then the menus and buttons (the first rule that matches gives the reason).
FOREIGN_RULES = (*_NOTICE_RULES, *FOREIGN_BUTTON_RULES)
