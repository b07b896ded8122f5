"""The library never imports the web framework."""

import subprocess
import sys

CODE = """
import importlib, pkgutil, sys
import graph
for info in pkgutil.walk_packages(graph.__path__, "graph."):
    importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("fastapi", "starlette", "uvicorn")))
"""


def test_importing_every_graph_module_never_imports_fastapi() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
