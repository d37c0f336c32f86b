"""Cleaning: from raw page to title, clean paragraphs, and a record of every change."""

from __future__ import annotations

from materiel.article import Article, content_id
from materiel.clean.boilerplate import drop_boilerplate
from materiel.clean.calls import drop_calls_to_action
from materiel.clean.chapters import drop_chapter_lists
from materiel.clean.encoding import repair_encoding
from materiel.clean.foot import drop_author_bios, drop_closing_headline, drop_story_lists
from materiel.clean.frontmatter import read_front_matter
from materiel.clean.insets import drop_career_notes, drop_follow_appeals, drop_inset_headlines, drop_stamped_teasers
from materiel.clean.lines import drop_furniture_lines
from materiel.clean.markup import html_to_text, strip_markdown
from materiel.clean.outer import drop_outer_lists
from materiel.clean.published import check_published, find_published
from materiel.clean.releases import drop_company_notes
from materiel.clean.residue import repair_residue
from materiel.clean.siterepeat import SiteMemory, SiteRepeats
from materiel.clean.structure import detect_language, detect_languages, drop_duplicates, layout
from materiel.clean.tail import cut_tail
from materiel.clean.title import find_title
from materiel.clean.widgets import drop_author_boxes, drop_headed_lists, drop_polls, drop_story_widgets
from materiel.errors import Skipped
from materiel.pipeline import Step

# Why a page that cleaning left without text (a script-only page, an empty <body>, menus and
# notices only) is skipped before extraction, as an empty file is: stored, it was an article with
# no text, counted as read. `materiel clean` prints its record (what cleaning removed shows why),
# with NO_TEXT_NOTE among its notes.
NO_TEXT = "the page had no article text after cleaning (only scripts, furniture or nothing): skipped, not stored"
NO_TEXT_NOTE = "no article text after cleaning: extract and ingest skip this page"


def assign_id(article: Article) -> None:
    """Step: an article without an id gets the hash of its clean text."""
    if not article.id:
        article.id = content_id(article.text)


def note_no_text(article: Article) -> None:
    """Step, cleaning's last but one: a page left without text says that extraction skips it."""
    if not article.text.strip():
        article.notes.append(NO_TEXT_NOTE)


def require_text(article: Article) -> None:
    """Step, between cleaning and extraction: a page left without text is skipped with its reason."""
    if not article.text.strip():
        raise Skipped(NO_TEXT)


# The rule steps: the text they leave is what the line model was trained on.
RULE_STEPS: tuple[Step, ...] = (
    read_front_matter,  # before Markdown: its fences look like rules, its title like a heading
    find_published,  # before the rest is stripped: it reads the page's metadata and header lines
    strip_markdown,  # before the HTML: only scraped text carries Markdown; in a page's text "*" and "_" are literal
    html_to_text,
    repair_residue,
    repair_encoding,
    find_title,
    cut_tail,
    drop_story_widgets,  # before the rules: they drop the widgets' labels, which mark its ends
    drop_headed_lists,  # before the rules too: they drop a list's heading, which marks its start
    drop_polls,  # before the rules too: they drop a poll's heading and buttons, which mark it
    drop_chapter_lists,  # before the rules too: a chapter list's heading marks it
    drop_author_boxes,  # before the rules too: they drop an author box's heading, which marks it
    drop_company_notes,  # before the rules too: a press release's "About X" heading marks the note
    drop_boilerplate,
    drop_author_bios,
    drop_story_lists,
    drop_duplicates,
    layout,
)
CLEAN_STEPS: tuple[Step, ...] = (
    *RULE_STEPS,
    drop_furniture_lines,  # after layout: it scores paragraphs, with their neighbours
    drop_outer_lists,  # after the line model: the headlines it left outside the article's prose
    drop_closing_headline,  # after the line model: the furniture under the headline is gone
    drop_inset_headlines,  # after the line model too: it reads paragraphs with their neighbours
    drop_career_notes,
    drop_follow_appeals,
    drop_calls_to_action,  # after the line model too: a paragraph at a time, by its grammar
    drop_stamped_teasers,
    note_no_text,  # after every step that drops text
    detect_languages,
    assign_id,
)


# The rule steps without the search for the article's date (a date the input gave is still
# checked): the same text, for runs whose output shows no date (`materiel clean`, the count of a
# site's lines before a pool cleans).
UNDATED_RULE_STEPS: tuple[Step, ...] = tuple(check_published if s is find_published else s for s in RULE_STEPS)


def batch_clean_steps(
    memory: SiteMemory | None = None, dates: bool = True, paragraph_languages: bool = True
) -> list[Step]:
    """CLEAN_STEPS with the batch step that removes lines repeated across a site's pages, fresh
    (its counts belong to one runner, with what `memory` kept from earlier runs): for runs over
    many pages. Without `dates`, the article's date is not looked for (UNDATED_RULE_STEPS);
    without `paragraph_languages`, only the article's language is (for outputs that show no
    paragraph's; the extraction reads them)."""
    rules = RULE_STEPS if dates else UNDATED_RULE_STEPS
    rest = CLEAN_STEPS[len(RULE_STEPS) :]
    if not paragraph_languages:
        rest = tuple(detect_language if s is detect_languages else s for s in rest)
    return [*rules, SiteRepeats(memory=memory), *rest]


__all__ = ["CLEAN_STEPS", "RULE_STEPS", "UNDATED_RULE_STEPS", "batch_clean_steps", "require_text"]
