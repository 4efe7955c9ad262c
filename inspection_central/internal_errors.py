"""A bug in the central answers 500 and is logged without what it was handling.

An exception's message can quote the data in hand: a PostgreSQL error says "Failing row
contains (…)", a record's fields among them. Logged as Starlette and uvicorn log it (the whole
traceback, message included), travellers' names and document numbers would reach the
central's log. Here the log gets the request line, the exception's type and where it was
raised; the client gets the usual JSON 500.
"""

from __future__ import annotations

import logging
import traceback

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# uvicorn's own logger for server errors, so the line lands where its other errors do.
log = logging.getLogger("uvicorn.error")

ANSWER = {
    "error": {"code": "internal", "message": "Internal error of the central; try again later."}
}


def where_raised(error: BaseException) -> str:
    """The traceback's frames and the exception's type, without its message."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = "".join(traceback.format_list(frames))
    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    return f"Traceback (most recent call last):\n{lines}{kind}"


class InternalErrors:
    """ASGI middleware: an exception out of the app is a JSON 500 and one quiet log entry."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:
            log.error(
                "Internal error answering %s %s (its message is not logged: it may quote "
                "records)\n%s",
                scope.get("method"),
                scope.get("path"),
                where_raised(error),
            )
            if not started:
                await JSONResponse(ANSWER, status_code=500)(scope, receive, send)
