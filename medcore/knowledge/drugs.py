"""The drug terminology of the knowledge layer: ingredients, combination products, classes.

    resolve("Percocet 5/325")  -> ingredients ("oxycodone", "acetaminophen"), product "oxycodone-acetaminophen"
    resolve("ritonavir")       -> ingredients ("ritonavir",), product None (never Paxlovid)
    class_members("ssri")      -> every SSRI, through sub-classes
    classes_of("sertraline")   -> its classes and all their ancestors

Ids are bare keys (the therapy KB drug id where one exists); concepts carry them as `drug:<id>`,
`product:<id>` and `class:<id>`. Data: `assets/kb/knowledge/drugs/` (see drug_lexicon)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

from medcore.knowledge.concepts import Concept
from medcore.knowledge.drug_lexicon import DrugKBError, DrugLexicon, load
from medcore.knowledge import short_names
from medcore.knowledge.english_words import is_english_word
from medcore.knowledge.inn_spelling import cation_salt_cut, other_language
from medcore.knowledge.combo_suffix import diuretic_combination, hyphen_combination
from medcore.knowledge.names import ONE_EDIT_MARGIN, closest, edit_distance, normalise, one_edit, sound_fold

__all__ = ["DrugResolution", "DrugKBError", "resolve", "resolve_class", "drug_concepts", "class_members",
           "classes_of", "ingredients_of", "drug_name", "text_forms", "load"]


@dataclass(frozen=True)
class DrugResolution:
    query: str
    ingredients: tuple[str, ...]  # ingredient ids; all of a combination product's
    product: str | None  # the combination product when one was named
    how: str  # exact | inn | salt | brand | synonym | combination | spelling | fuzzy | ambiguous | unknown
    suggestions: tuple[str, ...] = ()  # display names, when nothing was resolved (the readings, when ambiguous)
    matched: str = ""  # the lexicon key that matched

    @property
    def ok(self) -> bool:
        return bool(self.ingredients)

    def to_dict(self) -> dict:
        return {"query": self.query, "ingredients": list(self.ingredients), "product": self.product,
                "how": self.how, "suggestions": list(self.suggestions), "matched": self.matched}


def _bare(drug_id: str) -> str:
    return drug_id.split(":", 1)[1] if ":" in drug_id else drug_id


def resolve(text: str, kb_dir: Path | str | None = None, lex: DrugLexicon | None = None) -> DrugResolution:
    """A typed drug name to its ingredients: exact id/name/INN/salt/brand/synonym (after a dose tail, form and
    salt words are cut), then a close misspelling only when one drug is clearly nearest. An abbreviation with
    more than one reading ("MS": morphine or magnesium sulfate) resolves to nothing, `how` "ambiguous" and its
    readings as suggestions, and is never guessed at by spelling. `lex`: an already loaded lexicon (a caller
    resolving many names skips the file check of `load`)."""
    lex = lex or load(kb_dir)
    query = str(text) if text is not None else ""
    if not query.strip():
        return DrugResolution(query, (), None, "unknown")
    cands = lex.rules.candidates(query)
    # 'Li carbonate', 'Fe gluconate': tried first, as 'Fe' alone is ferrous sulfate and the salt word would be cut
    element = short_names.element_named(lex, normalise(lex.rules.dose_tail.sub("", query.strip())))
    if element:
        return _resolution(lex, query, lex.index[element], element)
    for cand in cands:
        hit = lex.index.get(cand)
        if hit:
            if cation_salt_cut(lex, query, cand):  # 'lithium iodide' is not lithium carbonate: offered, not read
                return DrugResolution(query, (), None, "unknown", (lex.name(hit[1]),), cand)
            return _resolution(lex, query, hit, cand)
        if cand in lex.refused:
            return DrugResolution(query, (), None, "ambiguous", lex.refused[cand], cand)
        if cand in lex.non_drug:  # 'lanolin', 'calcium stearate': no medicine; never a spelling or salt guess
            return DrugResolution(query, (), None, "unknown", (), cand)
    if not cands:  # nothing left once control characters and punctuation are cut ('\x08')
        return DrugResolution(query, (), None, "unknown")
    combo, suffixed = diuretic_combination(lex, cands[-1])  # 'Delix plus', 'Olpress Plus': ACE/ARB/BB + diuretic
    if suffixed:  # the product, or asked with the mono drug offered: never the mono drug alone, never a guess
        bare = (lex.name(lex.index[cands[-1].rsplit(" ", 1)[0]][1]),)
        return DrugResolution(query, tuple(lex.products[combo]["ingredients"]) if combo else (), combo,
                              "combination" if combo else "unknown", () if combo else bare, cands[-1])
    core = lex.rules.biologic_core(query)  # 'tocilizumab-bavi': the FDA four-letter suffix of a biological product
    if core and core in lex.index:
        return _resolution(lex, query, lex.index[core], core)
    lead = lex.rules.leading_name(cands[-1], lex.index, cands[0])  # 'acetaminophen single dose'
    if lead:
        return _resolution(lex, query, lex.index[lead], lead)
    family = _family(lex, cands[-1], read_alone=False)  # 'Lemsip Max Flu': which Lemsip Max? ask, never a spelling guess
    if family:
        return DrugResolution(query, (), None, "ambiguous", lex.families[family][0], family)
    combo = _combination_typed(lex, query) or hyphen_combination(lex, query)  # 'amp/sulbactam', 'pip/tazo', 'docusate-senna'
    if combo:
        return DrugResolution(query, tuple(lex.products[combo]["ingredients"]), combo, "combination", (), cands[-1])
    boosted = _boosted_typed(lex, query)  # 'DRV/r': darunavir given with ritonavir, two medicines, no product
    if boosted:
        return DrugResolution(query, boosted, None, "combination", (), cands[-1])
    short = short_names.shortened(lex, query, cands[-1])  # 'furo 40', 'lanso 30 od'
    if short:
        return DrugResolution(query, (short,), None, "shortened", (), cands[-1])
    readings = short_names.shortened_readings(lex, query, cands[-1])  # 'clopi 75': clopidogrel or zuclopenthixol? ask
    if readings:
        return DrugResolution(query, (), None, "ambiguous", readings, cands[-1])
    if resolve_class(query, lex=lex):  # 'NSAID', 'ACE inhibitor': a class is never guessed as one drug by spelling
        return DrugResolution(query, (), None, "unknown", (), cands[-1])
    # 'enalaprilo', 'Amlodipin', 'idrocortisone', 'acido folico', 'Metoprololsuccinat', 'sulfate de magnesium'
    inn = other_language(lex, cands[-1], normalise(lex.rules.dose_tail.sub("", query.strip())))
    if inn:
        return _resolution(lex, query, (*inn.split(":", 1), "spelling"), cands[-1])
    slip = _one_slip(lex, cands[-1]) or _sounds_like(lex, cands[-1])  # 'lisnopril'; 'Flomacks'
    # two slips ('metphormine'): a closest-spelling reading ("fuzzy", to check), as session 14 holds for two slips
    near = None if slip else _sounds_near(lex, cands[-1])
    short = short_names.cut_short(lex, cands[-1])  # 'tobra', 'ceftriax': no strength typed, offered only
    guess = slip or near
    if guess and short and guess.split(":", 1)[1] != short:  # 'levetir': levetiracetam cut short, or a slip of
        return DrugResolution(query, (), None, "ambiguous", (lex.name(short), lex.name(guess.split(":", 1)[1])),
                              cands[-1])  # Levemir? ask, never read
    if short and not guess:  # "did you mean tobramycin?": offered, not read (ISMP: truncations are error-prone)
        return DrugResolution(query, (), None, "unknown", (lex.name(short),), cands[-1])
    best, ranked = (guess, []) if guess else closest(cands[-1], lex.fuzzy.keys, lex.fuzzy)
    if best is not None:
        kind, i = best.split(":", 1)
        alike = _look_alike(lex, cands[-1], best)
        if alike:  # 'Celebrx': Celebrex, or its ISMP look-alike Cerebyx? ask, check neither
            return DrugResolution(query, (), None, "ambiguous", (lex.name(i), *alike), cands[-1])
        named = _named_inside(lex, cands[-1])
        held = set(lex.products[i]["ingredients"]) if kind == "product" else {i}
        if named and not named & held:  # 'Isopto Homatropine' was guessed as atropine: the typed word names another
            return DrugResolution(query, (), None, "ambiguous",  # drug exactly; a guess never overrules it: ask
                                  (*sorted(lex.name(n) for n in named), lex.name(i)), cands[-1])
        if " " not in cands[-1] and is_english_word(cands[-1]):  # 'stone', 'forum', 'northern': a dictionary word
            return DrugResolution(query, (), None, "unknown", (lex.name(i),), cands[-1])  # offered, never read
        return _resolution(lex, query, (kind, i, "spelling" if slip else "fuzzy"), cands[-1])
    family = _family(lex, cands[-1], read_alone=True)  # 'Sudafed Sinus Headache': not plain Sudafed; which product?
    if family:
        return DrugResolution(query, (), None, "ambiguous", lex.families[family][0], family)
    alike = _look_alike(lex, cands[-1], ranked[0][0]) if ranked else ()  # its ISMP partner too ('clonipine': clozapine)
    return DrugResolution(query, (), None, "unknown", tuple(dict.fromkeys((*(lex.name(t.split(":", 1)[1]) for t, _ in ranked[:3]), *alike))))


def _family(lex: DrugLexicon, key: str, read_alone: bool) -> str | None:
    """The longest brand family name (name_rules.yaml) that `key` starts with as whole words, of the kind asked for.
    A family asked about alone is tried before any spelling guess (one word apart are different medicines:
    Benylin Chesty Coughs Original or Non-Drowsy); a family whose bare name is read only once nothing else matched."""
    hits = [f for f, (_, alone) in lex.families.items() if alone == read_alone and key.startswith(f + " ")]
    return max(hits, key=len, default=None)


def _one_slip(lex: DrugLexicon, key: str) -> str | None:
    """`kind:id` of the one entry whose name `key` is a single typing slip from (names.one_edit), compared with
    every name the lexicon reads, the generated table's too, so a slip is never read as a hand entry when a listed
    brand is just as close."""
    pool = lex.every_key.near(key, ONE_EDIT_MARGIN)
    return one_edit(key, lex.every_key.keys, pool, lex.external, lex.top_market)


def _sounds_like(lex: DrugLexicon, key: str) -> str | None:
    """`kind:id` of the one entry with a name spelled the same way as `key` sounds (names.sound_fold), when no
    other entry shares that fold; names of under five letters are never read this way."""
    if len(key) < 5 or any(ch.isdigit() for ch in key):
        return None
    hits = lex.folds.get(sound_fold(key), frozenset())
    return next(iter(hits)) if len(hits) == 1 else None


MIN_SOUNDS_NEAR = 6


def _sounds_near(lex: DrugLexicon, key: str) -> str | None:
    """`kind:id` of the one entry whose sound-alike fold is a single slip from the fold of `key`, when no other
    entry's fold is within two slips and the first letter of the fold is kept: a sound-alike spelling with one
    more slip ('metphormine', 'amoxycilline', 'flouxetine'). Names under MIN_SOUNDS_NEAR letters are never read
    this way; the ISMP look-alike check (`_look_alike`) still asks when a partner is nearly as close."""
    if len(key) < MIN_SOUNDS_NEAR or not key.replace(" ", "").isalpha() or lex.fold_keys is None:
        return None
    fold = sound_fold(key)
    near: dict[str, int] = {}
    for k in lex.fold_keys.near(fold, 2):
        d = edit_distance(fold, k, 3)
        if d <= 2:
            for t in lex.folds[k]:
                near[t] = min(near.get(t, d), d)
                if d <= 1 and k[:1] != fold[:1]:
                    return None
    ones = [t for t, d in near.items() if d <= 1]
    return ones[0] if len(ones) == 1 and len(near) == 1 else None


def _look_alike(lex: DrugLexicon, key: str, target: str) -> tuple[str, ...]:
    """Display names of the ISMP look-alike partners of a guessed reading `target` ("kind:id") that the typed `key`
    is nearly as close to: within one edit more than its nearest name of the target. Empty when none is."""
    partners = lex.confused.get(target, ())
    if not partners:
        return ()
    own = [k for k in lex.fuzzy.pool(key) | lex.every_key.near(key, ONE_EDIT_MARGIN) if lex.every_key.keys.get(k) == target]
    d_own = min((edit_distance(key, k, 9) for k in own), default=9)
    return tuple(dict.fromkeys(lex.name(p.split(":", 1)[1]) for p, name in partners
                               if edit_distance(key, name, d_own + 2) <= d_own + 1))


# "(?<!\s)": blanks are tried only from the start of their run (else split rescans a long run from each space)
_COMBO_SPLIT = re.compile(r"(?:(?<!\s)\s*)?[/+]\s*")
_BOOSTER_LETTER = {"c": "cobicistat", "r": "ritonavir"}  # DHHS antiretroviral guidelines: '/c' and '/r' boosting
MIN_PREFIX = 3


def _combination_typed(lex: DrugLexicon, query: str) -> str | None:
    """A combination typed as its parts joined by '/' or '+' ('amp/sulbactam', 'pip/tazo', 'bup + nal'): the one
    combination product with exactly as many ingredients, each named by one part, where a part names an ingredient
    when it resolves to it exactly or is the start (3 letters or more) of one of its names. Only a whole product
    is read, and only when no other product fits: the partner is what makes 'amp' mean ampicillin here (alone it
    is not read at all)."""
    text = lex.rules.dose_tail.sub("", query.strip())
    parts = [lex.rules.candidates(p)[-1] if normalise(p) else "" for p in _COMBO_SPLIT.split(text)]  # 'RPV LA'
    # DHHS writes a boosted drug as 'DRV/c' or 'LPV/r': after the first part, a lone c is cobicistat and r ritonavir
    parts = [parts[0], *(_BOOSTER_LETTER.get(p, p) for p in parts[1:])] if parts else parts
    if len(parts) < 2 or any((len(p) < MIN_PREFIX and p not in lex.combo_parts) or p in lex.refused for p in parts):
        return None
    exact = [lex.index.get(p) for p in parts]
    fits = []
    for pid, e in lex.products.items():
        ingr = e["ingredients"]
        if len(ingr) == len(parts) and _matches(lex, parts, exact, ingr):
            fits.append(pid)
    return fits[0] if len(fits) == 1 else None


def _boosted_typed(lex: DrugLexicon, query: str) -> tuple[str, str] | None:
    """A protease inhibitor typed with its booster ('DRV/r', 'ATV/c', 'darunavir/RTV') where no co-formulated
    product fits: the two medicines taken together (DHHS adult guidelines write boosted PIs as 'PI/r' and 'PI/c').
    Only an exact name of a protease inhibitor and a lone booster letter or the booster's own name are read."""
    text = lex.rules.dose_tail.sub("", query.strip())
    parts = [lex.rules.candidates(p)[-1] if normalise(p) else "" for p in _COMBO_SPLIT.split(text)]
    if len(parts) != 2:
        return None
    first, booster = lex.index.get(parts[0]), lex.index.get(_BOOSTER_LETTER.get(parts[1], parts[1]))
    if not first or not booster or first[0] != "drug" or booster[0] != "drug":
        return None
    if booster[1] not in _BOOSTER_LETTER.values() or "hiv_protease_inhibitor" not in lex.drug_classes.get(first[1], ()):
        return None
    return (first[1], booster[1]) if first[1] != booster[1] else None


