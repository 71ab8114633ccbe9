"""PharmCAT import: small reports built in code with the field names of PharmCAT's serialised classes (PharmGKB/
PharmCAT, MPL-2.0; checked against its stored source: reporter.ReportContext, phenotype.Phenotyper,
reporter.model.result.GeneReport and Diplotype, haplotype.model.Metadata, and docs/examples/*.json):

- Reporter .report.json: PharmCAT 2 `genes -> CPIC|DPWG -> gene`; PharmCAT 3 `genes -> gene` plus
  `unannotatedGeneCalls`, `matcherMetadata`, `dataVersion`;
- Phenotyper .phenotype.json: `geneReports` in the same two shapes (PharmCAT 3 adds `unannotatedGeneCalls`);
- Named Allele Matcher .match.json: `metadata` (`namedAlleleMatcherVersion`) and `results`, each with `gene`,
  `source` and `diplotypes` [{name, haplotype1, haplotype2, score}].

Only field names and structure are taken; the values are made up here (no PharmCAT data is copied), except the
trimmed real example in tests/therapy/data (its own licence note)."""

import json

import pytest

from medcore.therapy import pgx, pharmcat
from medcore.therapy.pgx import lookup, normalise_phenotype


def allele(gene, name, function="", value="n/a"):
    return {"gene": gene, "name": name, "function": function, "reference": name in ("*1", "Reference"),
            "activityValue": value}


def dip(gene, a1, a2, phenotypes, score=None):
    return {"allele1": allele(gene, a1), "allele2": allele(gene, a2), "gene": gene, "phenotypes": phenotypes,
            "outsidePhenotype": False, "activityScore": score, "outsideActivityScore": False,
            "lookupKey": phenotypes, "label": f"{a1}/{a2}", "inferred": False, "combination": False,
            "phenotypeDataSource": "CPIC"}


def gene_report(gene, dips, source="MATCHER", rec=None):
    return {"geneSymbol": gene, "chr": "chr10", "phased": False, "effectivelyPhased": True, "callSource": source,
            "uncalledHaplotypes": [], "messages": [], "relatedDrugs": [], "sourceDiplotypes": dips,
            "recommendationDiplotypes": dips if rec is None else rec, "variants": [], "variantsOfInterest": []}


NO_CALL = {"label": "Unknown/Unknown", "phenotypes": ["No Result"], "activityScore": None,
           "allele1": None, "allele2": None}


def report_v2(genes, dpwg=None):
    return {"title": "t", "pharmcatVersion": "v2.7.1", "genes": {"CPIC": genes, "DPWG": dpwg or {}}, "drugs": {}}


MATCHER_META = {"namedAlleleMatcherVersion": "3.0.0", "genomeBuild": "GRCh38.p13", "inputFilename": "s.vcf",
                "timestamp": "2025-05-01T10:00:00.000Z", "topCandidatesOnly": False, "findCombinations": False,
                "callCyp2d": False, "sampleId": "S1", "sampleProps": {}}


def report_v3(genes, unannotated=None):
    return {"title": "t", "timestamp": "2025-05-01T10:00:01.000Z", "pharmcatVersion": "3.0.0",
            "dataVersion": "2025-04-30", "genes": genes, "drugs": {"CPIC": {}, "DPWG": {}, "FDA": {}},
            "messages": [], "matcherMetadata": MATCHER_META, "unannotatedGeneCalls": unannotated or []}


def test_v2_report_calls_become_genotypes(kb):
    rep = report_v2({
        "CYP2C19": gene_report("CYP2C19", [dip("CYP2C19", "*2", "*2", ["Poor Metabolizer"])]),
        "CYP2D6": gene_report("CYP2D6", [dip("CYP2D6", "*1", "*41", ["Normal Metabolizer"], "1.5")], "OUTSIDE"),
        "SLCO1B1": gene_report("SLCO1B1", [dip("SLCO1B1", "*1", "*5", ["Decreased Function"])]),
    }, dpwg={"NAT2": gene_report("NAT2", [dip("NAT2", "*4", "*5", ["Intermediate Acetylator"])])})
    imp = pharmcat.parse(kb, rep)
    assert imp.genotypes == {"CYP2C19": "Poor Metabolizer", "CYP2D6": "activity score 1.5",
                             "SLCO1B1": "Decreased Function"}
    assert any("NAT2" in m and "not used" in m for m in imp.messages)
    assert imp.version == "v2.7.1"
    assert lookup(kb, "clopidogrel", "CYP2C19", imp.genotypes["CYP2C19"]).action == "use_alternative"
    assert lookup(kb, "tamoxifen", "CYP2D6", imp.genotypes["CYP2D6"]).phenotype == "Normal Metabolizer"


