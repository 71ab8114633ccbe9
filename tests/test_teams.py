"""Teams: an admin defines a team and its members; a hand-off shared with the team is listed to its members
only, a non-member's direct link is refused with a clear message, and every change is in the audit log.
The store-level tests also run against PostgreSQL (tests/test_store_postgres.py)."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore import auth, teams
from medcore.auth import AccessDenied, User
from medcore.teams import TeamError
from tests.conftest import REPO

ALICE, BOB, CAROL = User("alice", "clinician"), User("bob", "clinician"), User("carol", "clinician")
SAM, ADA = User("sam", "student"), User("ada", "admin")
HANDOFF = {"problems": [{"name": "hypertension", "assertion": "present"}], "medications": [], "allergies": []}


def _ward(store) -> None:
    """Accounts alice, bob, carol (clinicians), sam (student), ada (admin); team ward-3 = alice, bob, sam."""
    for u in (ALICE, BOB, CAROL, SAM, ADA):
        auth.add_user(store, u.name, "a long password", u.role)
    admin = store.as_user(ADA)
    teams.create_team(admin, "ward-3")
    for name in ("alice", "bob", "sam"):
        teams.add_member(admin, "ward-3", name)


def _shared_handoff(store) -> int:
    alice = store.as_user(ALICE)
    item = alice.save_work("handoff", HANDOFF, title="Hand-off: ward round", status="open")
    teams.share_work(alice, item, "ward-3")
    return item


def test_a_handoff_shared_with_a_team_is_listed_to_its_members_only(store):
    _ward(store)
    item = _shared_handoff(store)
    private = store.as_user(ALICE).save_work("handoff", HANDOFF, title="Hand-off: not shared", status="open")
    bob, carol, sam = store.as_user(BOB), store.as_user(CAROL), store.as_user(SAM)
    assert [r.id for r in bob.list_work(kind="handoff", status="open")] == [item]  # not alice's private one
    assert bob.get_work(item).team == "ward-3" and bob.get_work(private) is None
    assert carol.list_work(kind="handoff") == [] and carol.get_work(item) is None  # not a member
    assert sam.get_work(item) is None and sam.list_work() == []  # a member, but a student: not a therapy item
    assert len(store.as_user(ALICE).list_work(kind="handoff")) == 2
    with pytest.raises(AccessDenied):  # a member takes it, but only the owner edits it
        bob.save_work("handoff", {"problems": []}, item_id=item)
    with pytest.raises(KeyError):
        carol.set_work_status(item, "taken")
    bob.set_work_status(item, "taken")
    assert store.get_work(item).status == "taken"
    teams.remove_member(store.as_user(ADA), "ward-3", "bob")  # out of the team: out of sight
    assert bob.get_work(item) is None and bob.list_work(kind="handoff") == []


def test_only_an_admin_defines_teams_and_members_need_accounts(store):
    _ward(store)
    with pytest.raises(AccessDenied, match="admin"):
        teams.create_team(store.as_user(ALICE), "alice-friends")
    with pytest.raises(AccessDenied, match="admin"):
        teams.add_member(store.as_user(ALICE), "ward-3", "carol")
    admin = store.as_user(ADA)
    with pytest.raises(TeamError, match="no user"):
        teams.add_member(admin, "ward-3", "mallory")
    with pytest.raises(TeamError, match="already a member"):
        teams.add_member(admin, "ward-3", "bob")
    with pytest.raises(TeamError, match="no team"):
        teams.add_member(admin, "ward-9", "bob")
    with pytest.raises(TeamError, match="already exists"):
        teams.create_team(admin, "ward-3")
    with pytest.raises(TeamError, match="team name"):
        teams.create_team(admin, "**ward**")
    assert teams.list_teams(admin) == [{"name": "ward-3", "members": ["alice", "bob", "sam"],
                                        "created": teams.list_teams(admin)[0]["created"], "created_by": "ada"}]
    assert teams.list_teams(store.as_user(CAROL)) == []  # a non-admin sees only their own teams
    assert [t["name"] for t in teams.list_teams(store.as_user(BOB))] == ["ward-3"]


def test_only_the_owner_shares_and_only_with_their_own_team(store):
    _ward(store)
    item = store.as_user(ALICE).save_work("handoff", HANDOFF, status="open")
    with pytest.raises(AccessDenied, match="not yours"):
        teams.share_work(store.as_user(BOB), item, "ward-3")  # bob is in the team but does not own it
    mine = store.as_user(CAROL).save_work("handoff", HANDOFF, status="open")
    with pytest.raises(AccessDenied, match="not a member of team ward-3"):
        teams.share_work(store.as_user(CAROL), mine, "ward-3")  # carol cannot push work into a team
    with pytest.raises(TeamError, match="no team"):
        teams.share_work(store.as_user(ALICE), item, "ward-9")
    assert store.get_work(item).team is None and store.get_work(mine).team is None
    teams.share_work(store.as_user(ALICE), item, "ward-3")
    teams.share_work(store.as_user(ALICE), item, None)  # and back to the owner's only
    assert store.as_user(BOB).get_work(item) is None


def test_a_direct_link_is_refused_the_same_way_whether_or_not_the_item_exists(store):
    _ward(store)
    item = _shared_handoff(store)
    assert teams.open_shared(store.as_user(BOB), item, "handoff").id == item
    with pytest.raises(AccessDenied) as seen:
        teams.open_shared(store.as_user(CAROL), item, "handoff", what="Hand-off")
    with pytest.raises(AccessDenied) as missing:
        teams.open_shared(store.as_user(CAROL), item + 1000, "handoff", what="Hand-off")
    assert "not shared with you" in str(seen.value)
    assert str(seen.value).replace(str(item), "N") == str(missing.value).replace(str(item + 1000), "N")
    with pytest.raises(AccessDenied):  # the right id under another kind is not a hand-off
        teams.open_shared(store.as_user(BOB), item, "plan")


def test_every_team_change_and_refusal_is_audited(store):
    _ward(store)
    item = _shared_handoff(store)
    with pytest.raises(AccessDenied):
        teams.open_shared(store.as_user(CAROL), item, "handoff")
    events = store.audit_events()
    by_action = {e["action"]: e for e in events}
    assert {"create_team", "add_team_member", "share_work", "open_refused"} <= set(by_action)
    assert by_action["create_team"]["user"] == "ada" and by_action["create_team"]["object_id"] == "ward-3"
    assert by_action["share_work"]["user"] == "alice" and by_action["share_work"]["detail"]["team"] == "ward-3"
    assert by_action["open_refused"]["user"] == "carol" and by_action["open_refused"]["object_id"] == str(item)


def test_teams_cli(settings, store, capsys):
    from medcore.cli import main

    for u in (ALICE, BOB):
        auth.add_user(store, u.name, "a long password", u.role)
    assert main(["teams", "add", "ward-3"]) == 0
    assert main(["teams", "add-member", "ward-3", "alice"]) == 0
    assert main(["teams", "add-member", "ward-3", "bob"]) == 0
    assert main(["teams", "remove-member", "ward-3", "bob"]) == 0
    assert main(["teams", "list"]) == 0
    out = capsys.readouterr().out
    assert "ward-3" in out and "alice" in out and "bob" not in out.split("ward-3", 1)[1].splitlines()[0]
    assert main(["teams", "add-member", "ward-3", "mallory"]) == 2
    assert "no user 'mallory'" in capsys.readouterr().err
    assert main(["teams", "add-member", "ward-9", "alice"]) == 2
    assert teams.teams_of(store, "alice") == ["ward-3"] and teams.teams_of(store, "bob") == []


# ---- the treatment planner page, in shared mode -----------------------------------------------------------------
@pytest.fixture
def shared(settings, monkeypatch):
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    return settings.replace(auth="accounts")


def _planner(user: User, handoff: int | None):
    at = AppTest.from_file(str(REPO / "pages" / "treatment_planner.py"), default_timeout=120)
    at.session_state["_signed_in_user"] = user
    if handoff is not None:
        at.query_params["handoff"] = str(handoff)
    return at.run()


def test_planner_lists_a_team_handoff_to_members_and_refuses_a_non_members_link(shared, store):
    _ward(store)
    item = _shared_handoff(store)
    member = _planner(BOB, item)
    assert not member.exception and not member.error, [e.value for e in member.error]
    pick = member.selectbox(key="tp_handoff_pick")
    assert pick.value.id == item and f"#{item} Hand-off: ward round (from alice, team ward-3)" in pick.options
    assert any(f"Hand-off #{item} from alice is selected" in i.value for i in member.info)

    outsider = _planner(CAROL, item)
    assert not outsider.exception
    assert outsider.error and f"Hand-off #{item} is not available to you" in outsider.error[0].value
    assert "ward round" not in str([s.options for s in outsider.selectbox])
    assert any("No open hand-offs" in i.value for i in outsider.info)

    plain = _planner(CAROL, None)  # without the link: nothing listed, and no error
    assert not plain.error and not any(s.key == "tp_handoff_pick" for s in plain.selectbox)