def _matches(lex: DrugLexicon, parts: list[str], exact: list, ingredients: list[str]) -> bool:
    """Each part names a different ingredient of the list (tried in every order; lists are 2-4 long)."""
    for order in permutations(ingredients):
        if all(_names_ingredient(lex, p, hit, i) for p, hit, i in zip(parts, exact, order)):
            return True
    return False


def _names_ingredient(lex: DrugLexicon, part: str, hit, ingredient: str) -> bool:
    if ingredient in lex.combo_parts.get(part, ()):  # 'FF' in 'FF/UMEC/VI' (GOLD/GINA inhaler short forms)
        return True
    if hit is not None:
        return hit[0] == "drug" and hit[1] == ingredient
    e = lex.ingredients[ingredient]
    names = (e["id"], e["name"], *e.get("inn", []))
    return any(normalise(n).startswith(part) for n in names)


def _named_inside(lex: DrugLexicon, key: str) -> set[str]:
    """Ingredient ids that a run of whole words of a several-word `key` names exactly (an ingredient's own name or
    INN, not a brand: 'isopto homatropine' holds homatropine). Empty for one word."""
    words = key.split()
    out: set[str] = set()
    for n in range(1, min(3, len(words) - 1) + 1):
        for k in range(len(words) - n + 1):
            hit = lex.index.get(" ".join(words[k:k + n]))
            if hit and hit[0] != "product" and hit[2] in ("exact", "inn"):
                out.add(hit[1])
    return out


