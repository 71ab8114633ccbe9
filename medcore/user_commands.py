"""`python -m medcore users ...`: local accounts for shared mode (the same functions the admin page uses)."""

from __future__ import annotations

import sys

from medcore.auth import ROLES


def register(reg) -> None:
    sub = reg.group("users", help="local accounts for shared mode: add, list, set-role, passwd, disable")
    a = sub.add_parser("add", help="add a user (asks for the password, or reads it from stdin)")
    a.add_argument("name")
    a.add_argument("--role", choices=ROLES, required=True)
    a.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    a.set_defaults(func=_add)
    sub.add_parser("list", help="every account with its role").set_defaults(func=_list)
    r = sub.add_parser("set-role", help="change a user's role")
    r.add_argument("name")
    r.add_argument("role", choices=ROLES)
    r.set_defaults(func=_set_role)
    w = sub.add_parser("passwd", help="set a new password")
    w.add_argument("name")
    w.add_argument("--password-stdin", action="store_true")
    w.set_defaults(func=_passwd)
    d = sub.add_parser("disable", help="disable an account (it can no longer sign in)")
    d.add_argument("name")
    d.add_argument("--enable", action="store_true", help="enable it again")
    d.set_defaults(func=_disable)


def _store(settings):
    from medcore.store import Store

    return Store.open(settings)


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise ValueError("the two passwords differ")
    return first


def _run(fn) -> int:
    from medcore.auth import AuthError

    try:
        fn()
    except (AuthError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _add(args, settings) -> int:
    from medcore import auth

    def go():
        auth.add_user(_store(settings), args.name, _password(args), args.role)
        print(f"added {args.name} ({args.role})")

    return _run(go)


def _list(args, settings) -> int:
    from medcore import auth

    for u in auth.list_users(_store(settings)):
        print(f"{u['name']:<24} {u['role']:<10} {'disabled' if u['disabled'] else 'enabled'}")
    return 0


def _set_role(args, settings) -> int:
    from medcore import auth

    return _run(lambda: (auth.set_role(_store(settings), args.name, args.role), print(f"{args.name}: {args.role}")))


def _passwd(args, settings) -> int:
    from medcore import auth

    return _run(lambda: (auth.set_password(_store(settings), args.name, _password(args)),
                         print(f"{args.name}: password changed")))


def _disable(args, settings) -> int:
    from medcore import auth

    return _run(lambda: (auth.disable_user(_store(settings), args.name, disabled=not args.enable),
                         print(f"{args.name}: {'enabled' if args.enable else 'disabled'}")))
