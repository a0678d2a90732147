"""Benchmark of the whole pipeline on the real-news development set (``bench/realnews/``).

The set is real pages, annotated by hand in the gold format of ``../shared/eval/FORMAT.md``;
the page texts are not in the repository but in a cache (``.cache/realnews/<id>.txt``) that
``bench/realnews/README.md`` tells how to rebuild. All cached articles, dev and test together,
are ingested into a fresh temporary store (stories link across every article), exported, and
scored per split with ``../shared/eval/score.py``.

    python bench/realnews.py                      # dev and test side by side, tables, errors
    python bench/realnews.py --split dev          # dev only (tune on dev; look at test to report)
    python bench/realnews.py --json               # every figure as one JSON object
    python bench/realnews.py --keep out/realnews  # keep the store and the export there

Prints: the scorer's metrics per split (lang, published, title, source, author accuracy; story,
duplicate, entity, event, fact P/R/F1; event place, date and type accuracy; conflict recall),
a table per language (articles, published accuracy, entity F1, event F1, story P/R/F1 over the
pairs that involve an article of that language), and the ten most frequent errors of each
kind (published, entities, events, stories, titles, sources, authors, lang). Articles missing
from the cache are named and left out: the figures are on the articles present, whose count
is printed.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "bench" / "realnews" / "gold.jsonl"
DEFAULT_CACHE = ROOT / ".cache" / "realnews"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SPLITS = ("dev", "test")
TOP = 10  # errors listed per kind


@dataclass
class Errors:
    """The most frequent errors of each kind, as printable rows."""
    published: list[dict] = field(default_factory=list)
    entities_missed: list[dict] = field(default_factory=list)
    entities_spurious: list[dict] = field(default_factory=list)
    events_missed: list[dict] = field(default_factory=list)
    events_spurious: list[dict] = field(default_factory=list)
    stories_split: list[dict] = field(default_factory=list)
    stories_merged: list[dict] = field(default_factory=list)
    titles: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    authors: list[dict] = field(default_factory=list)
    lang: list[dict] = field(default_factory=list)
    not_exported: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)  # errors of each kind before the cut to TOP


@dataclass
class Report:
    gold: str
    gold_articles: int
    present: int
    missing: list[str]
    scores: dict[str, dict[str, float]]  # split -> metric -> value
    per_language: dict[str, dict[str, float]]
    errors: Errors


def load_scorer(path: Path = DEFAULT_SCORER) -> ModuleType:
    """``score.py`` as a module (it is a script, not a package)."""
    if not path.is_file():
        raise FileNotFoundError(f"scorer not found at {path} (../shared must sit beside the repository)")
    spec = importlib.util.spec_from_file_location("dragoman_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cache_path(cache: Path, row: dict) -> Path:
    return cache / f"{row['id']}.txt"


def split_present(gold: list[dict], cache: Path) -> tuple[list[dict], list[str]]:
    """Gold rows whose text is cached, and the ids of those that are not."""
    present = [row for row in gold if cache_path(cache, row).is_file()]
    have = {row["id"] for row in present}
    return present, [row["id"] for row in gold if row["id"] not in have]


def run_pipeline(files: list[Path], workdir: Path, quiet: bool = False) -> Path:
    """Ingest ``files`` into a fresh store in ``workdir``; export it; the export's path.

    dragoman's own chatter goes to standard error so that ``--json`` output stays clean."""
    store, export = workdir / "store.db", workdir / "articles.jsonl"
    for path in (store, export):
        path.unlink(missing_ok=True)
    base = [sys.executable, "-m", "dragoman.cli", "--db", str(store)] + (["-q"] if quiet else [])
    ingest = _run(base + ["ingest"] + [str(f) for f in files])
    if ingest not in (0, 1):  # 1: some inputs rejected, the rest stored
        raise RuntimeError(f"dragoman ingest failed (exit {ingest})")
    done = _run(base + ["export", "-o", str(export)])
    if done != 0:
        raise RuntimeError(f"dragoman export failed (exit {done})")
    return export


def _run(command: list[str]) -> int:
    """Run ``command`` with its standard output sent to our standard error; its exit status."""
    try:
        target = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # a replaced stderr (tests): forward the text
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        sys.stderr.write(done.stdout)
        return done.returncode
    return subprocess.run(command, stdout=target).returncode


