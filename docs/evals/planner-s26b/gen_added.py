"""Write added_names.tsv (for docs/evals/_tools/planner_add_names.py) from REGION below: each name of the session-26b
breadth list that the lexicon left unread although its active ingredients have an entry, with the label it was taken
from. The entry is found by resolving the list's gold ingredients (one ingredient: its entry; several: the product
holding exactly them). Run from the repo root: python docs/evals/planner-s26b/gen_added.py"""
import sys
from pathlib import Path

from medcore.knowledge import drugs as kdrugs

HERE = Path(__file__).parent
SRC = {
    "US": "FDA label, DailyMed ({n}: {i})",
    "EU": "EMA EPAR ({n}: {i})",
    "UK": "UK SmPC (EMC) / BNF ({n}: {i})",
    "AU": "Australian TGA product information / PBS ({n}: {i})",
    "CA": "Health Canada Drug Product Database ({n}: {i})",
    "FR": "French RCP, ANSM base de donnees publique des medicaments ({n}: {i})",
    "DE": "German Fachinformation ({n}: {i})",
    "ES": "Spanish ficha tecnica, AEMPS CIMA ({n}: {i})",
    "IT": "Italian RCP, AIFA ({n}: {i})",
    "INN": "WHO INN, Spanish/Italian/Portuguese spelling ({n}: {i})",
}
REGION = {
    "US": "Merilog|Zembrace SymTouch|Imitrex STATdose|Zomig-ZMT|Zonisade|Relexxii|Onyda XR|Pivya|Osenvelt|Stoboclo|"
          "Reltone|Ezallor Sprinkle|Atorvaliq|Flolipid|Phyrago|Danziten|Imkeldi|Qmiiz ODT|Vivlodex|Lofena|Rextovee|"
          "Zurnai|Iheezo|Hemangeol|Tylenol with Codeine No. 3",
    "EU": "Edistride|Eladynos|Minirin",
    "UK": "Aerivio Spiromax|Atozet|Livazo|Xromi|Benadryl Allergy One a Day",
    "AU": "Panadeine|Panadeine Forte|Panamax|Dymadon|Nurofen Zavance|Panafen|Somac|Acimax|Karvea|Karvezide|Noten|"
          "Lipex|Avanza|Mirtazon|Serepax|Lithicarb|Endone|Norspan|Ordine|Kapanol|Jurnista|Biodone|Gastrostop|Coloxyl|"
          "Coloxyl with Senna|Osmolax|Ibilex|Resprim|Alprim|Triprim|Asmol|Claratyne|Avil|Drixine|Advantan|"
          "Celestone Chronodose|Sigmacort|Cardiprin|Astrix|Solprin|Renitec|Spiractin|Dapa-Tabs|Minax|Bicor|Anginine|"
          "Diabex|Diaformin|Oroxine|Eutroxsig|Ostelin|Span-K|Chlorvescent|Ferro-Gradumet|Megafol|Colgout|"
          "Panafcortelone|Solone|Predmix|Redipred|Dexmethsone|Hysone|Methoblastin",
    "CA": "Tylenol No. 3|Tecta|Statex|M-Eslon|Hydromorph Contin|Supeudol|Diclectin|Biphentin|Foquest",
    "FR": "Levothyrox|Inipomp|Mopral|Doliprane|Dafalgan|Efferalgan|Bi-Profenid|Seresta|Seroplex|Lasilix|Kardegic|"
          "Aspegic|Clamoxyl|Orelox|Ciflox|Oflocet|Forlax|Tahor|Kenzen|Amlor|Detensiel|Stagid|Solupred|Loxapac|"
          "Teralithe|Donormyl|Skenan|Actiskenan|Topalgic|Ixprim|Codoliprane|Dafalgan Codeine",
    "DE": "Pantozol|Ben-u-ron|Ibuflam|Dolormin|Diclac|Tavor|Delix|Beloc-Zok|Fortecortin|Sortis",
    "ES": "Gelocatil|Enantyum|Orfidal|Seguril|Adiro|Zaldiar|Spidifen",
    "IT": "Tachipirina|Cardioaspirin|Contramal",
    "INN": "levotiroxina",
}


def gold() -> dict[str, list[str]]:
    out = {}
    for line in (HERE / "names.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            n, i = (p.strip() for p in line.split("|"))
            out[n] = [x.strip() for x in i.split(";")]
    return out


def main() -> None:
    lex = kdrugs.load()
    g = gold()
    rows, bad = ["# name\tentry id\tbrand|synonym\tsource (session 26b, plan26b)"], []
    for region, names in REGION.items():
        for n in names.split("|"):
            ids = set()
            for ing in g[n]:
                r = kdrugs.resolve(ing, lex=lex)
                ids |= {lex.ingredients.get(i, {}).get("form_of") or i for i in r.ingredients} if r.ok else {"?" + ing}
            if len(ids) == 1:
                target = next(iter(ids))
            else:
                hits = [pid for pid, p in lex.products.items() if set(p["ingredients"]) == ids]
                target = hits[0] if len(hits) == 1 else None
            if not target or target.startswith("?"):
                bad.append((n, sorted(ids)))
                continue
            kind = "synonym" if region == "INN" else "brand"
            rows.append("\t".join([n, target, kind, SRC[region].format(n=n, i=", ".join(g[n]))]))
    (HERE / "added_names.tsv").write_text("\n".join(rows) + "\n")
    print(f"{len(rows) - 1} rows; no single target: {bad}")


if __name__ == "__main__":
    main()
    sys.exit(0)
