"""Resolve what people type (brand names, combinations, misspellings, "lisinopril 10 mg daily") to KB ids.

Drug names go through the knowledge layer's drug lexicon (`medcore.knowledge.drugs.resolve`): a brand or
combination product becomes all of its ingredients, and the planner checks each one. An ingredient the
planner has no dosing data for is still checked for interactions by its classes ("interaction only").
Conditions and patient states use the same lookup rule (`medcore.knowledge.names.lookup`): exact first,
a close misspelling only when one entry is clearly the nearest, otherwise suggestions to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medcore.knowledge import drugs as kdrugs
from medcore.knowledge.names import PLAIN, lookup, normalise
from medcore.therapy import routes as kroutes
from medcore.therapy.kb import KnowledgeBase


@dataclass
class Resolution:
    query: str
    id: str | None  # the first planner id (the only one unless a combination product was named)
    how: str  # exact | brand_or_synonym | spelling | fuzzy | ambiguous | unknown
    suggestions: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # every planner id to check: each ingredient of a combination
    product: str | None = None  # the combination product named, when the planner has no entry for it as one
    interaction_only: list[str] = field(default_factory=list)  # ids checked for interactions by class only
    unchecked: list[str] = field(default_factory=list)  # ingredient names the planner cannot check at all
    route: str = ""  # the route a route word in the text names ("cream": topical), for the base-ingredient id(s)
    stage: str = ""  # a chronic kidney disease stage typed with it (KDIGO G category: "G3a", "G4", "G5D")

    @property
    def ok(self) -> bool:
        return self.id is not None

    def message(self, kb: KnowledgeBase | None = None, what: str = "drug") -> str:
        name = kb.drug_name(self.id) if (kb and self.id and what == "drug") else self.id
        if self.id is None:
            if self.how == "ambiguous":
                return (f"'{self.query}' has more than one reading ({' or '.join(self.suggestions)}); "
                        f"type the full {what} name (not checked)")
            if self.unchecked:
                return f"'{self.query}' ({', '.join(self.unchecked)}) has no interaction data in the planner; not checked"
            if self.suggestions:
                return f"unknown {what} '{self.query}': did you mean {', '.join(self.suggestions)}?"
            return f"unknown {what} '{self.query}' (not in the knowledge base; not checked)"
        names = " + ".join(kb.drug_name(i) for i in self.ids) if (kb and what == "drug") else name
        parts = []
        if self.how == "fuzzy":
            parts.append(f"'{self.query}' read as {names} (closest spelling); check this is right")
        elif self.how == "spelling":
            parts.append(f"'{self.query}' read as {names} (a close spelling of its name: one slip or the same sound, and no other drug name fits); check this is right")
        elif self.how == "named":
            parts.append(f"'{self.query}' read as {' and '.join(self.ids)} (named in the text); check this is right")
        elif self.how == "shortened":
            parts.append(f"'{self.query}' read as {names} (a shortened name: no other drug name starts this way); check this is right")
        elif self.how == "brand_or_synonym" and what == "drug":
            parts.append(f"'{self.query}' is {names}" + (" (each ingredient checked)" if len(self.ids) > 1 else ""))
        if kb and self.interaction_only:
            parts.append(f"{', '.join(kb.drug_name(i) for i in self.interaction_only)}: checked for interactions "
                         "by class only (no dosing, kidney, liver or PGx data in the planner)")
        if self.unchecked:
            parts.append(f"{', '.join(self.unchecked)}: no interaction data in the planner; not checked")
        return "; ".join(parts)

    @property
    def notable(self) -> bool:
        """Worth telling the user: a brand, a combination, a guess, or a part checked only partly."""
        return self.how in ("fuzzy", "spelling", "shortened", "brand_or_synonym") or bool(self.interaction_only or self.unchecked)


def _planner_id(kb: KnowledgeBase, ingredient: str, named: bool = False) -> str | None:
    """The planner entry for a lexicon ingredient: itself, its only dosed form (the fentanyl patch for
    "fentanyl"), or the interaction-only entry. `named`: the text was a brand or synonym of the ingredient
    itself (Sublimaze, Vancocin CP, "IV vancomycin", Sinequan, Nicorette), which names that product, not the
    planner's one dosed form of it (patch, oral vancomycin, low-dose doxepin, nicotine patch)."""
    if ingredient in kb.drugs:
        return ingredient
    if named:
        return ingredient if ingredient in kb.interaction_only else None
    # a topical form is never the reading of the bare ingredient name: "diclofenac" or "Voltarol" typed in a
    # medicine list is the systemic drug, whose interactions (warfarin, lithium, methotrexate) a gel does not carry
    forms = [f for f in (kb.lexicon.forms.get(ingredient, ()) if kb.lexicon else ())
             if f in kb.drugs and kb.lexicon.ingredients.get(f, {}).get("route") != "topical"]
    # ... and only when the form is in every class of the base: "doxepin" (or "doxepin 75 mg") read as the 3-6 mg
    # hypnotic form lost the antidepressant's QT contraindication with dronedarone (session 15 audit)
    if len(forms) == 1 and kb.lexicon.drug_classes[forms[0]] >= kb.lexicon.drug_classes.get(ingredient, frozenset()):
        return forms[0]
    return ingredient if ingredient in kb.interaction_only else None


