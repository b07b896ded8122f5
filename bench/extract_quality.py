"""Extraction quality on the labelled articles, per set, next to the targets.

    .venv/bin/python bench/extract_quality.py [--verbose] [FOLDER ...]

Prints designee precision, recall and F1 and the accuracy of issuer, region, level and date
on matched designations for every labelled set of tests/data/extract/ (graph.extract.quality):
the sets of the shared gold.yaml, then every folder holding its own gold.yaml (a held-out set
dropped in is scored as it is), then any FOLDER given (articles and a gold.yaml) elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.extract.quality import score, set_names

# The targets of issue 16 for articles the extractor has never seen.
TARGETS = {
    "designee P": 0.90,
    "designee F1": 0.90,
    "issuer": 0.95,
    "region": 0.95,
    "level": 0.95,
    "date": 0.80,
}


def main() -> None:
    """Print the figures of each set next to the targets."""
    verbose = "--verbose" in sys.argv
    results = {name: score(name, verbose) for name in set_names()}
    for arg in sys.argv[1:]:
        if not arg.startswith("--"):
            folder = Path(arg).resolve()
            results[folder.name] = score(folder.name, verbose, data=folder.parent)
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
