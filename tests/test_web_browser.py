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
    hostile.write_text("Latvia has sent <script>window.pwned=1</script> 9 mortars to Ukraine, officials said.")
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


def test_flows_diagram_links_to_transfers(page, server) -> None:
    page.goto(server + "/flows")
    bands = page.locator("svg#flows path.band")
    assert bands.count() >= 6
    page.screenshot(path=str(ARTIFACTS / "flows.png"), full_page=True)
    href = page.locator("svg#flows a").first.get_attribute("href")
    page.goto(server + href)
    assert page.locator("#ledger tbody tr").count() >= 1