def _resolution(lex: DrugLexicon, query: str, hit: tuple[str, str, str], key: str) -> DrugResolution:
    kind, i, how = hit
    if kind == "product":
        return DrugResolution(query, tuple(lex.products[i]["ingredients"]), i, how, (), key)
    return DrugResolution(query, (i,), None, how, (), key)


def resolve_class(text: str, kb_dir: Path | str | None = None, lex: DrugLexicon | None = None) -> str | None:
    """A class named in text ("SSRIs", "MAO inhibitors", "NSAID") to its class id, or None."""
    lex = lex or load(kb_dir)
    for q in lex.rules.candidates(str(text)):
        for c in (q, q[:-1] if q.endswith("s") else q, q[:-2] if q.endswith("es") else q):
            if c in lex.class_index:
                return lex.class_index[c]
    return None


def classes_of(drug_id: str, kb_dir: Path | str | None = None, lex: DrugLexicon | None = None) -> frozenset[str]:
    """All classes of an ingredient or product, with every ancestor class. Unknown id: empty."""
    return (lex or load(kb_dir)).drug_classes.get(_bare(drug_id), frozenset())


def class_members(class_id: str, kb_dir: Path | str | None = None, lex: DrugLexicon | None = None) -> frozenset[str]:
    """Ingredient ids in a class or any of its sub-classes. Unknown class: KeyError."""
    return (lex or load(kb_dir)).members[_bare(class_id)]


