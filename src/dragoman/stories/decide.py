"""The link decision for one article, from the candidates the index offers: pure, no database.

Given what :mod:`~dragoman.stories.candidates` found (a same-language near copy, the members of
candidate stories and the vector neighbours, with their similarities), :func:`decide` answers:
is the article a copy or translation of one of them, and which story does it join (or does it
start one)? :func:`story_conflicts` then lists what it and the story's members disagree on.
The :class:`~dragoman.stories.linker.Linker` writes the answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Conflict
from .cluster import StoryState, confirm_copy, story_score, story_similarity
from .conflicts import compare
from .embed import SimilarityFloors
from .index import LinkedArticle
from .profile import ArticleProfile

NEAR_COPY, TRANSLATION = "near_copy", "translation"


@dataclass
class Candidates:
    """What the index knows that could matter for one new article."""

    near_copy: LinkedArticle | None = None  # same-language MinHash match, confirmed by Jaccard
    compared: list[LinkedArticle] = field(default_factory=list)  # with vectors, in candidate order
    similarity: dict[str, float] = field(default_factory=dict)  # article id -> cosine with the new one
    stories: dict[str, StoryState] = field(default_factory=dict)
    members: dict[str, list[LinkedArticle]] = field(default_factory=dict)  # story -> compared members


@dataclass
class LinkDecision:
    copy_of: LinkedArticle | None  # the text this article copies or translates
    copy_kind: str | None  # NEAR_COPY or TRANSLATION
    story_id: str | None  # the story joined; None when the article starts one
    group: str  # shared by every copy and translation of one text


def decide(article_id: str, profile: ArticleProfile, candidates: Candidates,
           floors: SimilarityFloors) -> LinkDecision:
    """Copy first (a copy joins its original's story even if it disagrees on a detail), then
    the best-scoring candidate story (:func:`~dragoman.stories.cluster.story_score`)."""
    copy_of, kind = candidates.near_copy, NEAR_COPY if candidates.near_copy is not None else None
    if copy_of is None:
        best = None
        for member in candidates.compared:
            similarity = candidates.similarity[member.article_id]
            if (best is None or similarity > best[0]) and confirm_copy(profile, member.profile, similarity, floors):
                best = (similarity, member)
        if best is not None:
            copy_of, kind = best[1], TRANSLATION
    story_id = copy_of.story_id if copy_of is not None else None
    if story_id is None:
        best_score = None
        for sid, state in candidates.stories.items():
            members = [(m.profile, candidates.similarity[m.article_id])
                       for m in candidates.members.get(sid, []) if m.article_id in candidates.similarity]
            score = story_score(profile, state, story_similarity(profile, members, floors), floors,
                                [m.profile for m in candidates.members.get(sid, [])])
            if score is not None and (best_score is None or score > best_score):
                story_id, best_score = sid, score
    group = (copy_of.dup_group or copy_of.article_id) if copy_of is not None else article_id
    return LinkDecision(copy_of=copy_of, copy_kind=kind, story_id=story_id, group=group)


def story_conflicts(article_id: str, profile: ArticleProfile, members: list[LinkedArticle],
                    decision: LinkDecision) -> list[tuple[str, Conflict]]:
    """``(owner, conflict)`` for every disagreement with the story's compared members, recorded on
    both sides. Copies of one text are compared as copies (their figures must match exactly)."""
    found = []
    for member in members:
        if member.article_id == article_id:
            continue
        copies = decision.copy_of is not None and (member.dup_group or member.article_id) == decision.group
        found += [(article_id, c) for c in compare(profile, member.profile, copies=copies)]
        found += [(member.article_id, c) for c in compare(member.profile, profile, copies=copies)]
    return found
