"""The one JSON error shape, and the table from library errors to HTTP statuses."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from graph.errors import (
    DesignationsError,
    ExportError,
    Forbidden,
    InvalidParameters,
    InvalidReference,
    LoadError,
    NotAcceptable,
    NotFound,
    ProtocolError,
    QueryError,
    QueryTimeout,
    ServiceBusy,
    StoreError,
    TooLarge,
    UnsupportedMediaType,
)

log = logging.getLogger(__name__)

STATUS: dict[type[DesignationsError], int] = {
    ProtocolError: 400,
    QueryError: 400,
    Forbidden: 403,
    NotAcceptable: 406,
    TooLarge: 413,
    UnsupportedMediaType: 415,
    QueryTimeout: 503,
    ServiceBusy: 503,
    LoadError: 400,
    ExportError: 400,
    NotFound: 404,
    InvalidReference: 422,
    InvalidParameters: 422,
    StoreError: 503,
}
HTTP_ERRORS = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable"}


class ErrorBody(BaseModel):
    """Every API error: a status, a short machine-readable code and a human message."""

    status: int
    error: str
    message: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "Bad request"), (404, "Not found"), (422, "Invalid parameters"))
}


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


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own errors (unknown route, wrong method) in the one shape."""
    assert isinstance(exc, HTTPException)
    error = HTTP_ERRORS.get(exc.status_code, "HTTPError")
    response = error_response(exc.status_code, error, str(exc.detail))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """Invalid parameters or body: 422, naming each field and what is wrong with it."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
        for e in exc.errors()
    ]
    return error_response(422, "InvalidRequest", "; ".join(problems) or "invalid request")


def install(app: FastAPI) -> None:
    """Register the error handlers on an app."""
    app.add_exception_handler(DesignationsError, library_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, library_error)
