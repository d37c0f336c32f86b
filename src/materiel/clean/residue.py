"""What markup leaves behind in text: HTML entities and tags, invisible characters.

Scrapers that save a page's text often keep pieces of its markup: entities the page escaped
(`&#x27;`, `&amp;`, `&lt;`), tags of a fragment pasted as text (`<span id="midArticle_0"/>`),
and characters no reader sees (zero-width spaces and joiners, word joiners, byte-order marks,
soft hyphens), which split words for search and extraction. Each repair is recorded; tags are
recorded as removed. Escaped Markdown (`\\[`, `\\*`) is Markdown's business: `markup.strip_markdown`.

Nothing here touches an ampersand that is not an entity: only a complete reference with its
closing semicolon, naming a character HTML knows, is replaced ("AT&T", "R&D;", "&copy" stay).
"""

from __future__ import annotations

import html.entities
import re

from materiel import regexcache
from materiel.article import Article, Removal, Repair
from materiel.clean.yamlish import valid_code_point

# A character reference: decimal, hexadecimal or named, always closed by a semicolon.
_ENTITY = regexcache.compile(r"&(?:\#(\d{1,7})|\#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));")
# Double escaping ("&amp;#x27;", "&amp;quot;") is unwound step by step, at most this often.
MAX_UNESCAPE_ROUNDS = 3
# Characters a browser does not show, which split words ("Uk\u00adraine") for every search and
# every model (of the control characters, tab, line ends, \v, \f and the separators stay: spacing):
_INVISIBLE = regexcache.compile(
    r"""[\u200b\u2060\ufeff\u00ad]            # zero-width space, word joiner, byte-order mark, soft hyphen
      | \ufffc                               # the object replacement character, where an embed was lost
      | [\u200c\u200d](?=[\x00-\x7f]|$)     # zero-width (non-)joiners beside ASCII: in Persian words
      | (?<=[\x00-\x7f])[\u200c\u200d]      # and emoji sequences they are spelling, and stay
      | [\x00-\x08\x0e-\x1b\x7f]             # control characters (ESC opens a terminal's commands)
    """,
    re.VERBOSE,
)
_ANY_INVISIBLE = regexcache.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffc\x00-\x08\x0e-\x1b\x7f]")
# Tags of HTML elements that lay out text (a fixed list: "<Sikorsky>", a Reuters company code, is
# not a tag) and comments, as a page fragment pasted into a text file leaves them. Script and style
# tags are not in it: such text is shown as written (and escaped) where it is shown.
_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|br|button|caption|center|cite|code|dd|div|dl|dt|em|"
    "figcaption|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|"
    "main|meta|nav|ol|option|p|picture|pre|q|s|section|select|small|source|"
    "span|strong|sub|sup|table|tbody|td|tfoot|th|thead|time|tr|u|ul|video"
)
_TAG = regexcache.compile(
    rf"""<!--.*?-->                                  # a comment
      | </?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>          # an opening, closing or empty tag
      | <[a-z][\w-]*/>                               # an empty element of a template ("<excerpt/>")
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
# Shortcodes of blog engines, which their templates expand and a scrape keeps as text:
_SHORTCODE = regexcache.compile(
    r"""\{\{[<%].{0,500}?[>%]\}\}                                  # Hugo: {{< youtube "id" >}}
      | \[/?[a-z][\w-]*(?:\s+[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s\]]+))+\s*/?\]  # WordPress, with attributes
      | \[/[a-z][\w-]*\]                                          # a closing shortcode
      | \[[a-z]+_\d+\]                                            # ad slots: [ad_1]
    """,
    re.VERBOSE,
)
# Two sentences glued with no space after the full stop ("from Kiev.The talks"), where a page's
# paragraphs or lines were joined without a break: a word ending in two lower-case letters, the
# stop, and a capitalised word standing alone. The space is put back. What it does not take:
_ENDINGS = (
    "com|org|net|gov|edu|mil|int|info|biz|io|co|uk|ru|ua|eu|az|ge|kz|pl|de|fr|tr|il|ir|cn|jp|kr|tv"  # domains
    "|pdf|html?|docx?|jpe?g|png|txt"  # files
)
_GLUED = regexcache.compile(
    rf"""(?<![\w./@:\\-])              # the word starts its token: not in a path, an address, a name
        ([A-Za-z]*[a-z]{{2}})\.         # "Kiev." - not "U.S.", "J.R.R.", "Mr." (one lower-case letter)
        (?!(?i:{_ENDINGS})\b)           # not a domain's or a file's ending ("Politico.Eu", "report.Pdf")
        ([A-Z][a-z]+)                   # a capitalised word: "The" - not ".NET", not "x.OneSignal"
        (?![\w(.@/\\-])                 # that ends there: not a method, a dotted name, a path, an address
    """,
    re.VERBOSE,
)
# What every glued pair holds: a plain scan for it is quicker than _GLUED's at every letter, and
# most texts hold none.
_GLUE_MARK = regexcache.compile(r"[a-z]{2}\.[A-Z]")
_SCRIPT_WRAPPER = regexcache.compile(r"\s*export\s+default\s+`(.*)`;?\s*", re.DOTALL)
# A control character an entity may stand for ("&#3;", the end-of-story mark of old wire feeds)
# is not text: it is dropped, not written into the text.
_CONTROL = set(range(32)) - {9, 10}


def unescape(text: str) -> str:
    """`text` with every complete character reference replaced (double escaping unwound)."""
    for _ in range(MAX_UNESCAPE_ROUNDS):
        if "&" not in text:
            break
        result = _ENTITY.sub(_character, text)
        if result == text:
            break
        text = result
    return text


def _character(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return html.entities.html5.get(f"{name};", match.group())
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code in _CONTROL:
        return ""
    if not valid_code_point(code):
        return match.group()
    return chr(code)


def tidy(text: str) -> str:
    """One line of text as a reader sees it: entities replaced, invisible characters gone, spaces
    collapsed (for titles and metadata, which are not recorded line by line)."""
    return " ".join(_INVISIBLE.sub("", unescape(text)).split())


def repair_residue(article: Article) -> None:
    """Step: drop leftover tags and shortcodes, replace entities, remove invisible characters, and
    part sentences glued at their full stop."""
    _unwrap_script(article)
    if "<" in article.text or "[" in article.text or "{{" in article.text:
        article.text = _drop_markup(article.text, article)
    if "&" not in article.text and not _ANY_INVISIBLE.search(article.text) and not _glued(article.text):
        return
    article.text = "\n".join(_repair_line(line, article) for line in article.text.split("\n"))


def _glued(text: str) -> bool:
    return _GLUE_MARK.search(text) is not None and _GLUED.search(text) is not None


def _drop_markup(text: str, article: Article) -> str:
    """Tags (a tag may span lines) and shortcodes go; each is recorded."""
    closing = set(re.findall(r"\[/([a-z][\w-]*)\]", text))
    bare = re.compile(rf"\[(?:{'|'.join(map(re.escape, closing))})\]") if closing else None

    def drop(match: re.Match[str]) -> str:
        article.removed.append(Removal(match.group().strip(), "markup_tag"))
        return " "

    text = _TAG.sub(drop, text) if "<" in text else text
    text = _SHORTCODE.sub(drop, text)
    return bare.sub(drop, text) if bare else text


def _unwrap_script(article: Article) -> None:
    """Text saved as a JavaScript module ("export default `...`;") keeps only the string."""
    match = _SCRIPT_WRAPPER.fullmatch(article.text)
    if match:
        article.removed.append(Removal(article.text[: match.start(1)].strip(), "markup_tag"))
        article.text = match.group(1)


def _repair_line(line: str, article: Article) -> str:
    fixed, kinds = line, []
    if "&" in fixed:
        fixed = unescape(fixed)
        if fixed != line:
            kinds.append("html entities")
    if _INVISIBLE.search(fixed):
        fixed = _INVISIBLE.sub("", fixed)
        kinds.append("invisible characters")
    if _glued(fixed):
        fixed = _GLUED.sub(r"\1. \2", fixed)
        kinds.append("glued sentences")
    if kinds:
        article.repairs.append(Repair(before=line, after=fixed, how=", ".join(kinds)))
    return fixed
