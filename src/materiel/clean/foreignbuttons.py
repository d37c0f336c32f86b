"""A site's menus and buttons in the languages foreign.py covers, each a whole line: an account
menu and a skip link, print, share, listen and keep buttons, an image viewer's and a player's,
links to more, a comment thread's heading, a blocked embed's placeholder, footer links, a
paywall's label and a post's tags. foreign.py has the notices and calls (read also, subscribe,
follow us, paywalls, cookies, rights) and joins these rules after its own.
tests/cases/cleaning/chrome.json holds for each rule lines it drops and sentences it keeps.
"""

from __future__ import annotations

from materiel.clean.rules import rule

FOREIGN_BUTTON_RULES = (
    rule(  # an account menu's items and a skip link, each a whole line
        "navigation",
        r"""
        ^\W*(?:anmelden|einloggen|abmelden|registrieren|abonnieren|mein\ konto                # German
          | se\ connecter|connexion|s['’]abonner|mon\ compte                                 # French
          | iniciar\ sesión|mi\ cuenta|suscríbete                                           # Spanish
          | увійти|вийти|мій\ профіль|мій\ кабінет|войти|выйти|мой\ профиль|личный\ кабинет  # Ukrainian, Russian
          | zaloguj\ się|moje\ konto)\W*$                                                 # Polish
      | ^\W*(?:zum\ inhalt\ springen|direkt\ zum\ inhalt|aller\ au\ contenu(?:\ principal)?  # "Skip to content"
          | ir\ al\ contenido(?:\ principal)?|перейти\ (?:до|к)\ (?:змісту|содержанию|основного\ \w+)
          | przejdź\ do\ (?:treści|zawartości))\W*$
      | ^\W*(?:zur\ startseite|retour\ à\ l['’]accueil|volver\ a\ la\ portada|на\ головну|на\ главную
          |powrót\ do\ strony\ głównej)\W*$                                           # "Back to the home page"
      | ^\W*(?:dołącz\ do\ nas|obserwuj\ nas)\ na\ (?:facebooku|twitterze|instagramie|telegramie|youtube)\W*$
                                                                                  # Polish "Follow us on ..."
    """,
        60,
        anchored=True,
    ),
    rule(  # a page's print, share and listen buttons, each a whole line
        "share_bar",
        r"""
        ^\W*(?:drucken|imprimer|imprimir|друкувати|роздрукувати|печать|распечатать|drukuj|stampa)\W*$  # "Print"
      | ^\W*(?:auf|per|via)\ (?:whatsapp|facebook|telegram|x|twitter|linkedin)\ teilen\W*$     # "Share on WhatsApp"
      | ^\W*(?:(?:diesen\ )?artikel\ (?:anhören|vorlesen(?:\ lassen)?)|écouter\ (?:cet\ )?article  # "Listen"
          | escuchar\ (?:este\ )?(?:artículo|noticia)|прослухати\ (?:статтю|новину)|слушать\ (?:статью|новость))
            (?:\W+\d{1,2}\s*(?:min|хв|мин)\w*)?\W*$                   # with the recording's length: "· 4 Min."
      | ^\W*(?:hören\ sie\ (?:diesen|den)\ (?:artikel|beitrag)|écouter|escuchar|ascolta|ouvir|слушать|слухати
          |прослухати)\W*$                         # the player's button: "Hören Sie diesen Artikel", "Écouter"
    """,
        60,
        anchored=True,
    ),
    rule(  # an image viewer's button: "Enlarge"
        "image_viewer",
        r"""^\W*(?:vergrößern|bild\ vergrößern|agrandir|ampliar|збільшити|увеличить|powiększ)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # "Related articles" in Japanese, Korean and Chinese, alone
        "read_more",
        r"""^\W*(?:関連記事|関連ニュース|관련\s?기사|관련\s?뉴스|相关(?:新闻|阅读|文章)|相關(?:新聞|閱讀|文章))\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a post's topic tags under their label in another language: "Теги: Україна, зброя"
        "tags",
        r"""^\W*(?:теги|тэги|мітки|метки|schlagw[öo]rter?|stichw[öo]rter?|mots[-\ ]clés|étiquettes|etiquetas|tagi
          |ключевые\ слова|ключові\ слова|palabras\ clave)               # "Keywords" (Russian, Ukrainian, Spanish)
            \s*:\s*[^.!?]{2,200}$""",
        250,
        anchored=True,
    ),
    rule(  # a page's buttons between paragraphs, each a whole line: keep, listen, give, show more
        "share_bar",
        r"""
        ^\W*(?:(?:artikel|seite|beitrag)\ (?:merken|verschenken|teilen)|(?:zur\ )?merkliste(?:\ hinzufügen)?  # German
          | vorlesen
          | partager\ (?:cet\ article|cette\ page)                                 # "Share this page" elsewhere
          | compartir\ (?:este\ artículo|esta\ página|esta\ noticia)
          | поділитися\ (?:статтею|новиною|сторінкою)|поделиться\ (?:статьей|новостью|страницей)
          | (?:audio\W+)?(?:diesen\ )?artikel\ anhören
          | später\ lesen|merken                                               # "Read later", "Keep"
          | lire\ plus\ tard|sauvegarder|ajouter\ à\ (?:mes|ma)\ (?:favoris|sélection|liste)     # French
          | guardar|leer\ más\ tarde                                           # Spanish
          | offrir\ (?:cet|l['’])\ ?article|guardar\ (?:artículo|noticia)|regalar\ (?:artículo|noticia))\W*$
    """,
        60,
        anchored=True,
    ),
    rule(  # links to more, and a comment thread's heading and button, each a whole line
        "read_more",
        r"""^\W*(?:mehr\ (?:lesen|anzeigen)|jetzt\ weiterlesen|alle\ (?:artikel|beiträge|meldungen)\ zum\ thema
          | (?:bitte\ )?hier\ klicken|voir\ plus|afficher\ plus|ver\ más|mostrar\ más)\W*$""",
        60,
        anchored=True,
    ),
    rule(
        "comment_prompt",
        r"""^\W*(?:kommentare(?:\ (?:anzeigen|lesen|einblenden))?|(?:voir|afficher|lire)\ les\ commentaires
          | commentaires|comentarios|ver\ (?:los\ )?comentarios)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a player's and an image viewer's buttons, and the app's
        "video_player",
        r"""^\W*(?:video\ abspielen|lire\ la\ vidéo|reproducir\ (?:el\ )?vídeo|agrandir\ l['’]image
          | (?:unsere\ )?app\ (?:herunterladen|installieren)|unsere\ app\ laden
          | télécharger\ (?:l['’]|notre\ )appli(?:cation)?|descargar\ (?:la|nuestra)\ app)\W*$""",
        60,
        anchored=True,
    ),
    rule(  # the placeholder of a blocked embed (a post, a video, a map) and its consent button
        "consent_notice",
        r"""
        ^\W*(?:empfohlener\ (?:redaktioneller\ )?inhalt|externer\ inhalt|(?:externe\ )?inhalte?\ (?:laden|anzeigen)
          | contenu\ externe|afficher\ le\ contenu|accepter\ et\ (?:afficher|continuer|voir)
          | contenido\ externo|cargar\ contenido)\W*$
      | ^\W*ich\ bin\ damit\ einverstanden,\ dass\ mir\ externe\ inhalte\b.{0,200}$            # its fine print
      | ^\W*(?:en\ cliquant|j['’]accepte).{0,60}\bcontenus?\ (?:externes?|tiers)\b.{0,200}$
    """,
        300,
        anchored=True,
    ),
    rule(  # a site's menu items and footer links in another language, each a whole line
        "navigation",
        r"""^\W*(?:startseite|datenschutz(?:erklärung|hinweise)?|kontakt|accueil|mentions\ légales
          | politique\ de\ confidentialité|nous\ contacter|aviso\ legal|política\ de\ privacidad|contacto)\W*$""",
        40,
        anchored=True,
    ),
    rule(  # a paywall's label on an article or a teaser, a whole line
        "paywall",
        r"""^\W*(?:(?:exklusiv|nur)\ für\ (?:abonnent\w*|mitglieder)|plus-?artikel|(?:article\ )?réservé\ aux\ abonnés
          | abonnée?|exclusivo\ (?:para\ )?(?:suscriptores|socios))\W*$""",
        50,
        anchored=True,
    ),
)
