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

    Pages that cannot be read, and pages with no article text (`""`, or only page furniture), are
    left out here, so `extract("")` is `[]`; the CLI and `materiel.api.extract` report them.
    A `Path` that does not exist raises `NotFound` (a string that names no file is read as text).
    (Once `materiel.extract`, the package, is imported, the name is that package, which is
    callable with the same effect.)
    """
    from materiel.api import extract_text_or_path

    return extract_text_or_path(text_or_path)


__all__ = ["Article", "extract"]
