"""Markup and escape corpus: Rich markup, ANSI CSI/OSC, C0/C1 controls, bidi overrides and zero-width
characters in file names, titles, bodies, sources and authors are printed as text by every command."""
from __future__ import annotations

import json
import re

import pytest

from dragoman.cli import EXIT_INTERNAL, main
from dragoman.safe_text import printable

HOSTILE = ["[/]", "[link=http://x]click[/link]", "[bold red]", "\x1b[31m", "\x1b[2J",
           "\x1b]8;;http://evil\x07", "\x85\x9b", "\x7f", "\u202e", "\u2066", "\u200b\ufeff"]
BAD_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
BODY = ("Ankara, 3 April 2025. Turkish Foreign Minister Hakan Fidan met German Foreign Minister "
        "Annalena Baerbock in Ankara on Thursday. They signed an agreement worth 40 million euros. "
        "The talks covered trade, energy and migration, officials said after the meeting.\n")


def _html(title: str, author: str, site: str) -> str:
    esc = title.replace("<", "&lt;")
    return (f"<html><head><title>{esc}</title><meta name=\"author\" content=\"{author}\">"
            f"<meta property=\"og:site_name\" content=\"{site}\"></head><body><article>"
            f"<h1>{esc}</h1><p>{BODY}</p><p>{title} {BODY}</p></article></body></html>")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    noisy = "".join(HOSTILE)
    (folder / "01 [bold red]x[red] \x1b[31m\u202e.html").write_text(
        _html(f"Fidan meets Baerbock {noisy} \x1b]0;title", f"Ann [/] \x1b[2J{noisy}", f"Site [link=http://x]{noisy}"),
        encoding="utf-8")
    (folder / "02 [bold]bad\x1b]8;;evil\x07.txt").write_bytes(b"\x00\x01\x02" * 10)  # rejected: binary
    (folder / "03 good.txt").write_text("Fidan meets Baerbock\n\n" + BODY, encoding="utf-8")
    return root, folder


def _run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def _check(code, out, err, allowed=(0, 1)):
    assert code in allowed and code != EXIT_INTERNAL, err
    text = out + err
    assert "Traceback" not in text
    bad = BAD_OUTPUT.findall(text)
    assert not bad, [hex(ord(c)) for c in bad]


@pytest.fixture(scope="module")
def ingested(corpus):
    root, folder = corpus
    db = str(root / "s.db")
    import contextlib
    import io
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db, "ingest", str(folder)])
    return db, code, out.getvalue(), err.getvalue()


def test_ingest_prints_hostile_names_as_text_and_stores_the_rest(ingested):
    db, code, out, err = ingested
    _check(code, out, err, allowed=(1,))  # one input set aside
    assert "[bold]bad" in err  # the rejection line shows the markup literally
    assert "\\x1b" in err


@pytest.mark.parametrize("argv", [["stats"], ["stories"], ["entities"], ["events", "--all"], ["facts"],
                                  ["search", "Fidan"], ["entity", "Hakan Fidan"], ["export"]])
def test_every_command_prints_hostile_text_safely(ingested, capsys, argv):
    db = ingested[0]
    code, out, err = _run(capsys, "--db", db, *argv)
    if argv == ["export"]:  # JSON Lines keeps data as data; escapes are JSON escapes
        assert code == 0 and "Traceback" not in err
        rows = [json.loads(line) for line in out.splitlines() if line.strip()]
        assert len(rows) == 2
        assert any("[/]" in (r.get("title") or "") for r in rows)  # data exported as stored
        assert "\x1b" not in out  # JSON escapes control characters
        return
    _check(code, out, err, allowed=(0, 2))
    if argv == ["stats"]:
        assert "[/]" in out and "2 articles" in out


def test_story_detail_prints_hostile_title_safely(ingested, capsys):
    db = ingested[0]
    code, out, _ = _run(capsys, "--db", db, "export", "--stories")
    ids = [json.loads(line)["id"] for line in out.splitlines() if line.strip()]
    assert ids
    for story_id in ids:
        _check(*_run(capsys, "--db", db, "story", story_id))


@pytest.mark.parametrize("message", ["bad [/] thing", "x\x1b]0;evil", "[link=http://x]y[/link]"])
def test_error_handler_survives_markup_in_the_message(tmp_path, capsys, message):
    code, out, err = _run(capsys, "--db", str(tmp_path / "s.db"), "entity", message)
    _check(code, out, err, allowed=(2,))


@pytest.mark.parametrize("raw,expected", [("\x1b[31m", "\\x1b[31m"), ("a\u202eb", "a\\u202eb"),
                                          ("tab\tnew\nline", "tab\tnew\nline"), ("\x9b", "\\x9b"),
                                          # Persian spells words with ZWNJ: it stays.
                                          ("شی جین\u200cپینگ", "شی جین\u200cپینگ"),
                                          ("a\u200bb\u200fc", "a\\u200bb\\u200fc")])
def test_printable_replaces_controls_visibly(raw, expected):
    assert printable(raw) == expected
