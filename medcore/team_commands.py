"""`python -m medcore teams ...`: teams for sharing hand-offs and training jobs (medcore.teams, medcore.jobs); run by
an admin on the server."""

from __future__ import annotations

import sys


def register(reg) -> None:
    sub = reg.group("teams", help="teams that hand-offs and training jobs can be shared with: add, list, add-member, "
                                  "remove-member, share-job")
    a = sub.add_parser("add", help="define a team")
    a.add_argument("name")
    a.set_defaults(func=_add)
    sub.add_parser("list", help="every team with its members").set_defaults(func=_list)
    m = sub.add_parser("add-member", help="add a user (an existing account) to a team")
    m.add_argument("team")
    m.add_argument("user")
    m.set_defaults(func=_add_member)
    r = sub.add_parser("remove-member", help="take a user out of a team (they no longer see its hand-offs)")
    r.add_argument("team")
    r.add_argument("user")
    r.set_defaults(func=_remove_member)
    j = sub.add_parser("share-job", help="make a training job visible to a team's members (--none: to no team)")
    j.add_argument("job", type=int)
    j.add_argument("team", nargs="?")
    j.add_argument("--none", action="store_true", help="visible to its owner and admins only again")
    j.set_defaults(func=_share_job)


def _run(fn) -> int:
    from medcore.auth import AccessDenied
    from medcore.store import StoreError
    from medcore.teams import TeamError

    try:
        fn()
    except (TeamError, AccessDenied, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:
        print(f"error: no job {exc.args[0]}", file=sys.stderr)
        return 2
    return 0


def _store(settings):
    from medcore.store import Store

    return Store.open(settings)


def _add(args, settings) -> int:
    from medcore import teams

    return _run(lambda: (teams.create_team(_store(settings), args.name), print(f"team {args.name} added")))


def _list(args, settings) -> int:
    from medcore import teams

    def go():
        rows = teams.list_teams(_store(settings))
        if not rows:
            print("no teams yet (python -m medcore teams add NAME)")
        for t in rows:
            print(f"{t['name']:<24} {', '.join(t['members']) or '(no members)'}")

    return _run(go)


def _add_member(args, settings) -> int:
    from medcore import teams

    return _run(lambda: (teams.add_member(_store(settings), args.team, args.user),
                         print(f"{args.user} added to {args.team}")))


def _remove_member(args, settings) -> int:
    from medcore import teams

    return _run(lambda: (teams.remove_member(_store(settings), args.team, args.user),
                         print(f"{args.user} removed from {args.team}")))


def _share_job(args, settings) -> int:
    from medcore import jobs

    if bool(args.team) == bool(args.none):
        print("error: name a team, or --none", file=sys.stderr)
        return 2
    team = None if args.none else args.team
    return _run(lambda: (jobs.share_job(_store(settings), args.job, team),
                         print(f"job {args.job} visible to team {team}" if team else
                               f"job {args.job} visible to its owner and admins only")))
