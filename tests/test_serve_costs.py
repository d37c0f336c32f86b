"""What one API request costs the server, counted (never timed): the served connections send each
response at once (TCP_NODELAY), a page reads the ledger once, and a lookup by id reads only its own
rows."""

from __future__ import annotations

import asyncio
import socket

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from materiel import api
from materiel.cli_ledger import _listen
from materiel.ledger.store import Store
from materiel.web.app import create_app
from tests.conftest import ROOT


async def _nodelay_of_a_served_connection(listening: socket.socket) -> int:
    seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def answer(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(answer, sock=listening)
    _, client = await asyncio.open_connection(*listening.getsockname()[:2])
    try:
        return await asyncio.wait_for(seen, 10)
    finally:
        client.close()
        server.close()
        await server.wait_closed()


def test_served_connections_send_small_responses_at_once() -> None:
    """With Nagle's algorithm on, a response's last small segment waits for the client's delayed
    ACK (about 40 ms a request on loopback): asyncio turns it off only for a TCP-typed socket."""
    listening = _listen("127.0.0.1", 0)
    assert listening.proto == socket.IPPROTO_TCP
    assert asyncio.run(_nodelay_of_a_served_connection(listening)) != 0


@pytest.fixture(scope="module")
def client(tmp_path_factory, runner) -> TestClient:
    path = tmp_path_factory.mktemp("costs") / "ledger.db"
    Store(str(path)).ingest(api.extract([ROOT / "examples"], runner))
    return TestClient(create_app(str(path), token="t"))


def _statements(client: TestClient, path: str) -> list[str]:
    """The SQL statements the server ran to answer one GET (after a first request warmed it)."""
    assert client.get(path).status_code in (200, 404)
    engine = client.app.state.stores[True].engine
    ran: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        ran.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", note)
    try:
        client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return ran


@pytest.mark.slow
def test_the_ledger_page_reads_its_page_and_groups_its_timeline(client: TestClient) -> None:
    """The page's table runs the statements of the JSON list, no more: its timeline is one GROUP BY
    branch more of the statement that reads the rows beside the page's transfers (ledger.beside;
    tests/test_list_costs.py: neither reads more rows in a larger ledger)."""
    listed = _statements(client, "/api/v1/transfers?q=a")
    shown = _statements(client, "/?q=a")
    assert listed and len(shown) == len(listed) <= 4
    ((beside, grouped),) = [(one, other) for one, other in zip(listed, shown, strict=True) if one != other]
    extra = grouped.removeprefix(beside).lstrip()
    assert extra != grouped and extra.startswith("UNION ALL") and "GROUP BY" in extra and "transfer_events" in extra


@pytest.mark.slow
def test_a_lookup_by_id_reads_only_its_rows(client: TestClient) -> None:
    assert len(_statements(client, "/api/v1/transfers/no-such-id")) == 1
    ident = client.get("/api/v1/transfers").json()["items"][0]["id"]
    ran = _statements(client, f"/api/v1/transfers/{ident}")
    assert ran and all(" WHERE " in statement for statement in ran)
    assert not any("merge_state" in statement for statement in ran)
