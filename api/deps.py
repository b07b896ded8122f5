"""Dependencies shared by the routers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request

from api.settings import Settings
from graph import Store
from graph.search import LabelIndex
from graph.views import Page

T = TypeVar("T")


async def get_store(request: Request) -> Store:
    """The store opened at startup."""
    store: Store = request.app.state.store
    return store


async def get_index(request: Request) -> LabelIndex:
    """The label index built from the store at startup."""
    index: LabelIndex = request.app.state.index
    return index


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
IndexDep = Annotated[LabelIndex, Depends(get_index)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Paging:
    """Which page of a list to return; `page` shapes the items fetched into a Page."""

    request: Request
    limit: int
    offset: int

    def page(self, items: list[T]) -> Page[T]:
        """A page from up to limit + 1 items (one more than shown tells there is a next page)."""
        more = len(items) > self.limit
        following = self.request.url.include_query_params(offset=self.offset + self.limit)
        return Page[T](
            items=items[: self.limit],
            limit=self.limit,
            offset=self.offset,
            next=str(following) if more else None,
        )


async def get_paging(
    request: Request,
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="Items per page.")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
) -> Paging:
    """Paging parameters, capped by the settings."""
    size = min(limit or settings.page_size, settings.max_page_size)
    return Paging(request=request, limit=size, offset=offset)


PagingDep = Annotated[Paging, Depends(get_paging)]
