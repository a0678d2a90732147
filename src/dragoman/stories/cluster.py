"""Decisions: does an article join a story, is it a copy of another, which copy is the original.

All functions here are pure (profiles, similarities and thresholds in, a decision out) so they
can be tested without a database. Embedding similarity is necessary but never sufficient: two
meetings of the same leaders a year apart read alike, so membership also needs shared
participants, compatible dates, the same status (a preview is not the event) and the shared
participants being what the article is mostly about (a feature that names the visit in passing
does not join it).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .. import lang as langdata
from .detail import built_title
from .embed import SimilarityFloors
from .profile import REPORTED, ArticleProfile, TextStructure, dates_agree, day_number, day_span

# Days between an article's date and a story's date span for it still to be the same story
# (a state visit lasts two or three days, reports come out the day after).
STORY_DATE_WINDOW = 3
# Days allowed when the two sides name different places: a different city on the same day is a
# source that disagrees (a conflict to report), a different city days later is another trip.
OTHER_PLACE_WINDOW = 1
# A story never spans more than this many days: a later visit of the same people is a new story.
STORY_MAX_SPAN = 7
# Participants two sides must share (fewer when one side names fewer people).
SHARED_PARTICIPANTS = 2
# Share of an article's person mentions that must go to the shared participants: below it the
# article only mentions them in passing.
MIN_SHARED_SALIENCE = 0.3
# Score bonuses among stories that all pass the vetoes (embedding similarity is the base).
BONUS_PER_SHARED_PARTICIPANT = 0.02
BONUS_SHARED_PLACE = 0.02
BONUS_SHARED_EVENT_FAMILY = 0.01
# Translation confirmation: share of entity ids two versions of one text have in common, and
# share of all figures (of the longer list) that have a counterpart (same unit, value within
# 0.5 %): a translation keeps every number, two reports of one meeting pick different ones.
TRANSLATION_ENTITY_JACCARD = 0.5
TRANSLATION_FACT_SHARE = 0.75
FACT_MATCH_TOLERANCE = 0.005
# Structure a translation or close rewrite keeps (independent reports of one event share
# entities, dates and figures, but not their layout). Compared only when both bodies are long
# enough (:data:`~dragoman.stories.profile.MIN_STRUCTURE_CHARS`):
# paragraphs may differ by one (a dateline or closing line set apart);
COPY_PARAGRAPH_SLACK = 1
# paragraph lengths, as shares of the text, may differ on average by this much (after the best
# join of two adjacent paragraphs when the counts differ, see :func:`paragraph_drift`). News
# paragraphs are of similar size, so this must be tight: translations measured 0.009-0.013,
# independent reports of one event 0.03-0.05 (tests/stories, samples, seeds);
COPY_PARAGRAPH_SHARE_DIFF = 0.03
# sentence counts (smaller / larger) at least this close: translators rarely split or merge more;
COPY_SENTENCE_RATIO = 0.8
# body lengths (shorter / longer) at least this close: languages differ in length by up to
# about a half (Hungarian or German vs English), an independent report freely;
COPY_LENGTH_RATIO = 0.6
# quotations may differ by one (a quote turned into reported speech);
COPY_QUOTE_SLACK = 1
# digit groups in reading order, similarity (2 x matched / total, difflib) at least this: a
# translation keeps every figure where it was, another report orders and picks them its own way;
COPY_NUMBER_ORDER = 0.85
# compared only when one side has at least this many digit groups.
COPY_MIN_NUMBERS = 3
# Paragraphs both versions need before an agreeing layout may stand in for shared figures
# (two short items can match in layout by chance).
COPY_LAYOUT_MIN_PARAGRAPHS = 3
# The language story titles are shown in: the one canonical names are kept in (the knowledge
# base's ``name``). A reader's setting, not knowledge about a language: a member's title in it
# replaces the title built from the founder.
TITLE_LANGUAGE = "en"


@lru_cache(maxsize=1)
def source_ranks() -> dict[str, int]:
    """Language code -> its rank as the source of wire copy (``lang/<code>/agencies.toml``
    ``wire_source_rank``, 1 = most often translated from)."""
    return {code: data["wire_source_rank"]
            for code, data in langdata.load_all("agencies", include_common=False).items()
            if "wire_source_rank" in data}


@dataclass
class StoryState:
    """A story as seen by the linker while deciding one article."""

    story_id: str
    mode: str
    first_day: int | None
    last_day: int | None
    n_articles: int
    keys: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    families: set[str] = field(default_factory=set)
    title: str | None = None
    title_from: str | None = None  # member whose title it is, or "built"
    langs: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # key participant id -> canonical name

    def add(self, profile: ArticleProfile) -> None:
        """Take a new member into the state (the incremental twin of a full recount)."""
        self.n_articles += 1
        # Once per member, in the profile's order (the order participants are listed in).
        self.keys.update(dict.fromkeys(profile.key_ids, 1))
        for key in profile.key_ids:
            self.names.setdefault(key, profile.names.get(key, key))
        self.places.update(dict.fromkeys(profile.places, 1))
        self.families.update(e.family for e in profile.main_events)
        if profile.lang:
            self.langs.add(profile.lang)
        day = profile.anchor_day
        if day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)
        # The first title in TITLE_LANGUAGE; until there is one, a title built from the founder.
        if profile.lang == TITLE_LANGUAGE and profile.title and self.title_from in (None, "built"):
            self.title, self.title_from = profile.title, profile.id
        elif self.title is None:
            self.title, self.title_from = built_title(profile), "built"


def story_similarity(profile: ArticleProfile, members: list[tuple[ArticleProfile, float]],
                     floors: SimilarityFloors) -> float:
    """How close ``profile`` is to a story: its best cosine with a member, a member in another
    language counted with the model's cross-language allowance (``-1.0`` with no member)."""
    return max((similarity + (floors.cross_language if member.lang != profile.lang else 0.0)
                for member, similarity in members), default=-1.0)


