"""``resolve_overlaps`` makes exactly the choices of the original quadratic algorithm."""
from __future__ import annotations

import random

import pytest

from dragoman.entities.gazetteer import _KIND_RANK, Match, resolve_overlaps
from dragoman.kb.model import ACRONYM, ADJECTIVE, NAME, SHORT


def reference_resolve_overlaps(matches: list[Match]) -> list[Match]:
    """The original O(n²) algorithm, kept as the reference."""
    ordered = sorted(matches, key=lambda m: (-(m.end - m.start), not m.exact, _KIND_RANK[m.kind], m.start))
    taken: list[Match] = []
    for match in ordered:
        if all(match.end <= t.start or match.start >= t.end for t in taken):
            taken.append(match)
    return sorted(taken, key=lambda m: m.start)


def random_matches(rng: random.Random, n: int, span: int, max_len: int, empty_share: float) -> list[Match]:
    out = []
    for _ in range(n):
        start = rng.randrange(span)
        length = 0 if rng.random() < empty_share else rng.randint(1, max_len)
        out.append(Match(start, start + length, rng.choice([NAME, ACRONYM, SHORT, ADJECTIVE]),
                         (rng.randrange(5),), rng.random() < 0.5, -1, 1))
    return out


@pytest.mark.parametrize("seed", range(400))
def test_same_choices_as_the_quadratic_reference(seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 2, 5, 20, 80])
    matches = random_matches(rng, n, span=rng.choice([5, 30, 200]), max_len=rng.choice([1, 3, 12]),
                             empty_share=rng.choice([0.0, 0.0, 0.1, 0.4]))
    got = resolve_overlaps(list(matches))
    want = reference_resolve_overlaps(list(matches))
    assert [id(m) for m in got] == [id(m) for m in want]


def test_many_matches_are_resolved_quickly():
    """50 000 overlapping matches: the old algorithm needed minutes (a sanity bound, not a bench)."""
    rng = random.Random(7)
    matches = random_matches(rng, 50_000, span=2_000_000, max_len=40, empty_share=0.0)
    taken = resolve_overlaps(matches)
    assert all(a.end <= b.start for a, b in zip(taken, taken[1:]))