def ingredients_of(drug_id: str, kb_dir: Path | str | None = None, lex: DrugLexicon | None = None) -> tuple[str, ...]:
    lex = lex or load(kb_dir)
    i = _bare(drug_id)
    if i in lex.products:
        return tuple(lex.products[i]["ingredients"])
    return (i,) if i in lex.ingredients else ()


def drug_name(drug_id: str, kb_dir: Path | str | None = None, lex: DrugLexicon | None = None) -> str:
    return (lex or load(kb_dir)).name(_bare(drug_id))


def drug_concepts(kb_dir: Path | str | None = None) -> list[Concept]:
    """Every ingredient (`drug:`), combination product (`product:`) and class (`class:`) as a Concept."""
    lex = load(kb_dir)
    out: list[Concept] = []
    for e in lex.ingredients.values():
        syn = _synonyms(e)
        attrs = {"brands": list(e.get("brands", [])), "classes": list(e.get("classes", [])),
                 "all_classes": sorted(lex.drug_classes[e["id"]])}
        for k in ("routes", "form_of", "route", "inn"):
            if e.get(k):
                attrs[k] = e[k]
        if lex.forms.get(e["id"]):
            attrs["forms"] = list(lex.forms[e["id"]])
        codes = {"atc": tuple(e["atc"])} if e.get("atc") else {}
        _mark_ambiguous(lex, (e["name"], *syn), attrs)
        out.append(Concept(f"drug:{e['id']}", "drug", e["name"], codes, syn, (e["source"],), attrs))
    for e in lex.products.values():
        attrs = {"ingredients": list(e["ingredients"]), "brands": list(e.get("brands", [])),
                 "all_classes": sorted(lex.drug_classes[e["id"]])}
        _mark_ambiguous(lex, (e["name"], *_synonyms(e)), attrs)
        out.append(Concept(f"product:{e['id']}", "product", e["name"], {}, _synonyms(e), (e["source"],), attrs))
    for c in lex.classes.values():
        attrs = {"parents": list(c.get("parents", [])), "kind": c.get("kind", "pharmacological"),
                 "members": sorted(lex.members[c["id"]])}
        codes = {"atc": (c["atc"],)} if c.get("atc") else {}
        _mark_ambiguous(lex, (c["name"], *c.get("synonyms", [])), attrs)
        out.append(Concept(f"class:{c['id']}", "class", c["name"], codes, tuple(c.get("synonyms", [])),
                           (c["source"],), attrs))
    return out


