"""The one check of the JSON error shape, shared by the HTTP tests."""

from __future__ import annotations

import httpx


def error_of(response: httpx.Response) -> tuple[int, int, str]:
    """(HTTP status, body status, error code), after checking the body has exactly the shape."""
    body = response.json()
    assert response.headers["content-type"] == "application/json"
    assert set(body) == {"status", "error", "message"} and body["message"]
    return response.status_code, body["status"], body["error"]
