"""The CLDR sections of the dates files: up to date, pinned to the babel that wrote them."""
from __future__ import annotations

import shutil

import pytest

from dragoman import lang
from dragoman.lang import generate_dates


def test_generated_sections_match_cldr():
    # Regenerates every generated section in memory and compares text (like dateparser's
    # generated data), which is only meaningful with the babel version that wrote them.
    if why := generate_dates.version_mismatch():
        pytest.skip(f"the dates files were written with another babel: {why}")
    assert generate_dates.main(["--check"]) == 0, "run: python -m dragoman.lang.generate_dates"


@pytest.mark.parametrize("code", lang.languages())
def test_every_language_folder_has_a_generated_dates_file(code):
    path = generate_dates.dates_files()[code]
    assert path.is_file()
    assert generate_dates.MARKER in path.read_text(encoding="utf-8")
    assert generate_dates.recorded_versions()[code] == generate_dates.installed_version()


def _copy_of(code: str, tmp_path):
    folder = tmp_path / code
    folder.mkdir()
    target = folder / generate_dates.FILE_NAME
    shutil.copy(generate_dates.dates_files()[code], target)
    return target


def test_regenerating_keeps_the_hand_written_part(tmp_path):
    path = _copy_of("sr", tmp_path)
    original = path.read_text(encoding="utf-8")
    hand_written, _ = generate_dates.split(original)
    path.write_text(hand_written, encoding="utf-8")  # generated section lost
    assert generate_dates.main(["--check", "--root", str(tmp_path)]) == 1
    assert generate_dates.main(["--root", str(tmp_path)]) == 0
    assert path.read_text(encoding="utf-8") == original
    assert "новембар" in original and "novembar" in original  # both scripts: locales = sr, sr_Latn


def test_check_refuses_to_compare_against_another_babel(tmp_path, capsys):
    path = _copy_of("en", tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'babel = "{generate_dates.installed_version()}"', 'babel = "0.0"'), encoding="utf-8")
    assert generate_dates.main(["--check", "--root", str(tmp_path)]) == 3
    assert "babel 0.0 (written)" in capsys.readouterr().err


def test_a_language_folder_without_a_dates_file_is_reported(tmp_path, capsys):
    (tmp_path / "qq").mkdir()
    assert generate_dates.main(["--check", "--root", str(tmp_path)]) == 2
    assert "qq" in capsys.readouterr().err
