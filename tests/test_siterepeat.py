"""Lines repeated across one site's pages: counted per site over a batch, removed with a reason."""

from __future__ import annotations

import json
from collections import Counter

from materiel import api
from materiel.article import Article
from materiel.clean import CLEAN_STEPS, batch_clean_steps
from materiel.clean.siterepeat import REASON, SiteRepeats, add_counts, count_sites, site_of
from materiel.pipeline import Failure, Runner

PROMO = "Our reporters are in the region and will bring you more of this story as it unfolds."
QUOTE = "\u201cWe will keep supporting our partners for as long as it takes,\u201d the minister said."


def story(number: int, *extra: str) -> str:
    body = [
        f"Story {number} headline about the defence budget",
        f"Paragraph one of story {number}: the government approved a new package of military aid worth "
        f"{number} hundred million, officials said on Monday, after weeks of talks between the ministries.",
        f"Paragraph two of story {number} describes what the package holds and when deliveries begin, "
        "according to a statement that the defence ministry published in the afternoon.",
    ]
    return "\n\n".join([*body, *extra])


def page(number: int, site: str, *extra: str) -> Article:
    return Article(id="", source=f"/pages/{site}_{number}.txt", text=story(number, *extra))


def cleaned(pages: list[Article | Failure]) -> list[Article | Failure]:
    return list(Runner(batch_clean_steps()).run(pages))


def test_a_line_on_three_pages_of_a_site_goes_with_its_reason() -> None:
    out = cleaned([page(n, "outlet", PROMO) for n in range(3)])
    for article in out:
        assert isinstance(article, Article)
        assert PROMO not in article.text and "Paragraph one" in article.text
        assert [r.reason for r in article.removed if r.text == PROMO] == [REASON]


def test_two_pages_are_not_enough() -> None:
    out = cleaned([page(n, "outlet", PROMO) for n in range(2)])
    assert all(PROMO in a.text for a in out if isinstance(a, Article))


def test_a_line_that_is_no_sentence_goes_from_two_pages() -> None:
    byline = "Jordan Quill, Senior Defence Correspondent"
    out = cleaned([page(n, "outlet", byline) for n in range(2)])
    for article in out:
        assert isinstance(article, Article)
        assert byline not in article.text and "Paragraph two" in article.text
        assert [r.reason for r in article.removed if r.text == byline] == [REASON]


def test_a_line_that_is_no_sentence_on_two_sites_stays() -> None:
    byline = "Jordan Quill, Senior Defence Correspondent"
    out = cleaned([page(n, f"site{n}", byline) for n in range(2)])
    assert all(REASON not in {r.reason for r in a.removed} for a in out if isinstance(a, Article))


def test_two_copies_of_one_story_keep_their_subheadings() -> None:
    heading = "What the new package holds for the front"
    copies = [Article(id="", source=f"/pages/outlet_{n}.txt", text=story(7, heading)) for n in range(2)]
    for article in cleaned(copies):
        assert isinstance(article, Article)
        assert REASON not in {r.reason for r in article.removed} and "Paragraph one of story 7" in article.text


def test_a_syndicated_sentence_on_other_sites_stays() -> None:
    line = "The alliance said the deliveries would be completed before the end of the year."
    out = cleaned([page(n, f"site{n}", line) for n in range(4)])
    assert all(line in a.text for a in out if isinstance(a, Article))


def test_a_quote_repeated_across_a_sites_stories_stays() -> None:
    out = cleaned([page(n, "outlet", QUOTE) for n in range(4)])
    assert all(QUOTE in a.text for a in out if isinstance(a, Article))


def test_copies_of_one_story_keep_their_paragraphs() -> None:
    copies = [Article(id="", source=f"/pages/outlet_{n}.txt", text=story(7, PROMO)) for n in range(3)]
    for article in cleaned(copies):
        assert isinstance(article, Article)
        assert "Paragraph one of story 7" in article.text and PROMO not in article.text


def test_a_single_article_runs_without_the_site_signal() -> None:
    result = Runner(batch_clean_steps()).run_one(page(1, "outlet", PROMO))
    assert isinstance(result, Article) and PROMO in result.text


def test_failures_keep_their_place_in_a_batch() -> None:
    failure = Failure("/pages/broken.txt", "unreadable")
    out = cleaned([page(0, "outlet", PROMO), failure, page(1, "outlet", PROMO), page(2, "outlet", PROMO)])
    assert out[1] is failure and [isinstance(x, Article) for x in out] == [True, False, True, True]


