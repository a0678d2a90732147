"""Ingest's worker processes: the same store as one process, no input lost to a crash or kill -9.

The components below are registered by this module, which the spawned workers import by name
(``dragoman.workers.component_modules``); they are cheap, and the story index uses the hashing
embedder, so the tests are about the workers, not the models.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dragoman import jobs
from dragoman.doc import Article, RawDocument, Rejection
from dragoman.entities.finders import claim_model
from dragoman.export import iter_rows
from dragoman.pipeline import Pipeline, component
from dragoman.store import open_store
from dragoman.stories import HashingEmbedder, LinkIndex, Linker, StoryReader
from dragoman import workers
from dragoman.workers import PreparePool, component_modules

HERE = Path(__file__).parent


@component("test_workers_text", requires=("raw_text",), provides=("text", "title"))
class CopyText:
    def __call__(self, article: Article) -> Article:
        article.text = article.raw_text
        article.title = article.raw_text.split(".")[0]
        return article


@component("test_workers_fails", requires=("text",))
class FailsOnBoom:
    def __call__(self, article: Article) -> Article:
        if "boom" in article.raw_text:
            raise ValueError("cannot read this")
        return article


@component("test_workers_crash", requires=("text",))
class CrashesWorker:
    """Kills the process it runs in on a text saying CRASH, as a segfault in a library would."""

    def __call__(self, article: Article) -> Article:
        if "CRASH" in article.raw_text:
            if multiprocessing.parent_process() is None:
                raise RuntimeError("only a worker may be crashed")
            os._exit(3)
        return article


@component("test_workers_model", requires=("text",))
class UsesALargeModel:
    """Stands for a large NER model, on texts that mention MODEL: notes which process used it."""

    def __call__(self, article: Article) -> Article:
        if "MODEL" in article.raw_text:
            claim_model(TEST_MODEL)
            article.author = f"process {os.getpid()}"
        return article


PIPELINE = ["test_workers_text", "test_workers_fails"]
TEST_MODEL = "test:large-model"

TOPICS = ["Kazakhstan and Uzbekistan signed a water sharing agreement in Tashkent on Monday",
          "The railway from Almaty to Urumqi opened a second track for freight trains",
          "Kyrgyz and Tajik officials met in Batken to settle the border dispute",
          "Turkmenistan raised its gas exports to China by a fifth this year"]


def documents(n: int, folder: str = "in") -> list[RawDocument | Rejection]:
    """``n`` inputs: topics repeated with small edits (near copies link), one exact repeat, one
    failure, one unreadable input and two inputs of one stem in two folders."""
    texts = [f"{TOPICS[i % len(TOPICS)]}. Report number {i // len(TOPICS)} of the series."
             for i in range(n)]
    docs: list[RawDocument | Rejection] = [
        RawDocument(id=f"doc{i}", origin=f"/{folder}/doc{i}.txt", input_format="text", raw=t.encode(), text=t)
        for i, t in enumerate(texts)]
    docs.insert(3, RawDocument(id="again", origin=f"/{folder}/again.txt", input_format="text",
                               raw=texts[0].encode(), text=texts[0]))
    docs.insert(5, RawDocument(id="bad", origin=f"/{folder}/bad.txt", input_format="text", raw=b"boom", text="boom"))
    docs.insert(7, Rejection(f"/{folder}/empty.txt", "empty file", "text"))
    for other in ("a", "b"):
        text = f"Same stem, folder {other}."
        docs.append(RawDocument(id="stem", origin=f"/{other}/stem.txt", input_format="text",
                                raw=text.encode(), text=text))
    return docs


def ingest_into(path: Path, items, workers: int, pipeline=PIPELINE) -> tuple[jobs.IngestReport, list[dict]]:
    with open_store(str(path)) as store:
        index = LinkIndex(store.engine, store.index_dir, HashingEmbedder())
        report = jobs.ingest(store, items, pipeline=Pipeline(pipeline), linker=Linker(index), workers=workers)
        rows = sorted(iter_rows(store.iter_articles(), StoryReader(index).annotate), key=lambda row: row["id"])
        assert store.count_pending() == 0
        assert index.count_linked() == store.count_articles()
    return report, rows


def _outcome(report: jobs.IngestReport) -> tuple:
    return report.added, report.updated, report.unchanged, sorted(r.origin for r in report.rejected)


def test_two_workers_give_the_store_one_process_gives(tmp_path):
    one, rows_one = ingest_into(tmp_path / "one.db", documents(30), workers=1)
    two, rows_two = ingest_into(tmp_path / "two.db", documents(30), workers=2)
    assert _outcome(one) == _outcome(two)
    assert (one.added, one.unchanged) == (32, 1)
    assert sorted(r.origin for r in one.rejected) == ["/in/bad.txt", "/in/empty.txt"]
    assert rows_one == rows_two
    assert any(row["duplicate_of"] or row["story"] for row in rows_two)  # the stories were linked
    assert sorted(r["id"] for r in rows_two if r["origin"].endswith("stem.txt"))[0] == "stem"


def test_a_second_run_with_workers_stores_nothing_again(tmp_path):
    ingest_into(tmp_path / "store.db", documents(12), workers=2)
    again, _ = ingest_into(tmp_path / "store.db", documents(12), workers=2)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 15)


def test_the_pool_keeps_input_order_and_passes_skipped_inputs_through():
    items = documents(20)
    stored = {items[2].hash}
    with PreparePool(2, components=PIPELINE, batch=3) as pool:
        prepared = [p for batch in pool.prepare(items, skip=lambda raw: raw.hash in stored) for p in batch]
    assert [p.item.origin for p in prepared] == [i.origin for i in items]
    assert prepared[2].result is None  # skipped: the writer decides
    assert isinstance(prepared[7].result, Rejection) or prepared[7].result is None
    analysed = [p for p in prepared if isinstance(p.result, Article)]
    assert all(p.result.text == p.item.text for p in analysed)
    assert all(p.link is None for p in analysed)  # no embedder given: the writer embeds


def test_linking_inputs_are_made_in_the_workers():
    items = documents(6)
    with PreparePool(2, components=PIPELINE, embedder=HashingEmbedder(64)) as pool:
        prepared = [p for batch in pool.prepare(items) for p in batch]
    links = [p.link for p in prepared if isinstance(p.result, Article)]
    assert links and all(link.embedder == "hashing" and link.vector.shape == (64,) for link in links)


def test_a_worker_crash_rejects_only_the_input_that_caused_it(tmp_path):
    items = documents(16)
    items.insert(9, RawDocument(id="crash", origin="/in/crash.txt", input_format="text",
                                raw=b"CRASH now.", text="CRASH now."))
    report, rows = ingest_into(tmp_path / "crash.db", items, workers=2, pipeline=[*PIPELINE, "test_workers_crash"])
    crashed = [r for r in report.rejected if r.origin == "/in/crash.txt"]
    assert len(crashed) == 1 and "worker" in crashed[0].reason and "exit status 3" in crashed[0].reason
    assert report.added == 18  # every other input was stored
    assert len(rows) == 18


def _with_model(n: int, every: int) -> list[RawDocument]:
    texts = [f"{TOPICS[i % len(TOPICS)]}. Report {i}{' MODEL' if i % every == 0 else ''}." for i in range(n)]
    return [RawDocument(id=f"m{i}", origin=f"/m/{i}.txt", input_format="text", raw=t.encode(), text=t)
            for i, t in enumerate(texts)]


def _prepared_with_model(items, **pool_options):
    with PreparePool(2, components=[*PIPELINE, "test_workers_model"], batch=4, **pool_options) as pool:
        prepared = [p for batch in pool.prepare(items) for p in batch]
        owners = {key: set(slots) for key, slots in pool.model_owners.items()}
    return prepared, owners


def test_a_large_model_is_loaded_by_one_worker_when_its_inputs_are_few(monkeypatch):
    monkeypatch.setattr(workers, "MODEL_OVERFLOW", 10**6)  # never too many for the owner
    items = _with_model(40, every=6)
    prepared, owners = _prepared_with_model(items)
    assert [p.item.origin for p in prepared] == [i.origin for i in items]  # input order kept
    assert all(isinstance(p.result, Article) for p in prepared)  # none lost on the way to the owner
    users = {p.result.author for p in prepared if "MODEL" in p.item.text}
    assert len(users) == 1 and len(owners[TEST_MODEL]) == 1
    assert all(p.result.author is None for p in prepared if "MODEL" not in p.item.text)


def test_a_model_whose_inputs_are_too_many_for_one_worker_is_shared(monkeypatch):
    monkeypatch.setattr(workers, "MODEL_OVERFLOW", -10**6)  # any queue at the owner is too long
    prepared, owners = _prepared_with_model(_with_model(24, every=1))
    assert all(isinstance(p.result, Article) and p.result.author for p in prepared)
    assert owners[TEST_MODEL] == {0, 1}
    assert len({p.result.author for p in prepared}) == 2


def test_components_registered_outside_dragoman_are_imported_by_the_workers():
    assert component_modules(PIPELINE) == [__name__]


# An English-only ingest through jobs.ingest with the default pipeline and the e5 index, then what
# the process loaded: its dictionaries, and whether the Russian (natasha) or French (spaCy) model.
ENGLISH_ONLY = textwrap.dedent("""
    import json, sys
    from dragoman import jobs
    from dragoman.doc import Hints, RawDocument
    from dragoman.entities.dictionaries import loaded_languages
    from dragoman.store import open_store
    from dragoman.stories import LinkIndex, Linker

    TEXTS = ["Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Tashkent on "
             "Monday to discuss water sharing on the Syr Darya.",
             "The European Union and Kazakhstan signed an agreement on raw materials in Brussels on Tuesday."]
    if __name__ == "__main__":
        with open_store(sys.argv[1]) as store:
            docs = [RawDocument(id=f"en{i}", origin=f"en{i}.txt", input_format="text", raw=t.encode(), text=t,
                                hints=Hints(lang="en")) for i, t in enumerate(TEXTS)]
            report = jobs.ingest(store, docs, linker=Linker(LinkIndex(store.engine, store.index_dir)))
        print(json.dumps({"added": report.added, "dictionaries": sorted(loaded_languages()),
                          "natasha": "natasha" in sys.modules, "spacy": "spacy" in sys.modules}))