def match(scorer: ModuleType, gold: list[dict], system: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold row with its exported row (None when not exported), as the scorer matches."""
    index: dict[str, dict] = {}
    for row in system:
        for key in scorer.keys_of(row):
            index.setdefault(key, row)
    return [(g, next((index[k] for k in scorer.keys_of(g) if k in index), None)) for g in gold]


def story_prf_for(scorer: ModuleType, pairs: list[tuple[dict, dict | None]], lang: str) -> dict[str, float]:
    """Pairwise story P/R/F1 over the pairs of articles at least one of which is in ``lang``."""
    tp = n_sys = n_gold = 0
    for (g1, s1), (g2, s2) in itertools.combinations(pairs, 2):
        if lang not in (g1.get("lang"), g2.get("lang")):
            continue
        s1, s2 = s1 or {}, s2 or {}
        same_gold = bool(g1.get("story")) and g1.get("story") == g2.get("story")
        same_sys = s1.get("story") not in (None, "") and s1.get("story") == s2.get("story")
        tp += same_gold and same_sys
        n_sys += same_sys
        n_gold += same_gold
    p, r, f = scorer.prf(tp, n_sys, n_gold)
    return {"story_p": p, "story_r": r, "story_f1": f}


def per_language(scorer: ModuleType, gold: list[dict], system: list[dict]) -> dict[str, dict[str, float]]:
    """Figures per gold language; story over the pairs that involve that language."""
    pairs = match(scorer, gold, system)
    table = {}
    for lang in sorted({g.get("lang") or "?" for g in gold}):
        rows = [g for g in gold if (g.get("lang") or "?") == lang]
        result = scorer.score(rows, system)
        table[lang] = {"articles": len(rows)}
        for key in ("lang_acc", "published_acc", "entity_f1", "event_f1", "title_acc"):
            if key in result:
                table[lang][key] = result[key]
        table[lang].update(story_prf_for(scorer, pairs, lang))
    return table


def _first(name: str) -> str:
    return str(name).split("|")[0]


def _event_key(event: dict) -> str:
    names = sorted(_first(p.get("name") if isinstance(p, dict) else p)
                   for p in event.get("participants") or [] if p)
    return f"{event.get('type')}: {', '.join(names)}"


def _top(counter: Counter, examples: dict[str, list[str]], label: str) -> list[dict]:
    return [{label: key, "count": n, "articles": sorted(set(examples[key]))[:5]}
            for key, n in counter.most_common(TOP)]


def find_errors(scorer: ModuleType, gold: list[dict], system: list[dict]) -> Errors:
    """The most frequent errors of each kind over ``gold`` (exported rows matched as the scorer does)."""
    errors = Errors()
    pairs = match(scorer, gold, system)
    errors.not_exported = sorted(g["id"] for g, s in pairs if s is None)
    missed, spurious, ev_missed, ev_spurious = Counter(), Counter(), Counter(), Counter()
    where: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    lang_confusion = Counter()
    for g, s in pairs:
        s = s or {}
        gid = g["id"]
        if g.get("published") is not None and not scorer.same_date(g["published"], s.get("published")):
            errors.published.append({"id": gid, "gold": g["published"], "got": s.get("published")})
        if g.get("title") is not None and scorer.norm(g["title"]) != scorer.norm(s.get("title")):
            errors.titles.append({"id": gid, "gold": g["title"], "got": s.get("title")})
        for name, bucket in (("source", errors.sources), ("author", errors.authors)):
            right = bool(s.get(name)) and scorer.norm(s.get(name)) in scorer.alternatives(g.get(name))
            if g.get(name) is not None and not right:
                bucket.append({"id": gid, "gold": g[name], "got": s.get(name)})
        if g.get("lang") is not None and scorer.norm(g["lang"]) != scorer.norm(s.get("lang")):
            lang_confusion[f"{g['lang']} -> {s.get('lang')}"] += 1
            where["lang"][f"{g['lang']} -> {s.get('lang')}"].append(gid)
        # Entities: gold names not found, exported names matching no gold name.
        got = {}
        for entity in s.get("entities") or []:
            name = entity.get("name") if isinstance(entity, dict) else entity
            if name:
                got.setdefault(scorer.norm(name), name)
        wanted = [scorer.alternatives(name) for name in g.get("entities") or []]
        for name, alts in zip(g.get("entities") or [], wanted):
            if not alts & set(got):
                missed[_first(name)] += 1
                where["missed"][_first(name)].append(gid)
        accepted = set().union(*wanted) if wanted else set()
        for key, name in got.items():
            if key not in accepted:
                spurious[name] += 1
                where["spurious"][name].append(gid)
        # Events: the scorer's greedy match; planned events are not scored on either side.
        gold_events = [e for e in g.get("events") or [] if not scorer.planned(e)]
        sys_events = [e for e in s.get("events") or [] if isinstance(e, dict) and not scorer.planned(e)]
        matched = scorer.match_events(gold_events, sys_events)
        found_gold = {id(ge) for ge, _ in matched}
        found_sys = {id(se) for _, se in matched}
        for event in gold_events:
            if id(event) not in found_gold:
                key = _event_key(event)
                ev_missed[key] += 1
                where["ev_missed"][key].append(gid)
        for event in sys_events:
            if id(event) not in found_sys:
                key = _event_key(event)
                ev_spurious[key] += 1
                where["ev_spurious"][key].append(gid)
    errors.totals = {"published": len(errors.published), "published_none": sum(
                         r["got"] is None for r in errors.published), "titles": len(errors.titles),
                     "sources": len(errors.sources), "authors": len(errors.authors),
                     "lang": sum(lang_confusion.values()), "entities_missed": sum(missed.values()),
                     "entities_spurious": sum(spurious.values()), "events_missed": sum(ev_missed.values()),
                     "events_spurious": sum(ev_spurious.values())}
    errors.published = errors.published[:TOP]
    errors.titles = errors.titles[:TOP]
    errors.sources, errors.authors = errors.sources[:TOP], errors.authors[:TOP]
    errors.lang = _top(lang_confusion, where["lang"], "gold -> got")
    errors.entities_missed = _top(missed, where["missed"], "name")
    errors.entities_spurious = _top(spurious, where["spurious"], "name")
    errors.events_missed = _top(ev_missed, where["ev_missed"], "event")
    errors.events_spurious = _top(ev_spurious, where["ev_spurious"], "event")
    errors.stories_split, errors.stories_merged = story_errors(pairs)
    return errors


def story_errors(pairs: list[tuple[dict, dict | None]]) -> tuple[list[dict], list[dict]]:
    """Gold stories spread over several system stories; system stories holding several gold ones."""
    sys_of_gold: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    gold_of_sys: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for g, s in pairs:
        system_story = (s or {}).get("story") or f"(none:{g['id']})"
        sys_of_gold[g.get("story")][system_story].append(g["id"])
        if s and s.get("story"):
            gold_of_sys[s["story"]][g.get("story")].append(g["id"])
    split = [{"gold_story": story, "articles": sum(map(len, parts.values())), "system_stories": len(parts),
              "groups": sorted(sorted(ids) for ids in parts.values())}
             for story, parts in sys_of_gold.items() if story and len(parts) > 1]
    merged = [{"system_story": story, "articles": sum(map(len, parts.values())), "gold_stories": len(parts),
               "groups": {gs: sorted(ids) for gs, ids in sorted(parts.items(), key=lambda kv: str(kv[0]))}}
              for story, parts in gold_of_sys.items() if len(parts) > 1]
    split.sort(key=lambda e: (-e["system_stories"], -e["articles"], str(e["gold_story"])))
    merged.sort(key=lambda e: (-e["gold_stories"], -e["articles"], e["system_story"]))
    return split[:TOP], merged[:TOP]


def evaluate(scorer: ModuleType, gold: list[dict], system: list[dict], splits: list[str]) -> tuple[
        dict[str, dict[str, float]], dict[str, dict[str, float]], Errors]:
    """Scores per split, then the per-language table and the errors over the chosen splits."""
    scores = {}
    for split in splits:
        rows = [g for g in gold if g.get("split") == split]
        # An empty split would score 1.0 on pairwise metrics (no pairs): report only its size.
        scores[split] = scorer.score(rows, system) if rows else {"gold_articles": 0, "matched_articles": 0}
    chosen = [g for g in gold if g.get("split") in splits]
    return scores, per_language(scorer, chosen, system), find_errors(scorer, chosen, system)


def run(gold_path: Path, cache: Path, splits: list[str], keep: Path | None = None, quiet: bool = False,
        scorer_path: Path = DEFAULT_SCORER) -> Report:
    """The whole benchmark: check the cache, ingest and export, score. Raises FileNotFoundError
    when no gold article is cached."""
    scorer = load_scorer(scorer_path)
    gold = load_jsonl(gold_path)
    present, missing = split_present(gold, cache)
    if not present:
        raise FileNotFoundError(f"none of the {len(gold)} gold articles is in {cache}")
    files = [cache_path(cache, row) for row in present]  # dev and test together: stories link across all
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        system = load_jsonl(run_pipeline(files, keep, quiet))
    else:
        workdir = Path(tempfile.mkdtemp(prefix="dragoman-realnews-"))
        try:
            system = load_jsonl(run_pipeline(files, workdir, quiet))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    scores, languages, errors = evaluate(scorer, present, system, splits)
    return Report(str(gold_path), len(gold), len(present), missing, scores, languages, errors)


def _fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _counted(rows: list[dict], key: str) -> list[str]:
    return [f"{r['count']:>3}  {r[key]}  ({', '.join(r['articles'])})" for r in rows]


def print_report(report: Report) -> None:
    splits = list(report.scores)
    print(f"\n{report.present} of {report.gold_articles} gold articles scored ({report.gold})"
          + (f"; {len(report.missing)} not cached" if report.missing else ""))
    keys = list(dict.fromkeys(k for s in splits for k in report.scores[s]))
    print(f"\n{'metric':<18}" + "".join(f"{s:>10}" for s in splits))
    for key in keys:
        print(f"{key:<18}" + "".join(f"{_fmt(report.scores[s].get(key)):>10}" for s in splits))
    columns = ["articles", "lang_acc", "published_acc", "entity_f1", "event_f1", "story_p", "story_r", "story_f1"]
    print(f"\nper language ({'+'.join(splits)}; story over pairs involving the language)")
    widths = [max(len(c) + 2, 8) for c in columns]
    print(f"{'lang':<6}" + "".join(f"{c:>{w}}" for c, w in zip(columns, widths)))
    for lang, row in report.per_language.items():
        print(f"{lang:<6}" + "".join(f"{_fmt(row.get(c)):>{w}}" for c, w in zip(columns, widths)))
    e = report.errors
    if e.not_exported:
        print(f"\nnot in the export ({len(e.not_exported)}): {', '.join(e.not_exported[:TOP])}")
    sections = [
        ("published (gold vs got)", [f"{r['id']}: {r['gold']} vs {r['got']}" for r in e.published]),
        ("entities missed", _counted(e.entities_missed, "name")),
        ("entities spurious", _counted(e.entities_spurious, "name")),
        ("events missed", _counted(e.events_missed, "event")),
        ("events spurious", _counted(e.events_spurious, "event")),
        ("gold stories split over system stories",
         [f"{r['gold_story']}: {r['articles']} articles in {r['system_stories']} stories {r['groups']}"
          for r in e.stories_split]),
        ("system stories merging gold stories",
         [f"{r['system_story']}: {r['gold_stories']} gold stories {r['groups']}" for r in e.stories_merged]),
        ("titles (gold vs got)", [f"{r['id']}: {r['gold']!r} vs {r['got']!r}" for r in e.titles]),
        ("sources (gold vs got)", [f"{r['id']}: {r['gold']!r} vs {r['got']!r}" for r in e.sources]),
        ("authors (gold vs got)", [f"{r['id']}: {r['gold']!r} vs {r['got']!r}" for r in e.authors]),
        ("lang (gold -> got)", _counted(e.lang, "gold -> got")),
    ]
    print(f"\nthe {TOP} most frequent errors of each kind")
    for (title, lines), kind in zip(sections, ["published", "entities_missed", "entities_spurious",
                                               "events_missed", "events_spurious", None, None,
                                               "titles", "sources", "authors", "lang"]):
        total = e.totals.get(kind) if kind else None
        if kind == "published" and total:
            title += f", {total} wrong in all, {e.totals['published_none']} of them with no date"
        elif total:
            title += f", {total} in all"
        print(f"\n{title}:" + ("" if lines else " none"))
        for line in lines:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON Lines (merge.py builds it)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="folder of cached page texts <id>.txt")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both", help="split(s) to score")
    parser.add_argument("--json", action="store_true", help="print every figure as one JSON object")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR", help="keep the store and export in DIR")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="path of shared/eval/score.py")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: no gold at {args.gold}: run python bench/realnews/merge.py first", file=sys.stderr)
        return 2
    splits = list(SPLITS) if args.split == "both" else [args.split]
    gold = load_jsonl(args.gold)
    _, missing = split_present(gold, args.cache)
    how = "rebuild the cache as bench/realnews/README.md says (section 'Rebuilding the cache')"
    if len(missing) == len(gold):
        print(f"error: none of the {len(gold)} gold articles is cached in {args.cache}; {how}", file=sys.stderr)
        return 2
    if missing:
        print(f"warning: {len(missing)} of {len(gold)} gold articles not cached in {args.cache} "
              f"({', '.join(missing[:20])}{' ...' if len(missing) > 20 else ''}); {how}. "
              f"Scoring the {len(gold) - len(missing)} present.", file=sys.stderr)
    try:
        report = run(args.gold, args.cache, splits, args.keep, quiet=args.json, scorer_path=args.scorer)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, sort_keys=True))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