def text_forms(kb_dir: Path | str | None = None, classes=True, ambiguous: bool = False) -> dict[str, tuple[str, str]]:
    """Surface forms for a free-text matcher: {form as written (lower case): (kind, id)}, kind drug | product |
    class. Leaves out names that are also everyday words, lab analytes or other abbreviations (name_rules.yaml
    `ambiguous_in_text`) and forms shorter than 3 characters. `classes`: True for the synonyms of every
    pharmacological class, False for none, or the class ids whose words count. `ambiguous`: only the forms left
    out as ambiguous that a medication list may still use alone (name_rules.yaml `listed_in_text`: "potassium",
    "iron", "Soma"), for a matcher that takes them where the context says a medicine is meant."""
    lex = load(kb_dir)
    out: dict[str, tuple[str, str]] = {}

    def add(form: str, kind: str, i: str) -> None:
        key = normalise(form)
        if len(key) < 3 or (key in lex.ambiguous) != ambiguous or (ambiguous and key not in lex.listed):
            return
        if kind != "class" and lex.index.get(key, (kind, i))[:2] != (kind, i):
            return  # the name belongs to another entry (the lexicon's ranking decides)
        out.setdefault(form.lower(), (kind, i))
        if "/" in form:  # "amoxicillin/clavulanate" is also written "amoxicillin-clavulanate"
            out.setdefault(form.lower().replace("/", "-"), (kind, i))

    for kind, table in (("drug", lex.ingredients), ("product", lex.products)):
        for e in table.values():
            for n in (e["name"], *_synonyms(e)):
                add(n, kind, e["id"])
            if "-" in e["id"] and kind == "product":
                add(e["id"], kind, e["id"])
    if classes:  # class words used as if they were drugs ("avoid NSAIDs", "on a beta blocker")
        wanted = None if classes is True else set(classes)
        for c in lex.classes.values():
            if (c["id"] in wanted) if wanted is not None else c.get("kind", "pharmacological") == "pharmacological":
                for n in c.get("synonyms", []):
                    add(n, "class", c["id"])
                    if n.endswith("s") and not n.endswith("ss"):
                        add(n[:-1], "class", c["id"])
    return out


def _mark_ambiguous(lex: DrugLexicon, names, attrs: dict) -> None:
    """Names a free-text matcher must not take alone ("potassium", "iron"): listed in attrs["ambiguous"]."""
    amb = [n for n in names if normalise(n) in lex.ambiguous]
    if amb:
        attrs["ambiguous"] = amb


def _synonyms(e: dict) -> tuple[str, ...]:
    names = [*e.get("inn", []), *(f"{e['name']} {s}" for s in e.get("salts", [])), *e.get("brands", []),
             *e.get("synonyms", [])]
    seen = {e["name"].lower()}
    out = []
    for n in names:
        if n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return tuple(out)
