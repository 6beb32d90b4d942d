"""Reloading custom recognizers, feedback and policy while serving (``SIGHUP``, ``sladd
reload``): the new set takes over, a bad file keeps the old one and says why, other changed
settings wait for a restart, and an old worker pool is closed only after its grace time."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import openai
import pytest

from proxy.build import build_scrubber
from proxy.cli import reload as reload_module
from proxy.cli.reload import NotRunningError, Reloader, install, signal_reload, write_pid
from proxy.detection.cache import CachedDetector
from proxy.detection.workers import DetectionPool
from proxy.review.feedback import targets_for
from proxy.review.feedback_store import add_allowed
from proxy.scrub.pipeline import Scrubber
from proxy.settings import Settings, load_settings
from proxy.vault.memory import MemoryVault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.cli.test_serve_cli import _sladd, _wait_for_url
from tests.proxy.http.running import eventually

JOURNAL = "Journal SNV-2023-004512 er oppdatert."
RECOGNIZER = """\
recognizers:
  - name: SnvJournalnummerRecognizer
    supported_language: "no"
    supported_entity: LOCAL_JOURNALNUMMER
    patterns:
      - name: snv_current
        regex: "\\\\bSNV-(?:19|20)\\\\d{2}-\\\\d{6}\\\\b"
        score: 0.9