def far_apart_in_time(a: ArticleProfile, b: ArticleProfile) -> bool:
    """Whether one of two reports came out before the other's event, by more than
    :data:`STORY_DATE_WINDOW` days, at whatever precision each date is known (published
    ``2023-09`` against a visit of ``2024-09-16``): a report cannot precede what it reports.
    Only publication dates count on the earlier side; an undated article's anchor may come from
    an event it mentions in passing. Two day-precision anchors are left to the story's span."""
    if a.anchor_day is not None and b.anchor_day is not None:
        return False  # the story's span decides (STORY_DATE_WINDOW, STORY_MAX_SPAN)
    for report, other in ((a, b), (b, a)):
        published, happened = day_span(report.published), day_span(other.anchor)
        if (report.mode == REPORTED and published is not None and happened is not None
                and published[1] + STORY_DATE_WINDOW < happened[0]):
            return True
    return False


def story_score(profile: ArticleProfile, story: StoryState, similarity: float,
                floors: SimilarityFloors, members: Sequence[ArticleProfile] = ()) -> float | None:
    """How well ``profile`` fits ``story`` (higher is better), or ``None`` when it must not join.
    ``similarity`` is the :func:`story_similarity` of the two; ``members`` are the story's
    members compared with it (a member whose date rules it out vetoes the join)."""
    if profile.mode != story.mode or similarity < floors.story:
        return None
    if any(far_apart_in_time(profile, member) for member in members):
        return None
    article_keys, story_keys = set(profile.key_ids), set(story.keys)
    shared = article_keys & story_keys
    if article_keys and story_keys:
        if len(shared) < min(SHARED_PARTICIPANTS, len(article_keys), len(story_keys)):
            return None
        if profile.salience(shared) < MIN_SHARED_SALIENCE:
            return None
    elif similarity < floors.unnamed:  # nobody to compare: only a very close text may join
        return None

    day = profile.anchor_day
    if day is not None and story.first_day is not None:
        gap = max(story.first_day - day, day - story.last_day, 0)
        other_place = bool(profile.places and story.places and not set(profile.places) & set(story.places))
        if gap > (OTHER_PLACE_WINDOW if other_place else STORY_DATE_WINDOW):
            return None
        if max(story.last_day, day) - min(story.first_day, day) > STORY_MAX_SPAN:
            return None
    elif similarity < floors.undated:
        # No date to confirm: ask for a closer text, or the same place.
        if not (set(profile.places) & set(story.places)):
            return None

    score = similarity + BONUS_PER_SHARED_PARTICIPANT * len(shared)
    if set(profile.places) & set(story.places):
        score += BONUS_SHARED_PLACE
    if {e.family for e in profile.main_events} & story.families:
        score += BONUS_SHARED_EVENT_FAMILY
    return score


def _fact_share(a: ArticleProfile, b: ArticleProfile) -> float | None:
    if not a.facts or not b.facts:
        return None
    small, large = (a.facts, b.facts) if len(a.facts) <= len(b.facts) else (b.facts, a.facts)
    used: set[int] = set()
    hits = 0
    for fact in small:
        for i, other in enumerate(large):
            if i in used or fact.unit.lower() != other.unit.lower():
                continue
            if abs(fact.value - other.value) <= FACT_MATCH_TOLERANCE * max(abs(fact.value), 1e-9):
                used.add(i)
                hits += 1
                break
    return hits / len(large)


