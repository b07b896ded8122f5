"""Extraction quality on the labelled articles: designee precision, recall and F1, and the
accuracy of issuer, region, level and date on matched designations, per set, next to the
targets of issue 4.

    .venv/bin/python bench/extract_quality.py [--verbose]
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from graph.extract import extract_text, load_gazetteer
from graph.extract.normalise import key
from graph.paths import ROOT, SEEDS_DIR

DATA = Path(os.environ.get("EXTRACT_DATA", ROOT / "tests" / "data" / "extract"))
TARGETS = {"designee F1": 0.85, "issuer": 0.90, "region": 0.90, "level": 0.90, "date": None}


def same_name(a: str, b: str) -> bool:
    """Whether two designee names denote the same thing, allowing for small differences."""
    ka, kb = key(a), key(b)
    if ka == kb or (min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka)):
        return True
    return difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.8


def issuer_ok(pred: list[dict[str, Any]], gold: list[str]) -> bool:
    """Whether some predicted issuer is one of the gold ones (by reference slug or name)."""
    for p in pred:
        for g in gold:
            if p["iri"] and p["iri"].endswith(f"/org/{g}"):
                return True
            if key(p["label"]) == key(g):
                return True
    return False


def score(
    set_name: str, verbose: bool, reference: Path = SEEDS_DIR / "reference"
) -> dict[str, float]:
    """Counts and accuracies over one set of articles."""
    gold_all = yaml.safe_load((DATA / "gold.yaml").read_text("utf-8"))[set_name]
    gaz = load_gazetteer(reference)
    tp = fp = fn = silent_fail = 0
    hits = {"issuer": 0, "region": 0, "level": 0, "date": 0}
    for name, gold in gold_all.items():
        text = (DATA / set_name / f"{name}.txt").read_text("utf-8")
        pub = dt.date.fromisoformat(gold["published"]) if gold["published"] else None
        pred = extract_text(text, gaz, pub).as_json()["designations"]
        left = list(gold["designations"])
        if not left and pred:
            silent_fail += 1
        for p in pred:
            match = next(
                (g for g in left if same_name(p["designee"]["label"], g["designee"])), None
            )
            if match is None:
                fp += 1
                if verbose:
                    print(f"  {name}: extra {p['designee']['label']}")
                continue
            left.remove(match)
            tp += 1
            checks = {
                "issuer": issuer_ok(p["designated_by"], match["issuer"]),
                "region": (p["region"] or {}).get("code") == match["region"],
                "level": p["level"] == match["level"],
                "date": p["date"] == match["date"],
            }
            for field, ok in checks.items():
                hits[field] += ok
                if verbose and not ok:
                    print(f"  {name}: {p['designee']['label']}: {field} wrong")
        fn += len(left)
        if verbose:
            for g in left:
                print(f"  {name}: missed {g['designee']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {"designee P": precision, "designee R": recall, "designee F1": f1}
    out.update({k: v / tp if tp else 0.0 for k, v in hits.items()})
    out["no-designation articles with output"] = silent_fail
    return out


def main() -> None:
    """Print the figures of each set next to the targets."""
    verbose = "--verbose" in sys.argv
    results = {name: score(name, verbose) for name in ("dev", "heldout", "heldout2")}
    print(f"{'measure':<40}" + "".join(f"{s:>10}" for s in results) + f"{'target':>10}")
    for measure in results["dev"]:
        target = TARGETS.get(measure)
        shown = (
            "0" if measure.startswith("no-designation") else (f"{target:.2f}" if target else "-")
        )
        cells = "".join(f"{results[s][measure]:>10.3f}" for s in results)
        print(f"{measure:<40}{cells}{shown:>10}")


if __name__ == "__main__":
    main()
