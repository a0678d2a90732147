"""`dragoman serve`: serves the pages and the API on 127.0.0.1, refuses other Host headers there,
stops cleanly on Ctrl-C, and fails with one clear line when it cannot start."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install -e '.[test]'")

from dragoman.cli import EXIT_USAGE, main  # noqa: E402

START_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_serve_answers_on_localhost_and_stops_on_ctrl_c(store_db):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "dragoman.cli", "--db", store_db, "--quiet", "serve",
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                status, html = _get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.5)
        assert status == 200 and "Latest stories" in html
        status, body = _get(f"http://127.0.0.1:{port}/api/v1/stories?limit=1")
        assert status == 200 and '"next_cursor"' in body
        status, _ = _get(f"http://127.0.0.1:{port}/", host="attacker.example")
        assert status == 400, "a page under another name (DNS rebinding) is refused"
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert "Traceback" not in err


def test_serve_without_a_store_says_so(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "missing.db"), "serve"]) == EXIT_USAGE
    assert "no store" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_rejects_a_bad_port(port, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--port", port])
    assert stop.value.code == EXIT_USAGE and "--port" in capsys.readouterr().err
