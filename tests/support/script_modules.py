"""Load a script or helper file of the repository as a module.

Tests run in pytest's importlib mode (test folders are not packages), and some files they
need are scripts (``bench/*.py``, ``../shared/eval/score.py``, sample builders): this is the
one way the suite imports them.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_module(path: Path, name: str) -> ModuleType:
    """The file at ``path`` as module ``name`` (registered in ``sys.modules``, where
    dataclasses and pickling look their module up)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
