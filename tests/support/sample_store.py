"""A small store for the front-end tests (web, service listings), ingested once per test run.

It holds the sample corpus's Moscow visit story (articles in English, Russian, Kazakh, German and
Turkish that disagree on the date) and three articles written here: one whose title is a script
tag and whose body carries markup, a bidi override and a terminal escape; one in Arabic (read
right to left); one in Chinese.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from repo_paths import SAMPLES

from dragoman.cli import main

MOSCOW_STORY_FILES = ("01_en_moscow_visit_wire.txt", "02_en_moscow_visit_reprint.txt", "03_ru_moscow_visit_tass.txt",
                      "04_kk_moscow_visit.txt", "05_de_moscow_visit.html", "06_tr_moscow_visit_aa.txt")
HOSTILE_ID = "30_hostile_title"
HOSTILE_TITLE = "<script>alert(1)</script>"
ARABIC_ID = "31_ar_cairo_meeting"
CHINESE_ID = "32_zh_beijing_meeting"
WRITTEN = {
    f"{HOSTILE_ID}.txt": (
        f"{HOSTILE_TITLE}\n\n"
        "ANKARA, 3 April 2025. Turkish Foreign Minister Hakan Fidan received German Foreign Minister "
        "Annalena Baerbock in Ankara on Thursday. <img src=x onerror=alert(2)> The two ministers talked "
        "about trade, energy and migration. \u202eevil\u202c \x1b[31mred\x1b[0m [bold]markup[/bold] =1+1\n"),
    f"{ARABIC_ID}.txt": (
        "عبد العاطي يلتقي فيدان في القاهرة\n\n"
        "القاهرة، 5 مارس 2025. التقى وزير الخارجية المصري بدر عبد العاطي نظيره التركي هاكان فيدان في القاهرة "
        "يوم الأربعاء. وبحث الوزيران العلاقات الثنائية والتجارة والطاقة والأوضاع في المنطقة.\n"),
    f"{CHINESE_ID}.txt": (
        "习近平会见哈萨克斯坦总统托卡耶夫\n\n"
        "新华社北京2025年9月2日电 国家主席习近平2日在人民大会堂会见来华出席上海合作组织峰会的哈萨克斯坦总统托卡耶夫。"
        "双方就经贸、能源和交通合作交换了意见。\n"),
}

_built: dict[str, str] = {}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in MOSCOW_STORY_FILES:
        shutil.copy(SAMPLES / "corpus" / name, folder / name)
    for name, text in WRITTEN.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def sample_store(tmp_path_factory) -> str:
    """The store's path (a SQLite file), built on first use in this test run."""
    if "db" not in _built:
        root = tmp_path_factory.mktemp("sample-store")
        db = str(root / "store.db")
        code = main(["--db", db, "--quiet", "ingest", str(write_corpus(root / "inputs"))])
        assert code == 0, f"ingesting the sample store failed with exit status {code}"
        _built["db"] = db
    return _built["db"]
