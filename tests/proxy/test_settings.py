"""Settings: the shipped config equals the defaults; bad keys and values name themselves."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from proxy.settings import ConfigError, Settings, load_settings

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "config" / "sladd.toml"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sladd.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_the_defaults_plus_the_example_recognizers() -> None:
    loaded = load_settings(SHIPPED, environ={})
    expected = dataclasses.replace(
        Settings(),
        detection=dataclasses.replace(
            Settings().detection, custom_recognizers_dir=REPO / "config" / "recognizers"
        ),
    )
    assert loaded == expected


def test_no_config_file_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[server]\nprot = 1\n", "server.prot"),
        ("colour = 'red'\n", "colour"),
        ("[policy.thresholds]\nPERSON = 1.5\n", "policy.thresholds"),
        ("[policy.actions]\nPERSON = 'delete'\n", "policy.actions"),
        ("[policy.actions]\nperson = 'allow'\n", "policy.actions"),
        ("[server]\nport = 'eighty'\n", "server.port"),
        ("[server]\nport = 70000\n", "server.port"),
        ("[detection]\nner = 'yes'\n", "detection.ner"),
        ("[detection]\nmax_seconds = 0\n", "detection.max_seconds"),
        ("[pseudonyms]\ntoken_format = '<<{type}>>'\n", "pseudonyms.token_format"),
        ("[policy]\nallow_list = 'Ahus'\n", "policy.allow_list"),
        ("server = 1\n", "server"),
    ],
)
def test_bad_key_or_value_is_named(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_settings(path, environ={})
    assert f"'{key}" in str(error.value)
    assert str(path) in str(error.value)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[server\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path, environ={})


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[server]\nport = 9000\n")
    env = {"SLADD_PORT": "9100", "SLADD_DATA_DIR": str(tmp_path / "state")}
    settings = load_settings(path, environ=env)
    assert settings.server.port == 9100
    assert settings.resolved_data_dir() == tmp_path / "state"


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SLADD_PORT"):
        load_settings(_write(tmp_path, ""), environ={"SLADD_PORT": "high"})


def test_relative_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "data_dir = 'state'\n[detection]\ncustom_recognizers_dir = 'rec'\n")
    settings = load_settings(path, environ={})
    assert settings.data_dir == tmp_path / "state"
    assert settings.detection.custom_recognizers_dir == tmp_path / "rec"


def test_policy_lookups_fall_back_to_defaults(tmp_path: Path) -> None:
    text = "[policy]\ndefault_threshold = 0.3\n[policy.actions]\nNO_ORGNR = 'allow'\n"
    policy = load_settings(_write(tmp_path, text), environ={}).policy
    assert policy.action_for("NO_ORGNR") == "allow"
    assert policy.action_for("PERSON") == "pseudonymise"
    assert policy.threshold_for("PERSON") == 0.3
