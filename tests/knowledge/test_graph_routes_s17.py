"""Session 17 (planner17): interaction edges of the knowledge graph carry their route condition, as the planner
applies it per typed name (medcore.therapy.routes): skin, eye and ear forms do not raise a rule unless the label keeps
it for that form (with the label's grade), and a rule written for some routes only names them."""

from pathlib import Path

import pytest

from medcore.knowledge.graph import load_graph_dir

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kg():
    return load_graph_dir(REPO / "assets" / "kb")


def _edges(kg, a, b):
    return [e for e in kg.edges(f"drug:{a}", "interacts_with") if e.other(f"drug:{a}") == f"drug:{b}"]


def test_every_interaction_edge_carries_its_route_condition(kg):
    edges = kg.all_edges("interacts_with")
    assert edges and all({"not_for_routes", "kept_for"} <= set(e.attrs) for e in edges)
    assert set(edges[0].attrs["not_for_routes"]) == {"topical", "ophthalmic", "otic"}


def test_a_systemic_rule_is_not_for_eye_forms(kg):
    (e,) = [e for e in _edges(kg, "rilpivirine", "dexamethasone") if e.attrs["severity"] == "contraindicated"]
    assert "ophthalmic" in e.attrs["not_for_routes"] and not e.attrs["kept_for"]


def test_a_label_that_keeps_the_eye_form_is_on_the_edge(kg):
    kept = [k for e in _edges(kg, "phenelzine", "phenylephrine") for k in e.attrs["kept_for"]]
    assert any(k["drug"] == "phenylephrine" and k["route"] == "ophthalmic" and "BNF" in k["source"] for k in kept)


def test_a_graded_absorbed_form_is_on_the_edge(kg):
    kept = [k for e in _edges(kg, "selegiline", "pseudoephedrine") for k in e.attrs["kept_for"]]
    assert {"drug": "selegiline", "route": "transdermal", "severity": "contraindicated"}.items() <= kept[0].items()


def test_a_route_only_rule_names_its_routes(kg):
    (e,) = [e for e in _edges(kg, "olanzapine", "lorazepam") if e.attrs["rule"].startswith("olanzapine_im")]
    needs = {n["drug"]: n for n in e.attrs["route_needs"]}
    assert needs["olanzapine"]["routes"] == ["im"] and not needs["olanzapine"]["route_unstated"]
    assert needs["lorazepam"]["route_unstated"]
