"""Drafts that tell one encounter become one event: reported events of one family (a meeting
during a visit) that share a participant merge (:func:`merge`); a meeting that retells a summit
joins it (:func:`fold_into_summits`); what a participant says at a reported meeting belongs to
it unless the headline reports it (:func:`drop_participant_statements`)."""
from __future__ import annotations

from .drafting import Draft
from .lexicon import report_group
from .status import REPORTED

# A reported meeting naming this many people is bilateral; one naming fewer or more, reported
# with a summit of the same day that shares a person, is that summit ("the leaders met").
BILATERAL_PERSONS = 2
# When one encounter is reported with several types, the most specific names it.
SPECIFICITY = {"visit": 3, "phone_call": 2, "meeting": 1}


def merge(drafts: list[Draft]) -> list[Draft]:
    """One event per encounter: same family, same status, a shared person (or none named)."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        target = next((m for m in merged if same_encounter(m, draft)), None)
        if target is None:
            merged.append(draft)
            continue
        a, b = target.event, draft.event
        if SPECIFICITY.get(b.type, 0) > SPECIFICITY.get(a.type, 0):
            a.type, a.plover, a.plover_mode = b.type, b.plover, b.plover_mode
        for name, pid in zip(b.participants, b.participant_ids):
            if name not in a.participants:
                a.participants.append(name)
                a.participant_ids.append(pid)
        target.persons += [p for p in draft.persons if p not in target.persons]
        if not target.explicit_place and draft.explicit_place:
            a.place, a.place_id, target.explicit_place = b.place, b.place_id, True
        if not target.explicit_date and draft.explicit_date:
            a.date, a.date_precision, target.explicit_date = b.date, b.date_precision, True
            a.date_text = None
        a.date_text = a.date_text or (None if a.date else b.date_text)
        a.visit_kind = a.visit_kind or b.visit_kind
        a.topics += [t for t in b.topics if t not in a.topics]
        a.documents += [d for d in b.documents if d not in a.documents]
        a.evidence += [e for e in b.evidence if e not in a.evidence]
        a.confidence = max(a.confidence, b.confidence)
    return merged


def same_encounter(a: Draft, b: Draft) -> bool:
    """Whether two drafts tell one encounter: same family and status, the same date for an
    earlier or planned one, and a shared person (or one of them naming none)."""
    if report_group(a.event.type) != report_group(b.event.type) or a.event.status != b.event.status:
        return False
    if a.event.status != REPORTED and a.event.date and b.event.date and a.event.date != b.event.date:
        return False
    if not a.persons or not b.persons:
        return True
    return bool(set(a.persons) & set(b.persons))


def fold_into_summits(drafts: list[Draft]) -> list[Draft]:
    """A meeting that retells a summit (:func:`meeting_is_summit`: "the leaders met", "the
    meeting was chaired by ...") is that summit: its participants and evidence join it."""
    summits = [d for d in drafts if d.event.type == "summit"]
    kept = []
    for d in drafts:
        e = d.event
        target = None
        if e.type == "meeting":
            target = next((s for s in summits if meeting_is_summit(d, s)), None)
        if target is None:
            kept.append(d)
            continue
        s = target.event
        for name, pid in zip(e.participants, e.participant_ids):
            if name not in s.participants:
                s.participants.append(name)
                s.participant_ids.append(pid)
        target.persons += [p for p in d.persons if p not in target.persons]
        if s.place is None and e.place:
            s.place, s.place_id, target.explicit_place = e.place, e.place_id, d.explicit_place
        if s.date is None and e.date:
            s.date, s.date_precision, target.explicit_date = e.date, e.date_precision, d.explicit_date
        s.topics += [x for x in e.topics if x not in s.topics]
        s.evidence += [x for x in e.evidence if x not in s.evidence]
    return kept


def meeting_is_summit(meeting: Draft, summit: Draft) -> bool:
    """Whether a meeting retells a summit: same status and day, a shared person, and then for
    the article's news not bilateral (two leaders meeting on a summit's sidelines is news of its
    own), for an earlier or planned one told in the summit's own sentence ("met at the SCO
    summit in July")."""
    m, s = meeting.event, summit.event
    if m.status != s.status or not set(meeting.persons) & set(summit.persons):
        return False
    if m.date and s.date and m.date != s.date:
        return False
    same_sentence = bool(set((x.start, x.end) for x in m.evidence) & set((x.start, x.end) for x in s.evidence))
    if m.status != REPORTED:
        return same_sentence
    return meeting.named != BILATERAL_PERSONS


def drop_participant_statements(drafts: list[Draft], speakers: frozenset[str] = frozenset()) -> list[Draft]:
    """What a participant says at a reported meeting is part of it, not a statement of its own,
    unless the headline reports that person as saying it (``speakers``)."""
    engaged = {p for d in drafts if d.event.type != "statement" and d.event.status == REPORTED for p in d.persons}
    engaged -= speakers
    return [d for d in drafts if d.event.type != "statement" or not set(d.persons) & engaged]
