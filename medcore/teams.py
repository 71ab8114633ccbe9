"""Teams: groups of users an admin defines, so that a piece of work (a hand-off) or a training job can reach colleagues.

Work belongs to its owner. The owner may share an item with one team they belong to; the team's members
then see it in their lists and may open and take it, while only the owner edits it. Whether a member may
see an item also depends on their role (a student member does not see a clinician tool's hand-off). The
checks are here and in the store, so a page cannot show a shared item to a non-member. A training job an admin
makes visible to a team is seen (status, progress, error summary, checkpoint files) by its members whatever their
role: a job carries no patient text, and its full log, which can, stays with admins (medcore.jobs). Defining teams and
their members is an admin's job (`python -m medcore teams ...`); every change is written to the audit log.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import and_, or_, select, true

from medcore.auth import WORK_TOOL, AccessDenied, User, can_use_tool, may_see_owner, require_admin
from medcore.errors import DomainError
from medcore.store_schema import Account, Job, Team, TeamMember, WorkItem

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")  # \Z: "$" would accept a final newline


class TeamError(DomainError):
    """A team cannot be changed as asked; the message is for the person."""


def _check_admin(store, doing: str) -> None:
    if store.principal is not None:
        require_admin(store.principal, doing)


def _team(s, name: str) -> Team:
    row = s.scalars(select(Team).where(Team.name == name)).first()
    if row is None:
        raise TeamError(f"no team {name!r} (an admin creates it: `python -m medcore teams add NAME`)")
    return row


# ---- an admin defines teams and their members ------------------------------------------------------------
def create_team(store, name: str) -> None:
    _check_admin(store, "define teams")
    if not _NAME.match(name or ""):
        raise TeamError("A team name is 1-64 letters, digits or . _ - and starts with a letter or digit.")
    with store.session() as s:
        if s.scalars(select(Team).where(Team.name == name)).first() is not None:
            raise TeamError(f"team {name} already exists")
        s.add(Team(name=name, created_by=store.principal.name if store.principal else "local"))
    store.audit("create_team", tool="auth", object_type="team", object_id=name)


def add_member(store, team: str, user: str) -> None:
    _check_admin(store, "change a team's members")
    with store.session() as s:
        row = _team(s, team)
        if s.scalars(select(Account).where(Account.name == user)).first() is None:
            raise TeamError(f"no user {user!r}: add the account first (`python -m medcore users add`)")
        if s.scalars(select(TeamMember).where(TeamMember.team_id == row.id, TeamMember.user == user)).first():
            raise TeamError(f"{user} is already a member of {team}")
        s.add(TeamMember(team_id=row.id, user=user))
    store.audit("add_team_member", tool="auth", object_type="team", object_id=team, kind=user[:64])


def remove_member(store, team: str, user: str) -> None:
    _check_admin(store, "change a team's members")
    with store.session() as s:
        row = _team(s, team)
        member = s.scalars(select(TeamMember).where(TeamMember.team_id == row.id, TeamMember.user == user)).first()
        if member is None:
            raise TeamError(f"{user} is not a member of {team}")
        s.delete(member)
    store.audit("remove_team_member", tool="auth", object_type="team", object_id=team, kind=user[:64])


def list_teams(store) -> list[dict[str, Any]]:
    """Every team with its members (an admin, or the system); anyone else sees only their own teams."""
    mine = None if store.principal is None or store.principal.is_admin else set(teams_of(store, store.principal))
    with store.session() as s:
        out = []
        for team in s.scalars(select(Team).order_by(Team.name)):
            if mine is not None and team.name not in mine:
                continue
            members = s.scalars(select(TeamMember.user).where(TeamMember.team_id == team.id)
                                .order_by(TeamMember.user))
            out.append({"name": team.name, "members": list(members), "created": team.created,
                        "created_by": team.created_by})
        return out


def teams_of(store, user: User | str) -> list[str]:
    name = user.name if isinstance(user, User) else user
    with store.session() as s:
        return _teams_of(s, name)


def _teams_of(s, name: str) -> list[str]:
    q = select(Team.name).join(TeamMember, TeamMember.team_id == Team.id).where(TeamMember.user == name)
    return sorted(s.scalars(q))


# ---- what a user may see: used by the store for every read -------------------------------------------------
def _readable_kinds(user: User) -> list[str]:
    return [k for k, tool in WORK_TOOL.items() if can_use_tool(user, tool)]


def visible_clause(s, user: User):
    """SQL condition: the user's own items, and items shared with one of their teams in a tool they may use."""
    if user.local:
        return true()  # the one user of local mode owns everything (auth.may_see_owner)
    teams = _teams_of(s, user.name)
    own = WorkItem.user == user.name
    if not teams:
        return own
    kind_ok = or_(WorkItem.kind.notin_(list(WORK_TOOL)), WorkItem.kind.in_(_readable_kinds(user)))
    return or_(own, and_(WorkItem.team.in_(teams), kind_ok))


def may_read(s, user: User | None, row: WorkItem) -> bool:
    if user is None or may_see_owner(user, row.user):
        return True
    if not row.team or row.team not in _teams_of(s, user.name):
        return False
    tool = WORK_TOOL.get(row.kind)
    return tool is None or can_use_tool(user, tool)


# The same rule twice, as SQL for lists and in Python for one row; tests/test_teams.py checks they agree.
def job_visible_clause(s, user: User):
    """SQL condition on jobs: everything for an admin (or local mode); else the user's own, and their teams' jobs."""
    if user.local or user.is_admin:
        return true()
    own = Job.owner == user.name
    teams = _teams_of(s, user.name)
    return or_(own, Job.team.in_(teams)) if teams else own


def may_read_job(s, user: User | None, row: Job) -> bool:
    if user is None or user.local or user.is_admin or row.owner == user.name:
        return True
    return bool(row.team) and row.team in _teams_of(s, user.name)


def check_team_exists(store, team: str) -> None:
    with store.session() as s:
        _team(s, team)


# ---- sharing ---------------------------------------------------------------------------------------------------
def check_can_share(store, team: str) -> None:
    """Before saving: the team exists and the principal is a member (an admin or the system may use any team)."""
    user = store.principal
    with store.session() as s:
        _team(s, team)
        if user is not None and not user.local and not user.is_admin and team not in _teams_of(s, user.name):
            raise AccessDenied(f"{user.name} is not a member of team {team}, so cannot share work with it.")


def share_work(store, item_id: int, team: str | None) -> None:
    """Share the principal's own item with a team they belong to (None: make it the owner's only again)."""
    if team is not None:
        check_can_share(store, team)
    with store.session() as s:
        row = s.get(WorkItem, item_id)
        if row is None or (store.principal is not None and not may_see_owner(store.principal, row.user)):
            raise AccessDenied(f"work item {item_id} is not yours to share")
        row.team = team
    store.audit("share_work" if team else "unshare_work", tool="auth", object_type="work", object_id=item_id,
                team=team or "")


def open_shared(store, item_id: int, kind: str, what: str = "This item"):
    """The item for a direct link, or AccessDenied with a message for the person; a refusal is audited.
    The message is the same whether the item exists or not, so a link cannot probe for other people's work."""
    rec = store.get_work(item_id)
    if rec is not None and rec.kind == kind:
        return rec
    store.audit("open_refused", tool="auth", object_type="work", object_id=item_id, kind=kind)
    raise AccessDenied(f"{what} #{item_id} is not available to you: it was not shared with you or with a team "
                       "you belong to (or it no longer exists). Ask the person who sent it to share it with your "
                       "team; an admin adds people to teams.")
