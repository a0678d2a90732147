"""Plain-text reader: one file, one article. The text is decoded but not cleaned (the
``clean`` component does that), and nothing in it is interpreted: markup is just text."""
from __future__ import annotations

from ..doc import RawDocument, Rejection
from .encoding import NotText, decode
from .sources import TEXT


def read_text(data: bytes, origin: str, doc_id: str) -> RawDocument | Rejection:
    """A :class:`RawDocument` for a plain-text payload, or why it cannot be one."""
    try:
        text, encoding = decode(data)
    except NotText as error:
        return Rejection(origin, str(error), TEXT)
    if not text.strip():
        return Rejection(origin, "no text (only white space)", TEXT)
    return RawDocument(id=doc_id, origin=origin, input_format=TEXT, raw=data, text=text, encoding=encoding)
