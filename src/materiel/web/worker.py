"""Extraction of posted pages in a worker process, given up after the per-article time budget.

The pipeline's own budget is a timer signal, which only a process's main thread receives, and the
web server answers requests in threads: so a page posted to the API is extracted in a separate
process (its steps, and the NLP model, built once there), and the request waits for it at most
the budget. Past it, the worker is killed, a new one is started at the next request, and the
request gets the same one-line reason as an article given up in a batch (a skip: 422).
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from materiel.article import Article
from materiel.errors import InternalError, MaterielError, ModelMissing
from materiel.executors import StepsFactory
from materiel.pipeline import TIME_BUDGET_SECONDS, Failure, Runner, over_budget, skip

# Seconds a new worker may take to start and build its steps (the NLP model loads here), on top
# of the budget of its first article.
START_SECONDS = 120.0


def _serve(factory: StepsFactory, budget: float, channel: Connection) -> None:
    try:
        runner = Runner(factory(), time_budget=budget)
    except MaterielError as error:  # the model missing: said once, in the request's answer
        channel.send((error.code, str(error)))
        return
    channel.send("ready")
    while True:
        try:
            article = channel.recv()
        except EOFError:  # the server ended
            return
        channel.send(runner.run_one(article))


class Extractor:
    """One worker process; requests take turns on it."""

    def __init__(self, factory: StepsFactory, budget: float = TIME_BUDGET_SECONDS) -> None:
        self.factory, self.budget = factory, budget
        self.lock = threading.Lock()
        self.process: BaseProcess | None = None
        self.channel: Connection | None = None

    def run(self, article: Article) -> Article | Failure:
        with self.lock:
            channel = self._started()
            channel.send(article)
            try:
                if channel.poll(self.budget if self.budget > 0 else None):
                    return channel.recv()
            except (EOFError, OSError):  # the worker died (out of memory, killed)
                self.stop()
                return Failure(article.source, "the extraction worker stopped on this article")
            self.stop()
            return skip(article.source, over_budget(self.budget))

    def _started(self) -> Connection:
        if self.process is not None and self.process.is_alive() and self.channel is not None:
            return self.channel
        self.stop()
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        ours, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(self.factory, self.budget, theirs), daemon=True)
        self.process.start()
        answer = ours.recv() if ours.poll(START_SECONDS) else ("internal_error", "no answer")
        if answer != "ready":
            self.stop()
            code, message = answer
            raise (ModelMissing if code == ModelMissing.code else InternalError)(message)
        self.channel = ours
        return ours

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
        self.process, self.channel = None, None