def resolve_drug(kb: KnowledgeBase, name: str) -> Resolution:
    r = kdrugs.resolve(name, lex=kb.lexicon)
    if r.how == "ambiguous":  # "MS", "AZT": never read as one of its drugs, never as a class
        return Resolution(str(name), None, "ambiguous", list(r.suggestions))
    if not r.ok:
        return _class_named(kb, name) or Resolution(str(name), None, "unknown", list(r.suggestions))
    route = kroutes.route_in(name, kroutes.load(kroutes.routes_file(kb)), r.ingredients) or ""
    if r.product and r.product in kb.drugs:  # a combination the planner doses as one (Paxlovid, Augmentin)
        ids, unchecked = [r.product], []
    else:
        named = r.how in ("brand", "synonym") and not r.product
        mapped = [(i, _route_form(kb, i, route) or _typed_route_base(kb, i, route, _planner_id(kb, i, named)))
                  for i in r.ingredients]
        ids = list(dict.fromkeys(p for _, p in mapped if p))
        unchecked = [kdrugs.drug_name(i, lex=kb.lexicon) for i, p in mapped if p is None]
    if r.how in ("fuzzy", "spelling", "shortened"):
        how = r.how
    elif r.how == "exact" and len(ids) == 1 and ids[0] in (r.product, r.ingredients[0]):
        how = "exact"
    else:
        how = "brand_or_synonym"
    # the route is kept only for a base ingredient: a form entry (the fentanyl patch) carries its route's classes
    if any(kb.lexicon and kb.lexicon.ingredients.get(i, {}).get("route") for i in ids):
        route = ""
    return Resolution(str(name), ids[0] if ids else None, how if ids else "unknown", [], ids,
                      r.product if r.product not in kb.drugs else None,
                      [i for i in ids if i in kb.interaction_only], unchecked, route)


def _typed_route_base(kb: KnowledgeBase, ingredient: str, route: str, pick: str | None) -> str | None:
    """The base ingredient instead of the planner's one dosed form when the name typed another route that the form
    does not have ("fentanyl lozenge" is not the fentanyl patch; "nicotine lozenge" is not the nicotine patch).
    Oral is left alone: oral forms are told apart by dose, not by the word (oral vancomycin)."""
    if not route or route == "oral" or not pick or pick == ingredient or not kb.lexicon:
        return pick
    form_route = kb.lexicon.ingredients.get(pick, {}).get("route")
    if form_route and form_route != route and ingredient in kb.interaction_only:
        return ingredient
    return pick


def _route_form(kb: KnowledgeBase, ingredient: str, route: str | None) -> str | None:
    """The planner's form entry of the ingredient for the route typed ("diclofenac cream" is the topical form,
    "fluticasone inhaler" the inhaled one), when there is exactly one."""
    if not route or route == "oral" or not kb.lexicon:  # oral forms are told apart by dose, not by the word
        return None
    forms = [f for f in kb.lexicon.forms.get(ingredient, ()) if kb.lexicon.ingredients.get(f, {}).get("route") == route]
    dosed = [f for f in forms if f in kb.drugs]  # the planner's dosed form first ("diclofenac cream": the gel)
    pick = dosed if len(dosed) == 1 else [f for f in forms if f in kb.interaction_only]
    return pick[0] if len(pick) == 1 else None


def _class_named(kb: KnowledgeBase, name: str) -> Resolution | None:
    """A drug class typed as a medicine ("the pill", "penicillin"): checked as its one planner member, or
    refused with the members as suggestions (which one matters for doses and interactions)."""
    klass = kdrugs.resolve_class(name, lex=kb.lexicon)
    if klass is None:
        return None
    members = sorted(i for i in kdrugs.class_members(klass, lex=kb.lexicon) | {
        p for p in kb.drugs if klass in kb.drugs[p]["classes"]} if i in kb.drugs)
    if len(members) == 1:
        return Resolution(str(name), members[0], "brand_or_synonym", [], members)
    return Resolution(str(name), None, "unknown", [kb.drug_name(i) for i in members[:5]])


