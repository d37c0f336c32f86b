"""Extraction: from clean text to transfers and quotes, each tied to its evidence."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from materiel.article import Article, Transfer
from materiel.extract.actingsources import add_acting_sources
from materiel.extract.answers import answer_requests
from materiel.extract.barenouns import drop_bare_nouns
from materiel.extract.candidates import find_candidates
from materiel.extract.choose import scored_transfers
from materiel.extract.clausestage import advance_in_sentence
from materiel.extract.context import Context, build_context
from materiel.extract.contextsources import add_context_sources
from materiel.extract.dates import date_claims
from materiel.extract.dealstage import advance_by_deals
from materiel.extract.disclosure import explain_disclosure
from materiel.extract.fieldspans import link_fields
from materiel.extract.finish import set_disclosure
from materiel.extract.forbidden import drop_forbidden
from materiel.extract.headlinereads import headline_transfers
from materiel.extract.headstage import advance_by_headline
from materiel.extract.hostile import drop_hostile
from materiel.extract.laterstage import advance_stages
from materiel.extract.quotes import find_quotes
from materiel.extract.quotesources import add_quote_sources
from materiel.extract.routes import apply_routes
from materiel.extract.tidy import tidy_attribution
from materiel.extract.transfers import merge, without_relief_aid


def extract_findings(article: Article) -> None:
    """Step: transfers and quotes of one clean article."""
    context = build_context(article)
    transfers = drop_hostile(without_relief_aid(scored_transfers(context, rule_transfers(context))), context)
    transfers = drop_forbidden(transfers, context)  # "the sanctions bar firms from selling arms to X"
    transfers += headline_transfers(context, transfers)  # "Belgium to send F-16s to Ukraine" over "The first jets ..."
    advance_in_sentence(context, transfers)
    advance_stages(context, transfers)
    answer_requests(context, transfers)
    advance_by_deals(context, transfers)
    advance_by_headline(context, transfers)
    quotes = find_quotes(context)
    add_context_sources(transfers, context)
    add_quote_sources(transfers, quotes, context)
    set_disclosure(transfers, context)
    add_acting_sources(transfers, context)
    drop_bare_nouns(transfers, context)  # "The contracts signed in March cover 48 howitzers"
    tidy_attribution(transfers, article.text)
    explain_disclosure(transfers, context)
    date_claims(transfers, context)
    link_fields(transfers, context)
    article.transfers = transfers
    article.quotes = quotes


def rule_transfers(context: Context) -> list[Transfer]:
    """The transfers the parse rules read (roles, stage, route), before any scoring."""
    return apply_routes(merge(find_candidates(context), context.article.text), context)


class _CallableExtract(types.ModuleType):
    """Importing this package replaces the function `materiel.extract` by the package; calling the
    package does what the function did, so `materiel.extract(text_or_path)` always works."""

    def __call__(self, text_or_path: str | Path) -> list[Article]:
        from materiel.api import extract_text_or_path

        return extract_text_or_path(text_or_path)


sys.modules[__name__].__class__ = _CallableExtract
