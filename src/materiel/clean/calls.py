"""The outlet's calls to action set into or under an article, found by their grammar rather than
their wording: a paragraph that opens with an imperative of the reader's own action on the page
or the outlet (help, join, follow, subscribe, read) addressed to the reader or the outlet ("Help
us keep this reporting free.", "Join us at our summit in May."), with a question to the reader
that an order answers ("Got a tip? Email the desk."), or with an order to work the page ("Click
the button below"); or one that puts a form's terms to the reader ("By signing up, you agree
...") or asks the reader to act ("Please consider a gift"); one that points to what else the
page shows ("See the video above"); one that names the page's comment section to the reader
("Have your say in the comments below"); or a short line that names a web address in the
reader's or the outlet's person ("Thank you for reading example.com").

News reports in the third person and in the indicative; where an article asks the reader or
the outlet for something it quotes someone asking ("Help us," the mayor said), and the
quotation marks or the speech verb say so. The rule names no site and no phrase: the verbs are
the class of what a page asks its reader to do, the pronouns the reader and the outlet.
"""

from __future__ import annotations

import re

from materiel import regexcache
from materiel.article import Article, Removal

REASON = "call_to_action"
# A call to action is a line or two; a paragraph longer than this is article text whatever its
# opening (an op-ed may open a paragraph with a plea of its own and go on to argue).
MAX_CALL_CHARS = 400


class Words:
    """Words of which every match of a pattern holds one, looked for case-blind before the pattern
    is tried (most paragraphs hold none): as the regex "a|b" with IGNORECASE finds them. In ASCII
    text that is a plain look in the text in lower case (the characters that fold to an ASCII
    letter outside ASCII, the Kelvin sign, the long s, the dotted capital I, cannot stand in it)."""

    def __init__(self, *words: str) -> None:
        self.words = words  # lower-case ASCII
        self.regex = regexcache.compile("|".join(map(re.escape, words)), re.IGNORECASE)

    def found_in(self, text: str, lowered: str | None) -> bool:
        """Whether `text` holds one; `lowered`: the text in lower case when it is ASCII, else None."""
        if lowered is not None:
            return any(word in lowered for word in self.words)
        return self.regex.search(text) is not None