def _lookup(index: dict[str, str], query: str, display) -> Resolution:
    target, how, _, suggestions = lookup(index, str(query))
    if target is None:
        return Resolution(str(query), None, "unknown", [display(t) for t in suggestions])
    if how == "exact":
        key = normalise(query)
        how = "exact" if key in (normalise(target), normalise(display(target))) else "brand_or_synonym"
    return Resolution(str(query), target, how, [], [target])


# "CKD stage 4", "CKD 3b", "stage 4 CKD", "CKD G4A2", "CKD 5D", "chronic kidney disease stage IV" (normalised text):
# the stage is a KDIGO G category (1-5, 3a/3b), an albuminuria category may follow, "d" or "on dialysis" marks 5D
_KIDNEY = r"(?:ckd|chronic kidney disease|chronic renal (?:disease|failure|insufficiency)|crf)"
_STAGE = r"(?:stage |st |g ?)?(?P<n>[1-5]|iv|v|iii|ii|i)(?P<ab>[ab])?(?: ?a[1-3])?"
_CKD_STAGE = re.compile(rf"^(?:{_KIDNEY} ?{_STAGE}|stage (?P<m>[1-5]|iv|v|iii|ii|i)(?P<ab2>[ab])? {_KIDNEY})"
                        r"(?P<d> ?d| on (?:haemo|hemo|peritoneal )?dialysis)?$")
# kidney failure: the knowledge base's dialysis state (its synonyms include ESRD) and CKD stage 5
# ("ESRD on dialysis", "end stage renal disease on haemodialysis": on dialysis too)
_KIDNEY_FAILURE = re.compile(r"^(?:on )?(?P<d>(?:haemo|hemo|peritoneal )?dialysis)$|^(?:esrd|esrf|end stage (?:renal|kidney) "
                             r"(?:disease|failure))(?P<d2> on (?:haemo|hemo|peritoneal )?dialysis)?$")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
CKD_CONDITION = "ckd_albuminuria"  # the knowledge base's chronic kidney disease entry
DIALYSIS_STATE = "dialysis"


def _ckd_stage(kb: KnowledgeBase, text: str, states: bool) -> Resolution | None:
    """Chronic kidney disease typed with its stage, read as the CKD condition with the stage kept (and, for a
    patient problem, on dialysis too when the stage says 5D). Never left to a spelling guess ("CKD stage 4" was
    offered COPD)."""
    if CKD_CONDITION not in kb.conditions:
        return None
    f = _KIDNEY_FAILURE.match(normalise(text))
    if f and states and DIALYSIS_STATE in kb.states:  # "ESRD", "on dialysis": on dialysis, and CKD stage 5
        return Resolution(str(text), DIALYSIS_STATE, "brand_or_synonym", [], [DIALYSIS_STATE, CKD_CONDITION],
                          stage="G5D" if f.group("d") or f.group("d2") else "G5")
    m = _CKD_STAGE.match(normalise(text))
    if not m:
        return None
    n = _ROMAN.get(m.group("n") or m.group("m"), m.group("n") or m.group("m"))
    sub = (m.group("ab") or m.group("ab2") or "") if n == "3" else ""
    dialysis = bool(m.group("d")) and n == "5"
    ids = [CKD_CONDITION] + ([DIALYSIS_STATE] if dialysis and states and DIALYSIS_STATE in kb.states else [])
    return Resolution(str(text), CKD_CONDITION, "brand_or_synonym", [], ids, stage=f"G{n}{sub}" + ("D" if dialysis else ""))


def _named_in_text(index: dict[str, str], r: Resolution, display, several: bool) -> Resolution:
    """A spelling guess or suggestion never replaces a condition the text names as a whole word or phrase ("stage 4
    CKD with anaemia" names CKD): the named one is read, said as such. Only the longest names count (a name inside
    a longer one is not read apart). Several named: a patient problem (`several`) is read as each of them, the
    condition to treat is asked about."""
    if r.how not in ("fuzzy", "unknown"):
        return r
    words = normalise(r.query).split()
    spans = [(i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1) if " ".join(words[i:j]) in index]
    longest = [(i, j) for i, j in spans if not any(a <= i and j <= b and (a, b) != (i, j) for a, b in spans)]
    named = list(dict.fromkeys(index[" ".join(words[i:j])] for i, j in longest))
    if len(named) == 1 or (named and several):
        return Resolution(r.query, named[0], "named", [], named)
    if named:
        return Resolution(r.query, None, "unknown", sorted(display(t) for t in named))
    return r


