"""Test configuration shared by all test modules."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# The machines that run the suite are shared and noisy: a generated
# programme that takes long to draw is load, not a slow strategy.
settings.register_profile("progmon", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("progmon")