def test_v3_flat_report_and_phenotyper_output(kb):
    genes = {"TPMT": gene_report("TPMT", [dip("TPMT", "*1", "*3A", ["Intermediate Metabolizer"])])}
    assert pharmcat.parse(kb, report_v3(genes)).genotypes == {"TPMT": "Intermediate Metabolizer"}
    assert pharmcat.parse(kb, {"geneReports": {"CPIC": genes}}).genotypes == {"TPMT": "Intermediate Metabolizer"}


def test_no_call_is_not_read_as_normal(kb):
    imp = pharmcat.parse(kb, report_v3({"CYP2D6": gene_report("CYP2D6", [NO_CALL], "NONE")}))
    assert imp.genotypes == {}
    [m] = imp.messages
    assert m.startswith("CYP2D6: no call") and "not used" in m


def test_unknown_gene_is_named(kb):
    imp = pharmcat.parse(kb, report_v3({"CYP3A4": gene_report("CYP3A4", [dip("CYP3A4", "*1", "*22", ["Decreased Function"])])}))
    assert imp.genotypes == {}
    assert imp.messages == ["CYP3A4 *1/*22 (Decreased Function): the planner has no CPIC table for this gene; not used"]


def test_nat2_call_is_used_since_the_kb_knows_the_gene(kb):
    imp = pharmcat.parse(kb, report_v3({"NAT2": gene_report("NAT2", [dip("NAT2", "*5", "*6", ["Slow Acetylator"])])}))
    assert imp.genotypes == {"NAT2": "Slow Acetylator"}
    assert pgx.normalise_phenotype(kb, "NAT2", imp.genotypes["NAT2"])[0] == "Poor Metabolizer"


def test_several_diplotypes(kb):
    same = [dip("CYP2C19", "*1", "*2", ["Intermediate Metabolizer"]), dip("CYP2C19", "*1", "*3", ["Intermediate Metabolizer"])]
    imp = pharmcat.parse(kb, report_v3({"CYP2C19": gene_report("CYP2C19", same)}))
    assert imp.genotypes == {"CYP2C19": "Intermediate Metabolizer"}
    assert "2 possible diplotypes" in imp.messages[0] and "used" in imp.messages[0]
    differ = [dip("CYP2C19", "*1", "*17", ["Rapid Metabolizer"]), dip("CYP2C19", "*2", "*17", ["Intermediate Metabolizer"])]
    imp = pharmcat.parse(kb, report_v3({"CYP2C19": gene_report("CYP2C19", differ)}))
    assert imp.genotypes == {}
    assert "different phenotypes" in imp.messages[0] and "*1/*17 (Rapid Metabolizer)" in imp.messages[0]


def test_indeterminate_and_likely_phenotypes(kb):
    imp = pharmcat.parse(kb, report_v3({
        "CYP2C19": gene_report("CYP2C19", [dip("CYP2C19", "*2", "*9", ["Likely Poor Metabolizer"])]),
        "CYP2C9": gene_report("CYP2C9", [dip("CYP2C9", "*1", "*99", ["Indeterminate"])]),
    }))
    assert imp.genotypes == {"CYP2C19": "Likely Poor Metabolizer", "CYP2C9": "Indeterminate"}
    assert lookup(kb, "clopidogrel", "CYP2C19", "Likely Poor Metabolizer").phenotype == "Poor Metabolizer"


def test_hla_diplotype_becomes_allele_presence(kb):
    hla = gene_report("HLA-B", [{"label": "*15:02/*57:01", "phenotypes": ["*57:01 positive", "*15:02 positive"],
                                 "activityScore": None}], "OUTSIDE")
    imp = pharmcat.parse(kb, report_v3({"HLA-B": hla}))
    assert imp.genotypes["HLA-B*57:01"] == "positive" and imp.genotypes["HLA-B*15:02"] == "positive"
    assert imp.genotypes["HLA-B*58:01"] == "negative"


