"""Brands sold only as a skin, eye or ear form name their route when typed alone (routes.yaml `brand_routes`), so
they are graded like the typed route word; brands also sold as a systemic form stay the base drug."""

from medcore.therapy import interactions as ix
from medcore.therapy import routes
from medcore.therapy.names import resolve_drug

SEVERE = ("major", "contraindicated")


def _sev(kb, a, b):
    return [f.severity for f in ix.check_names(kb, [a, b]).findings]


def test_eye_and_skin_brands_name_their_route(kb):
    assert routes.route_in("Xalatan") == "ophthalmic"
    assert resolve_drug(kb, "Xalatan").route == "ophthalmic"
    assert resolve_drug(kb, "Betnovate").route == "topical"
    assert resolve_drug(kb, "Dermovate 0.05%").route == "topical"
    assert resolve_drug(kb, "Maxitrol").route == "ophthalmic"
    # a typed route word wins over the brand's
    assert routes.route_in("Betnovate tablets") == "oral"
    # a longer product name is not read as the brand inside it
    assert routes.route_in("Betnesol-N") is None


def test_every_brand_route_has_a_source_and_resolves(kb):
    data = routes.load()
    assert data.brands
    for name, route, source in data.brands:
        assert source.strip(), name
        r = resolve_drug(kb, name)
        assert r.route == route, name  # a name the lexicon reads, to a base ingredient
        if not routes.is_local(route, data):
            # session 13: an absorbed-route brand (Buccolam) is listed only to apply its label's grade
            assert any(k["route"] == route and set(k.get("drugs", ())) & set(r.ids) for k in data.keeps), name


def test_a_skin_steroid_brand_with_warfarin_is_not_alarmed_as_systemic(kb):
    assert _sev(kb, "betamethasone", "warfarin")
    report = ix.check_names(kb, ["Betnovate", "warfarin"])
    assert report.findings == []
    assert any("not raised" in n and "skin" in n for n in report.notes)
    assert _sev(kb, "Elocon", "ritonavir") == []


def test_voltarol_tablets_stay_systemic_and_the_gel_is_topical(kb):
    assert resolve_drug(kb, "Voltarol").ids == ["diclofenac"] and resolve_drug(kb, "Voltarol").route == ""
    assert _sev(kb, "Voltarol", "warfarin")[0] in SEVERE
    assert resolve_drug(kb, "Voltarol gel").ids == ["diclofenac-topical"]
    assert resolve_drug(kb, "Voltaren Emulgel").ids == ["diclofenac-topical"]
    assert not set(_sev(kb, "Voltarol gel", "warfarin")) & set(SEVERE)


def test_brands_also_sold_as_systemic_forms_stay_the_base_drug(kb):
    for name in ("Fucidin", "Daktarin", "Canesten", "Zovirax", "Daktacort"):
        assert resolve_drug(kb, name).route == "", name
    # miconazole (Daktacort) with warfarin still warns
    assert _sev(kb, "Daktacort", "warfarin")[0] in SEVERE


def test_timolol_drop_brands_keep_their_label_rules(kb):
    r = ix.check_names(kb, ["Timoptic", "verapamil"])
    assert r.findings and any("Timoptic" in n for n in r.notes)
    # with an oral beta-blocker: still two beta-blockers
    assert ix.check_names(kb, ["Timoptic", "bisoprolol"]).duplicates
    assert resolve_drug(kb, "Cosopt").route == ""  # not listed: dorzolamide/timolol stays as before


def test_ketorolac_eye_drop_brand_is_graded_by_its_label(kb):
    assert _sev(kb, "Acular", "warfarin") == ["minor"]
