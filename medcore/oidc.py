"""OIDC sign-in (MEDCORE_AUTH=oidc, Streamlit's st.login): from the identity provider's claims to a medcore user.

After st.login, Streamlit exposes the ID token's claims as st.user (with is_logged_in). Who that person is
here, and with which role, is decided in this module, without Streamlit:

- The `email` claim names the person, and the provider must vouch for it (`email_verified` true): an
  address a person merely typed at the provider could be anyone's, including an admin's.
- Providers that send no `email_verified` (Microsoft Entra ID): by default they are refused. An admin may name,
  per issuer, the claim that identifies the person there and that the provider vouches for:
  MEDCORE_OIDC_TRUSTED_CLAIMS="https://login.microsoftonline.com/<tenant-id>/v2.0=preferred_username". Only a
  sign-in whose `iss` is exactly that issuer uses the claim (a single tenant: its admins control the names);
  every other issuer still needs a verified e-mail. Wildcards and tenant-independent issuers are refused.
- Role from a group claim: with MEDCORE_OIDC_ROLE_CLAIM (say `groups`) and MEDCORE_OIDC_ROLES
  (`medcore-admins=admin,ward-staff=clinician,students=student`), the highest role among the person's
  groups; someone in none of the mapped groups is refused. Without a role claim, the person needs an
  enabled account of that e-mail (`python -m medcore users add alice@example.org --role clinician`), which
  gives the role.
- A disabled account is refused either way: an admin can shut someone out without touching the provider.

Every sign-in and every refusal is written to the audit log.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from medcore.auth import ROLES, AuthError, User, is_user_name

AUTHLIB_MIN = (1, 3, 2)  # what Streamlit's st.login needs
_RANK = {role: i for i, role in enumerate(ROLES)}  # student < clinician < admin
# The e-mail becomes the user name (owner of work, audit rows, team member): an ordinary address only.
_EMAIL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\Z")
_CLAIM = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]{0,63}\Z")
_ISSUER = re.compile(r"^https?://[^\s*,=]+\Z")
# Issuers shared by every tenant: their claims are not vouched for by one organisation, so never trusted.
_SHARED_ISSUERS = ("/common/", "/organizations/", "/consumers/", "{tenantid}")


def authlib_problem() -> str:
    """Why st.login cannot work in this Python (Authlib missing or too old), or ''. The launcher refuses to
    start an oidc server on it, so nobody meets the problem only at the sign-in button."""
    try:
        import authlib
    except ImportError:
        return ("MEDCORE_AUTH=oidc signs in through Streamlit's st.login, which needs Authlib "
                f"{'.'.join(map(str, AUTHLIB_MIN))} or newer on the server, and Authlib cannot be imported here. "
                "Install it (`pip install 'Authlib>=1.3.2'`) or choose MEDCORE_AUTH=accounts.")
    version = str(getattr(authlib, "__version__", "0"))
    parts = tuple(int(x) if x.isdigit() else 0 for x in version.split(".")[:3])
    if parts < AUTHLIB_MIN:
        return (f"MEDCORE_AUTH=oidc signs in through Streamlit's st.login, which needs Authlib "
                f"{'.'.join(map(str, AUTHLIB_MIN))} or newer; this server has {version}. "
                "Upgrade it (`pip install -U 'Authlib>=1.3.2'`).")
    return ""


def parse_role_map(text: str) -> dict[str, str]:
    """'group=role,group=role' -> {group: role}; AuthError naming the setting when it cannot be used."""
    out: dict[str, str] = {}
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        group, sep, role = (x.strip() for x in part.partition("="))
        if not sep or not group or role not in ROLES:
            raise AuthError(f"MEDCORE_OIDC_ROLES: {part!r} is not GROUP=ROLE with ROLE one of {', '.join(ROLES)}")
        out[group] = role
    return out


def parse_trusted_claims(text: str) -> dict[str, str]:
    """MEDCORE_OIDC_TRUSTED_CLAIMS 'ISSUER=CLAIM,...' -> {issuer: claim}; AuthError naming the setting otherwise."""
    out: dict[str, str] = {}
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        issuer, sep, claim = (x.strip() for x in part.rpartition("="))
        if not sep or not _ISSUER.match(issuer) or not _CLAIM.match(claim):
            raise AuthError(f"MEDCORE_OIDC_TRUSTED_CLAIMS: {part!r} is not ISSUER=CLAIM with ISSUER the provider's "
                            "exact issuer URL (no wildcards) and CLAIM a claim name such as preferred_username")
        if any(x in issuer.lower() for x in _SHARED_ISSUERS):
            raise AuthError(f"MEDCORE_OIDC_TRUSTED_CLAIMS: {issuer} is shared by every tenant; name your own "
                            "tenant's issuer (with its tenant id), whose admins control the names it sends")
        out[issuer.rstrip("/")] = claim
    return out


def _verified(claims: Mapping[str, Any]) -> bool:
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _groups(claims: Mapping[str, Any], claim: str) -> list[str]:
    value = claims.get(claim)
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


def _refuse(store, email: str, reason: str, message: str) -> AuthError:
    store.audit("sign_in_refused", tool="auth", object_type="user", object_id=email[:64] or "(none)",
                reason_code=reason, kind="oidc")
    return AuthError(message)


def _identity(store, claims: Mapping[str, Any], trusted: dict[str, str]) -> tuple[str, str]:
    """(user name, the claim it came from), or AuthError: a trusted claim of this exact issuer, else a verified e-mail."""
    claim = trusted.get(str(claims.get("iss") or "").strip().rstrip("/"))
    if claim:
        name = str(claims.get(claim) or "").strip()
        if not name:
            raise _refuse(store, "", "no_identity", f"The identity provider sent no {claim} claim, which identifies "
                          "you here. Ask your admin.")
        if len(name) > 128 or not (_EMAIL.match(name) or is_user_name(name)):
            raise _refuse(store, name, "bad_identity", f"The {claim} the identity provider sent cannot be used as a "
                          "user name here. Ask your admin.")
        return name, claim
    email = str(claims.get("email") or "").strip()
    if not email:
        raise _refuse(store, "", "no_email", "The identity provider sent no e-mail address for this sign-in, so "
                      "Medcore cannot tell who you are. Ask your admin to release the email claim (scope 'email').")
    if len(email) > 128 or not _EMAIL.match(email):
        raise _refuse(store, email, "bad_email", "The e-mail address the identity provider sent cannot be used as a "
                      "user name here (letters, digits and . _ % + - before the @). Ask your admin.")
    if not _verified(claims):
        hint = ("" if "email_verified" in claims else " This provider does not say whether it verified the address "
                "(no email_verified claim); an admin can name a claim it vouches for (MEDCORE_OIDC_TRUSTED_CLAIMS, "
                "see docs/deployment.md).")
        raise _refuse(store, email, "unverified", f"The identity provider has not verified {email}, so it cannot "
                      "be used to sign in here. Verify the address with your provider, or ask your admin." + hint)
    return email, "email"


def user_from_claims(store, claims: Mapping[str, Any], *, role_claim: str = "", role_map: str = "",
                     trusted_claims: str = "") -> User:
    """The medcore user for a signed-in provider identity; AuthError with the reason, for the person."""
    from medcore.store_schema import Account

    email, source = _identity(store, claims, parse_trusted_claims(trusted_claims))
    with store.session() as s:
        row = s.query(Account).filter_by(name=email).first()
        account = None if row is None else (row.role, bool(row.disabled))
    if account is not None and account[1]:
        raise _refuse(store, email, "disabled", f"The account {email} is disabled. Ask an admin.")
    if role_claim:
        mapping = parse_role_map(role_map)
        if not mapping:
            raise AuthError("MEDCORE_OIDC_ROLE_CLAIM is set but MEDCORE_OIDC_ROLES maps no group to a role.")
        roles = [mapping[g] for g in _groups(claims, role_claim) if g in mapping]
        if not roles:
            raise _refuse(store, email, "no_role", f"None of your groups at the identity provider gives a role in "
                          f"Medcore Studio ({role_claim} claim). Ask an admin to add you to one of: "
                          f"{', '.join(sorted(mapping))}.")
        role = max(roles, key=_RANK.__getitem__)
    elif account is None:
        raise _refuse(store, email, "no_account", f"There is no account for {email}. Ask an admin to add one "
                      "(`python -m medcore users add EMAIL --role R`).")
    else:
        role = account[0]
    store.audit("sign_in", tool="auth", user=email, kind="oidc", status=role, reason_code=f"claim:{source}")
    return User(email, role)
