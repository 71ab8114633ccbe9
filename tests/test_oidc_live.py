"""OIDC sign-in end to end, without the network: a real app server configured as docs/deployment.md says
(MEDCORE_AUTH=oidc, an [auth] section), a tiny provider on localhost (tests/oidc_provider.py), and Chromium
pressing "Sign in". Streamlit and Authlib run the real flow (discovery, redirect, code, token, ID-token
signature and nonce checks, the identity cookie); medcore.oidc then decides who that is here.

Skips without Authlib and cryptography (st.login needs them; they are not in requirements.txt) or Chromium."""

from __future__ import annotations

import importlib.util
import secrets

import pytest

from tests.live_server import CHROMIUM, NO_CHROMIUM, chromium_browser, streamlit_server

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM),
    pytest.mark.skipif(importlib.util.find_spec("authlib") is None or importlib.util.find_spec("cryptography") is None,
                       reason="Authlib and cryptography are not installed: st.login needs them "
                              "(pip install 'Authlib>=1.3.2' cryptography)"),
    pytest.mark.timeout(300),
]
ALICE = "alice@example.org"


def _secrets(path, provider) -> str:
    from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET

    path.write_text(f"""[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "{secrets.token_hex(16)}"
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{provider.metadata_url}"
""")
    return str(path)


def _sign_in(browser, url: str) -> str:
    """A fresh browser (no identity cookie) presses Sign in; the sidebar or the refusal, as the person reads it."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_text("Signed in as").or_(page.get_by_text("cannot be used to sign in")).first.wait_for(
            timeout=90_000)
        return page.inner_text("body")
    finally:
        context.close()


def test_st_login_against_a_local_provider_signs_in_only_a_verified_email(tmp_path):
    from medcore import auth
    from medcore.store import Store
    from tests.oidc_provider import Provider

    data = tmp_path / "data"
    data.mkdir()
    store = Store(f"sqlite:///{data / 'app.db'}")
    auth.add_user(store, ALICE, "a long password", "clinician")
    with Provider({"email": ALICE, "email_verified": True, "name": "Alice"}) as provider, \
            streamlit_server(data, env={"MEDCORE_AUTH": "oidc"},
                             args=("--secrets.files", _secrets(tmp_path / "secrets.toml", provider))) as url, \
            chromium_browser() as browser:
        body = _sign_in(browser, url)
        assert f"Signed in as {ALICE} (clinician)" in body, body[-1500:]
        assert provider.token_requests == 1  # the server exchanged the code for a signed ID token

        provider.claims["email_verified"] = False  # the same person, but the provider no longer vouches
        body = _sign_in(browser, url)
        assert "has not verified alice@example.org" in body and "Signed in as" not in body, body[-1500:]
    refused = [e for e in store.audit_events() if e["action"] == "sign_in_refused"]
    assert refused and refused[0]["detail"]["reason_code"] == "unverified"
    assert any(e["action"] == "sign_in" and e["user"] == ALICE for e in store.audit_events())