def _hap(name):
    return {"name": name, "haplotype": {"name": name, "id": "1", "alleles": ["C"], "cpicAlleles": ["C"],
                                        "populationFrequency": None, "reference": name == "*1",
                                        "numCombinations": 0, "numPartials": 0}, "sequences": ["1:C;"]}


def _result(gene, names, source="CPIC"):
    return {"source": source, "version": "v1.40", "chromosome": "chr1", "gene": gene,
            "diplotypes": [{"name": n, "haplotype1": _hap(n.split("/")[0]), "haplotype2": _hap(n.split("/")[1]),
                            "score": 4} for n in names],
            "haplotypes": [], "haplotypeMatches": [], "phased": False, "variants": [], "variantsOfInterest": [],
            "matchData": {"missingPositions": [], "positionsWithUndocumentedVariations": [],
                          "treatUndocumentedVariationsAsReference": False, "phased": False, "homozygous": False,
                          "effectivelyPhased": False},
            "uncallableHaplotypes": [], "ignoredHaplotypes": [], "warnings": None}


def test_match_json(kb):
    data = {"metadata": MATCHER_META,
            "results": [_result("DPYD", ["c.1236G>A/HapB3"]), _result("NUDT15", []),
                        _result("NAT2", ["*4/*5"])]}
    imp = pharmcat.parse(kb, data)
    assert imp.genotypes == {"DPYD": "c.1236G>A/HapB3", "NAT2": "*4/*5"}
    assert imp.version == "Named Allele Matcher 3.0.0"
    assert lookup(kb, "capecitabine", "DPYD", imp.genotypes["DPYD"]).phenotype == "Intermediate Metabolizer"
    assert pgx.normalise_phenotype(kb, "NAT2", imp.genotypes["NAT2"])[0] == "Intermediate Metabolizer"
    [m] = imp.messages
    assert m.startswith("NUDT15: no call") and "not used" in m


def test_v3_unannotated_gene_calls(kb):
    """PharmCAT 3 lists called genes that no guideline it carries annotates under `unannotatedGeneCalls`: a gene
    the KB knows (NAT2) is used, another is named; a gene in both places is read once, from `genes`."""
    rep = report_v3({"TPMT": gene_report("TPMT", [dip("TPMT", "*1", "*1", ["Normal Metabolizer"])])},
                    [gene_report("NAT2", [dip("NAT2", "*5", "*6", ["Poor Metabolizer"])]),
                     gene_report("CYP3A4", [dip("CYP3A4", "*1", "*22", ["Decreased Function"])]),
                     gene_report("TPMT", [dip("TPMT", "*1", "*3A", ["Intermediate Metabolizer"])])])
    imp = pharmcat.parse(kb, rep)
    assert imp.genotypes == {"TPMT": "Normal Metabolizer", "NAT2": "Poor Metabolizer"}
    assert [c.gene for c in imp.calls] == ["TPMT", "NAT2", "CYP3A4"]
    assert imp.messages == ["CYP3A4 *1/*22 (Decreased Function): the planner has no CPIC table for this gene; not used"]
    assert imp.version == "3.0.0"
    phen = {"matcherMetadata": MATCHER_META, "geneReports": rep["genes"], "unannotatedGeneCalls": rep["unannotatedGeneCalls"]}
    assert pharmcat.parse(kb, phen).genotypes == imp.genotypes
    assert pharmcat.parse(kb, phen).version == "Named Allele Matcher 3.0.0"


@pytest.mark.parametrize("raw,msg", [(b"[]", "not a JSON object"), (b"{", "not valid JSON"),
                                     (b'{"title": "x"}', "not a PharmCAT report")])
def test_refused_with_a_message(kb, raw, msg):
    with pytest.raises(pharmcat.PharmcatError, match=msg):
        pharmcat.read_bytes(kb, raw)


def test_merge_keeps_the_patients_own_genotype(kb):
    imp = pharmcat.PharmcatImport(genotypes={"CYP2C19": "Poor Metabolizer", "TPMT": "Normal Metabolizer"},
                                  messages=["NAT2 ... not used"])
    patient, notes = pharmcat.merge({"age": 50, "genotypes": {"cyp2c19": "*1/*1"}}, imp)
    assert patient["genotypes"] == {"cyp2c19": "*1/*1", "TPMT": "Normal Metabolizer"}
    assert notes[0] == "PharmCAT: NAT2 ... not used" and "'*1/*1' was kept" in notes[1]


