"""`python -m medcore serve`: start the Streamlit app, but refuse to start a server that other machines could
reach without sign-in.

Streamlit has no start-up hook, so app.py can only refuse per request (it serves nothing but the reason). This
launcher checks the same rule (medcore.auth.access_mode) before any port is opened, and exits with the reason.
The bind address is found the way Streamlit finds it: a `--server.address` flag, then the
STREAMLIT_SERVER_ADDRESS environment variable, then `.streamlit/config.toml` in the working folder, then the
one in the home folder; none of them means every interface.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from pathlib import Path

from medcore import auth

log = logging.getLogger(__name__)
APP = Path(__file__).resolve().parent.parent / "app.py"


def _flag_value(argv: list[str], flag: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == flag and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


def _config_address(path: Path) -> str | None:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        # Streamlit would stop on this file too; say which one rather than guessing the address.
        raise auth.AuthError(f"cannot read {path}: {exc}") from None
    address = (doc.get("server") or {}).get("address")
    return str(address) if address else None


def bind_address(argv: list[str], env: dict[str, str], cwd: Path, home: Path) -> str | None:
    """The address Streamlit will listen on, or None for every interface."""
    for found in (_flag_value(argv, "--server.address"), env.get("STREAMLIT_SERVER_ADDRESS") or None):
        if found is not None:
            return found
    for config in (cwd / ".streamlit" / "config.toml", home / ".streamlit" / "config.toml"):
        found = _config_address(config)
        if found is not None:
            return found
    return None


def check(settings, argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None,
          home: Path | None = None) -> str:
    """The access mode this server would run in; AuthError with the reason when it must not start."""
    env = dict(os.environ) if env is None else env
    address = bind_address(argv, env, cwd or Path.cwd(), home or Path.home())
    mode = auth.access_mode(settings.auth, address)
    if mode == "oidc":
        from medcore.oidc import authlib_problem, parse_role_map, parse_trusted_claims

        problem = authlib_problem()
        if problem:
            raise auth.AuthError(problem)
        parse_role_map(settings.oidc_roles)  # a setting that cannot be used stops the start, naming it
        parse_trusted_claims(settings.oidc_trusted_claims)
    return mode


def register(reg) -> None:
    p = reg.top.add_parser("serve", help="start the app (refuses a network address without sign-in)",
                           description="Start the Streamlit app. Extra arguments go to `streamlit run`, e.g. "
                                       "--server.port 8502. A non-loopback --server.address needs MEDCORE_AUTH.")
    p.set_defaults(func=_serve, pass_through=True)


def _serve(args, settings) -> int:
    extra = [a for a in args.extra_args if a != "--"]
    # Streamlit reads .streamlit/config.toml from its working folder: run it where the app and config live.
    os.chdir(APP.parent)
    try:
        mode = check(settings, extra)
    except auth.AuthError as exc:
        print(f"not starting: {exc}", file=sys.stderr)
        return 2
    log.info("starting Streamlit in %s mode", mode)
    sys.stdout.flush()
    # ui.launch is `streamlit run` with deep links fixed on the first run (see its docstring).
    os.execv(sys.executable, [sys.executable, "-m", "ui.launch", str(APP), *extra])
    return 0  # not reached: execv replaces this process
