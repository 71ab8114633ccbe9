"""Property tests (hypothesis, issue 14) over three more entry points a hostile user reaches: the planner's FHIR R4
Bundle upload, the sign-in form (user name and password), and the names of users and teams an admin types. Each
either answers or refuses with its own domain error (a message for the person), never another exception, and
within a time budget. Same style and budgets as tests/test_hostile_inputs.py."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings as hsettings, strategies as st

from tests.test_hostile_inputs import PROPS, TEXT, _budget

# ---- the planner's FHIR R4 Bundle upload ----------------------------------------------------------------------

_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15), st.floats(allow_nan=False),
                    TEXT, st.sampled_from(["", "1e400", "2024", "2024-02-30", "0000-01-01", "9999-12-31T99:99:99Z",
                                           "female", "other", "stopped", "completed", "final", "entered-in-error",
                                           "[lb_av]", "umol/L", "29463-7", "2160-0", "33914-3", "82810-3",
                                           "HLA-B*57:01 genotype", "CYP2D6", "![x](http://e.example/?n=J)"]))
_JSON = st.recursive(_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                     max_leaves=12)


def _leaves(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _leaves(v, path + (i,))
    else:
        yield path


def _example():
    from medcore.therapy.fhir_io import example_bundle

    return example_bundle()


_PATHS = [p for p in _leaves(_example()) if p]


@st.composite
def _mutated_bundle(draw):
    """The shipped example bundle with a few values swapped for hostile ones, so most still validate as FHIR and
    reach the reading code (a bundle pydantic refuses never gets past the first line)."""
    bundle = _example()
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_PATHS))
        parent = bundle
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and draw(st.booleans()) and draw(st.booleans()):
            parent.pop(path[-1], None)  # a missing field
        else:
            old = parent.get(path[-1]) if isinstance(parent, dict) else parent[path[-1]]
            # mostly a value of the same JSON type (it still validates, so the reader sees it), sometimes anything
            same = (st.text(max_size=200) | TEXT | _SCALAR.filter(lambda v: isinstance(v, str))
                    if isinstance(old, str) else st.integers(-10**15, 10**15) | st.floats(allow_nan=False)
                    if isinstance(old, (int, float)) else _JSON)
            parent[path[-1]] = draw(st.one_of(same, same, same, _JSON))
    return bundle


BUNDLE = st.one_of(_mutated_bundle(), _JSON,
                   st.fixed_dictionaries({"resourceType": st.just("Bundle"), "type": st.just("collection"),
                                          "entry": st.lists(st.fixed_dictionaries({"resource": _JSON}), max_size=3)}))


def _check_patient(data: dict, notes: list) -> None:
    """What the planner's form needs: numbers where it draws number inputs, lists of text where it joins lines."""
    assert isinstance(data, dict) and all(isinstance(n, str) and n for n in notes)
    for key in ("age", "weight", "height", "scr", "egfr"):
        v = data.get(key)
        assert v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)), (key, v)
    for key in ("conditions", "medications", "stopped_medications"):
        assert all(isinstance(x, str) for x in data.get(key, [])), (key, data.get(key))
    assert all(isinstance(a["substance"], str) and isinstance(a["reaction"], str) for a in data["allergies"])
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in data["genotypes"].items())


@given(BUNDLE)
@example({"resourceType": "Bundle", "type": "collection"})
@example([{"resourceType": "Bundle"}])
@example({"resourceType": "Bundle", "type": "collection",
          "entry": [{"resource": {"resourceType": "Patient", "birthDate": 1956}}]})
@hsettings(PROPS, max_examples=80)  # about a third of the mutated bundles still validate and reach the reader
def test_fhir_bundle_import_reads_or_refuses(bundle):
    """The planner's "Import FHIR R4 Bundle": a patient the form can show, or FhirError saying why."""
    from medcore.therapy import fhir_io, forms

    with _budget(3.0):
        try:
            data, notes = fhir_io.patient_from_bundle(bundle)
        except fhir_io.FhirError as exc:
            assert str(exc).startswith("not a valid FHIR R4 Bundle")
            return
        _check_patient(data, notes)
        forms.patient_to_form(data)


