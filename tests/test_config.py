from pathlib import Path

import pytest

from medcore.config import Settings, SettingsError


def test_defaults_work_offline_without_configuration(tmp_path):
    s = Settings.load(env={}, secrets={})
    assert s.llm_backend in ("template", "embedded")
    assert s.device == "auto"
    assert s.resolved_database_url.startswith("sqlite:///")
    assert s.resolved_database_url.endswith("medcore.db")
    assert s.kb_dir == s.assets_dir / "kb"
    assert s.max_upload_mb > 0


def test_env_overrides_and_types(tmp_path):
    env = {"MEDCORE_DATA_DIR": str(tmp_path), "MEDCORE_MAX_UPLOAD_MB": "7", "MEDCORE_LLM_TIMEOUT_S": "2.5",
           "MEDCORE_DEVICE": "cpu", "MEDCORE_LLM_BACKEND": "template"}
    s = Settings.load(env=env, secrets={})
    assert s.data_dir == tmp_path and isinstance(s.data_dir, Path)
    assert s.max_upload_mb == 7 and s.llm_timeout_s == 2.5 and s.device == "cpu"
    assert s.resolved_database_url == f"sqlite:///{tmp_path / 'medcore.db'}"


def test_secrets_table_and_env_precedence():
    secrets = {"medcore": {"llm_backend": "openai", "llm_base_url": "http://gpu-box:8000/v1", "llm_api_key": "k"}}
    s = Settings.load(env={}, secrets=secrets)
    assert s.llm_backend == "openai" and s.llm_base_url == "http://gpu-box:8000/v1"
    assert s.public_dict()["llm_api_key"] == "***"
    s2 = Settings.load(env={"MEDCORE_LLM_BACKEND": "template"}, secrets=secrets)
    assert s2.llm_backend == "template"


def test_secrets_file_top_level_keys(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text('MEDCORE_MAX_NOTE_CHARS = 1234\n')
    assert Settings.load(env={}, secrets_path=path).max_note_chars == 1234


@pytest.mark.parametrize("env, message", [
    ({"MEDCORE_LLM_BACKEND": "gpt"}, "MEDCORE_LLM_BACKEND"),
    ({"MEDCORE_LLM_BACKEND": "openai"}, "MEDCORE_LLM_BASE_URL"),
    ({"MEDCORE_LLM_BACKEND": "hf"}, "MEDCORE_LLM_MODEL"),
    ({"MEDCORE_DEVICE": "tpu"}, "MEDCORE_DEVICE"),
    ({"MEDCORE_MAX_UPLOAD_MB": "lots"}, "MEDCORE_MAX_UPLOAD_MB"),
    ({"MEDCORE_MAX_UPLOAD_MB": "0"}, "max_upload_mb"),
])
def test_bad_values_name_the_variable(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.load(env=env, secrets={})


def test_path_creates_directories(settings):
    p = settings.path("runs", "x")
    assert p.is_dir() and p.parent.parent == settings.data_dir


def test_model_text_is_off_by_default_without_an_accelerator(monkeypatch):
    """DESIGN: on a CPU-only machine with no served model configured, model text is off (the embedded model
    takes minutes per answer there); with a GPU the embedded model is the default; an explicit choice wins."""
    import medcore.config as config

    monkeypatch.setattr(config, "accelerator_present", lambda: False)
    assert Settings.load(env={}, secrets={}).llm_backend == "template"
    assert Settings.load(env={"MEDCORE_LLM_BACKEND": "embedded"}, secrets={}).llm_backend == "embedded"
    monkeypatch.setattr(config, "accelerator_present", lambda: True)
    assert Settings.load(env={}, secrets={}).llm_backend == "embedded"
    assert Settings.load(env={"MEDCORE_LLM_BACKEND": "auto"}, secrets={}).llm_backend == "embedded"
