"""Metadata blocks at the top of scraped text: their fields go to the Article, not its text.

Static-site generators and scrapers write a page's metadata above its text, in three shapes met
in saved news:

- YAML front matter between two `---` lines (Jekyll, Hugo, scrapers' Markdown exports);
- a header of `Key: value` lines ended by a blank line (Pelican, MultiMarkdown);
- a scrape report: `## Metadata` as a Markdown list of `- **Key**: value`, an outline of the
  page's headings, and the page itself under `## Content`.

The block leaves the text as one removal (reason `front_matter`). Its title becomes the
article's title, its URL and date fill `url` and `published` when the reader left them empty,
and every field is kept in `meta`. The YAML is read by a small tolerant reader (scraped front
matter is often not valid YAML: tabs, unquoted colons), not by a YAML library.
"""

from __future__ import annotations

import re

from materiel.article import Article, Removal
from materiel.clean.residue import tidy, unescape
from materiel.clean.yamlish import parse_block

# A metadata block longer than this many lines is not one: a page that opens with a rule.
MAX_BLOCK_LINES = 120
# A header block (Pelican style) needs at least this many `Key: value` lines in a row, one of
# them a title or a date: two such lines can open an interview ("Q: ...", "A: ...").
MIN_HEADER_LINES = 3
_FENCE = re.compile(r"^\s*---\s*$")
_CLOSE = re.compile(r"^\s*(?:---|\.\.\.)\s*$")
# A YAML key line: a name, a colon, and a value or nothing (the value follows, indented).
_KEY_LINE = re.compile(r"^[A-Za-z_][\w.-]{0,40}(?:[ \t]+[\w.-]{1,20}){0,2}[ \t]*:(?:[ \t]|$)")
_HEADER_LINE = re.compile(r"^([A-Z][\w-]{0,30})[ \t]*:[ \t]*(\S.*)$")
_REPORT_ITEM = re.compile(r"^\s*[-*]\s+\*\*([^*]{1,40})\*\*\s*:\s*(.*)$")
_REPORT_HEADING = re.compile(r"^\s*-\s+#{1,3}\s+(.+?)\s*$")

# Field names, lower case, for each Article field, in order of preference.
TITLE_KEYS = ("title", "post_title", "headline", "og_title", "name")
URL_KEYS = ("url", "canonical_url", "canonical", "source_url", "permalink", "link", "src", "source")
DATE_KEYS = ("published", "published_at", "published_time", "date", "post_date", "pubdate", "created", "created_at")
# The block's fields may be printed again in the first lines of the text, short values only.
ECHO_LINES = 4
MAX_ECHO_VALUE = 60
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2})?)?$")
_URL = re.compile(r"^https?://\S+$")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")  # a date has a year ("published: true" is a flag)


def read_front_matter(article: Article) -> None:
    """Step: a metadata block at the top of a text file fills the Article and leaves the text."""
    if article.html is not None or not article.text:
        return
    lines = article.text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return
    found = _yaml_block(lines, start) or _header_block(lines, start) or _report_block(lines, start)
    if found is None:
        return
    end, fields = found
    article.removed.append(Removal("\n".join(x for x in lines[start:end] if x.strip()), "front_matter"))
    _fill(article, fields)
    article.text = "\n".join(_drop_echoes(lines[end:], article))


def _drop_echoes(lines: list[str], article: Article) -> list[str]:
    """Among the first lines after the block, a line that repeats its fields ("**Publisher** |
    2025-12-29 00:00 |") is the block printed again: it goes too."""
    values = {
        _plain(value)
        for key, value in article.meta.items()
        if isinstance(value, str) and len(value) <= MAX_ECHO_VALUE and key not in TITLE_KEYS  # (the title step's)
    }
    filled = [i for i, line in enumerate(lines) if line.strip()][:ECHO_LINES]
    for index in filled:
        parts = [_plain(p) for p in re.split(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s", lines[index].strip())]
        parts = [p for p in parts if p]
        if parts and all(p in values or _DATE_ONLY.match(p) for p in parts) and any(p in values for p in parts):
            article.removed.append(Removal(lines[index].strip(), "front_matter"))
            lines[index] = ""
    return lines


def _plain(text: str) -> str:
    return " ".join(text.replace("*", " ").replace("_", " ").split()).casefold()


def _yaml_block(lines: list[str], start: int) -> tuple[int, dict[str, object]] | None:
    if not _FENCE.match(lines[start]):
        return None
    stop = min(len(lines), start + MAX_BLOCK_LINES)
    close = next((i for i in range(start + 1, stop) if _CLOSE.match(lines[i])), None)
    if close is None:
        return None
    body = lines[start + 1 : close]
    first = next((line for line in body if line.strip()), "")
    if not _KEY_LINE.match(first):
        return None  # a Markdown rule above text, not metadata
    fields = parse_block(body)
    return (close + 1, fields) if fields else None


def _header_block(lines: list[str], start: int) -> tuple[int, dict[str, object]] | None:
    fields: dict[str, object] = {}
    end = start
    while end < len(lines) and end - start < MAX_BLOCK_LINES:
        match = _HEADER_LINE.match(lines[end].strip())
        if match is None:
            break
        fields[match.group(1).lower()] = match.group(2).strip()
        end += 1
    ended = end >= len(lines) or not lines[end].strip()
    has_key = any(k in fields for k in (*TITLE_KEYS, *DATE_KEYS))
    return (end, fields) if ended and len(fields) >= MIN_HEADER_LINES and has_key else None


def _report_block(lines: list[str], start: int) -> tuple[int, dict[str, object]] | None:
    head = [line.strip().lower() for line in lines[start : start + 5]]
    content = next((i for i, line in enumerate(lines) if line.strip().lower() == "## content"), None)
    if "## metadata" not in head or content is None or content - start > MAX_BLOCK_LINES:
        return None
    fields: dict[str, object] = {}
    for line in lines[start:content]:
        item = _REPORT_ITEM.match(line)
        if item:
            fields.setdefault(item.group(1).strip().lower(), item.group(2).strip())
        heading = _REPORT_HEADING.match(line)
        if heading and "title" not in fields:
            fields["title"] = heading.group(1)  # the outline's first heading is the page's
    return content + 1, fields


def _fill(article: Article, fields: dict[str, object]) -> None:
    fields = {key: _unescaped(value) for key, value in fields.items() if value not in ("", [])}
    article.meta.update(fields)
    title = _first(fields, TITLE_KEYS)
    if title and not article.title:
        article.title = tidy(title)
    url = next((u for u in (_first(fields, (k,)) for k in URL_KEYS) if u and _URL.match(u)), None)
    if url and not article.url:
        article.url = url
    published = next((d for d in (_first(fields, (k,)) for k in DATE_KEYS) if d and _YEAR.search(d)), None)
    if published and not article.published:
        article.published = published


def _unescaped(value: object) -> object:
    if isinstance(value, list):
        return [unescape(v) for v in value]
    return unescape(value) if isinstance(value, str) else value


def _first(fields: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