def paragraph_drift(a: list[float], b: list[float]) -> float:
    """Mean difference of paragraph shares, after joining adjacent paragraphs of the longer
    layout (the best join) until the counts match: a paragraph split in two still aligns."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0.0 if not a else 1.0
    if len(a) == len(b):
        return sum(abs(x - y) for x, y in zip(a, b)) / len(b)
    return min(paragraph_drift(a[:i] + [a[i] + a[i + 1]] + a[i + 2:], b) for i in range(len(a) - 1))


def structure_agrees(a: TextStructure, b: TextStructure) -> bool | None:
    """Whether two bodies have the layout of one text (``None`` when either is too short).

    A translation keeps paragraphs, sentences, quotes and the order of figures; two reports of
    one meeting written independently share facts but differ here.
    """
    if not (a.known and b.known):
        return None
    if abs(len(a.paragraphs) - len(b.paragraphs)) > COPY_PARAGRAPH_SLACK:
        return False
    if paragraph_drift(a.paragraphs, b.paragraphs) > COPY_PARAGRAPH_SHARE_DIFF:
        return False
    if min(a.sentences, b.sentences) < COPY_SENTENCE_RATIO * max(a.sentences, b.sentences):
        return False
    if min(a.chars, b.chars) < COPY_LENGTH_RATIO * max(a.chars, b.chars):
        return False
    if abs(a.quotes - b.quotes) > COPY_QUOTE_SLACK:
        return False
    if max(len(a.numbers), len(b.numbers)) >= COPY_MIN_NUMBERS:
        order = SequenceMatcher(None, a.numbers, b.numbers, autojunk=False).ratio()
        if order < COPY_NUMBER_ORDER:
            return False
    return True


def confirm_copy(a: ArticleProfile, b: ArticleProfile, similarity: float,
                 floors: SimilarityFloors) -> bool:
    """Whether ``a`` is a translation (other language) or close rewrite (same language) of ``b``.

    The embedding proposes; language-independent signals confirm: the same people at the
    centre, no contradicting date, and at least one positive agreement (shared entity ids or
    shared figures), with nothing that clearly disagrees. Independent reports of one event pass
    all of that, so the layout must agree too (:func:`structure_agrees`): when it does, it also
    stands in for figures two figure-less versions cannot share.
    """
    floor = floors.rewrite if (a.lang and a.lang == b.lang) else floors.translation
    if similarity < floor or a.mode != b.mode:
        return False
    layout = structure_agrees(a.structure, b.structure)
    if layout is False:
        return False
    layout = bool(layout) and min(len(a.structure.paragraphs), len(b.structure.paragraphs)) >= COPY_LAYOUT_MIN_PARAGRAPHS
    if a.key_ids and b.key_ids and set(a.key_ids) != set(b.key_ids):
        return False
    if dates_agree(a.anchor, b.anchor) is False:
        return False
    positives = 0
    ea, eb = set(a.entity_ids), set(b.entity_ids)
    if ea and eb:
        jaccard = len(ea & eb) / len(ea | eb)
        if jaccard < TRANSLATION_ENTITY_JACCARD:
            return False
        positives += 1
    share = _fact_share(a, b)
    if share is not None:
        if share < TRANSLATION_FACT_SHARE:
            return False
        positives += 1
    elif a.facts or b.facts:
        return False  # one version has figures the other lacks: not the same text
    elif similarity < floors.rewrite and not layout:
        # No figures to compare: shared entities alone also fit two reports of one meeting,
        # so only the same layout or a text as close as a same-language rewrite counts.
        return False
    return positives > 0


def original_rank(profile: ArticleProfile, seq: int, undated_day: int | None = None) -> tuple:
    """Sort key: the smallest is the original of a group of copies and translations.

    Earliest publication day first, then the language most often the source of wire copy
    (:func:`source_ranks`, unranked languages last), then the first ingested. An undated
    version counts as published on ``undated_day``, the earliest day its group's text dates the
    event (it cannot be older, and a dated copy that came out after that day is the later one);
    without it, last.
    """
    day = day_number(profile.published)
    if day is None:
        day = undated_day
    lang_rank = source_ranks().get(profile.lang or "", float("inf"))
    return (day if day is not None else float("inf"), lang_rank, seq)
