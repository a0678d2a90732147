"""What can go wrong, for every front end: exit statuses and the errors a user can fix.

The CLI maps these to exit statuses, a web API to HTTP statuses; neither defines its own.
"""
from __future__ import annotations

# Exit statuses of the ``dragoman`` command.
EXIT_OK = 0
EXIT_REJECTED = 1  # some inputs were set aside; the rest was stored
EXIT_USAGE = 2  # a usage or store error the user can fix
EXIT_INTERNAL = 70  # a bug: please report it
EXIT_INTERRUPTED = 130  # Ctrl-C: what was stored stays stored


class UserError(Exception):
    """A problem the user can fix; its message is printed as is."""


class InvalidArgument(UserError):
    """A bad value for one named parameter. ``problem`` reads after the parameter's name, which
    each front end spells its own way (``--since`` on the command line, ``since`` in a URL)."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


class NotFound(UserError):
    """No such article, story or entity."""
