"""The route class of every REST route under /api: strict parameters, and CSV on request.

A query parameter the route does not declare is refused with 422 in the one error shape,
naming it (a misspelt filter must not silently widen a list). A page of a list is answered
as CSV when the client asks with `format=csv` or prefers `text/csv` in its Accept header;
the CSV response carries the total in `X-Total-Count` and the next page in a `Link` header.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any, get_args

from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from api.negotiation import negotiate
from api.tables import link_fields, to_csv
from graph.read.views import Page

CSV = "text/csv"
OFFERED = ("application/json", CSV)
CSV_CONTENT = {CSV: {"schema": {"type": "string", "description": "One row per item."}}}


def wants_csv(request: Request) -> bool:
    """Whether the client asked for CSV: `format=csv`, or text/csv preferred over JSON."""
    chosen = request.query_params.get("format")
    if chosen is not None:
        return chosen == "csv"
    return negotiate(request.headers.get("accept"), OFFERED) == CSV


def csv_response(page: dict[str, Any], links: frozenset[str]) -> Response:
    """A JSON page as CSV, with its total and next link in headers."""
    headers = {"X-Total-Count": str(page["total"])}
    if page.get("next"):
        headers["Link"] = f'<{page["next"]}>; rel="next"'
    body = to_csv(page["items"], links)
    return Response(body, media_type=f"{CSV}; charset=utf-8", headers=headers)


def item_links(model: Any) -> frozenset[str]:
    """The link fields of the items of a page model (Page[T]: those of T)."""
    if not (isinstance(model, type) and issubclass(model, Page)):
        return frozenset()
    (item,) = get_args(model.model_fields["items"].annotation)
    plain = isinstance(item, type) and issubclass(item, BaseModel)
    return link_fields(item) if plain else frozenset()


def query_names(dependant: Dependant) -> set[str]:
    """The names of every query parameter a route declares, its dependencies' included."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= query_names(sub)
    return names


def _unknown(names: list[str]) -> RequestValidationError:
    errors = [
        {"loc": ("query", n), "msg": "unknown parameter", "type": "extra_forbidden"} for n in names
    ]
    return RequestValidationError(errors)


class ApiRoute(APIRoute):
    """A REST route that refuses undeclared query parameters and serves its pages as CSV."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        model = self.response_model
        if isinstance(model, type) and issubclass(model, Page):
            ok = self.responses.setdefault(200, {})
            ok.setdefault("content", {}).update(CSV_CONTENT)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        known = query_names(self.dependant)
        pages = isinstance(self.response_model, type) and issubclass(self.response_model, Page)
        links = item_links(self.response_model)

        async def route(request: Request) -> Response:
            unknown = sorted(set(request.query_params) - known)
            if unknown:
                raise _unknown(unknown)
            response = await handler(request)
            if pages and response.status_code == 200 and wants_csv(request):
                return csv_response(json.loads(bytes(response.body)), links)
            return response

        return route
