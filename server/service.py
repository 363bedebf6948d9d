"""The ExtractionService servicer: protobuf in, engine call, protobuf out.

Each RPC validates the article, runs the shared ``Extractor`` (through an ``ExtractionRunner``,
which picks the event loop or a thread for it) and converts its records with
``server.convert``. The methods are coroutines on the grpc.aio server's event loop. Each call's
log line is written by ``server.calllog``; the methods add the article's id, length, quote
count and engine time to it. Nothing here knows how extraction works, and nothing in the
engine knows about gRPC.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import grpc

from qawl.v1 import qawl_pb2, qawl_pb2_grpc
from qawl.server import calllog, logs
from qawl.server.convert import extraction_to_proto
from qawl.engine import ExtractionStopped, Extractor, SpeakerRegistry
from qawl.server.runner import ExtractionRunner
from qawl.server.errors import Problem, Reason
from qawl.server.validate import encoding_problem, text_problem

SERVICE_NAME = qawl_pb2.DESCRIPTOR.services_by_name["ExtractionService"].full_name


@dataclass(frozen=True)
class Extracted:
    """One article's answer, with what its log line reports."""

    response: qawl_pb2.ExtractResponse | qawl_pb2.ExtractBatchResponse
    chars: int
    engine_seconds: float


def _stop_signal(context: grpc.aio.ServicerContext, remaining: float | None) -> Callable[[], bool]:
    """What the engine asks between sentences: has the call's deadline passed, or has it
    ended (the client cancelled)? A thread's extraction then stops within one sentence; one
    on the event loop stops at its deadline (the loop cannot see a cancellation meanwhile)."""
    ended = threading.Event()
    context.add_done_callback(lambda _: ended.set())
    deadline = None if remaining is None else time.monotonic() + remaining
    return lambda: ended.is_set() or (deadline is not None and time.monotonic() > deadline)


