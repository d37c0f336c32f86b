"""A bounded load test of the API on loopback: requests per second, p50/p99 latency, errors.

    .venv/bin/python bench/load.py [--seconds 20] [--clients 8]

It ingests the examples into a fresh ledger, starts `materiel serve` in a child process, and
has several client threads ask for the ledger, one transfer, the flows and hostile filters
(SQL injection strings, XSS strings) until the time is up. Any status other than the one
expected counts as an error: 200, the 404 for an unknown id, and the 400 (usage error) for a
supplier filter that names no actor or a search holding a NUL.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ["' OR 1=1 --", "x'); DROP TABLE transfers; --", "<script>alert(1)</script>", "%00", "../../etc/passwd"]


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _paths(client: httpx.Client) -> list[tuple[str, int]]:
    ids = [row["id"] for row in client.get("/api/v1/transfers").json()["items"]]
    paths = [("/api/v1/transfers", 200), ("/api/v1/flows", 200), ("/", 200), ("/api/v1/transfers/nope", 404)]
    paths += [(f"/api/v1/transfers/{i}", 200) for i in ids[:3]]
    paths += [(f"/api/v1/transfers?supplier={h}", 400) for h in HOSTILE]  # no actor's name: a usage error
    paths += [(f"/?q={h}", 400 if h == "%00" else 200) for h in HOSTILE]  # a NUL in the search: a usage error
    return paths


def hammer(base: str, seconds: float, clients: int) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    with httpx.Client(base_url=base) as probe:
        paths = _paths(probe)
    deadline = time.monotonic() + seconds

    def client_loop(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=10) as client:
            n = offset
            while time.monotonic() < deadline:
                path, expected = paths[n % len(paths)]
                started = time.perf_counter()
                status = client.get(path).status_code
                with lock:
                    latencies.append(time.perf_counter() - started)
                    errors[0] += status != expected
                n += 1

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / seconds,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[int(len(ordered) * 0.99) - 1],
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "load.db")
        subprocess.run(
            [sys.executable, "-m", "materiel", "ingest", str(ROOT / "examples"), "--db", db],
            check=True,
            capture_output=True,
        )
        port = _port()
        server = subprocess.Popen(
            [sys.executable, "-m", "materiel", "serve", "--db", db, "--port", str(port)],
            env={**os.environ, "MATERIEL_TOKEN": "load"},
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(base + "/api/v1/flows")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            result = hammer(base, args.seconds, args.clients)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"{args.clients} clients for {args.seconds:g} s on loopback against one `materiel serve` process: "
        f"{result['requests']} requests, {result['rps']:.0f} requests/s, p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms, {result['errors']} errors."
    )


if __name__ == "__main__":
    main()
