"""What every route takes from the app: its service session."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..service.session import Session


def session_of(request: Request) -> Session:
    return request.app.state.sessions.get()


SessionDep = Annotated[Session, Depends(session_of)]