@given(st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 _mutated_bundle().map(lambda b: json.dumps(b).encode())))
@PROPS
def test_fhir_bundle_upload_bytes_read_or_refuse(raw):
    """The upload as the page reads it (bytes -> bundle_from_bytes -> patient_from_bundle): every refusal is a
    FhirError in words, which the page shows as "Could not import: ...", never another exception."""
    from medcore.therapy import fhir_io

    with _budget(3.0):
        try:
            data, notes = fhir_io.patient_from_bundle(fhir_io.bundle_from_bytes(raw))
        except fhir_io.FhirError as exc:
            assert str(exc)
            return
        _check_patient(data, notes)


# ---- sign-in, user and team names -----------------------------------------------------------------------------

NAME = st.one_of(TEXT, st.text(alphabet="abcXYZ019._@-\n\r\t\x00 /\\:*![]()<>", max_size=70),
                 st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,70}", fullmatch=True),
                 st.sampled_from(["alice\n", "alice\r\n", "alice ", "ALICE", "alice\x00", "a" * 65, "../../etc",
                                  "admin'--", "robert'); DROP TABLE accounts;--", "ﬁle", "аlice"]))
PASSWORD = st.one_of(st.text(max_size=80), st.sampled_from(["", "short", "a long password", "a long password\n",
                                                             "\x00" * 9, "x" * 5000]))

# "$" in a pattern also matches before a final newline: "alice\n" must not become an account or a team
_NEWLINE_NAMES = ["alice\n", "team1\n"]


@pytest.fixture(scope="module")
def auth_store(tmp_path_factory):
    from medcore import auth
    from medcore.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('auth-fuzz') / 'app.db'}")
    auth.add_user(store, "alice", "a long password", "clinician")
    return store


def _plain(name: str) -> bool:
    return name.isascii() and name.isprintable() and name == name.strip() and 1 <= len(name) <= 64


@given(NAME, PASSWORD)
@example("alice", "a long password\n")
@example("alice\n", "a long password")
@example("alice\x00", "a long password")
@example("x" * 10_000, "x" * 10_000)
@PROPS
def test_sign_in_answers_or_refuses_in_words(auth_store, name, password):
    """Whatever is typed in the sign-in form: the user (only for the exact name and password) or AuthError."""
    from medcore import auth

    with _budget(3.0):
        try:
            user = auth.authenticate(auth_store, name, password)
        except auth.AuthError as exc:
            assert str(exc)
            return
    assert (user.name, name, password) == ("alice", "alice", "a long password")


@given(NAME, PASSWORD)
@example(_NEWLINE_NAMES[0], "a long password")
@PROPS
def test_new_user_names_are_added_or_refused_in_words(auth_store, name, password):
    """`users add` and the admin page: a plain printable name is added, anything else refused with AuthError."""
    from medcore import auth

    with _budget(3.0):
        try:
            auth.add_user(auth_store, name, password, "student")
        except auth.AuthError as exc:
            assert str(exc)
            return
    assert _plain(name) and auth.is_user_name(name), repr(name)
    assert len(password) >= 8


@given(NAME, NAME)
@example(_NEWLINE_NAMES[1], "alice")
@PROPS
def test_team_names_and_members_are_accepted_or_refused_in_words(auth_store, team, member):
    from medcore import teams

    with _budget(3.0):
        try:
            teams.create_team(auth_store, team)
        except teams.TeamError as exc:
            assert str(exc)
        else:
            assert _plain(team) and "@" not in team, repr(team)
        try:
            teams.add_member(auth_store, team, member)
        except teams.TeamError as exc:
            assert str(exc)
            return
    assert member == "alice" or auth_store_has(auth_store, member)


def auth_store_has(store, name: str) -> bool:
    from medcore import auth

    return any(u["name"] == name for u in auth.list_users(store))


def test_a_number_past_the_digit_limit_is_a_fhir_error_in_words():
    from medcore.therapy import fhir_io

    raw = b'{"resourceType": "Bundle", "total": ' + b"9" * 4400 + b"}"
    with pytest.raises(fhir_io.FhirError, match="number too long"):
        fhir_io.bundle_from_bytes(raw)
    with pytest.raises(fhir_io.FhirError, match="not a FHIR Bundle"):
        fhir_io.bundle_from_bytes(b"[1, 2]")
