"""Sign-in on the Streamlit side: which access mode this server runs in, and who the session's user is.

The decisions (modes, roles, passwords) are in medcore.auth; this file only draws the form and keeps the
signed-in user in the session.
"""

from __future__ import annotations

import streamlit as st

from medcore import auth, oidc
from medcore.auth import User
from ui.frame import md_escape
from ui.loaders import base_store, get_settings

_KEY = "_signed_in_user"
ANONYMOUS = User("", "none")  # before sign-in: may use nothing, owns nothing


def bind_address() -> str | None:
    return st.get_option("server.address")


def access_mode() -> str:
    """'local', 'accounts' or 'oidc'; AuthError when this server must not run as configured."""
    return auth.access_mode(get_settings().auth, bind_address())


def current_user() -> User:
    """The session's user: the local user in local mode, else whoever signed in (or ANONYMOUS)."""
    try:
        mode = access_mode()
    except auth.AuthError:
        return ANONYMOUS
    if mode == "local":
        return auth.local_user(get_settings().user)
    if mode == "oidc":
        return _oidc_user() or ANONYMOUS
    return st.session_state.get(_KEY) or ANONYMOUS


_OIDC_KEY = "_oidc_identity"


def _oidc_user() -> User | None:
    """The user for the provider identity in st.user, decided by medcore.oidc once per session (and per identity:
    a new st.login re-decides); a refusal is kept with its reason for the sign-in panel."""
    if not getattr(st.user, "is_logged_in", False):
        return None
    claims = st.user.to_dict()
    key = (claims.get("iss"), claims.get("sub"), claims.get("email"))
    seen = st.session_state.get(_OIDC_KEY)
    if seen is None or seen[0] != key:
        settings = get_settings()
        try:
            user, reason = oidc.user_from_claims(base_store(), claims, role_claim=settings.oidc_role_claim,
                                                 role_map=settings.oidc_roles,
                                                 trusted_claims=settings.oidc_trusted_claims), ""
        except auth.AuthError as exc:
            user, reason = None, str(exc)
        seen = st.session_state[_OIDC_KEY] = (key, user, reason)
    return seen[1]


def oidc_setup_problem() -> str:
    """Why st.login cannot work on this server (Authlib missing, no usable [auth] section), or ''."""
    from streamlit.auth_util import validate_auth_credentials
    from streamlit.errors import StreamlitAuthError

    problem = oidc.authlib_problem()  # the launcher refuses to start on this; a server started otherwise says so here
    if problem:
        return problem
    try:
        validate_auth_credentials("default")
    except StreamlitAuthError as exc:
        return ("MEDCORE_AUTH=oidc needs an identity provider in the [auth] section of .streamlit/secrets.toml "
                f"(see docs/deployment.md): {' '.join(str(exc).split())}")
    return ""


def sign_in_form() -> None:
    """The sign-in panel for shared mode."""
    st.title("Medcore Studio")
    if access_mode() == "oidc":
        if getattr(st.user, "is_logged_in", False):
            seen = st.session_state.get(_OIDC_KEY)
            st.error(md_escape(seen[2] if seen and seen[2] else "This sign-in gives no access here. Ask an admin."),
                     icon=":material/lock:")
            st.button("Sign out", on_click=st.logout)
            return
        problem = oidc_setup_problem()
        if problem:
            st.error(problem, icon=":material/settings:")
            return
        st.caption("This server is shared: sign in with your organisation's account.")
        st.button("Sign in", type="primary", on_click=st.login)
        return
    st.caption("This server is shared, so please sign in. Accounts are added by an admin "
               "(`python -m medcore users add NAME --role R`).")
    with st.form("sign_in"):
        name = st.text_input("User name")
        password = st.text_input("Password", type="password")
        go = st.form_submit_button("Sign in", type="primary")
    if go:
        try:
            st.session_state[_KEY] = auth.authenticate(base_store(), name.strip(), password)
        except auth.AuthError as exc:
            st.error(str(exc))
            return
        st.rerun()


def sign_out() -> None:
    st.session_state.pop(_KEY, None)
    st.session_state.pop(_OIDC_KEY, None)
    for key in [k for k in st.session_state if str(k).startswith("_work_item:") or k == "_workspace"]:
        st.session_state.pop(key, None)
    if access_mode() == "oidc":
        st.logout()


def require_page(tool: str) -> User:
    """Stop the page, with the reason, unless the user may use this tool."""
    user = current_user()
    try:
        auth.require_tool(user, tool)
    except auth.AccessDenied as exc:
        st.error(str(exc) if user.name else "Please sign in first.", icon=":material/lock:")
        st.stop()
    return user
