"""bench/realnews.py end to end on a tiny invented gold, and bench/realnews/merge.py's checks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from repo_paths import REPO, SCORE_PY
from script_modules import load_module

BENCH = REPO / "bench" / "realnews.py"
MERGE = REPO / "bench" / "realnews" / "merge.py"

# Invented for this test: two reports of one story (English, Russian) and one unrelated article.
TEXTS = {
    "t001": ("Astana, 14 May 2025 - Kazakh President Kassym-Jomart Tokayev met Uzbek President "
             "Shavkat Mirziyoyev in Astana on Wednesday. The two leaders discussed water sharing "
             "and new rail links between Kazakhstan and Uzbekistan."),
    "t002": ("Астана, 14 мая 2025 года. Президент Казахстана Касым-Жомарт Токаев провёл переговоры "
             "с Президентом Узбекистана Шавкатом Мирзиёевым в Астане. Стороны обсудили водные "
             "ресурсы и железнодорожное сообщение."),
    "t003": ("Budapest, 2 June 2025 - Hungarian Foreign Minister Peter Szijjarto spoke by phone with "
             "Turkish Foreign Minister Hakan Fidan about energy transit, the ministry said."),
}
MEETING = {"type": "meeting", "participants": ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"],
           "place": "Astana", "date": "2025-05-14", "status": "reported"}
GOLD = [
    {"id": "t001", "file": "t001.txt", "url": "https://example.org/t001", "query": "q", "split": "dev",
     "region": "central-asia", "lang": "en", "published": "2025-05-14", "story": "tokayev-mirziyoyev",
     "entities": ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Astana", "Kazakhstan", "Uzbekistan"],
     "events": [MEETING]},
    {"id": "t002", "file": "t002.txt", "url": "https://example.org/t002", "query": "q", "split": "dev",
     "region": "central-asia", "lang": "ru", "published": "2025-05-14", "story": "tokayev-mirziyoyev",
     "entities": ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Astana"], "events": [MEETING]},
    {"id": "t003", "file": "t003.txt", "url": "https://example.org/t003", "query": "q", "split": "test",
     "region": "europe", "lang": "en", "published": "2025-06-02", "story": "szijjarto-fidan",
     "entities": ["Péter Szijjártó", "Hakan Fidan", "Hungary|Hungarian", "Turkey|Türkiye"],
     "events": [{"type": "phone_call", "participants": ["Péter Szijjártó", "Hakan Fidan"],
                 "place": None, "date": None, "status": "reported"}]},
]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _numbers(mapping: dict) -> list[float]:
    return [v for v in mapping.values() if isinstance(v, float)]


@pytest.fixture(scope="module")
def bench():
    return load_module(BENCH, "dragoman_bench_realnews")


@pytest.fixture(scope="module")
def merge():
    return load_module(MERGE, "dragoman_bench_realnews_merge")


def test_realnews_end_to_end_on_tiny_gold(bench, tmp_path):
    if not SCORE_PY.exists():
        pytest.skip(f"{SCORE_PY} is missing: the shared folder must sit beside the repository")
    cache = tmp_path / "cache"
    cache.mkdir()
    for key, text in TEXTS.items():
        (cache / f"{key}.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    _write_jsonl(gold, GOLD)
    report = bench.run(gold, cache, ["dev", "test"], keep=tmp_path / "keep", quiet=True)
    assert report.present == 3 and not report.missing
    assert (tmp_path / "keep" / "articles.jsonl").is_file()
    assert set(report.scores) == {"dev", "test"}
    for split, figures in report.scores.items():
        assert figures["gold_articles"] == (2 if split == "dev" else 1)
        values = _numbers(figures)
        assert values and all(0.0 <= v <= 1.0 for v in values), figures
        for key in ("lang_acc", "published_acc", "story_f1", "entity_f1", "event_f1"):
            assert key in figures
    assert set(report.per_language) == {"en", "ru"}
    for row in report.per_language.values():
        for key in ("articles", "published_acc", "entity_f1", "event_f1", "story_f1"):
            assert key in row
        assert all(0.0 <= v <= 1.0 for v in _numbers(row))
    assert report.per_language["en"]["articles"] == 2
    # The JSON output carries the same figures.
    json.dumps(bench.asdict(report))


def test_realnews_missing_cache_exits_2(bench, tmp_path):
    gold = tmp_path / "gold.jsonl"
    _write_jsonl(gold, GOLD)
    assert bench.main(["--gold", str(gold), "--cache", str(tmp_path / "nothing"), "--json"]) == 2


def test_merge_writes_sorted_gold(merge, tmp_path, capsys):
    parts = tmp_path / "parts"
    parts.mkdir()
    _write_jsonl(parts / "b.jsonl", [GOLD[2]])
    _write_jsonl(parts / "a.jsonl", GOLD[:2])
    out = tmp_path / "gold.jsonl"
    assert merge.merge(parts, out) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["t001", "t002", "t003"]
    printed = capsys.readouterr().out
    assert "articles     3" in printed and "dev          2" in printed


def test_merge_rejects_duplicate_id(merge, tmp_path, capsys):
    parts = tmp_path / "parts"
    parts.mkdir()
    _write_jsonl(parts / "a.jsonl", GOLD[:2])
    _write_jsonl(parts / "b.jsonl", [dict(GOLD[2], id="t001", file="t009.txt")])
    out = tmp_path / "gold.jsonl"
    assert merge.main(["--parts", str(parts), "--out", str(out)]) == 1
    assert "duplicate id 't001'" in capsys.readouterr().err
    assert not out.exists()


def test_merge_rejects_bad_split_and_event(merge):
    bad = [dict(GOLD[0], split="train", events=[{"type": "meeting", "participants": ["A", "B"]}])]
    problems = merge.validate(bad)
    assert any("split must be" in p for p in problems)
    assert any("has no 'status'" in p for p in problems)
