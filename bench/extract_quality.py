"""Extraction quality on the labelled articles, per set, next to the targets.

    .venv/bin/python bench/extract_quality.py [--verbose]

Prints designee precision, recall and F1 and the accuracy of issuer, region, level and date
on matched designations for every set of tests/data/extract/ (graph.extract.quality).
"""

from __future__ import annotations

import sys

from graph.extract.quality import score, set_names

TARGETS = {"designee F1": 0.85, "issuer": 0.90, "region": 0.90, "level": 0.90, "date": None}


def main() -> None:
    """Print the figures of each set next to the targets."""
    verbose = "--verbose" in sys.argv
    results = {name: score(name, verbose) for name in set_names()}
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
