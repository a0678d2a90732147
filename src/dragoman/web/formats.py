"""Answers in JSON and, for listings, CSV; and the link to a listing's next page.

CSV has one row per item and one column per field; nested records are flattened to dotted
columns (``event.type``), lists of plain values joined with ``"; "``, anything deeper written as
JSON. A cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is
prefixed with ``'``: titles and names come from untrusted pages.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, is_dataclass
from typing import Any

from functools import lru_cache

from fastapi import Request
from fastapi.responses import Response
from pydantic import TypeAdapter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, (str, int, float)) for v in value):
            value = "; ".join(str(v) for v in value)
        else:
            value = json.dumps(value, ensure_ascii=False, default=str)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def flat_row(item: Any) -> dict[str, Any]:
    """One item as columns: a dataclass's fields, one level of nesting spelled ``outer.inner``."""
    data = asdict(item) if is_dataclass(item) else dict(item)
    row: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict) and value and all(isinstance(k, str) for k in value) and is_dataclass(
                getattr(item, key, None)):
            for inner, inner_value in value.items():
                row[f"{key}.{inner}"] = _cell(inner_value)
        else:
            row[key] = _cell(value)
    return row


def csv_text(items: list) -> str:
    rows = [flat_row(item) for item in items]
    columns = list(dict.fromkeys(column for row in rows for column in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@lru_cache(maxsize=64)
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


def json_response(value: Any, headers: dict[str, str] | None = None) -> Response:
    """A service dataclass as JSON, serialised by pydantic's compiled serialiser in one pass
    (FastAPI's generic path walks every nested value in Python: several times slower on a page
    of events). The route's ``response_model`` still documents the shape."""
    return Response(_adapter(type(value)).dump_json(value), media_type="application/json", headers=headers)


def csv_response(items: list) -> Response:
    return Response(csv_text(items), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "inline"})


def next_link(request: Request, cursor: str | None) -> str | None:
    """``<url>; rel="next"``: this request's URL with ``cursor`` set to the next page's."""
    if not cursor:
        return None
    return f'<{request.url.include_query_params(cursor=cursor)}>; rel="next"'
