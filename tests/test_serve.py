"""`python -m medcore serve` refuses, before any port opens, a network address without sign-in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medcore import auth, serve
from medcore.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _config(folder: Path, address: str | None) -> Path:
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    body = "[server]\nheadless = true\n" + (f'address = "{address}"\n' if address else "")
    (folder / ".streamlit" / "config.toml").write_text(body)
    return folder


def test_address_precedence_flag_env_project_home(tmp_path):
    cwd, home = _config(tmp_path / "cwd", "127.0.0.1"), _config(tmp_path / "home", "10.0.0.5")
    assert serve.bind_address([], {}, cwd, home) == "127.0.0.1"
    assert serve.bind_address([], {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0"}, cwd, home) == "0.0.0.0"
    assert serve.bind_address(["--server.address", "192.168.1.4"], {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0"},
                              cwd, home) == "192.168.1.4"
    assert serve.bind_address(["--server.address=::1"], {}, cwd, home) == "::1"
    assert serve.bind_address([], {}, _config(tmp_path / "bare", None), home) == "10.0.0.5"
    assert serve.bind_address([], {}, tmp_path / "none", tmp_path / "nohome") is None


def test_check_refuses_network_without_auth(settings, tmp_path):
    cwd = _config(tmp_path, "127.0.0.1")
    assert serve.check(settings, [], env={}, cwd=cwd, home=tmp_path / "h") == "local"
    with pytest.raises(auth.AuthError, match="no sign-in"):
        serve.check(settings, ["--server.address", "0.0.0.0"], env={}, cwd=cwd, home=tmp_path / "h")
    with pytest.raises(auth.AuthError, match="every network interface"):
        serve.check(settings, [], env={}, cwd=tmp_path / "x", home=tmp_path / "h")
    shared = settings.replace(auth="accounts")
    assert serve.check(shared, ["--server.address", "0.0.0.0"], env={}, cwd=cwd, home=tmp_path / "h") == "accounts"


def test_broken_config_is_named(settings, tmp_path):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[server\naddress=")
    with pytest.raises(auth.AuthError, match="cannot read"):
        serve.check(settings, [], env={}, cwd=tmp_path, home=tmp_path / "h")


def test_cli_exits_before_starting_streamlit(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("MEDCORE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MEDCORE_AUTH", raising=False)
    started = []
    monkeypatch.setattr(serve.os, "execv", lambda *a: started.append(a))
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "--server.address", "0.0.0.0"]) == 2
    assert "not starting" in capsys.readouterr().err and not started
    assert main(["serve", "--server.port", "8599"]) == 0  # the project's config binds 127.0.0.1
    argv = started[0][1]
    assert argv[1:3] == ["-m", "ui.launch"] and argv[3].endswith("app.py") and argv[-2:] == [
        "--server.port", "8599"]


def test_real_process_exits_with_reason(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "MEDCORE_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "medcore", "serve", "--server.address", "0.0.0.0"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "MEDCORE_AUTH=accounts" in done.stderr


def _no_authlib(monkeypatch):
    monkeypatch.setitem(sys.modules, "authlib", None)  # `import authlib` raises ImportError, as when not installed


def test_oidc_mode_is_refused_without_authlib(settings, tmp_path, monkeypatch):
    cwd = _config(tmp_path, "127.0.0.1")
    oidc_settings = settings.replace(auth="oidc")
    assert serve.check(oidc_settings, ["--server.address", "0.0.0.0"], env={}, cwd=cwd, home=tmp_path) == "oidc"
    _no_authlib(monkeypatch)
    with pytest.raises(auth.AuthError, match=r"needs Authlib 1\.3\.2 or newer.*cannot be imported"):
        serve.check(oidc_settings, ["--server.address", "0.0.0.0"], env={}, cwd=cwd, home=tmp_path)
    # accounts mode does not need Authlib at all
    assert serve.check(settings.replace(auth="accounts"), [], env={}, cwd=cwd, home=tmp_path) == "accounts"


def test_oidc_mode_is_refused_with_an_authlib_too_old(settings, tmp_path, monkeypatch):
    import types

    monkeypatch.setitem(sys.modules, "authlib", types.SimpleNamespace(__version__="1.2.9"))
    with pytest.raises(auth.AuthError, match="this server has 1.2.9"):
        serve.check(settings.replace(auth="oidc"), [], env={}, cwd=_config(tmp_path, None), home=tmp_path)


def test_cli_serve_in_oidc_mode_without_authlib_exits_with_the_reason(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("MEDCORE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MEDCORE_AUTH", "oidc")
    started = []
    monkeypatch.setattr(serve.os, "execv", lambda *a: started.append(a))
    monkeypatch.chdir(tmp_path)
    _no_authlib(monkeypatch)
    assert main(["serve", "--server.address", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("not starting: MEDCORE_AUTH=oidc") and "pip install 'Authlib>=1.3.2'" in err
    assert not started  # Streamlit was never started


def test_oidc_settings_that_cannot_be_used_stop_the_start(settings, tmp_path):
    cwd = _config(tmp_path, "127.0.0.1")
    bad = settings.replace(auth="oidc", oidc_trusted_claims="https://login.microsoftonline.com/common/v2.0=upn")
    with pytest.raises(auth.AuthError, match="MEDCORE_OIDC_TRUSTED_CLAIMS.*shared by every tenant"):
        serve.check(bad, [], env={}, cwd=cwd, home=tmp_path)
    with pytest.raises(auth.AuthError, match="MEDCORE_OIDC_ROLES"):
        serve.check(settings.replace(auth="oidc", oidc_roles="admins=root"), [], env={}, cwd=cwd, home=tmp_path)