"""
BROKEN = "recognizers:\n  - name: Broken\n    supported_entity: X\n    patterns: [{regex: '('}]\n"


def write_config(folder: Path, *, workers: int = 0, extra: str = "") -> Path:
    config = folder / "sladd.toml"
    (folder / "recognizers").mkdir(exist_ok=True)
    config.write_text(
        f'data_dir = "{folder / "data"}"\n[detection]\nner = false\nworkers = {workers}\n'
        f'custom_recognizers_dir = "recognizers"\nmax_seconds = 1.0\n{extra}',
        encoding="utf-8",
    )
    return config


def rereader(config: Path) -> Callable[[], Settings]:
    return lambda: load_settings(config, environ={})


async def found_types(scrubber: Scrubber, text: str) -> set[str]:
    (findings,) = await scrubber.detect([text])
    return {f.entity_type for f in findings}


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_config(tmp_path)


@pytest.fixture
def scrubber(config: Path) -> Iterator[Scrubber]:
    built = build_scrubber(load_settings(config, environ={}), MemoryVault())
    yield built
    built.close()


async def test_a_new_recognizer_is_used_after_a_reload(config: Path, scrubber: Scrubber) -> None:
    reloader = Reloader(rereader(config), load_settings(config, environ={}), scrubber)
    assert "LOCAL_JOURNALNUMMER" not in await found_types(scrubber, JOURNAL)
    (config.parent / "recognizers" / "snv.yaml").write_text(RECOGNIZER, encoding="utf-8")
    assert await reloader.reload()
    assert "LOCAL_JOURNALNUMMER" in await found_types(scrubber, JOURNAL)
    await reloader.close()


async def test_a_bad_file_keeps_the_old_set_and_says_which(
    config: Path, scrubber: Scrubber, caplog: pytest.LogCaptureFixture
) -> None:
    reloader = Reloader(rereader(config), load_settings(config, environ={}), scrubber)
    (config.parent / "recognizers" / "snv.yaml").write_text(RECOGNIZER, encoding="utf-8")
    assert await reloader.reload()
    detector = scrubber.detector
    (config.parent / "recognizers" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="sladd.reload"):
        assert not await reloader.reload()
    assert scrubber.detector is detector
    assert "LOCAL_JOURNALNUMMER" in await found_types(scrubber, JOURNAL)
    assert "reload failed, the current set stays in use" in caplog.text
    assert "broken.yaml" in caplog.text
    await reloader.close()


async def test_policy_and_allow_list_change_and_recent_results_are_forgotten(
    config: Path, scrubber: Scrubber
) -> None:
    settings = load_settings(config, environ={})
    reloader = Reloader(rereader(config), settings, scrubber)
    text = "Ring Kari Nordmann på 91234567."
    (first,) = await scrubber.scrub([text], "scope")
    assert "91234567" not in first.scrubbed.text
    config.write_text(
        config.read_text(encoding="utf-8") + '[policy.actions]\nPHONE_NUMBER = "allow"\n',
        encoding="utf-8",
    )
    assert add_allowed(targets_for(settings), "Kari Nordmann")
    assert await reloader.reload()
    (second,) = await scrubber.scrub([text], "scope")  # the same text again: not reused
    assert second.scrubbed.text == text
    await reloader.close()


async def test_settings_that_need_a_restart_are_named_not_applied(
    config: Path, scrubber: Scrubber, caplog: pytest.LogCaptureFixture
) -> None:
    settings = load_settings(config, environ={})
    reloader = Reloader(rereader(config), settings, scrubber)
    config.write_text(
        config.read_text(encoding="utf-8") + "[server]\nport = 9999\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="sladd.reload"):
        assert await reloader.reload()
    assert "[server] changed; that takes a restart, not applied" in caplog.text
    await reloader.close()


async def test_an_old_worker_pool_serves_its_grace_time_then_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reload_module, "CLOSE_MARGIN_SECONDS", 0.0)
    config = write_config(tmp_path, workers=1)
    scrubber = build_scrubber(load_settings(config, environ={}), MemoryVault())
    try:
        old = scrubber.detector
        assert isinstance(old, CachedDetector)
        assert isinstance(old.inner, DetectionPool)
        reloader = Reloader(rereader(config), load_settings(config, environ={}), scrubber)
        assert await reloader.reload()
        assert scrubber.detector is not old
        assert old.detect_many(["Kari Nordmann"])  # a request begun before still finishes
        await asyncio.sleep(1.5)  # detection.max_seconds = 1.0, margin 0
        with pytest.raises(Exception, match=r"closed|restarted"):
            old.inner.detect_many(["Ola Hansen"])
        await reloader.close()
    finally:
        scrubber.close()


async def test_sighup_reloads(config: Path, scrubber: Scrubber) -> None:
    reloader = Reloader(rereader(config), load_settings(config, environ={}), scrubber)
    remove = install(reloader)
    try:
        (config.parent / "recognizers" / "snv.yaml").write_text(RECOGNIZER, encoding="utf-8")
        before = scrubber.detector
        os.kill(os.getpid(), signal.SIGHUP)

        async def swapped() -> bool:
            return scrubber.detector is not before

        await eventually(swapped, 120.0)  # a bound for a loaded machine, not a speed test
        assert "LOCAL_JOURNALNUMMER" in await found_types(scrubber, JOURNAL)
    finally:
        remove()
        await reloader.close()


def test_sladd_reload_needs_a_running_sladd(tmp_path: Path) -> None:
    with pytest.raises(NotRunningError, match=r"no running sladd serve found: no .*sladd\.pid"):
        signal_reload(tmp_path)
    (tmp_path / "sladd.pid").write_text("999999999\n", encoding="ascii")
    with pytest.raises(NotRunningError, match=r"not a running sladd|not running"):
        signal_reload(tmp_path)


def test_the_pid_file_is_private(tmp_path: Path) -> None:
    path = write_pid(tmp_path)
    assert path.read_text(encoding="ascii").strip() == str(os.getpid())
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.timeout(180)
async def test_sladd_reload_reaches_a_running_sladd_serve(
    tmp_path: Path, upstream: FakeUpstream
) -> None:
    config = write_config(tmp_path)
    route = ("--route", f"openai={upstream.base_url}/v1")
    async with _sladd("serve", "--config", str(config), "--port", "0", *route) as served:
        url = await _wait_for_url(served)
        (tmp_path / "recognizers" / "snv.yaml").write_text(RECOGNIZER, encoding="utf-8")
        async with _sladd("reload", "--config", str(config)) as reload:
            out, err = await reload.communicate()
        assert reload.returncode == 0, err.decode()
        assert f"(process {served.pid})" in out.decode()
        assert served.stderr is not None
        while b"reload: done" not in await asyncio.wait_for(served.stderr.readline(), 90):
            pass
        async with openai.AsyncOpenAI(base_url=f"{url}/v1", api_key="k", max_retries=0) as llm:
            reply = await llm.chat.completions.create(
                model="m", messages=[{"role": "user", "content": JOURNAL}]
            )
        assert reply.choices[0].message.content == JOURNAL
        assert "SNV-2023-004512" not in upstream.last.body.decode()
        served.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(served.wait(), timeout=30) == 0
    assert not (tmp_path / "data" / "sladd.pid").exists()
