"""The one JSON error shape, and the table from library errors to HTTP statuses."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from graph.errors import (
    DesignationsError,
    Forbidden,
    LoadError,
    NotAcceptable,
    NotFound,
    ProtocolError,
    QueryError,
    QueryTimeout,
    ServiceBusy,
    StoreError,
    TooLarge,
)

log = logging.getLogger(__name__)

STATUS: dict[type[DesignationsError], int] = {
    ProtocolError: 400,
    QueryError: 400,
    Forbidden: 403,
    NotAcceptable: 406,
    TooLarge: 413,
    QueryTimeout: 503,
    ServiceBusy: 503,
    LoadError: 400,
    NotFound: 404,
    StoreError: 503,
}


class ErrorBody(BaseModel):
    """Every API error: a status, a short machine-readable code and a human message."""

    status: int
    error: str
    message: str


def error_response(status: int, error: str, message: str) -> JSONResponse:
    """A JSON response in the one error shape."""
    body = ErrorBody(status=status, error=error, message=message)
    return JSONResponse(body.model_dump(), status_code=status)


async def library_error(request: Request, exc: Exception) -> JSONResponse:
    """Map a library error to its status; anything unexpected is a logged 500 without details."""
    for cls, status in STATUS.items():
        if isinstance(exc, cls):
            return error_response(status, cls.__name__, str(exc))
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(500, "InternalError", "internal error; it has been logged")


def install(app: FastAPI) -> None:
    """Register the error handlers on an app."""
    app.add_exception_handler(DesignationsError, library_error)
    app.add_exception_handler(Exception, library_error)