def test_counts_add_up_across_shards() -> None:
    first = count_sites([page(0, "outlet", PROMO)])
    second = count_sites([page(1, "outlet", PROMO), page(2, "outlet", PROMO)])
    total = add_counts(add_counts({}, first), second)
    step = SiteRepeats(total, frozen=True)
    article = Runner([*CLEAN_STEPS[:-2], step]).run_one(page(3, "outlet", PROMO))
    assert isinstance(article, Article) and PROMO not in article.text
    step.observe(page(4, "outlet", PROMO))
    assert total == step.counts and max(Counter(total["pages/outlet"]).values()) == 3


def test_the_site_is_the_host_else_the_folder_and_name_prefix() -> None:
    assert site_of(Article(id="", source="x", url="https://www.example.org/a/b")) == "example.org"
    assert site_of(Article(id="", source="/data/outlet_2024_story.txt")) == "data/outlet"
    assert site_of(Article(id="", source="data/outlet_2025_other.txt")) == "data/outlet"


def test_a_folder_run_removes_a_sites_repeated_lines(tmp_path) -> None:
    for n in range(3):
        (tmp_path / f"outlet_{n}.txt").write_text(story(n, PROMO), encoding="utf-8")
    out = [a for a in api.clean([tmp_path]) if isinstance(a, Article)]
    assert len(out) == 3 and all(PROMO not in a.text for a in out)


def test_a_page_read_again_by_the_same_runner_is_one_page() -> None:
    runner = Runner(batch_clean_steps())
    for _ in range(3):
        (article,) = runner.run([page(1, "outlet", PROMO)])
        assert isinstance(article, Article) and PROMO in article.text


def test_one_page_read_three_times_from_a_feed_keeps_its_short_paragraphs(tmp_path) -> None:
    """A crawl or a feed often holds one URL's page more than once (captured again, or in
    overlapping daily files): it is one page of its site, and its sentences are not furniture."""
    short = "The ministry said the first howitzers would arrive within weeks."
    record = {"id": "s1", "url": "https://news.example.org/story-1", "text": story(1, short)}
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(record) for _ in range(3)) + "\n", encoding="utf-8")
    out = [a for a in api.clean([tmp_path]) if isinstance(a, Article)]
    assert len(out) == 3 and all(short in a.text for a in out)
    assert all(REASON not in {r.reason for r in a.removed} for a in out)


def test_one_page_in_three_files_is_one_page_for_a_process_pool_too(tmp_path) -> None:
    """The pool's first pass counts file by file: one URL's page in three crawl or feed files was
    three pages there (its short paragraphs dropped under --workers 2, kept in one process, so a
    re-ingest without --workers stored a new version of the page). Counted once, as in process."""
    short = "The ministry said the first howitzers would arrive within weeks."
    record = {"id": "s1", "url": "https://news.example.org/story-1", "text": story(1, short)}
    for day in range(3):
        (tmp_path / f"feed-{day}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    pooled = [a for a in api.clean([tmp_path], workers=2) if isinstance(a, Article)]
    single = [a for a in api.clean([tmp_path]) if isinstance(a, Article)]
    assert [a.text for a in pooled] == [a.text for a in single] and all(short in a.text for a in pooled)


def test_more_workers_than_files_or_cores_start_no_more_processes(tmp_path, monkeypatch) -> None:
    """`--workers 64` on three files forked 64 processes (each of `extract`'s loads the spaCy
    model: a laptop's memory gone on a typo); a pool is never larger than the files it shares out
    or the machine's cores."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from materiel import executors

    sizes: list[int] = []

    def recording(*args, max_workers: int, **kwargs) -> ProcessPoolExecutor:
        sizes.append(max_workers)
        return ProcessPoolExecutor(*args, max_workers=max_workers, **kwargs)

    monkeypatch.setattr(executors, "ProcessPoolExecutor", recording)
    for n in range(3):
        (tmp_path / f"outlet_{n}.txt").write_text(story(n, PROMO), encoding="utf-8")
    out = [a for a in api.clean([tmp_path], workers=64) if isinstance(a, Article)]
    assert len(out) == 3 and all(PROMO not in a.text for a in out)
    assert sizes and max(sizes) <= min(3, os.cpu_count() or 1)