def resolve_condition(kb: KnowledgeBase, text: str) -> Resolution:
    def display(i):
        return kb.conditions[i]["name"]
    return _ckd_stage(kb, text, False) or _named_in_text(kb.condition_index, _lookup(kb.condition_index, text, display),
                                                         display, several=False)


def resolve_state(kb: KnowledgeBase, text: str) -> Resolution:
    """A patient problem: a condition id or a state (pregnancy, long QT, ...)."""
    def display(i):
        return (kb.conditions.get(i) or kb.states.get(i) or {"name": i})["name"]
    return _ckd_stage(kb, text, True) or _named_in_text(kb.state_index, _lookup(kb.state_index, text, display), display,
                                                        several=True)


def resolve_allergen(kb: KnowledgeBase, text: str) -> tuple[str | None, str | None, Resolution]:
    """(drug id or None, allergy class id or None, resolution). Class names win over drug names
    ("penicillin" is the class, not penicillin V). A drug or brand goes through the medication field's reading
    (`resolve_drug`: brands, combinations, misspellings); a class named through the drug lexicon ("penicilin")
    is the allergy class all its planner members share; a misspelt class name ("pencillin") is read by the shared
    lookup rule over the allergy class names (how "fuzzy": the plan says how it was read). `text` is the substance
    alone (`allergy_text.split_allergy` takes the reaction off first)."""
    cands = kb.lexicon.rules.candidates(str(text)) if kb.lexicon else [normalise(text)]
    q = cands[0] if cands else ""
    for c in (*cands, q.rstrip("s"), re.sub(r" allergy$", "", q)):
        if c in kb.allergy_index:
            cls = kb.allergy_index[c]
            return None, cls, Resolution(str(text), cls, "exact", [], [cls])
    r = resolve_drug(kb, text)
    if r.ok:
        classes = [kb.drug_info(i).get("allergy_class") for i in r.ids]
        # a drug the planner checks by class only (flucloxacillin) has no allergy class of its own: its lexicon
        # class's, when that class's planner members all share one (penicillin)
        classes += [_lexicon_class_allergy(kb, k, by_id=True) for i in r.ids
                    for k in sorted(kdrugs.classes_of(i, lex=kb.lexicon) if kb.lexicon else ())]
        return r.id, next((c for c in classes if c), None), r
    cls = _lexicon_class_allergy(kb, text)
    if cls:
        return None, cls, Resolution(str(text), cls, "brand_or_synonym", [], [cls])
    target, how, _, _ = lookup(kb.allergy_index, str(text), kb.lexicon.rules if kb.lexicon else PLAIN)
    if target and how == "fuzzy":
        return None, target, Resolution(str(text), target, "fuzzy", [], [target])
    head, dash, _ = str(text).partition("-")  # "amoxicillin-rash": a reaction joined by a bare hyphen
    # ... only when the part before it is read without a spelling guess (three letters: "PCN-hives")
    if dash and len(head.strip()) >= 3:
        d, c, r2 = resolve_allergen(kb, head.strip())
        if (d or c) and r2.how not in ("fuzzy", "spelling", "shortened"):
            return d, c, r2
    return None, None, r


def resolve_non_drug_allergen(kb: KnowledgeBase, text: str) -> str | None:
    """The id of the non-drug allergen (food, venom, equipment, environment: knowledge/non_drug_allergens.yaml) that
    `text` names exactly ("eggs", "latex gloves", "bee stings", "peanut allergy"), or None. Exact names only: a
    spelling guess could turn an unknown drug into a food and hide it from the "not checked" banner."""
    q = normalise(text)
    for c in (q, q[:-1] if q.endswith("s") else q, re.sub(r" allerg(?:y|ies)$", "", q)):
        if c in kb.non_drug_index:
            return kb.non_drug_index[c]
    return None


def _lexicon_class_allergy(kb: KnowledgeBase, text: str, by_id: bool = False) -> str | None:
    """The allergy class shared by every planner drug of the drug-lexicon class `text` names (or, `by_id`, the class
    id `text`), or None."""
    if not kb.lexicon:
        return None
    klass = text if by_id else kdrugs.resolve_class(text, lex=kb.lexicon)
    if klass is None:
        return None
    members = kdrugs.class_members(klass, lex=kb.lexicon) | {p for p in kb.drugs if klass in kb.drugs[p]["classes"]}
    found = {kb.drug_info(i).get("allergy_class") for i in members if i in kb.drugs}
    return found.pop() if len(found) == 1 and None not in found else None
