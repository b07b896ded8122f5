"""Extraction quality on labelled articles: designee precision, recall and F1, and the
accuracy of issuer, region, level and date on matched designations, per set of articles.

A set is a folder of `.txt` articles under the data folder (tests/data/extract/ by default)
labelled in its `gold.yaml`. `bench/extract_quality.py` prints the figures; the tests assert
floors.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import yaml

from graph.extract import extract_text, load_gazetteer
from graph.extract.normalise import key
from graph.paths import ROOT, SEEDS_DIR

DATA = ROOT / "tests" / "data" / "extract"


def gold_of(set_name: str, data: Path = DATA) -> dict[str, Any]:
    """The labels of one set: its own `gold.yaml`, else its part of the shared one."""
    own = data / set_name / "gold.yaml"
    if own.exists():
        labels: dict[str, Any] = yaml.safe_load(own.read_text("utf-8"))
        return labels
    shared: dict[str, Any] = yaml.safe_load((data / "gold.yaml").read_text("utf-8"))
    return dict(shared[set_name])


def set_names(data: Path = DATA) -> list[str]:
    """Every labelled set: a folder of articles with its own labels or a part of the shared
    ones, the shared ones first in their order."""
    shared = list(yaml.safe_load((data / "gold.yaml").read_text("utf-8")))
    own = sorted(
        p.name for p in data.iterdir() if (p / "gold.yaml").exists() and p.name not in shared
    )
    return [s for s in shared if (data / s).is_dir()] + own


def closeness(a: str, b: str) -> int:
    """How surely two designee names denote the same thing: 3 the same name, 2 one contains
    the other (four characters or more), 1 a small spelling difference, 0 not the same."""
    ka, kb = key(a), key(b)
    if ka == kb:
        return 3
    if min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka):
        return 2
    return 1 if difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.8 else 0


def pairs(predicted: list[str], gold: list[str]) -> dict[int, int]:
    """Predicted index -> gold index, each used once, the surest matches taken first (a bare
    list noun contained in several names must not take the place of an exact match)."""
    taken: dict[int, int] = {}
    for level in (3, 2, 1):
        for i, p in enumerate(predicted):
            if i in taken:
                continue
            free = (j for j, g in enumerate(gold) if j not in taken.values())
            match = next((j for j in free if closeness(p, gold[j]) == level), None)
            if match is not None:
                taken[i] = match
    return taken


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
    set_name: str, verbose: bool, reference: Path = SEEDS_DIR / "reference", data: Path = DATA
) -> dict[str, float]:
    """Counts and accuracies over one set of articles (a folder of data with its labels)."""
    gold_all = gold_of(set_name, data)
    gaz = load_gazetteer(reference)
    tp = fp = fn = silent_fail = 0
    hits = {"issuer": 0, "region": 0, "level": 0, "date": 0}
    for name, gold in gold_all.items():
        text = (data / set_name / f"{name}.txt").read_text("utf-8")
        pub = dt.date.fromisoformat(gold["published"]) if gold["published"] else None
        pred = extract_text(text, gaz, pub).as_json()["designations"]
        golds = list(gold["designations"])
        if not golds and pred:
            silent_fail += 1
        matched = pairs([p["designee"]["label"] for p in pred], [g["designee"] for g in golds])
        for i, p in enumerate(pred):
            if i not in matched:
                fp += 1
                if verbose:
                    print(f"  {name}: extra {p['designee']['label']}")
                continue
            match = golds[matched[i]]
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
        left = [g for j, g in enumerate(golds) if j not in matched.values()]
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
