"""The README's commands, run as written from the repository root, as a newcomer would.

``scripts/sladd`` creates ``.venv`` and installs sladd if it is missing or stale (as
``scripts/test`` does first), so these tests use the same set-up a newcomer gets. Each runs
with ``HOME`` in a temporary folder and no ``SLADD_*`` variables, so the default data dir
(``~/.local/share/sladd``) is a fresh one and the operator's own is never touched.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
WRAPPER = REPO / "scripts" / "sladd"
FIRST_RUN_HEADING = "## Try it"
"""The README section whose shell block a newcomer runs first; every ``scripts/sladd``
line in it must succeed as written, in order."""
CODE_BLOCK = re.compile(r"^```(?:sh|bash|shell)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _newcomer_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLADD_")}
    env.pop("XDG_DATA_HOME", None)
    env["HOME"] = str(home)
    return env


def _run(command: str, home: Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_newcomer_env(home),
        timeout=600,  # a stale .venv installs first
        check=False,
    )


def _shell_lines(markdown: str) -> list[str]:
    """Every command line of the shell code blocks (continuations joined, comments off)."""
    lines = []
    for block in CODE_BLOCK.findall(markdown):
        for line in block.replace("\\\n", " ").splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


def _section(markdown: str, heading: str) -> str:
    start = markdown.index("\n" + heading) + 1
    end = markdown.find("\n## ", start + len(heading))
    return markdown[start : end if end >= 0 else len(markdown)]


def test_readme_never_runs_a_bare_sladd() -> None:
    """``sladd ...`` is ``command not found`` after set-up: every command the README gives
    runs ``scripts/sladd`` (or ``.venv/bin/sladd``), also inside ``$(...)``."""
    markdown = README.read_text(encoding="utf-8")
    bare = [line for line in _shell_lines(markdown) if re.match(r"sladd\s", line)]
    assert bare == []
    assert re.findall(r"\$\(sladd\s[^)]*\)", markdown) == []


@pytest.mark.timeout(900)
def test_first_run_commands_work_as_written(tmp_path: Path) -> None:
    section = _section(README.read_text(encoding="utf-8"), FIRST_RUN_HEADING)
    commands = [c for c in _shell_lines(section) if c.startswith("scripts/sladd ")]
    assert commands, f"no scripts/sladd command under {FIRST_RUN_HEADING!r}"
    for command in commands:
        result = _run(command, tmp_path)
        assert result.returncode == 0, f"{command}\n{result.stderr}"


@pytest.mark.timeout(900)
def test_wrapper_runs_every_command_from_anywhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shown = _run(f"{WRAPPER} --help", tmp_path, cwd=elsewhere)
    assert shown.returncode == 0, shown.stderr
    for command in ("serve", "demo", "logs", "vault", "ca", "scan"):
        assert command in shown.stdout
    data = tmp_path / ".local" / "share" / "sladd"
    missing = _run("scripts/sladd ca path", tmp_path)
    assert missing.returncode == 2
    assert f"no CA in {data} (set --data-dir or data_dir in the config" in missing.stderr
    assert "sladd ca init" in missing.stderr
    assert _run("scripts/sladd ca init", tmp_path).returncode == 0
    found = _run(f"{WRAPPER} ca path", tmp_path, cwd=elsewhere)
    assert (found.returncode, found.stdout) == (0, f"{data / 'ca.pem'}\n")
    scanned = _run(
        f"echo 'Pasienten har tlf 912 34 567.' | {WRAPPER} scan", tmp_path, cwd=elsewhere
    )
    assert scanned.returncode == 0, scanned.stderr
    assert "[PHONE_1]" in scanned.stdout


def _venv_sh(script: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``script`` in bash after sourcing scripts/venv.sh (its helpers, no install)."""
    return subprocess.run(
        ["bash", "-c", f"set -euo pipefail; source scripts/venv.sh; {script}"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_install_progress_names_each_package() -> None:
    pip_output = (
        "Obtaining file:///repo\n"
        "Collecting spacy==3.8.7 (from sladd==0.1.0)\n"
        "  Downloading spacy-3.8.7.whl (30 MB)\n"
        "Collecting aiohttp~=3.14.5 (from sladd==0.1.0)\n"
        "Installing collected packages: aiohttp, spacy, regex, sladd\n"
        "Successfully installed aiohttp spacy regex sladd\n"
    )
    shown = _venv_sh("_sladd_pip_progress", pip_output)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == ""
    assert shown.stderr.splitlines() == [
        "sladd:   fetching 1: spacy==3.8.7",
        "sladd:   fetching 2: aiohttp~=3.14.5",
        "sladd:   installing 4 packages ...",
    ]


def test_an_install_with_the_test_extra_serves_the_plain_one(tmp_path: Path) -> None:
    digest = _venv_sh(f"_sladd_project_digest {sys.executable} pyproject.toml").stdout.strip()
    assert len(digest) == 64
    (tmp_path / ".sladd-installed-test").write_text(digest + "\n", encoding="utf-8")
    check = "_sladd_installed {} '{}' {} && echo yes || echo no"
    answers = {
        extra: _venv_sh(check.format(tmp_path, extra, digest)).stdout.strip()
        for extra in ("", "test", "other")
    }
    assert answers == {"": "yes", "test": "yes", "other": "no"}
    stale = _venv_sh(check.format(tmp_path, "", "0" * 64)).stdout.strip()
    assert stale == "no"
