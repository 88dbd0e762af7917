"""Nothing is fetched from the network and nothing is written outside the user's folders.

A whole session (start, every page in both languages, the timeline, a search, a language switch,
printing to PDF) runs once in-process with every Python way of opening a socket blocked, and once
as a separate process under strace, which also sees sockets that Qt's C++ code would open.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from her2guide.paths import content_dir
from her2guide.settings import Settings
from tests.offline_session import run_session

REPO = Path(__file__).resolve().parents[1]


class NetworkUsed(AssertionError):
    """Raised by the blocked socket functions: the test fails wherever the call came from."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args}")
            raise NetworkUsed(f"the app tried to use the network: {name}{args}")

        return blocked

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_a_whole_session_opens_no_socket(
    qtbot: QtBot, tmp_path: Path, no_network: list[str]
) -> None:
    report = run_session(tmp_path, Settings(tmp_path / "settings.ini"))
    pages = sum(len(list((content_dir() / lang).glob("*.md"))) for lang in ("en", "de"))
    assert len(report.pages_shown) == pages
    assert report.search_results > 0
    assert report.opened_from_search is not None
    assert report.pdf is not None
    assert report.pdf.read_bytes().startswith(b"%PDF")
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_the_code_never_uses_qt_network() -> None:
    sources = (REPO / "her2guide").rglob("*.py")
    users = [path.name for path in sources if "QtNetwork" in path.read_text(encoding="utf-8")]
    assert users == []


def _files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*") if path.is_file()}


@pytest.mark.system
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (scripts/test.sh)")
def test_no_network_socket_and_no_file_outside_the_users_folders(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    trace = tmp_path / "trace.txt"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key != "HER2GUIDE_CONFIG_DIR"
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    content_before = _files_under(content_dir())
    run = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace),
         sys.executable, "-m", "tests.offline_session", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if run.returncode != 0 and "ptrace" in run.stderr:
        pytest.skip(f"strace cannot trace here: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    assert "pages=" in run.stdout
    network = [line for line in trace.read_text().splitlines() if re.search(r"AF_INET6?\b", line)]
    assert network == [], "network sockets opened:\n" + "\n".join(network)
    written = _files_under(home)
    allowed = (".config/her2guide", ".local/share/her2guide", ".local/state/her2guide")
    outside = sorted(str(p) for p in written if not str(p).startswith(allowed))
    assert outside == [], f"files written outside the user's her2guide folders: {outside}"
    assert any(str(p).endswith("settings.ini") for p in written)
    assert _files_under(content_dir()) == content_before
