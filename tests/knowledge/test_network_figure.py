"""The page's network: conditions coloured by triage level, the asked concept in the middle, node ids
carried for the click."""

from __future__ import annotations

from medcore.knowledge import service
from ui.knowledge_graph import LEVEL_COLOURS, clicked_concept, network_figure, radial_layout


def test_what_causes_chest_pain_is_coloured_by_triage_level(settings):
    view = service.answer_graph(settings, service.ask(settings, "What can cause chest pain?"))
    assert view["center"] == "finding:chest_pain"
    pos = radial_layout(view)
    assert pos["finding:chest_pain"] == (0.0, 0.0)
    fig = network_figure(view)
    groups = {t.name: t for t in fig.data if t.customdata is not None}
    assert groups["condition: emergency"].marker.color == LEVEL_COLOURS["emergency"]
    assert "condition:myocardial_infarction" in groups["condition: emergency"].customdata
    assert "condition:costochondritis" in groups["condition: self care"].customdata


def test_a_clicked_point_gives_its_concept_id():
    event = {"selection": {"points": [{"curve_number": 3, "point_index": 1, "customdata": "drug:warfarin"}]}}
    assert clicked_concept(event) == "drug:warfarin"
    assert clicked_concept({"selection": {"points": [{"curve_number": 0, "point_index": 2}]}}) is None
