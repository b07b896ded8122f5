"""Dependencies shared by the routers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from starlette.concurrency import run_in_threadpool

from api.settings import Settings
from graph import Store
from graph.read.search import LabelIndex, built_index, label_index
from graph.read.views import Page

T = TypeVar("T")


def refresh(app: FastAPI) -> None:
    """Open the store as it is now: at startup, and after every write through the SPARQL
    endpoint.

    The label index and the caches in graph/ (labels, places, exports) are kept per Store
    instance, so the new instance starts them empty and nothing read before a write is served
    after it.
    """
    app.state.store = Store.open(app.state.settings.store)


async def get_store(request: Request) -> Store:
    """The store as of the last write (or startup)."""
    store: Store = request.app.state.store
    return store


async def get_index(request: Request) -> LabelIndex:
    """The label index of the store as of the last write (or startup), built on first use in
    a worker thread, so that other requests go on meanwhile."""
    store = await get_store(request)
    index = built_index(store)
    return index if index is not None else await run_in_threadpool(label_index, store)


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
IndexDep = Annotated[LabelIndex, Depends(get_index)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Paging:
    """Which page of a list to return; `page` shapes one page of items into a Page."""

    request: Request
    limit: int
    offset: int

    def links(self, total: int) -> dict[str, Any]:
        """The fields of a page besides its items: total, limit, offset and the next page."""
        more = self.offset + self.limit < total
        following = self.request.url.include_query_params(offset=self.offset + self.limit)
        return {
            "total": total,
            "limit": self.limit,
            "offset": self.offset,
            "next": str(following) if more else None,
        }

    def page(self, items: list[T], total: int) -> Page[T]:
        """A page of items (at most limit of them) out of total."""
        return Page[T](items=items[: self.limit], **self.links(total))


async def get_paging(
    request: Request,
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="Items per page.")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
    format: Annotated[
        Literal["json", "csv"] | None,
        Query(description="csv: the page as CSV (as `Accept: text/csv`); default JSON."),
    ] = None,
) -> Paging:
    """Paging parameters, capped by the settings (the format is read by api.routing)."""
    size = min(limit or settings.page_size, settings.max_page_size)
    return Paging(request=request, limit=size, offset=offset)


PagingDep = Annotated[Paging, Depends(get_paging)]
