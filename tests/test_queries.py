"""Query commands over a store holding the seeds: any spelling finds an entity, filters work,
stories and search answer across languages."""
from __future__ import annotations

import json
import re

import pytest

from dragoman.cli import EXIT_OK, EXIT_USAGE, main


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir):
    db = str(tmp_path_factory.mktemp("queries") / "seeds.db")
    assert main(["--db", db, "--quiet", "ingest", str(seeds_dir / "*.txt")]) == EXIT_OK
    return db


def run(capsys, monkeypatch, *argv):
    monkeypatch.setenv("COLUMNS", "200")
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("spelling", ["Tokayev", "Tokajev", "Токаеву", "Kasım Cömert Tokayev", "Tokajew"])
def test_entity_by_any_spelling(seeds_db, capsys, monkeypatch, spelling):
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "entity", spelling)
    assert code == EXIT_OK
    assert out.startswith("Kassym-Jomart Tokayev (person")
    for article in ("000_d15de28459bfb107", "001_c31b014b0eb8a9de", "002_6f194461a102c84f", "003_f67958c7595deab4"):
        assert article in out


def test_unknown_entity_is_a_clear_error(seeds_db, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "--db", seeds_db, "entity", "Xyzzy Plugh")
    assert code == EXIT_USAGE and "no entity called" in err


def test_entities_filtered_by_type_and_language(seeds_db, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "entities", "--type", "person", "--lang", "hu")
    assert code == EXIT_OK and "Vladimir Putin" in out and "Kazakhstan" not in out


@pytest.mark.parametrize("actor", ["Putin", "Putyin", "Путин"])
def test_events_by_actor_in_any_script(seeds_db, capsys, monkeypatch, actor):
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "events", "--actor", actor)
    assert code == EXIT_OK and "2025-11-12" in out and "Moscow" in out and "Bishkek" not in out


def test_events_by_type_and_dates(seeds_db, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "events", "--type", "award",
                       "--since", "2025-08", "--until", "2025-08-31")
    assert code == EXIT_OK and "Sadyr Japarov" in out and "Bishkek" in out
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "events", "--since", "2026")
    assert code == EXIT_OK and "no events match" in out


def test_facts_by_actor(seeds_db, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "facts", "--actor", "Japarov")
    assert code == EXIT_OK and "3,000,000,000" in out and "USD" in out
    assert "27,800,000,000" not in out


def test_stories_story_and_search(seeds_db, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "export", "--stories")
    stories = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OK and len(stories) == 4
    pair = next(s for s in stories if len(s["articles"]) == 2)
    assert sorted(pair["langs"]) == ["en", "tr"]
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "story", pair["id"])
    assert code == EXIT_OK and "Astana" in out and "Samarkand" in out and "place" in out
    code, out, _ = run(capsys, monkeypatch, "--db", seeds_db, "search", "vize kolaylaştırma müzakereleri AB")
    assert code == EXIT_OK
    ranked = re.findall(r"\b(00[0-4]_[0-9a-f]{16})\b", out.split("Articles", 1)[1])
    # Both visa-talk reports (and the translation of one) rank above the Moscow and Bishkek visits.
    assert set(ranked[:3]) == {"000_d15de28459bfb107", "001_c31b014b0eb8a9de", "004_527c46586243e368"}
    code, _, err = run(capsys, monkeypatch, "--db", seeds_db, "story", "st-nope")
    assert code == EXIT_USAGE and "no story" in err
