"""Watching feeds against a local web with every fault: each new entry ingested and linked once.

The passes run through the service (:mod:`dragoman.service.watch`), as ``dragoman watch`` runs
them, with a fake clock: back-off and intervals cost no waiting.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from watch_web import FAST, PIPELINE, TIMEOUT_SECONDS, FakeClock, Reply, http_date, page, rss, story

from dragoman.service import open_session
from dragoman.service.watch import watch, watch_once
from dragoman.store.feeds import DONE, FeedLedger
from dragoman.watch.poller import Fault, Moved, Settled
from dragoman.watch.schedule import BACKOFF_BASE_SECONDS


def publish(web, numbers, *, folder: str = "/news/") -> list[tuple[str, str, str]]:
    """Serve the pages of stories ``numbers``; their feed items (title, link, summary)."""
    items = []
    for n in numbers:
        title, paragraphs = story(n)
        link = web.serve(f"{folder}{n}.html", Reply(body=page(title, *paragraphs)))
        items.append((title, link, f"Summary of round {n}."))
    return items


def once(session, feeds, clock, options=FAST, events=None):
    return watch_once(session, feeds, options, pipeline=PIPELINE, clocks=clock.clocks(),
                      on_event=events.append if events is not None else None)


def test_new_entries_are_fetched_ingested_and_linked(web, session):
    feed = web.serve("/feed.xml", Reply(body=rss(*publish(web, [1, 2])), content_type="application/rss+xml"))
    events = []
    report = once(session, [feed], FakeClock(), events=events)
    assert (report.polled, report.new_entries, report.added, report.failed) == (1, 2, 2, 0)
    articles = {a.hints.url: a for a in session.store.iter_articles()}
    assert set(articles) == {web.url("/news/1.html"), web.url("/news/2.html")}
    # The page's text, not the feed's one-line summary.
    assert all("joint statement" in a.text for a in articles.values())
    assert [type(e) for e in events] == [Settled, Settled] and {e.outcome for e in events} == {"added"}
    assert session.store.count_pending() == 0
    assert session.link_index().count_linked() == 2


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_an_unchanged_feed_answers_304_to_the_validators_of_its_last_answer(web, session, validator):
    stamp = {"etag": '"feed-v1"', "last_modified": http_date(1_700_000_000)}[validator]
    feed = web.serve("/feed.xml", Reply(body=rss(*publish(web, [1])), **{validator: stamp}))
    clock = FakeClock()
    assert once(session, [feed], clock).added == 1
    clock.advance(FAST.interval)
    again = once(session, [feed], clock)
    assert (again.polled, again.not_modified, again.new_entries) == (1, 1, 0)
    header = {"etag": "If-None-Match", "last_modified": "If-Modified-Since"}[validator]
    first, second = web.hits("/feed.xml")
    assert header not in first.headers and second.headers[header] == stamp
    assert len(web.hits("/news/1.html")) == 1


def test_a_feed_is_polled_on_its_own_interval_and_the_one_it_declares(web, session):
    plain = web.serve("/plain.xml", Reply(body=rss(*publish(web, [1]))))
    hourly = web.serve("/hourly.xml", Reply(body=rss(*publish(web, [2], folder="/h/"), ttl=60)))
    clock = FakeClock()
    assert once(session, [plain, hourly], clock).polled == 2
    assert once(session, [plain, hourly], clock).not_due == 2  # nothing is due yet
    clock.advance(FAST.interval)  # 10 min: the plain feed's interval, not the hourly one's
    report = once(session, [plain, hourly], clock)
    assert (report.polled, report.not_due) == (1, 1)
    clock.advance(3600)
    assert once(session, [plain, hourly], clock).polled == 2


def test_a_failing_feed_backs_off_exponentially_then_recovers(web, session):
    feed = web.serve("/feed.xml", Reply(500, b"oops"), Reply(503, b"busy"), Reply(body=rss(*publish(web, [1]))))
    clock, events = FakeClock(), []
    first = once(session, [feed], clock, events=events)
    assert (first.failed, first.added) == (1, 0)
    assert events[-1] == Fault(feed, feed, "HTTP 500 Internal Server Error", BACKOFF_BASE_SECONDS)
    assert once(session, [feed], clock).not_due == 1  # backing off: not asked again yet
    clock.advance(BACKOFF_BASE_SECONDS)
    assert once(session, [feed], clock, events=events).failed == 1
    assert events[-1].retry_in == 2 * BACKOFF_BASE_SECONDS  # doubled
    clock.advance(2 * BACKOFF_BASE_SECONDS)
    recovered = once(session, [feed], clock)
    assert (recovered.failed, recovered.added) == (0, 1)
    state = FeedLedger(session.store.engine).feed(feed)
    assert (state.failures, state.last_error) == (0, None)
    assert len(web.hits("/feed.xml")) == 3


def test_the_continuous_watch_sleeps_through_the_back_off(web, session):
    feed = web.serve("/feed.xml", Reply(500), Reply(500), Reply(body=rss(*publish(web, [1]))))
    clock = FakeClock()
    totals = watch(session, [feed], FAST, pipeline=PIPELINE, clocks=clock.clocks(),
                   should_stop=lambda: session.store.count_articles() > 0)
    assert (totals.passes, totals.failed, totals.added) == (3, 2, 1)
    assert sum(clock.slept) == pytest.approx(3 * BACKOFF_BASE_SECONDS)  # 60 s, then 120 s


def test_a_feed_that_is_down_does_not_stop_the_others(web, session):
    dead = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens, connection refused
    good = web.serve("/feed.xml", Reply(body=rss(*publish(web, [1]))))
    report = once(session, [dead, good], FakeClock())
    assert (report.failed, report.added) == (1, 1)
    assert report.faults[0].url == dead and "refused" in report.faults[0].reason


def test_redirects_are_followed_and_a_permanent_one_is_told(web, session):
    items = publish(web, [1, 2])
    web.serve("/moved/2.html", Reply(302, headers={"Location": items[1][1]}))
    items[1] = (items[1][0], web.url("/moved/2.html"), items[1][2])
    web.serve("/new-feed.xml", Reply(body=rss(*items)))
    old = web.serve("/feed.xml", Reply(301, headers={"Location": web.url("/new-feed.xml")}))
    events = []
    report = once(session, [old], FakeClock(), events=events)
    assert (report.failed, report.added) == (0, 2)
    assert Moved(old, web.url("/new-feed.xml")) in events
    urls = {a.hints.url for a in session.store.iter_articles()}
    assert web.url("/news/2.html") in urls  # the page where the redirect led


def test_a_redirect_loop_is_a_fault_not_a_hang(web, session):
    loop = web.serve("/a.xml", Reply(302, headers={"Location": "/b.xml"}))
    web.serve("/b.xml", Reply(302, headers={"Location": "/a.xml"}))
    report = once(session, [loop], FakeClock())
    assert report.failed == 1 and "redirect loop" in report.faults[0].reason


@pytest.mark.parametrize("body, reason", [
    (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</ti", "malformed XML"),
    (b"<html><body><p>Our feed has moved, sorry.</p></body></html>", "not an RSS or Atom feed"),
])
def test_a_malformed_feed_is_rejected_with_its_reason_and_the_others_go_on(web, session, body, reason):
    bad = web.serve("/bad.xml", Reply(body=body, content_type="application/xml"))
    good = web.serve("/good.xml", Reply(body=rss(*publish(web, [1]))))
    report = once(session, [bad, good], FakeClock())
    assert (report.failed, report.added) == (1, 1)
    (fault,) = report.faults
    assert fault.feed_url == bad and reason in fault.reason and fault.retry_in == BACKOFF_BASE_SECONDS


def test_a_well_formed_feed_without_entries_is_no_fault(web, session):
    empty = web.serve("/empty.xml", Reply(body=rss()))
    report = once(session, [empty], FakeClock())
    assert (report.polled, report.failed, report.faults) == (1, 0, [])


def test_a_page_that_never_answers_waits_and_is_retried_from_the_ledger(web, session):
    items = publish(web, [1])
    title, paragraphs = story(1)
    web.serve("/news/1.html", Reply(body=page(title, *paragraphs), delay=TIMEOUT_SECONDS * 3))
    feed = web.serve("/feed.xml", Reply(body=rss(*items)))
    clock = FakeClock()
    first = once(session, [feed], clock)
    assert (first.new_entries, first.waiting, first.added) == (1, 1, 0)
    assert "timed out" in first.faults[0].reason
    assert session.store.count_articles() == 0
    web.serve("/news/1.html", Reply(body=page(title, *paragraphs)))  # the server is back
    web.serve("/feed.xml", Reply(body=rss()))  # and the feed no longer lists the entry
    clock.advance(BACKOFF_BASE_SECONDS)
    second = once(session, [feed], clock)
    assert (second.new_entries, second.added) == (0, 1)
    assert "joint statement" in next(session.store.iter_articles()).text


def test_after_its_last_attempt_the_feed_text_stands_in_for_a_silent_page(web, session):
    items = publish(web, [1])
    web.serve("/news/1.html", Reply(delay=TIMEOUT_SECONDS * 3))
    feed = web.serve("/feed.xml", Reply(body=rss(*items)))
    events = []
    report = once(session, [feed], FakeClock(), options=replace(FAST, page_attempts=1), events=events)
    assert (report.added, report.waiting) == (1, 0)
    (settled,) = [e for e in events if isinstance(e, Settled)]
    assert "timed out" in settled.problem
    assert next(session.store.iter_articles()).text == "Summary of round 1."


def test_robots_txt_disallow_is_respected(web, session):
    web.serve("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    items = publish(web, [1]) + publish(web, [2], folder="/private/")
    feed = web.serve("/feed.xml", Reply(body=rss(*items)))
    events = []
    report = once(session, [feed], FakeClock(), events=events)
    assert report.added == 2
    assert web.hits("/private/2.html") == [] and len(web.hits("/news/1.html")) == 1
    (barred,) = [e for e in events if isinstance(e, Settled) and e.problem]
    assert barred.url == web.url("/private/2.html") and "robots.txt" in barred.problem
    texts = {a.hints.url: a.text for a in session.store.iter_articles()}
    assert texts[web.url("/private/2.html")] == "Summary of round 2."  # the feed's own text


def test_robots_txt_rules_for_dragoman_by_name(web, session):
    web.serve("/robots.txt", Reply(body=b"User-agent: dragoman\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                                   content_type="text/plain"))
    feed = web.serve("/feed.xml", Reply(body=rss(*publish(web, [1]))))
    once(session, [feed], FakeClock())
    assert web.hits("/news/1.html") == []


def test_a_restart_ingests_nothing_twice(web, db):
    feed = web.serve("/feed.xml", Reply(body=rss(*publish(web, [1, 2]))))
    clock = FakeClock()
    with open_session(db, create=True) as first:
        assert once(first, [feed], clock).added == 2
    # A new session and watcher, nothing shared but the store; the feed now lists one more.
    web.serve("/feed.xml", Reply(body=rss(*publish(web, [1, 2, 3]))))
    with open_session(db) as second:
        report = once(second, [feed], clock, options=replace(FAST, force=True))
        assert (report.new_entries, report.added, report.unchanged) == (1, 1, 0)
        assert second.store.count_articles() == 3
    assert [len(web.hits(f"/news/{n}.html")) for n in (1, 2, 3)] == [1, 1, 1]


def test_an_interrupted_entry_is_taken_up_by_the_next_run_and_stored_once(web, db, monkeypatch):
    feed = web.serve("/feed.xml", Reply(body=rss(*publish(web, [1, 2]))))
    clock = FakeClock()
    import dragoman.service.watch as service_watch

    real_sink = service_watch.ingest_sink

    def sink_interrupted_on_the_second(session, pipeline=None):
        sink, calls = real_sink(session, pipeline), []

        def interrupted(document):
            calls.append(document)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return sink(document)
        return interrupted

    monkeypatch.setattr(service_watch, "ingest_sink", sink_interrupted_on_the_second)
    with open_session(db, create=True) as first, pytest.raises(KeyboardInterrupt):
        once(first, [feed], clock)
    monkeypatch.setattr(service_watch, "ingest_sink", real_sink)
    with open_session(db) as second:
        assert second.store.count_articles() == 1
        report = once(second, [feed], clock, options=replace(FAST, force=True))
        assert (report.new_entries, report.added) == (0, 1)  # taken up from the ledger
        assert second.store.count_articles() == 2
        assert FeedLedger(second.store.engine).count_entries(status=DONE) == 2
