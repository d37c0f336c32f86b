"""What a site says to its visitor around the article, in the languages its pages come in, where
the other rule modules name only some wordings: a live blog's buttons, the feedback box under a
story, a paywall's count of free articles and its trial offer, an account menu run together on
one line, a view counter beside the time stamp, a call to install the site's app.

Each alternative matches a whole short line (anchored, capped), so an article sentence that uses
the same words in passing stays. tests/cases/cleaning/chrome.json holds for each rule lines it
drops and sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

# An account menu's items, in German, French, Spanish, Italian, Polish, Ukrainian and Russian
# (the English ones are buttons.py's): a menu run together on one line is two or more of them.
_ACCOUNT_ITEMS = r"""(?:
    anmelden|einloggen|abmelden|registrieren|abonnieren|abo\ abschließen|mein\ konto|mein\ profil   # German
  | se\ connecter|connexion|s['’]abonner|mon\ compte|mon\ espace|déconnexion                       # French
  | iniciar\ sesión|mi\ cuenta|suscríbete|suscribirse|registrarse|cerrar\ sesión                 # Spanish
  | accedi|abbonati|il\ mio\ account|zaloguj(?:\ się)?|moje\ konto|subskrybuj                   # Italian, Polish
  | увійти|вийти|передплатити|мій\ профіль|мій\ кабінет|зареєструватися                       # Ukrainian
  | войти|выйти|подписаться|мой\ профиль|личный\ кабинет|зарегистрироваться                    # Russian
)"""

# The words a view counter says its figure with: "1 245 просмотров", "3.4K views".
_VIEWS = r"""(?:views|reads|aufrufe|vues|lectures|visitas|lecturas|visualizzazioni|wyświetle\w*
  |просмотр\w*|перегляд\w*)"""

PROMPT_RULES = (
    rule(  # a live blog's buttons and its loader, each a whole line
        "live_page",
        r"""
        ^\W*(?:load|show|see|view)\ (?:more|older|newer|earlier|previous|new)\ (?:posts|updates|entries)\W*$
      | ^\W*(?:ältere|neuere|weitere|mehr)\ (?:einträge|beiträge|meldungen)\ (?:laden|anzeigen)\W*$  # German
      | ^\W*(?:ticker|liveblog|seite)\ (?:aktualisieren|neu\ laden)\W*$
      | ^\W*(?:charger|afficher)\ (?:plus\ d['’]|les\ )?(?:entrées|messages|publications|posts)
            (?:\ (?:précédent(?:e)?s|plus\ anciens|plus\ anciennes))?\W*$                          # French
      | ^\W*(?:cargar|ver)\ (?:más\ )?(?:entradas|publicaciones|actualizaciones)(?:\ anteriores)?\W*$  # Spanish
      | ^\W*(?:завантажити|показати)\ (?:ще|більше|попередні)(?:\ (?:новини|записи|повідомлення))?\W*$  # Ukrainian
      | ^\W*(?:загрузить|показать)\ (?:ещ[её]|больше|предыдущие)(?:\ (?:новости|записи|сообщения))?\W*$  # Russian
    """,
        60,
        anchored=True,
    ),
    rule(  # the feedback box under a story: its question, and the appeal that may follow on the line
        "self_promotion",
        r"""
        ^\W*(?:was\ this\ (?:article|story|page|translation|summary|information)\ (?:helpful|useful)
          | did\ you\ (?:find\ this\ (?:article|story)\ (?:helpful|useful)|(?:like|enjoy)\ this\ (?:article|story))
          | hat\ ihnen\ (?:dieser|der)\ (?:artikel|beitrag|text)\ (?:gefallen|geholfen)          # German
          | war\ (?:dieser|der)\ (?:artikel|beitrag)\ hilfreich
          | cet\ article\ vous\ a(?:-t-il)?\ (?:été\ utile|plu)                                  # French
          | ¿?(?:te|le)\ (?:ha\ )?(?:resultado\ útil|gustado|servido)\ (?:este|esta)\ (?:artículo|noticia)  # Spanish
          | ¿?(?:este|esta)\ (?:artículo|noticia)\ (?:te|le)\ (?:ha\ )?(?:resultado\ útil|gustado|servido)
          | (?:была\ ли\ )?(?:эта\ )?(?:статья|новость)\ (?:была\ )?полезн\w*                    # Russian
          | вам\ понравилась\ (?:эта\ )?(?:статья|новость)
          | (?:чи\ )?(?:була\ )?(?:ця\ )?(?:стаття|новина)\ (?:була\ )?корисн\w*                # Ukrainian
          | вам\ сподобалася\ (?:ця\ )?(?:стаття|новина)
        )\s*\?.{0,120}$
    """,
        200,
        anchored=True,
    ),
    rule(  # a paywall's count of what is left to read free, and its offer to read on
        "paywall",
        r"""
        ^\W*you\ (?:have|['’]ve\ got)\ (?:\d+|one|two|three|four|five|no)\ (?:more\ )?(?:free\ )?(?:articles?|stories)
            \ (?:left|remaining)\b.{0,100}$                    # "You have 2 free articles remaining this month."
      | ^\W*(?:il\ vous\ reste|te\ quedan?|le\ quedan?|у\ вас\ осталось|у\ вас\ залишилось)
            \ (?:\d+|un|une|uno|una|dos|deux)\ (?:бесплатн\w+\ |безкоштовн\w+\ )?
            (?:articles?|artículos?|стат\w+|матеріал\w*)\b.{0,100}$
                                                                   # the same in French, Spanish, Russian, Ukrainian
      | ^\W*(?:jetzt\ )?weiterlesen\ mit\ \S{1,20}\b.{0,80}$         # "Jetzt weiterlesen mit Plus"
      | ^\W*(?:continuer|poursuivre)\ (?:la\ lecture|à\ lire)\ (?:avec|en\ vous\ abonnant)\b.{0,80}$  # French
      | ^\W*sigue\ leyendo\ con\ (?:tu|una)\ suscripción\b.{0,80}$  # Spanish
    """,
        200,
        anchored=True,
    ),
    rule(  # a German trial offer wherever it stands on a short line (a rule of its own: its needle
        "paywall",  # spares other lines a search that no first word can gate)
        r"""^.{0,80}\bdie\ ersten\ (?:\d{1,2}|zwei|drei|vier|sechs)\ (?:wochen|monate|tage)
            \ (?:(?:gratis|kostenlos)\ (?:testen|lesen)\b|für\ 0\ ?€).{0,60}$""",  # "... 4 Wochen kostenlos testen"
        200,
        ("die ersten",),
        anchored=True,
    ),
    rule(  # an account menu of another language run together on one line: two items or more
        "navigation",
        rf"""^\W*{_ACCOUNT_ITEMS}(?:\W+{_ACCOUNT_ITEMS})+\W*$""",
        120,
        anchored=True,
    ),
    rule(  # a view counter, alone or after the time stamp: "12:40, 5 June 2026 · 1,245 views"
        "byline",
        rf"""
        ^(?:[\W_]*\d[\W\d_]*(?:[^\W\d_]{{1,12}}[\W\d_]+){{0,2}}?     # after a time stamp that opens with a figure
          | [^.!?]{{0,50}}[·|•]\s*)                                    # or after a separator
        \d[\d\s.,]*(?:[kmк]\s*|тыс\.?\s*)?{_VIEWS}\s*$              # the count, ending the line (no full stop)
      | ^\W*{_VIEWS}\s*:\s*\d[\d\s.,]*\W*$                           # "Views: 1245"
    """,
        80,
        anchored=True,
    ),
    rule(  # a call to install the site's app, in a whole short line
        "self_promotion",
        r"""
        ^\W*(?:holen\ sie\ sich|hol\ dir|laden\ sie\ sich)\ (?:unsere\ (?:[\w-]+\ ){0,2}app|(?:die|unsere)\ [\w-]+-app)
            \b.{0,80}$                                               # German: "our app", "the <outlet>-App"
      | ^\W*(?:téléchargez|installez)\ (?:notre\ (?:appli|application)\b                                 # French
          | l['’]\ ?(?:appli|application)(?=\s*(?:$|[:!—–-]|et\b)))
            .{0,80}$                                  # "the app" alone or before a colon (not "l'application du ...")
      | ^\W*(?:descarga|descargue|instala)\ (?:nuestra\ (?:app|aplicación)\b                             # Spanish
          | la\ (?:app|aplicación)(?=\s*(?:$|[:!—–-]|y\b)))
            .{0,80}$
      | ^\W*(?:скачайте|установите|завантажте|встановіть)\ (?:наш[уеи]?\ |нашу\ )?
            (?:приложение|застосунок|додаток|мобільний\ додаток|мобильное\ приложение)\b.{0,80}$       # Russian, Ukr
    """,
        160,
        anchored=True,
    ),
)

ENGLISH_PROMPT_RULES = (
    rule(  # a sign-up box's pitch that opens on its verb and names the newsletter
        "newsletter",
        r"""^\W*(?:get|receive)\ (?:[^.!?,]|(?<=\b\w)\.){0,150}\bnewsletters?\b(?!['’])
            (?:[^.!?,]|(?<=\b\w)\.){0,60}[.!]?\s*$""",  # one clause ("U.S." inside), not "..., he told the newsletter"
        220,
        ("newsletter",),
        anchored=True,
    ),
    rule(  # an appeal for the outlet, then its offer on the same line
        "self_promotion",
        r"""^\W*support\ (?:local|independent|quality|our)\ (?:journalism|news|reporting)[.!]
            \s+[^.!?]{0,100}[.!]?\s*$""",
        150,
        anchored=True,
    ),
    rule(  # a gallery's button that counts its pictures
        "gallery_control",
        r"""^\W*(?:view|see|open|browse)\ (?:all\ )?\d{1,3}\ (?:images|photos|pictures|slides)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a registration wall's call
        "paywall",
        r"""^\W*(?:sign\ up|register|log\ in|sign\ in)\ (?:for\ free\ |now\ )?to\ (?:continue|keep)\ reading
            (?:\ (?:this|the)\ (?:story|article))?(?:\W*$|[.!:]\s.{0,60}$)""",  # alone, or before the offer
        100,
        anchored=True,
    ),
    rule(  # a skip link to the site's own aids
        "navigation",
        r"""^\W*(?:go|jump|skip)\ to\ (?:the\ )?(?:accessibility\ (?:shortcuts|help|options|settings)|main\ menu
            |site\ navigation|top\ of\ (?:the\ )?page)\W*$""",
        60,
        anchored=True,
    ),
)