def test_cli_plan_with_pharmcat(tmp_path, kb, capsys):
    from medcore.cli import main

    rep = tmp_path / "s.report.json"
    rep.write_text(json.dumps(report_v3({
        "CYP2C19": gene_report("CYP2C19", [dip("CYP2C19", "*2", "*2", ["Poor Metabolizer"])]),
        "CYP2D6": gene_report("CYP2D6", [NO_CALL], "NONE")})))
    patient = tmp_path / "p.json"
    patient.write_text(json.dumps({"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}))
    assert main(["plan", str(patient), "--condition", "acs", "--pharmcat", str(rep), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    texts = [w["text"] for w in plan["warnings"]]
    assert any("CYP2D6: no call" in t for t in texts)
    assert plan["patient"]["genotypes"] == {"CYP2C19": "Poor Metabolizer"}
    assert main(["plan", str(patient), "--condition", "acs", "--pharmcat", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_real_pharmcat_example_phenotyper_output(kb):
    """PharmCAT's own example Phenotyper output (trimmed; tests/therapy/data/PHARMCAT_EXAMPLE_SOURCE.md). Its
    CFTR call, 'ivacaftor non-responsive in CF patients', was not understood before the KB took PharmCAT's wording."""
    from pathlib import Path

    path = Path(__file__).parent / "data" / "pharmcat.example.phenotype.trimmed.json"
    imp = pharmcat.read_file(kb, path)
    assert [c.gene for c in imp.calls] == ["ABCG2", "CACNA1S", "CFTR", "CYP2B6", "CYP2C19"]
    assert [c.diplotypes for c in imp.calls][-1] == ["*38/*38"]
    assert imp.messages == []  # every call understood
    assert lookup(kb, "clopidogrel", "CYP2C19", imp.genotypes["CYP2C19"]).phenotype == "Normal Metabolizer"
    assert lookup(kb, "efavirenz", "CYP2B6", imp.genotypes["CYP2B6"]).phenotype == "Normal Metabolizer"
    assert lookup(kb, "ivacaftor", "CFTR", imp.genotypes["CFTR"]).action == "avoid"
    assert lookup(kb, "rosuvastatin", "ABCG2", imp.genotypes["ABCG2"]).phenotype == "Normal Function"


def test_real_pharmcat_3_report_tsv(kb):
    """A real PharmCAT 3 output file (v3.0.1, the Reporter's .report.tsv; tests/therapy/data/PHARMCAT_EXAMPLE_SOURCE.md):
    every call the KB has a table for is used, the rest are named, and its NAT2 call agrees with CPIC's allele table."""
    from pathlib import Path

    path = Path(__file__).parent / "data" / "pharmcat.example2.report.tsv"
    imp = pharmcat.read_file(kb, path)
    assert imp.version == "PharmCAT v3.0.1-78-gc45aacb3" and len(imp.calls) == 19
    g = imp.genotypes
    assert g["CYP2C19"] == "Poor Metabolizer" and g["CYP2B6"] == "Intermediate Metabolizer" and g["NAT2"] == "Rapid Metabolizer"
    assert g["CYP2C9"] == "activity score 2" and g["DPYD"] == "activity score 2"
    assert lookup(kb, "clopidogrel", "CYP2C19", g["CYP2C19"]).action == "use_alternative"
    assert lookup(kb, "efavirenz", "CYP2B6", g["CYP2B6"]).phenotype == "Intermediate Metabolizer"
    # the call is *1/*1, two increased-function alleles in CPIC's table: the diplotype alone reads the same
    assert normalise_phenotype(kb, "NAT2", "*1/*1")[0] == "Rapid Metabolizer"
    assert any(m.startswith("CYP3A4 ") and "not used" in m for m in imp.messages)  # no CPIC table in the KB: named
    assert any(m.startswith("IFNL3") and "not used" in m for m in imp.messages)  # a blank phenotype: named, not used


def test_report_tsv_bytes_and_a_two_row_gene(kb):
    head = "PharmCAT 3.1.0\nGene\tSource Diplotype\tPhenotype\tActivity Score\n"
    imp = pharmcat.read_bytes(kb, (head + "CYP2C19\t*1/*2\tIntermediate Metabolizer\t\n"
                                   "CYP2C19\t*2/*17\tIntermediate Metabolizer\t\n").encode())
    assert imp.genotypes == {"CYP2C19": "Intermediate Metabolizer"} and "2 possible diplotypes" in imp.messages[0]
