"""The learned furniture-line model: its cases, its guards, its artefact and its rebuild."""

from __future__ import annotations

import json

import pytest

from materiel.clean.line_features import features, shape
from materiel.clean.lines import (
    ADDRESSED_THRESHOLD,
    ARTEFACT,
    MAX_SCORED_CHARS,
    REASON,
    gate,
    load_model,
    scored,
)
from materiel.pipeline import Runner
from tests.builders import cleaned
from tests.conftest import CASES, needs_shared

DATA = json.loads((CASES / "cleaning" / "lines.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_furniture_is_dropped_with_its_reason(case: dict) -> None:
    article = cleaned(case["input"])
    for needle in case["keeps"]:
        assert needle in article.text
    for needle in case["drops"]:
        assert needle not in article.text
        assert any(needle in r.text and r.reason in case["reasons"] for r in article.removed), article.removed


@pytest.mark.parametrize("case", DATA["articles"], ids=[c["name"] for c in DATA["articles"]])
def test_article_lines_are_kept(case: dict) -> None:
    article = cleaned(case["input"])
    assert [r.text for r in article.removed if r.reason == REASON] == []


def test_paragraphs_and_sentences_are_never_scored() -> None:
    sentence = "The ministry did not say when the first of the systems would arrive."
    assert not scored(sentence, shape(sentence))
    assert not scored("x" * (MAX_SCORED_CHARS + 1), shape("x" * (MAX_SCORED_CHARS + 1)))
    assert scored("Sign in to your account", shape("Sign in to your account"))


@pytest.mark.parametrize(
    "line",
    [
        "Sie sollen aus Rumänien kommen.",
        "Ils seront livrés au printemps.",
        "Il y en a douze.",
        "La entrega será gradual.",
        "To ważna decyzja.",
        "Dostawy ruszą w przyszłym roku.",
        "Вони надійдуть восени.",
        "Il y en a douze à Kyiv.",  # a subject pronoun: its verb may be any word
        "Les chars arrivent en Pologne.",  # a noun, then its verb
        "Las entregas empiezan en mayo.",
        "Sprzęt trafi do Ukrainy.",
        "Первые машины отправят весной.",  # no function word: a language that inflects its nouns
        "Pierwsze działa trafią na front wiosną.",
        "Першу партію передадуть навесні.",
    ],
)
def test_a_short_sentence_in_another_language_is_never_scored(line: str) -> None:
    assert not scored(line, shape(line))


@pytest.mark.parametrize(
    "line",
    [
        "Sign in to comment.",  # English words that are Polish or German ones too ("in", "to")
        "Log in to continue.",
        "Do not sell my data.",
        "Cet article est réservé aux abonnés.",  # the page naming itself
        "Il vous reste 70% de cet article à lire.",  # the reader addressed
        "Ta strona używa plików cookies.",
        "Die Seite verwendet Cookies.",
        "Mehr zu diesem Thema:",  # a short heading before a colon
        "Politique de confidentialité et cookies.",  # nouns that a preposition and a conjunction join
        "Datenschutz und Impressum.",
        "Mehr zum Thema.",
        "Zurück zur Startseite.",
        "Главная. Новости. Политика.",  # a menu in Cyrillic: no sentence case
        "Pomoc techniczna serwisu.",  # a footer's nouns: no verb's ending
    ],
)
def test_a_notice_in_another_language_or_a_short_english_line_is_scored(line: str) -> None:
    assert scored(line, shape(line))


@pytest.mark.parametrize(
    "line",
    [
        "You must be signed in to leave a comment on this story.",
        "We would love to hear your views, so leave a reply in the box under the article.",
        "Unauthorised reproduction of this content is prohibited without written consent.",
        "Every weekday our editors send the stories that matter to the inbox of each subscriber, and "
        "a weekly digest on Sundays, with the best of the long reads and a puzzle for the weekend.",
    ],
)
def test_a_sentence_to_the_reader_is_dropped_only_at_the_higher_threshold(line: str) -> None:
    assert gate(line, shape(line), 0.45) == ADDRESSED_THRESHOLD


@pytest.mark.parametrize(
    "line",
    [
        "The ministry did not say when the first of the systems would arrive.",
        "“You will see them in action soon,” the general said to the crowd.",
        "The US and its allies have sent more than forty launchers so far.",
        "Q: Do you think the launchers will arrive before the winter?",
        "[00:19:45] Anna Berg: And Europe's own plants?",
        "1:02:10 Tomas Novak: They are growing.",
        "Here is what you need to know about the package:",
    ],
)
def test_reported_quoted_or_listed_prose_is_never_dropped(line: str) -> None:
    assert gate(line, shape(line), 0.45) is None


@pytest.mark.parametrize("line", ["It includes:", "The shipment contains:", "The aid consists of:", "as follows:"])
def test_a_short_clause_opening_a_list_is_never_scored(line: str) -> None:
    assert not scored(line, shape(line))


@pytest.mark.parametrize("line", ["Elsewhere this week:", "Read more:", "Related:", "Our partners are:"])
def test_a_heading_with_a_colon_may_be_scored(line: str) -> None:
    assert scored(line, shape(line))


def test_features_see_neighbours_and_place() -> None:
    lines = ["Home", "A long enough sentence of the article, which ends as sentences do." * 3, "Subscribe now"]
    rows = features(lines, "A title", frozenset({"subscribe"}))
    assert rows[0]["before_prose"] == 1.0 and rows[2]["after_prose"] == 1.0
    assert rows[1]["prev_missing"] == 0.0 and rows[0]["prev_missing"] == 1.0
    assert rows[2]["w:subscribe"] == 1.0 and "w:subscribe" not in rows[0]


def test_features_see_headline_shape_teasers_and_lone_bullets() -> None:
    lines = [
        "A long enough sentence of the article, which ends as sentences do." * 3,
        "* Sweden Weighs Sending More Armoured Vehicles",
        "Is the war to blame for the rise in fuel prices?",
        "Norway will send more launchers to Ukraine this spring, the ministry said, and the ...",
        "* Spare barrels for the howitzers",
        "* Radars for the air-defence units",
    ]
    rows = features(lines, None, frozenset())
    assert rows[1]["title_case"] == 1.0 and rows[0]["title_case"] == 0.0
    assert rows[1]["lone_bullet"] == 1.0 and rows[4]["lone_bullet"] == rows[5]["lone_bullet"] == 0.0
    assert rows[2]["question_end"] == 1.0 and rows[3]["ellipsis_end"] == 1.0 and rows[0]["ellipsis_end"] == 0.0


def test_a_page_without_prose_has_no_before_or_after() -> None:
    rows = features(["Estonia sends mortars", "More will follow"], None, frozenset())
    assert all(r["before_prose"] == 0.0 and r["after_prose"] == 0.0 for r in rows)


def test_artefact_is_small_and_loads() -> None:
    payload = json.loads(ARTEFACT.read_text("utf-8"))
    assert ARTEFACT.stat().st_size < 20_000
    model = load_model()
    assert 0.0 < model.threshold < 1.0 and model.threshold == payload["threshold"]
    assert model.vocabulary and all(f"w:{w}" in payload["weights"] for w in model.vocabulary)


@pytest.mark.slow
@needs_shared
def test_rebuild_gives_the_shipped_artefact(tmp_path) -> None:
    from tests.conftest import SHARED
    from tools import train_lines

    out = tmp_path / "lines.json"
    train_lines.build(SHARED, out, cv=False)
    rebuilt, shipped = json.loads(out.read_text()), json.loads(ARTEFACT.read_text())
    assert rebuilt["threshold"] == shipped["threshold"]
    assert rebuilt["weights"].keys() == shipped["weights"].keys()
    for name, weight in shipped["weights"].items():
        assert rebuilt["weights"][name] == pytest.approx(weight, abs=1e-4), name
    assert rebuilt["bias"] == pytest.approx(shipped["bias"], abs=1e-4)


def test_training_on_the_text_before_the_rules_labels_only_what_they_removed(tmp_path) -> None:
    """`train_lines --ruleless`: a line a named rule removed below the first paragraph of prose is
    labelled by the gold's snippets (furniture at full weight where a must_drop names it, at
    BODY_WEIGHT where none does); a line the rules kept, and any line above that paragraph, is
    left unlabelled."""
    from tools import train_lines

    lead = "Two radars were delivered to Georgia's border guard on Monday, officials said, after a year of talks."
    lead += " Both came from army stocks."
    page = f"Radars for Georgia\n\nSubscribe now\n\n{lead}\n\nShare on Facebook Twitter Email\n\n"
    page += "The radars will be installed near the port of Poti next month.\n"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    record = {"file": "page.txt", "must_keep": ["Two radars were delivered"], "must_drop": ["Share on Facebook"]}
    runner = Runner(train_lines.learning_steps())
    done = train_lines._ruleless(runner, tmp_path, record, {"id": "x", "split": "train"}, frozenset([lead]), 1.0)
    labels = dict(zip(done["lines"], zip(done["labels"], done["weights"], strict=True), strict=True))
    assert labels["Share on Facebook Twitter Email"] == (1.0, 1.0)
    assert labels["The radars will be installed near the port of Poti next month."] == (1.0, train_lines.BODY_WEIGHT)
    assert labels[lead][0] is None and labels["Subscribe now"][0] is None
    assert done["ruleless"]
