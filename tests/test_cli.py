"""The command line: each command end to end against a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from api.cli import main

ID = "https://w3id.org/china-designations/id/"
PROGRAMS = "SELECT ?p WHERE { ?p a cnd:Program } ORDER BY ?p"
PROGRAM_IRIS = [
    ID + "program/" + slug
    for slug in (
        "advanced-manufacturing-clusters",
        "border-economic-cooperation-zones",
        "cross-border-economic-cooperation-zones",
        "customs-special-supervision-areas",
        "independent-innovation-demonstration-zones",
        "inland-open-economy-pilot-zones",
        "key-development-opening-pilot-zones",
        "manufacturing-innovation-centers",
        "manufacturing-pilot-platforms",
        "national-etdz",
        "national-high-tech-zones",
        "national-key-rd-program",
        "national-new-areas",
        "new-industrialization-demonstration-bases",
        "nkrdp-industrialization-pilot",
        "other-national-development-zones",
        "other-provincial-development-zones",
        "pilot-free-trade-zones",
        "provincial-economic-development-zones",
        "provincial-high-tech-parks",
        "rare-earth-access-list",
        "rare-earth-transformation-pilot",
        "strategic-emerging-industry-clusters",
        "supply-chain-ecosystem-pilot",
        "sustainable-development-agenda-zones",
        "torch-industrialization-bases",
        "torch-program",
    )
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_query_table(built_dir: Path) -> None:
    code, out, _ = run("query", "--store", str(built_dir), PROGRAMS)
    assert code == 0
    assert out.splitlines() == [
        "p",
        "-" * len(ID + "program/independent-innovation-demonstration-zones"),
        *PROGRAM_IRIS,
        "(27 rows)",
    ]


def test_query_from_file_as_csv(built_dir: Path, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text(PROGRAMS, "utf-8")
    code, out, _ = run("query", "--store", str(built_dir), "-f", str(query), "--format", "csv")
    assert (code, out.splitlines()) == (
        0,
        ["p", *PROGRAM_IRIS],
    )


def test_construct_as_nquads(built_dir: Path) -> None:
    sparql = "CONSTRUCT { ?p a cnd:Program } WHERE { ?p a cnd:Program }"
    code, out, _ = run("query", "--store", str(built_dir), "--format", "nquads", sparql)
    kind = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    program = "<https://w3id.org/china-designations/def#Program>"
    assert (code, sorted(out.splitlines())) == (
        0,
        [f"<{iri}> {kind} {program} ." for iri in PROGRAM_IRIS],
    )


def test_syntax_error_is_one_line_and_non_zero(built_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "api", "query", "--store", str(built_dir), "SELEC ?x WHERE {}"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: SPARQL syntax error:")


def test_stats_json(built_dir: Path) -> None:
    code, out, _ = run("stats", "--store", str(built_dir), "--json")
    counts = json.loads(out)
    assert code == 0
    assert counts == {
        "quads": counts["quads"],
        "named_graphs": 42,
        "provinces": 34,
        "prefectures": 340,
        "counties": 3038,
        "past_divisions": 4251,
        "organisations": 85,
        "programs": 27,
        "batches": 24,
        "zones": 2620,
        "clusters": 19,
        "designations": 2660,
        "claims": 2738,
        "only_in_region_findings": counts["only_in_region_findings"],
        "first_in_region_findings": counts["first_in_region_findings"],
        "reported_only_in_region": 2,
        "reported_first_in_region": 1,
        "documents": 39,
        "zones_designated_national_or_provincial": 2620,
        "programs_with_complete_lists": 15,
    }
    assert counts["zones_designated_national_or_provincial"] >= 2000  # the floor
    assert counts["programs_with_complete_lists"] >= 8


def test_validate_conforming_store(built_dir: Path) -> None:
    code, out, _ = run("validate", "--store", str(built_dir))
    assert (code, out) == (0, f"{built_dir}: conforms to the shapes and the ontology lint\n")


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("stats", "--store", str(tmp_path / "none"))
    assert (code, err) == (
        1,
        f"error: no store at {tmp_path / 'none'}: run `designations build` first\n",
    )


def test_load_into_a_named_graph_and_refuse_broken_files(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    good, bad = tmp_path / "a.ttl", tmp_path / "b.nt"
    good.write_text("<http://example.org/s> <http://example.org/p> 1 .\n", "utf-8")
    bad.write_text("<http://example.org/s> <http://example.org/p> .\n", "utf-8")
    code, out, _ = run("load", "--store", store, "--graph", "http://example.org/g", str(good))
    assert (code, out) == (0, f"loaded 1 quads from {good} into <http://example.org/g>\n")
    code, _, err = run("load", "--store", store, "--graph", "http://example.org/g", str(bad))
    assert code == 1
    assert err.startswith(f"error: {bad}: ")
    sparql = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    code, out, _ = run("query", "--store", store, "--format", "csv", sparql)
    assert out.splitlines() == ["g,n", "http://example.org/g,1"]
