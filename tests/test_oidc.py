"""OIDC sign-in (MEDCORE_AUTH=oidc): the provider's claims, as st.user carries them after st.login, become a
medcore user only with a verified e-mail, and with a role from an account row or a configured group claim.
medcore.oidc decides; the AppTests seed st.user (AppTest.user) and check what the person sees. No network and
no identity provider are involved: the provider's side (redirects, token and JWKS checks) is Streamlit's and
Authlib's, and is not exercised here."""

from __future__ import annotations

import sys

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore import auth, oidc
from medcore.auth import AuthError, User
from tests.conftest import REPO

ALICE = "alice@example.org"
ROLES = "medcore-admins=admin, ward-staff=clinician, students=student"


def _claims(**over):
    base = {"iss": "https://idp.example.org", "sub": "u-1", "email": ALICE, "email_verified": True,
            "name": "Alice Example"}
    return {k: v for k, v in {**base, **over}.items() if v is not None}


def _refusals(store) -> list[tuple[str, str]]:
    return [(e["object_id"], e["detail"].get("reason_code")) for e in reversed(store.audit_events())
            if e["action"] == "sign_in_refused"]  # oldest first


# ---- medcore.oidc: claims -> user ------------------------------------------------------------------------------
def test_a_verified_email_with_an_account_signs_in_with_the_accounts_role(store):
    auth.add_user(store, ALICE, "a long password", "clinician")
    assert oidc.user_from_claims(store, _claims()) == User(ALICE, "clinician")
    signed = [e for e in store.audit_events() if e["action"] == "sign_in"]
    assert signed and signed[0]["user"] == ALICE and signed[0]["detail"]["kind"] == "oidc"


@pytest.mark.parametrize("verified", [False, None, "false", "yes", 1])
def test_an_unverified_email_is_refused_even_with_an_account(store, verified):
    auth.add_user(store, ALICE, "a long password", "admin")
    with pytest.raises(AuthError, match="has not verified alice@example.org"):
        oidc.user_from_claims(store, _claims(email_verified=verified))
    assert _refusals(store) == [(ALICE, "unverified")]


def test_a_missing_email_claim_is_refused(store):
    with pytest.raises(AuthError, match="sent no e-mail address"):
        oidc.user_from_claims(store, _claims(email=None))
    with pytest.raises(AuthError, match="sent no e-mail address"):
        oidc.user_from_claims(store, _claims(email="  "))
    assert [r[1] for r in _refusals(store)] == ["no_email", "no_email"]


@pytest.mark.parametrize("email", ["[x](http://tracker.example/?n=a)@example.org", "alice@", "alice",
                                   "a" * 130 + "@example.org", "**alice**@example.org"])
def test_an_email_that_cannot_be_a_user_name_is_refused(store, email):
    with pytest.raises(AuthError, match="cannot be used as a user name"):
        oidc.user_from_claims(store, _claims(email=email, groups=["students"]), role_claim="groups", role_map=ROLES)


def test_without_a_role_claim_an_account_is_required_and_a_disabled_one_refused(store):
    with pytest.raises(AuthError, match="no account for alice@example.org"):
        oidc.user_from_claims(store, _claims())
    auth.add_user(store, ALICE, "a long password", "student")
    auth.disable_user(store, ALICE)
    with pytest.raises(AuthError, match="disabled"):
        oidc.user_from_claims(store, _claims())
    assert [r[1] for r in _refusals(store)] == ["no_account", "disabled"]


def test_the_role_comes_from_the_configured_group_claim(store):
    def role(groups, **kw):
        return oidc.user_from_claims(store, _claims(groups=groups, **kw), role_claim="groups", role_map=ROLES).role

    assert role(["students", "ward-staff", "unrelated"]) == "clinician"  # the highest mapped role
    assert role("medcore-admins") == "admin"  # a single group as a string
    assert role(["students"], email_verified="true") == "student"  # some providers send the flag as text
    with pytest.raises(AuthError, match="None of your groups"):
        role(["unrelated"])
    with pytest.raises(AuthError, match="None of your groups"):
        role(None)  # the claim is missing
    auth.add_user(store, ALICE, "a long password", "admin")
    auth.disable_user(store, ALICE)
    with pytest.raises(AuthError, match="disabled"):  # an admin can still shut the person out
        role(["medcore-admins"])


