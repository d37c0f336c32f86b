"""The list requests' responses, byte for byte, for a fixed set of requests: run it with one version
of the code to write them, with another to compare (the lists must answer the same bytes whether
they filter, search, sort and page in Python or in SQL).

    .venv/bin/python bench/list_parity.py --db LEDGER --out FILE [--against EARLIER]

The requests cover each filter, the search (ids, actors, items, outlets, LIKE's own characters,
non-ASCII), each sortable column both ways, pages past the end and of 1 and 500 rows, the ledger
page, the API's JSON and CSV, the timeline, the flows, and refused queries. The values they filter
on are read from the ledger (its first transfers, its months), so a ledger with reviews in it
tests the corrected values too. In-process (FastAPI's test client); the ledger is only read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from materiel.web.app import create_app
from materiel.web.data import SORTABLE

# Searches that are not read from the ledger: LIKE's wildcards and escape, quotes, case, non-ASCII.
SEARCHES = ("a", "%", "_", "/", "'", "MIG", "ukr", "é", "ß", "leopard 2", ".com", "-1")


def _ledger_values(path: str) -> dict:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        first = db.execute("SELECT id, supplier, recipient, category, status FROM transfers ORDER BY id").fetchall()
        months = [m for (m,) in db.execute("SELECT DISTINCT substr(date, 1, 7) FROM transfer_events ORDER BY 1")]
        outlets = [o for (o,) in db.execute("SELECT DISTINCT outlet FROM transfer_events ORDER BY 1") if o]
    finally:
        db.close()
    return {"rows": first, "months": [m for m in months if m and len(m) == 7], "outlets": outlets}


def requests(path: str) -> list[str]:
    values = _ledger_values(path)
    one, two = values["rows"][0], values["rows"][len(values["rows"]) // 2]
    month = values["months"][len(values["months"]) // 2]
    filters = [
        {"supplier": one[1]},
        {"supplier": one[1].lower()},
        {"supplier": "Ukraine"},
        {"recipient": two[2]},
        {"recipient": "ukraine", "sort": "supplier", "order": "asc"},
        {"via": "USA"},
        {"via": "Poland"},
        {"category": two[3]},
        {"status": one[4], "sort": "first_seen"},
        {"since": "2023"},
        {"since": "2023-02-15"},
        {"until": "2022-09"},
        {"since": "2022", "until": "2023-06-30"},
        {"min_sources": 2},
        {"contested": "true"},
        {"contested": "false", "limit": 5},
        {"month": month},
        {"month": month, "stage": "committed"},
        {"month": month, "stage": "executed", "q": "a"},
        {"q": one[0][:5]},
        {"q": values["outlets"][0][-6:]},
    ]
    filters += [{"q": q} for q in SEARCHES]
    filters += [{"sort": name, "order": order} for name in SORTABLE for order in ("asc", "desc")]
    filters += [{"offset": 10_000}, {"limit": 1}, {"limit": 500}, {"limit": 3, "offset": 4}, {"limit": 1, "offset": 7}]
    refused = [{"sort": "items"}, {"limit": 0}, {"category": "tanks"}, {"since": "yesterday"}]
    paths = [f"/api/v1/transfers?{urlencode(f)}" for f in filters + refused]
    paths += [f"/?{urlencode(f)}" for f in filters[::3] + refused[:1]]
    paths += [f"/api/v1/transfers.csv?{urlencode(f)}" for f in filters[::5]]
    paths += [f"/api/v1/timeline?{urlencode(f)}" for f in filters[::4]]
    paths += ["/api/v1/flows", f"/api/v1/flows?category={two[3]}", "/api/v1/flows?since=2023", "/flows"]
    paths += ["/flows?until=2022-12", f"/api/v1/transfers/{one[0]}", f"/transfers/{two[0]}"]
    return paths


def answers(path: str) -> dict[str, dict]:
    from fastapi.testclient import TestClient

    client = TestClient(create_app(path))
    found = {}
    for request in requests(path):
        response = client.get(request)
        body = response.content
        found[request] = {
            "status": response.status_code,
            "type": response.headers.get("content-type"),
            "sha256": hashlib.sha256(body).hexdigest(),
            "body": body.decode("utf-8", "replace"),
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="A SQLite ledger (only read).")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--against", type=Path, help="Answers written earlier: report every request that differs.")
    args = parser.parse_args()
    found = answers(args.db)
    args.out.write_text(json.dumps(found, indent=1, ensure_ascii=False))
    statuses = sorted({v["status"] for v in found.values()})
    print(f"{len(found)} requests, statuses {statuses}")
    if args.against:
        earlier = json.loads(args.against.read_text())
        digest = {
            r: (found.get(r, {}).get("sha256"), earlier.get(r, {}).get("sha256")) for r in set(found) | set(earlier)
        }
        differ = sorted(r for r, (now, then) in digest.items() if now != then)
        print(f"{len(differ)} differ from {args.against}")
        for request in differ:
            print("  ", request)
        raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
