"""The Teams page's sections: an admin defines teams and their members and chooses which team sees a training
job; everyone sees their own teams and the jobs shared with them. Every action goes through medcore.teams and
medcore.jobs, which check the admin role themselves: this file only decides what to draw."""

from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from medcore import auth, jobs, teams
from medcore.auth import AccessDenied, User
from medcore.teams import TeamError
from ui.frame import md_escape
from ui.jobs_panel import fmt_seconds, job_panel

_FLASH = "_teams_flash"
_NO_TEAM = "(no team: owner and admins only)"


def _done(message: str) -> None:
    """Say what happened on the next run, after the lists have been redrawn with the change."""
    st.session_state[_FLASH] = message
    st.rerun()


def _attempt(action, message: str) -> None:
    try:
        action()
    except (TeamError, AccessDenied, KeyError) as exc:  # a refusal or a mistake, said plainly: not a fault
        st.error(md_escape(str(exc).strip("'\"")), icon=":material/error:")
        return
    _done(message)


def flash() -> None:
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(md_escape(message), icon=":material/check_circle:")


def manage(store) -> None:
    """Admins: create a team, add and remove members."""
    st.subheader("Manage teams")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    name = c1.text_input("New team name", key="team_new_name", placeholder="ward-3",
                         help="1-64 letters, digits or . _ -")
    if c2.button("Create team", key="team_create", icon=":material/group_add:"):
        name = name.strip()
        _attempt(lambda: teams.create_team(store, name), f"Team {name} created.")
    existing = teams.list_teams(store)
    if not existing:
        st.info("No teams yet: create one above, then add members.")
        return
    team = st.selectbox("Team", [t["name"] for t in existing], key="team_pick")
    members = next(t["members"] for t in existing if t["name"] == team)
    candidates = [u["name"] for u in auth.list_users(store) if not u["disabled"] and u["name"] not in members]
    c1, c2 = st.columns(2)
    with c1:
        _member_action("Add a user", candidates, key="team_add", button="Add member", icon=":material/person_add:",
                       placeholder="choose an account", none_left="every account is a member",
                       nobody="Choose the account to add first.",
                       act=lambda who: teams.add_member(store, team, who), said=lambda who: f"{who} added to {team}.")
    with c2:
        _member_action("Remove a member", members, key="team_remove", button="Remove member",
                       icon=":material/person_remove:", placeholder="choose a member", none_left="no members yet",
                       nobody="Choose the member to remove first.",
                       act=lambda who: teams.remove_member(store, team, who),
                       said=lambda who: f"{who} removed from {team}.")


def _member_action(label: str, names: list[str], *, key: str, button: str, icon: str, placeholder: str,
                   none_left: str, nobody: str, act: Callable[[str], object], said: Callable[[str], str]) -> None:
    """Adding and removing a member have one shape: pick one of `names` (widget `{key}_user`), press the button
    (`key`; disabled, saying `none_left`, when there is nobody to pick); pressed with nobody picked, it says
    `nobody` and does nothing. What it does (`act`) goes through medcore.teams, which checks the admin role."""
    who = st.selectbox(label, names, index=None, key=f"{key}_user", placeholder=placeholder if names else none_left)
    if st.button(button, key=key, icon=icon, disabled=not names):
        if who is None:
            st.error(nobody)
        else:
            _attempt(lambda: act(who), said(who))


def team_list(store, user: User) -> None:
    st.subheader("Teams" if user.is_admin else "Your teams")
    rows = teams.list_teams(store)
    if not rows:
        st.info("No teams yet." if user.is_admin else "You are not in any team. An admin adds people to teams.")
        return
    st.dataframe(pd.DataFrame([{"team": t["name"], "members": ", ".join(t["members"]) or "(none)",
                                "created by": t["created_by"], "created": t["created"]} for t in rows]),
                 hide_index=True, width="stretch")


def _job_rows(store, shown: list[jobs.JobRecord]) -> pd.DataFrame:
    out = []
    for j in shown:
        last = jobs.last_progress(store, j.id)
        out.append({"id": j.id, "name": j.name or j.kind, "kind": j.kind, "status": j.status,
                    "team": j.team or "", "owner": j.owner,
                    "progress": (last.step / max(1, last.total)) if last else 0.0,
                    "duration": fmt_seconds(j.duration_s),
                    "error": jobs.error_summary(j)})
    return pd.DataFrame(out)


def team_jobs(store, user: User) -> None:
    """The training jobs this user may see (an admin: all, with the control that picks each one's team), and the
    live panel of one of them (`?job=N` picks it): read-only for a member, whose rights medcore.jobs decides."""
    st.subheader("Training jobs and their teams" if user.is_admin else "Training jobs shared with your teams")
    shown = jobs.list_jobs(store, limit=200)
    ids = [j.id for j in shown]
    wanted = st.query_params.get("job", "")
    if wanted.isdigit() and int(wanted) not in ids:  # a link to a job this user may not see (or that is gone)
        job_panel(int(wanted), key="teams")
    if not shown:
        st.info("No training jobs." if user.is_admin else
                "No training job is shared with your teams yet. An admin chooses which team sees a job.")
        return
    st.dataframe(_job_rows(store, shown), hide_index=True, width="stretch",
                 column_config={"progress": st.column_config.ProgressColumn("progress", min_value=0.0,
                                                                            max_value=1.0)})
    default = ids.index(int(wanted)) if wanted.isdigit() and int(wanted) in ids else 0
    chosen = st.selectbox("Job", ids, index=default, key="team_job_pick",
                          format_func=lambda i: next(f"{j.id}: {j.name or j.kind} ({j.status})"
                                                     for j in shown if j.id == i))
    job = next(j for j in shown if j.id == chosen)
    job_panel(chosen, key="teams")
    files = jobs.job_files(store, chosen)
    st.caption(f"Files of job {chosen}'s run (checkpoints, previews, metrics)")
    if files:
        st.dataframe(pd.DataFrame(files), hide_index=True, width="stretch")
    else:
        st.info("This job has written no files yet.")
    if user.is_admin:
        names = [_NO_TEAM] + [t["name"] for t in teams.list_teams(store)]
        current = names.index(job.team) if job.team in names else 0
        pick = st.selectbox("Visible to", names, index=current, key=f"team_job_team_{chosen}")
        if st.button("Save who sees this job", key="team_job_share", icon=":material/visibility:"):
            team = None if pick == _NO_TEAM else pick
            _attempt(lambda: jobs.share_job(store, chosen, team),
                     f"Job {chosen} is now visible to team {team}." if team else
                     f"Job {chosen} is now its owner's and the admins' only.")
