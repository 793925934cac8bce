"""Test configuration shared by all test modules."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# The machines that run the suite are shared and noisy: a generated
# programme that takes long to draw is load, not a slow strategy. The
# default profile is derandomized, so that make test (and CI) always tries
# the same examples and a failure can be reproduced; run
# `pytest --hypothesis-profile=explore` to search with fresh random examples.
settings.register_profile(
    "progmon",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile(
    "explore",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=500,
)
# make fuzz: thousands of examples for each property of tests/test_fuzz.py.
settings.register_profile(
    "fuzz",
    deadline=None,
    suppress_health_check=list(HealthCheck),
    max_examples=5_000,
)
settings.load_profile("progmon")