def test_a_bad_role_map_names_the_setting(store):
    with pytest.raises(AuthError, match="MEDCORE_OIDC_ROLES: 'admins=root'"):
        oidc.parse_role_map("students=student, admins=root")
    with pytest.raises(AuthError, match="maps no group"):
        oidc.user_from_claims(store, _claims(groups=["x"]), role_claim="groups", role_map=" , ")
    assert oidc.parse_role_map(ROLES) == {"medcore-admins": "admin", "ward-staff": "clinician", "students": "student"}


# ---- providers without email_verified (Microsoft Entra ID) ---------------------------------------------------------
TENANT = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"
OTHER_TENANT = "https://login.microsoftonline.com/99999999-2222-3333-4444-555555555555/v2.0"
TRUSTED = f"{TENANT}=preferred_username"


def _entra(**over):
    """What Entra ID puts in an ID token: no email_verified; the e-mail is whatever the account's mail field says."""
    base = {"iss": TENANT, "sub": "x-1", "oid": "0f0f0f0f-aaaa-bbbb-cccc-0123456789ab",
            "preferred_username": "alice@contoso.example", "email": "alice@contoso.example", "name": "Alice"}
    return {k: v for k, v in {**base, **over}.items() if v is not None}


def test_a_provider_without_email_verified_is_refused_by_default_with_the_setting_named(store):
    auth.add_user(store, "alice@contoso.example", "a long password", "clinician")
    with pytest.raises(AuthError, match="has not verified alice@contoso.example") as refused:
        oidc.user_from_claims(store, _entra())
    assert "no email_verified claim" in str(refused.value) and "MEDCORE_OIDC_TRUSTED_CLAIMS" in str(refused.value)
    with pytest.raises(AuthError) as flagged_false:  # a provider that says "not verified" gets no hint to bypass it
        oidc.user_from_claims(store, _claims(email_verified=False))
    assert "MEDCORE_OIDC_TRUSTED_CLAIMS" not in str(flagged_false.value)
    assert [r[1] for r in _refusals(store)] == ["unverified", "unverified"]


def test_a_trusted_claim_of_the_exact_issuer_names_the_person_and_the_email_is_ignored(store):
    auth.add_user(store, "alice@contoso.example", "a long password", "clinician")
    auth.add_user(store, "ada@contoso.example", "a long password", "admin")
    user = oidc.user_from_claims(store, _entra(email="ada@contoso.example"), trusted_claims=TRUSTED)
    assert user == User("alice@contoso.example", "clinician")  # not the admin the e-mail claim names
    signed = [e for e in store.audit_events() if e["action"] == "sign_in"][0]
    assert signed["detail"]["reason_code"] == "claim:preferred_username"
    assert oidc.user_from_claims(store, _entra(iss=TENANT + "/"), trusted_claims=TRUSTED).name == "alice@contoso.example"
    # another tenant (whose admins control their own names) is not trusted: it needs a verified e-mail
    with pytest.raises(AuthError, match="has not verified"):
        oidc.user_from_claims(store, _entra(iss=OTHER_TENANT), trusted_claims=TRUSTED)
    # the provider's own users still go through roles and accounts: no account, no entry
    with pytest.raises(AuthError, match="no account for bob@contoso.example"):
        oidc.user_from_claims(store, _entra(preferred_username="bob@contoso.example"), trusted_claims=TRUSTED)


def test_a_trusted_claim_that_is_missing_or_unusable_is_refused(store):
    with pytest.raises(AuthError, match="sent no preferred_username claim"):
        oidc.user_from_claims(store, _entra(preferred_username=None), trusted_claims=TRUSTED)
    with pytest.raises(AuthError, match="cannot be used as a user name"):
        oidc.user_from_claims(store, _entra(preferred_username="[x](http://t.example)"), trusted_claims=TRUSTED)
    # the immutable object id as the name, and the role from Entra's app roles: no account needed
    guid = oidc.user_from_claims(store, _entra(roles=["Medcore.Staff"]), trusted_claims=f"{TENANT}=oid",
                                 role_claim="roles", role_map="Medcore.Admin=admin,Medcore.Staff=clinician")
    assert guid == User("0f0f0f0f-aaaa-bbbb-cccc-0123456789ab", "clinician")


