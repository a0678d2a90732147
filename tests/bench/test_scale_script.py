"""bench/scale.py's scaling model: the parallel cost from the least contended Ray run, the writer's cap."""
from __future__ import annotations

import pytest
from repo_paths import REPO
from script_modules import load_module

scale = load_module(REPO / "bench" / "scale.py", "dragoman_bench_scale")


def runs():
    # 1000 articles each; the writer takes 13 s of every run.
    return [scale.Run("local", "local", 2, 1000, 90.0, 15.0),
            scale.Run("ray 1 worker", "ray", 1, 1000, 143.0, 13.0),   # 130 worker-ms an article
            scale.Run("ray 2 workers", "ray", 2, 1000, 141.0, 13.0)]  # 256: two workers sharing the cores


def test_the_parallel_cost_comes_from_the_run_whose_workers_spent_least():
    model = scale.model(runs(), cores=2)
    assert model["from"] == "ray 1 worker"
    assert model["parallel_seconds_per_article"] == pytest.approx(0.130)
    assert model["sequential_seconds_per_article"] == pytest.approx(0.013)


def test_a_cluster_grows_with_its_machines_until_the_writer_caps_it():
    model = scale.model(runs(), cores=2)
    cluster = model["cluster_articles_per_second"]
    assert cluster[1] == pytest.approx(2 / 0.130)
    assert cluster[2] == pytest.approx(2 * cluster[1])
    assert model["cap_articles_per_second"] == pytest.approx(1 / 0.013)
    assert cluster[32] == pytest.approx(model["cap_articles_per_second"])
    assert all(rate <= model["cap_articles_per_second"] + 1e-9 for rate in cluster.values())