class ExtractionServicer(qawl_pb2_grpc.ExtractionServiceServicer):
    """Serves Extract, StreamQuotes and ExtractBatch over one shared ``Extractor``."""

    def __init__(self, extractor: Extractor, max_article_chars: int, runner: ExtractionRunner) -> None:
        self._extractor = extractor
        self._max_chars = max_article_chars
        self._runner = runner
        self._log = logs.get()

    def _answer(self, text: str, article_id: str, encoding_type: int,
                registry: SpeakerRegistry | None, response_type: type,
                should_stop: Callable[[], bool] | None = None) -> Extracted:
        """Extract ``text`` and convert the records: the work that runs inline or on a thread."""
        started = time.perf_counter()
        extraction = self._extractor.extract(text, registry, should_stop)
        engine_seconds = time.perf_counter() - started
        response = extraction_to_proto(extraction, text, article_id, encoding_type, response_type)
        return Extracted(response, len(text), engine_seconds)

    async def _extract(self, article: qawl_pb2.Article, encoding_type: int,
                       context: grpc.aio.ServicerContext,
                       registry: SpeakerRegistry | None = None,
                       response_type: type = qawl_pb2.ExtractResponse) -> Extracted | Problem:
        """The article's extraction as a ``response_type`` message, or the Problem that prevented it."""
        text = article.text  # each read of a string field decodes it anew
        problem = text_problem(text, self._max_chars) or encoding_problem(encoding_type)
        if problem is not None:
            return problem
        remaining = context.time_remaining()
        if remaining is not None and remaining <= 0:
            return Problem(grpc.StatusCode.DEADLINE_EXCEEDED, "deadline expired before extraction began",
                           Reason.DEADLINE_EXPIRED)
        try:
            return await self._runner.run(self._answer, text, article.id, encoding_type, registry,
                                          response_type, _stop_signal(context, remaining))
        except ExtractionStopped:
            if context.cancelled():
                return Problem(grpc.StatusCode.CANCELLED, "the client cancelled the call during extraction",
                               Reason.CANCELLED)
            return Problem(grpc.StatusCode.DEADLINE_EXCEEDED, "deadline expired during extraction",
                           Reason.DEADLINE_EXPIRED)
        except Exception:
            self._log.exception("extraction failed", extra={"fields": {"article_id": article.id}})
            return Problem(grpc.StatusCode.INTERNAL, "extraction failed; the server log has details",
                           Reason.EXTRACTION_FAILED)

    async def _extract_noted(self, article: qawl_pb2.Article, encoding_type: int,
                             context: grpc.aio.ServicerContext) -> Extracted | Problem:
        """``_extract``, putting the article's id, length, quote count and engine time on the
        call's log line (the text is read again only when the call does not end OK)."""
        calllog.note(article_id=article.id)
        try:
            result = await self._extract(article, encoding_type, context)
        except asyncio.CancelledError:
            calllog.note(chars=len(article.text))
            raise
        if isinstance(result, Problem):
            calllog.note(chars=len(article.text))
        else:
            calllog.note(chars=result.chars, engine_ms=round(result.engine_seconds * 1000, 2),
                         quotes=len(result.response.quotes))
        return result

    async def Extract(self, request: qawl_pb2.ExtractRequest,
                      context: grpc.aio.ServicerContext) -> qawl_pb2.ExtractResponse:
        """Extract all speakers and quotes of one article."""
        result = await self._extract_noted(request.article, request.encoding_type, context)
        if isinstance(result, Problem):
            await result.abort(context)
        return result.response

    async def StreamQuotes(self, request: qawl_pb2.StreamQuotesRequest,
                           context: grpc.aio.ServicerContext) -> None:
        """Stream the quotes of one article, stopping early if the client goes away.

        A client that cancels cancels this coroutine at its next write, so no further quote is
        built or sent; the call's log line counts the quotes sent until then.
        """
        result = await self._extract_noted(request.article, request.encoding_type, context)
        if isinstance(result, Problem):
            await result.abort(context)
        sent = 0
        try:
            for quote in result.response.quotes:
                await context.write(qawl_pb2.StreamQuotesResponse(quote=quote))
                sent += 1
        finally:
            calllog.note(quotes=sent)

    def _log_article(self, index: int, article: qawl_pb2.Article, started: float,
                     result: Extracted | Problem) -> None:
        """The line of one article of a batch; the call gets a line of its own at the end."""
        code = result.code if isinstance(result, Problem) else grpc.StatusCode.OK
        chars = len(article.text) if isinstance(result, Problem) else result.chars
        fields = {"rpc": "ExtractBatch", "batch_index": index, "article_id": article.id,
                  "code": code.name, "chars": chars,
                  "ms": round((time.perf_counter() - started) * 1000, 2)}
        if isinstance(result, Problem):
            fields["detail"] = result.message
        else:
            fields.update(engine_ms=round(result.engine_seconds * 1000, 2),
                          quotes=len(result.response.quotes))
        self._log.info("ExtractBatch article %s", code.name, extra={"fields": fields})

    async def ExtractBatch(self, request_iterator: AsyncIterator[qawl_pb2.ExtractBatchRequest],
                           context: grpc.aio.ServicerContext) -> None:
        """Answer each article of the stream in order, sharing speaker ids across the stream.

        An article that cannot be extracted gets a response with ``error`` set (the code,
        message and ``ErrorInfo`` reason the unary RPC would have returned); the stream goes
        on. A client that cancels cancels this coroutine at its next read or write. Each
        article gets a log line, and the call's own line counts the articles and quotes.
        """
        registry = SpeakerRegistry()
        articles = quotes = 0
        calllog.note(articles=0, quotes=0)
        async for request in request_iterator:
            started = time.perf_counter()
            article = request.article
            result = await self._extract(article, request.encoding_type, context, registry,
                                         qawl_pb2.ExtractBatchResponse)
            self._log_article(articles, article, started, result)
            articles += 1
            if isinstance(result, Problem):
                known = result.reason is not Reason.ENCODING_UNKNOWN
                response = qawl_pb2.ExtractBatchResponse(
                    article_id=article.id,
                    encoding_type=request.encoding_type if known else qawl_pb2.ENCODING_TYPE_UNSPECIFIED,
                    error=qawl_pb2.ArticleError(code=result.code.value[0], message=result.message,
                                                reason=result.reason.value))
            else:
                response = result.response
                quotes += len(response.quotes)
            calllog.note(articles=articles, quotes=quotes)
            await context.write(response)