""")


def test_an_english_only_ingest_loads_no_russian_or_french_model(tmp_path):
    script = tmp_path / "english.py"
    script.write_text(ENGLISH_ONLY, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "en.db")], capture_output=True, text=True,
                          timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert loaded["added"] == 2
    assert not loaded["natasha"] and not loaded["spacy"]
    assert "ru" not in loaded["dictionaries"] and "fr" not in loaded["dictionaries"]


DRIVER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from test_workers import PIPELINE, documents
    from dragoman import jobs
    from dragoman.pipeline import Pipeline
    from dragoman.store import open_store
    from dragoman.stories import HashingEmbedder, LinkIndex, Linker

    def slowly(items):
        for item in items:
            time.sleep(0.03)
            yield item

    if __name__ == "__main__":
        with open_store(sys.argv[1]) as store:
            linker = Linker(LinkIndex(store.engine, store.index_dir, HashingEmbedder()))
            report = jobs.ingest(store, slowly(documents(60)), pipeline=Pipeline(PIPELINE), linker=linker, workers=2,
                                 on_item=lambda outcome, item: print(outcome, flush=True))
            print("done", report.added, report.unchanged, flush=True)
""")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_kill_9_mid_batch_then_a_second_run_stores_every_input_once_and_links_all(tmp_path):
    script, db = tmp_path / "driver.py", tmp_path / "killed.db"
    script.write_text(DRIVER, encoding="utf-8")
    command = [sys.executable, str(script), str(db), str(HERE)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    stored = 0
    for line in process.stdout:
        stored += line.split()[0] in ("added", "updated")
        if stored >= 12:
            break
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert stored >= 12 and workers
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(pid) for pid in workers), "workers outlived their killed ingest"

    with open_store(str(db)) as store:
        assert 12 <= store.count_articles() < 63
    second = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert second.returncode == 0, second.stderr[-2000:]
    with open_store(str(db)) as store:
        index = LinkIndex(store.engine, store.index_dir, HashingEmbedder())
        hashes = [raw.hash for raw in store.iter_raw()]
        assert store.count_articles() == 62 == len(hashes) == len(set(hashes))  # 63 readable, one repeat
        assert store.count_pending() == 0
        assert index.count_linked() == 62
        assert sorted(r.origin for r in store.iter_rejections()) == ["/in/bad.txt", "/in/empty.txt"]