# The imperative first, then the reader or the outlet as its object or possessor. The pronoun in
# lower case (or the whole opening in capitals): "Check Your Fact", "Try Our Kitchen" in title
# case are names. Verbs a page asks its reader to do; "give" and "take" are left out (a war's plea,
# "Give us the planes", and an example, "Take our own navy: ...", are an op-ed's own sentences).
CALL = regexcache.compile(
    r"""^[\W_]*
        (?P<verb>
            help | support | join | follow | subscribe | sign | donate | tell | send | contact
          | email | share | read | watch | listen | download | visit | check | become
          | register | republish | bookmark | explore | discover | upgrade | unlock | stay | log
        )
        (?:\s+(?:informed|updated|connected|tuned))?           # "Stay informed with our digest"
        (?:\s+(?:up|in|out|on|to|for|at|with|now|today)){0,2}   # "Sign up for our", "Stay with us"
        \s+(?P<object>us|our|your)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The terms a form puts to the reader: "By signing up, you agree to our terms", "By providing your
# email address, you have read and accept the privacy policy": a gerund's condition, then the
# reader agreeing. A news sentence does not tell its reader what they have agreed to.
TERMS = regexcache.compile(
    r"""\bby\s+[a-z]+ing\b[^.!?]{0,120}?\byou(?:\s+(?:have|also|hereby|(?:have\s+)?read\s+and))*\s+
        (?:agree|accept|consent|acknowledge|confirm)""",
    re.IGNORECASE | re.VERBOSE,
)
# A question put to the reader, then the imperative that answers it ("Have a tip? Send it to our
# desk.", "Don't want to see this? Remove ads"): the page's prompt. An op-ed's rhetorical question
# is followed by its own argument, not by an order of the reader's action.
PROMPT = regexcache.compile(
    r"""^[\W_]*(?:have|got|want|need|do\ you|did\ you|are\ you|would\ you|don['’]t\ want|like)\b[^.!?]{0,80}\?\s+
        (?:send|email|write|tell|contact|click|tap|remove|subscribe|sign|read|visit|share|join|follow|download|get)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# An order to work the page ("Press the button below to go back", "Enter the code we sent to
# your email", "Click here to create your account"): a verb of handling a screen, then, within the
# clause, a thing on it. An op-ed's "Enter the Wagner Group." names no control of a page; "type",
# "press" and "select" are left out: "Type 055 destroyers", "Press reports", "Select Committee".
INTERFACE = regexcache.compile(
    r"""^[\W_]*(?:click|tap|enter|scroll|swipe)\b[^.!?]{0,60}?
        \b(?:button|link|code|e-?mail|address|password|field|box|icon|here|below|banner|tab|menu)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The page's comment section named to its reader ("Have your say in the comments section below.",
# "Join the conversation: comments are moderated."): the section where it stands on the page, or
# its rules, in a first sentence that speaks to the reader or opens with an order (COMMENT_ORDER).
# An article names someone else's comments in the third person ("Users filled the comments section
# of his post"), a quoted or reported plea carries REPORTED's marks, and a writer's paragraph that
# argues first may close by asking for comments ("... Surely we missed some. Leave a comment.").
COMMENT_SECTION = regexcache.compile(
    r"""\bcomments?\s+(?:section|below|box|field|form|thread|policy)\b     # "the comments section below"
      | \bcomments\s+(?:are|will\s+be)\s+(?:moderated|reviewed|closed|open)\b  # the section's rules
      | \b(?:in|into|to|join)\s+the\s+(?:comments|discussion\s+below)\b    # "Share your view in the comments"
      | \bcomment\s+below\b | \bleave\s+a\s+comment\b""",
    re.IGNORECASE | re.VERBOSE,
)
FIRST_SENTENCE = regexcache.compile(r".+?[.!?](?=\s|$)", re.DOTALL)
# The words every match of COMMENT_SECTION holds: the first sentence is cut (a lazy scan) and
# searched only in a paragraph that holds one (most name no comments).
COMMENT_WORDS = Words("comment", "discussion")
COMMENT_ORDER = regexcache.compile(
    r"^[\W_]*(?:have|join|leave|share|post|add|let|tell|write|weigh|sound)\b", re.IGNORECASE
)
# A pointer to the page's other content ("See the video of the launch above.", "See all photos",
# "See the full list of deliveries here"): the imperative "see" with a thing a page shows as its
# object. An article's "see" has a subject ("Analysts see the map redrawn") or an object of its
# argument ("See how far the line has moved" is an op-ed's own), and a quoted order carries
# REPORTED's marks.
POINTER = regexcache.compile(
    r"""^[\W_]*see\s+(?:the\s+|our\s+|all\s+|more\s+)?
        (?:videos?|photos?|pictures|gallery|map|charts?|graphics?|full|latest|list|more)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A polite order ("Please consider a donation.", "Please send tips to ..."), in a paragraph that
# speaks to the reader or for the outlet, or gives an address to write to: a blog's "Please
# consider this chart, emphasis mine" introduces its own quotation and stays.
PLEASE = regexcache.compile(r"(?:^|[.!?]\s+)[\W_]*(?:please|kindly)\s+[a-z]+", re.IGNORECASE)
# The words every match of TERMS and of PLEASE holds: the patterns are tried at every word only in
# a paragraph that holds one (most hold neither).
TERMS_WORDS = Words("by")
PLEASE_WORDS = Words("please", "kindly")
ADDRESSED = regexcache.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Ww]e|[Oo]ur|us)\b|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:com|org|net)\b"
)
# The outlet speaking to its reader about a web address ("Thank you for reading example.com.",
# "You can also find us on example.org"): a line this short that names a site or a mail box in the
# reader's or the outlet's person. An article names a site in the third person ("The ministry
# posted the list on mod.gov.ua."), and a quoted "we" carries REPORTED's marks; a report's own
# "we" that names an address asks for comment ("We asked press@example.org", "We contacted
# example.org for comment": REPORTED or SOUGHT). Longer than this, a paragraph argues, and an
# op-ed's "we" may name a site in its argument.
MAX_ADDRESS_CHARS = 80
WEB_ADDRESS = regexcache.compile(
    r"""https?://|www\.                                                   # a link
      | [\w.+-]+@[\w-]+\.[a-z]{2,}                                      # a mail box
      | \b[\w-]+\.(?:com|org|net|info|io|co|tv|ru|ua|uk|eu|de|fr)\b     # a site by its domain""",
    re.IGNORECASE | re.VERBOSE,
)
PERSON = regexcache.compile(r"\b(?:you|your|yours|we|our|ours|us)\b", re.IGNORECASE)
SOUGHT = regexcache.compile(r"\b(?:contacted|reached|requested|sought|comment)\b", re.IGNORECASE)
# Someone quoted or reported asking: a quotation mark, or a verb of saying or asking.
REPORTED = regexcache.compile(
    r"""[“”"«»„]
      | \b(?:said|says|told|tells|asked|asks|urged|urges|pleaded|pleads|appealed|wrote|writes
           |added|argued|argues|explained|noted|warned|according\ to|called\ on|demanded|begged|insisted)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def call_to_action(paragraph: str) -> bool:
    """Whether the paragraph is the outlet's call to action: short, quoting and reporting no one,
    introducing nothing with a colon,
    and opening with CALL in the reader's or the outlet's words, a PROMPT, an order to work
    the page (INTERFACE) or a POINTER to what else it shows, putting the TERMS of a form to the
    reader, asking the reader PLEASE to act, naming the page's COMMENT_SECTION to the reader, or,
    in a line, naming a WEB_ADDRESS in the reader's
    or the outlet's PERSON."""
    text = paragraph.strip()
    if len(text) > MAX_CALL_CHARS or text.endswith(":"):
        return False  # a clause with a colon introduces the article's own list ("Click the link so you can:")
    return _asks(text) and REPORTED.search(text) is None  # REPORTED last: most paragraphs ask nothing


def _asks(text: str) -> bool:
    """The tests of `call_to_action` but its length, its colon and REPORTED."""
    lowered = text.lower() if text.isascii() else None
    if _holds(TERMS_WORDS, TERMS, text, lowered) or any(
        p.match(text) is not None for p in (PROMPT, INTERFACE, POINTER)
    ):
        return True
    if _holds(PLEASE_WORDS, PLEASE, text, lowered) and ADDRESSED.search(text) is not None:
        return True
    if COMMENT_WORDS.found_in(text, lowered):  # what every COMMENT_SECTION holds, before a sentence is cut
        opening = FIRST_SENTENCE.match(text)
        first = opening.group(0) if opening else text
        if COMMENT_SECTION.search(first) is not None and (PERSON.search(first) or COMMENT_ORDER.match(first)):
            return True
    if len(text) < MAX_ADDRESS_CHARS and WEB_ADDRESS.search(text) and PERSON.search(text) and not SOUGHT.search(text):
        return True
    found = CALL.match(text)
    return found is not None and (found.group("object").islower() or text[: found.end()].isupper())


def _holds(words: Words, pattern: re.Pattern[str], text: str, lowered: str | None) -> bool:
    return words.found_in(text, lowered) and pattern.search(text) is not None


def drop_calls_to_action(article: Article) -> None:
    """Step: drop paragraphs that are the outlet's calls to action (reason REASON), in text from
    HTML too: main-text extraction keeps a form's or a promotion's lines that sit in the article's
    block, and their grammar gives them away as it does in a scraper's text."""
    paragraphs = article.text.split("\n\n")
    calls = [call_to_action(p) for p in paragraphs]
    if any(calls):
        article.removed.extend(Removal(p.strip(), REASON) for p, c in zip(paragraphs, calls, strict=True) if c)
        article.text = "\n\n".join(p for p, c in zip(paragraphs, calls, strict=True) if not c)
