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
from medcore.knowledge.names import lookup, normalise
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


def resolve_condition(kb: KnowledgeBase, text: str) -> Resolution:
    return _lookup(kb.condition_index, text, lambda i: kb.conditions[i]["name"])


def resolve_state(kb: KnowledgeBase, text: str) -> Resolution:
    """A patient problem: a condition id or a state (pregnancy, long QT, ...)."""
    def display(i):
        return (kb.conditions.get(i) or kb.states.get(i) or {"name": i})["name"]
    return _lookup(kb.state_index, text, display)


def resolve_allergen(kb: KnowledgeBase, text: str) -> tuple[str | None, str | None, Resolution]:
    """(drug id or None, allergy class id or None, resolution). Class names win over drug names
    ("penicillin" is the class, not penicillin V)."""
    cands = kb.lexicon.rules.candidates(str(text)) if kb.lexicon else [normalise(text)]
    q = cands[0]
    for c in (*cands, q.rstrip("s"), re.sub(r" allergy$", "", q)):
        if c in kb.allergy_index:
            cls = kb.allergy_index[c]
            return None, cls, Resolution(str(text), cls, "exact", [], [cls])
    r = resolve_drug(kb, text)
    if r.ok:
        classes = [kb.drug_info(i).get("allergy_class") for i in r.ids]
        return r.id, next((c for c in classes if c), None), r
    return None, None, r
