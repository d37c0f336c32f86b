"""materiel: raw news pages in, a sourced and checkable ledger of arms transfers out.

    >>> import materiel
    >>> [article] = materiel.extract("Germany has sent 14 Leopard 2 tanks to Ukraine.")
    >>> article.transfers[0].item.category
    'armored-vehicles'
"""

from __future__ import annotations

from pathlib import Path

from materiel.article import Article

__version__ = "0.1.0"


def extract(text_or_path: str | Path) -> list[Article]:
    """Articles with their findings, from a text or from a file or folder path.

    Pages that cannot be read are left out here; the CLI and `materiel.api.extract` report them.
    """
    from materiel import api
    from materiel.pipeline import Runner

    if isinstance(text_or_path, Path) or (len(text_or_path) < 4096 and "\n" not in text_or_path
                                          and Path(text_or_path).exists()):
        items = api.extract([text_or_path])
    else:
        items = iter([Runner(api.extract_steps()).run_one(Article(id="", source="<text>", text=text_or_path))])
    return [item for item in items if isinstance(item, Article)]


__all__ = ["Article", "extract"]