@pytest.mark.parametrize("setting, problem", [
    ("https://login.microsoftonline.com/common/v2.0=preferred_username", "shared by every tenant"),
    ("https://login.microsoftonline.com/organizations/v2.0=upn", "shared by every tenant"),
    ("https://login.microsoftonline.com/{tenantid}/v2.0=upn", "shared by every tenant"),
    ("https://*.example.org=email", "no wildcards"),
    ("preferred_username", "not ISSUER=CLAIM"),
    (f"{TENANT}=", "not ISSUER=CLAIM"),
    (f"{TENANT}=bad claim", "not ISSUER=CLAIM"),
])
def test_a_trusted_claims_setting_that_cannot_be_safe_names_the_setting(problem, setting):
    with pytest.raises(AuthError, match="MEDCORE_OIDC_TRUSTED_CLAIMS"):
        oidc.parse_trusted_claims(setting)
    with pytest.raises(AuthError, match=problem.replace("(", r"\(")):
        oidc.parse_trusted_claims(setting)


def test_trusted_claims_parse_several_providers():
    assert oidc.parse_trusted_claims(f" {TRUSTED} , https://idp.example.org/=email ,") == {
        TENANT: "preferred_username", "https://idp.example.org": "email"}
    assert oidc.parse_trusted_claims("") == {}


# ---- the app in oidc mode, with st.user seeded as st.login leaves it -------------------------------------------
@pytest.fixture
def oidc_mode(settings, monkeypatch):
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "oidc")
    return settings


def _app(user: dict) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.user = user
    return at.run()


def _error(at) -> str:
    """The first error as the person reads it (markdown escapes removed)."""
    return at.error[0].value.replace("\\", "") if at.error else ""


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [m.value for m in at.sidebar.markdown] + [c.value for c in at.sidebar.caption]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # as read: markdown escapes removed


def test_app_signs_in_a_verified_provider_identity_with_its_account_role(oidc_mode, store):
    auth.add_user(store, ALICE, "a long password", "clinician")
    at = _app({"is_logged_in": True, **_claims()})
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert f"Signed in as **{ALICE}** (clinician)" in _texts(at)


def test_app_refuses_an_unverified_email_and_offers_sign_out(oidc_mode, store):
    auth.add_user(store, ALICE, "a long password", "admin")
    at = _app({"is_logged_in": True, **_claims(email_verified=False)})
    assert not at.exception
    assert "has not verified alice@example.org" in _error(at)
    assert [b.label for b in at.button] == ["Sign out"] and "Signed in as" not in _texts(at)


def test_app_takes_the_role_from_the_group_claim(oidc_mode, store, monkeypatch):
    monkeypatch.setenv("MEDCORE_OIDC_ROLE_CLAIM", "groups")
    monkeypatch.setenv("MEDCORE_OIDC_ROLES", ROLES)
    at = _app({"is_logged_in": True, **_claims(email="bob@example.org", groups=["students"])})
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Signed in as **bob@example.org** (student)" in _texts(at)
    outsider = _app({"is_logged_in": True, **_claims(email="eve@example.org", groups=["visitors"])})
    assert "None of your groups" in _error(outsider)


def test_app_says_what_is_missing_before_offering_st_login(oidc_mode, monkeypatch):
    import streamlit.auth_util as au
    from streamlit.errors import StreamlitAuthError

    with monkeypatch.context() as m:
        m.setitem(sys.modules, "authlib", None)  # `import authlib` now raises ImportError, as when not installed
        at = _app({})
    assert "needs Authlib" in _error(at) and "cannot be imported" in _error(at) and not at.button

    def no_section(provider):
        raise StreamlitAuthError("configure credentials for at least one authentication provider")

    monkeypatch.setattr(au, "validate_auth_credentials", no_section)
    at = _app({})
    assert "[auth] section" in _error(at) and not at.button
    monkeypatch.setattr(au, "validate_auth_credentials", lambda provider: None)  # a configured provider
    at = _app({})
    assert not at.error and [b.label for b in at.button] == ["Sign in"]


def test_app_signs_in_an_entra_identity_only_once_the_admin_trusts_its_claim(oidc_mode, store, monkeypatch):
    auth.add_user(store, "alice@contoso.example", "a long password", "clinician")
    refused = _app({"is_logged_in": True, **_entra()})
    assert "has not verified alice@contoso.example" in _error(refused) and "Signed in as" not in _texts(refused)
    monkeypatch.setenv("MEDCORE_OIDC_TRUSTED_CLAIMS", TRUSTED)
    at = _app({"is_logged_in": True, **_entra()})
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Signed in as **alice@contoso.example** (clinician)" in _texts(at)
