"""Browser tests: Playwright drives Debian's Chromium against a served ledger.

Skipped, with the reason, where Chromium (`apt-get install chromium`) or Playwright is missing;
`.ci/run` installs both. Screenshots go to tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from materiel import api
from materiel.ledger.store import Store
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
TOKEN = "browser-token"
# A scraped run of letters with no break (a mangled address, a spammer's line) far wider than a screen.
LONG_WORD = "Q" * 4000
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, runner):
    import uvicorn

    from materiel.web.app import create_app

    path = tmp_path_factory.mktemp("browser") / "ledger.db"
    store = Store(str(path))
    store.ingest(api.extract([ROOT / "examples"], runner))
    hostile = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    hostile.write_text(
        "Latvia has sent <script>window.pwned=1</script> 9 mortars to Ukraine, officials said. " + LONG_WORD
    )
    store.ingest(api.extract([hostile], runner))
    port = _free_port()
    config = uvicorn.Config(create_app(str(path), token=TOKEN), host="127.0.0.1", port=port, log_level="error")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser.new_page()
        browser.close()


def test_ledger_filters_and_opens_a_transfer(page, server) -> None:
    page.goto(server + "/")
    assert page.locator("#ledger tbody tr").count() >= 6
    page.fill("input[name=supplier]", "SVK")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*supplier=SVK*")
    rows = page.locator("#ledger tbody tr")
    assert rows.count() == 1
    page.screenshot(path=str(ARTIFACTS / "ledger.png"), full_page=True)
    page.click("a.transfer-link")
    page.wait_for_selector("mark.evidence")
    assert "MiG-29" in page.locator("mark.evidence").first.inner_text()
    assert page.locator("ol.timeline li").count() == 3
    page.screenshot(path=str(ARTIFACTS / "transfer.png"), full_page=True)


def test_review_from_the_transfer_page(page, server) -> None:
    page.goto(server + "/?supplier=SVK")
    page.click("a.transfer-link")
    page.fill("#review input[name=token]", TOKEN)
    page.select_option("#review select[name=action]", "confirm")
    page.fill("#review input[name=note]", "checked against the ministry")
    page.click("#review button[type=submit]")
    page.wait_for_selector("text=recorded")
    page.wait_for_selector("ul.notes li")
    assert "checked against the ministry" in page.locator("ul.notes").inner_text()


def test_article_page_highlights_and_shows_cleaning(page, server) -> None:
    page.goto(server + "/?supplier=CZE")
    page.click("a.transfer-link")
    page.click(".claim h3 a")
    page.wait_for_selector("#article-text mark.transfer")
    page.click("#repairs summary")
    assert "cp1251" in page.locator("#repairs").inner_text()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_script_in_an_article_stays_text(page, server) -> None:
    page.goto(server + "/?supplier=LVA")
    page.click("a.transfer-link")
    page.click(".claim h3 a")
    page.wait_for_selector("#article-text")
    assert "<script>window.pwned=1</script>" in page.locator("#article-text").inner_text()
    assert page.evaluate("() => window.pwned === undefined")


def test_a_long_scraped_word_wraps_inside_the_page(page, server) -> None:
    page.goto(server + "/?supplier=LVA")
    page.click("a.transfer-link")
    page.click(".claim h3 a")
    page.wait_for_selector("#article-text")
    assert LONG_WORD in page.locator("#article-text").inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_flows_diagram_links_to_transfers(page, server) -> None:
    page.goto(server + "/flows")
    bands = page.locator("svg#flows path.band")
    assert bands.count() >= 6
    page.screenshot(path=str(ARTIFACTS / "flows.png"), full_page=True)
    href = page.locator("svg#flows a").first.get_attribute("href")
    page.goto(server + href)
    assert page.locator("#ledger tbody tr").count() >= 1


def _drawn_bars(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(
        f"{selector} rect",
        "rects => rects.map(r => ({month: r.dataset.month, stage: r.dataset.stage, count: Number(r.dataset.count)}))",
    )


def test_timeline_renders_and_its_counts_equal_the_api(page, server) -> None:
    page.goto(server + "/")
    page.wait_for_selector("svg#timeline rect")
    box = page.locator("svg#timeline").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 40  # drawn, not just present
    api_items = page.request.get(server + "/api/v1/timeline").json()["items"]
    assert _drawn_bars(page, "svg#timeline") == api_items
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    first = api_items[0]
    page.locator(f'svg#timeline rect[data-month="{first["month"]}"][data-stage="{first["stage"]}"]').click()
    page.wait_for_url(f"**month={first['month']}*")
    assert page.locator("#ledger tbody tr a.transfer-link").count() >= 1
    page.goto(server + "/?supplier=SVK")
    page.click("a.transfer-link")
    page.wait_for_selector("svg#transfer-timeline rect")
    transfer_id = page.url.rsplit("/", 1)[-1]
    own = page.request.get(f"{server}/api/v1/transfers/{transfer_id}/timeline").json()["items"]
    assert _drawn_bars(page, "svg#transfer-timeline") == own


def test_contested_transfer_shows_both_sides(page, server) -> None:
    page.goto(server + "/")
    page.select_option("select[name=contested]", "true")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**contested=true*")
    rows = page.locator("#ledger tbody tr")
    assert rows.count() == 1 and "contested" in rows.first.inner_text()
    page.click("a.transfer-link")
    page.wait_for_selector("#contested")
    sides = page.locator(".disagreement .side")
    assert sides.count() == 2
    assert "delivered 12 howitzers" in sides.nth(0).inner_text()
    assert "denied" in sides.nth(1).inner_text() and "Sources:" in sides.nth(1).inner_text()
    page.screenshot(path=str(ARTIFACTS / "contested.png"), full_page=True)


def test_names_beside_codes_and_a_syndicated_copy_once(page, server) -> None:
    page.goto(server + "/?supplier=SVK")
    assert "Slovakia" in page.locator("#ledger tbody tr").first.inner_text()
    page.click("a.transfer-link")
    page.wait_for_selector("section.claim")
    assert "Slovakia" in page.locator("h1").inner_text() and "Ukraine" in page.locator("h1").inner_text()
    claims = page.locator("section.claim")
    assert claims.count() == 3
    assert "also carried by regional-times.test" in page.locator("main").inner_text()
    assert page.locator("section.claim", has_text="Eduard Heger").locator("text=Sources:").count() == 1
    sources = page.locator("section.claim", has_text="Eduard Heger").locator("p.meta", has_text="Sources:").inner_text()
    assert sources.count("Heger") == 1


def test_each_fields_sentence_is_labelled_on_the_transfer_page(page, server) -> None:
    page.goto(server + "/?supplier=CAN")
    page.click("a.transfer-link")
    fields = page.get_by_role("term")
    page.wait_for_selector("dl.field-evidence")
    labels = [fields.nth(i).inner_text() for i in range(fields.count())]
    assert "Through: USA" in labels and "Stage: delivered" in labels and "Quantity: 20,000" in labels
    group = page.locator("dl.field-evidence")
    heading = page.locator(f"#{group.get_attribute('aria-labelledby')}")
    assert heading.inner_text() == "Where each field comes from"
    through = page.locator("dd:below(dt:text-is('Through: USA'))").first
    assert "which then ships them to Ukraine" in through.inner_text()
    assert page.locator("mark.field.quantity").first.inner_text() == "20,000"
    page.screenshot(path=str(ARTIFACTS / "field-spans.png"), full_page=True)
