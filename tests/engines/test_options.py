"""Engine options: the service refuses what cannot run, with the option to fix named."""
from __future__ import annotations

import pytest

from dragoman.engines.options import ENGINES, EngineOptions
from dragoman.errors import InvalidArgument


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_is_accepted(engine):
    EngineOptions(engine).check()


@pytest.mark.parametrize("options, field", [
    (EngineOptions("spark"), "engine"),
    (EngineOptions("local", address="auto"), "address"),
    (EngineOptions("ray", workers=0), "workers"),
])
def test_what_cannot_run_is_refused_naming_the_option(options, field):
    with pytest.raises(InvalidArgument) as caught:
        options.check()
    assert caught.value.field == field


def test_the_default_is_the_local_engine():
    assert EngineOptions().engine == "local"
