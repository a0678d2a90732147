"""The per-article pipeline: named components run in order over one :class:`Article`.

As in spaCy, each component declares the article fields it ``requires`` and ``provides``;
:class:`Pipeline` checks at build time that every requirement is provided by an earlier
component (or by the reader: ``raw_text``, ``hints``), so a mis-ordered pipeline fails
loudly before any article is touched. A component may also declare fields it ``uses`` when
they are there (``entities`` drops a byline name when ``describe`` found the author): a
pipeline without their provider is fine, one that provides them only later is mis-ordered. Components are registered by name with
:func:`component` and built lazily, so heavy models load only when a pipeline uses them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from .doc import Article

# Fields an Article has as soon as a reader produced it.
READER_FIELDS = frozenset({"id", "origin", "input_format", "raw_text", "hash", "hints"})


class Component(Protocol):
    """What a pipeline component looks like: a named callable with declared fields."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    uses: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True)
class Registration:
    name: str
    factory: Callable[[], Component]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    uses: tuple[str, ...] = ()


_REGISTRY: dict[str, Registration] = {}


def component(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = (),
              uses: Iterable[str] = ()):
    """Register a component factory (a class or a zero-argument function) under ``name``.

    ``requires``: fields it reads, which an earlier component must provide; ``uses``: fields
    it reads when present, which no later component may provide; ``provides``: fields it fills.
    """

    def register(factory):
        _REGISTRY[name] = Registration(name, factory, tuple(requires), tuple(provides), tuple(uses))
        return factory

    return register


def registered() -> dict[str, Registration]:
    _import_builtin_components()
    return dict(_REGISTRY)


class PipelineError(RuntimeError):
    """A pipeline that cannot run as configured."""


class Pipeline:
    """An ordered list of components; call it on an article to run them all."""

    def __init__(self, names: Iterable[str]):
        available = registered()
        self.names = list(names)
        unknown = [name for name in self.names if name not in available]
        if unknown:
            raise PipelineError(f"unknown pipeline component {unknown[0]!r}; known: {', '.join(sorted(available))}")
        have = set(READER_FIELDS)
        for position, name in enumerate(self.names):
            missing = [f for f in available[name].requires if f not in have]
            if missing:
                raise PipelineError(f"component {name!r} needs {', '.join(missing)}, which no earlier component provides")
            for later in self.names[position + 1:]:
                late = [f for f in available[name].uses if f not in have and f in available[later].provides]
                if late:
                    raise PipelineError(f"component {name!r} reads {', '.join(late)}, which {later!r} provides "
                                        f"only after it: put {later!r} first")
            have.update(available[name].provides)
        self._registrations = [available[n] for n in self.names]
        self._built: list[Component] | None = None

    @property
    def components(self) -> list[Component]:
        if self._built is None:
            self._built = []
            for reg in self._registrations:
                built = reg.factory()
                # Let plain functions be components too.
                for attr, value in (("name", reg.name), ("requires", reg.requires), ("provides", reg.provides),
                                    ("uses", reg.uses)):
                    if not hasattr(built, attr):
                        try:
                            setattr(built, attr, value)
                        except (AttributeError, TypeError):
                            pass
                self._built.append(built)
        return self._built

    def __call__(self, article: Article) -> Article:
        for reg, comp in zip(self._registrations, self.components):
            article = comp(article)
            article.done.append(reg.name)
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


# Every component dragoman ships, in pipeline order; stages not installed are skipped.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "clean", "language", "describe", "rewrite", "entities", "events", "facts",
)


def default_pipeline() -> Pipeline:
    available = registered()
    return Pipeline([n for n in DEFAULT_COMPONENTS if n in available])

_BUILTIN_MODULES = (
    "dragoman.clean.component",
    "dragoman.describe.component",
    "dragoman.entities.component",
    "dragoman.events.component",
    "dragoman.facts.component",
)


def _import_builtin_components() -> None:
    import importlib

    for module in _BUILTIN_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            # A stage that has not landed yet is simply absent; a broken import inside it is not.
            if error.name and module.startswith(error.name) or error.name == module:
                continue
            raise
