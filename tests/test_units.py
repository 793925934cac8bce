"""The unit registry: municipal units, dimensions, ranges."""

from __future__ import annotations

import importlib
import math
import os
import subprocess
import sys
from pathlib import Path

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from progmon import units
from progmon.errors import UnitError

Q = units.Quantity


@pytest.mark.parametrize(
    "name",
    [
        "count",
        "percent",
        "mark",
        "EUR",
        "euro",
        "fte",
        "inhabitant",
        "report",
        "crime",
        "incident",
        "person",
        "respondent",
    ],
)
def test_contract_units_exist(name: str) -> None:
    assert Q(1, name).magnitude == 1


def test_registry_is_the_application_registry() -> None:
    assert units.registry is pint.get_application_registry()


def test_extension_is_idempotent() -> None:
    importlib.reload(units)
    assert Q(2, "mark") + Q(1, "mark") == Q(3, "mark")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("report", "inhabitant"),
        ("mark", "percent"),
        ("EUR", "fte"),
        ("crime", "mark"),
        ("EUR", "count"),
    ],
)
def test_different_meanings_do_not_mix(a: str, b: str) -> None:
    with pytest.raises(pint.DimensionalityError):
        Q(1, a) + Q(1, b)


def test_events_share_a_dimension() -> None:
    assert Q(3, "report") + Q(2, "crime") == Q(5, "report")


def test_rate_per_thousand_inhabitants() -> None:
    rate = Q(731, "report") / Q(73_000, "inhabitant")
    assert rate.to("report / thousand_inhabitants").magnitude == pytest.approx(10.0137, rel=1e-4)


@pytest.mark.parametrize(
    ("unit", "share"),
    [
        ("percent", True),
        ("dimensionless", True),
        ("permille", True),
        ("count", False),
        ("report", False),
        ("mark", False),
    ],
)
def test_is_share(unit: str, share: bool) -> None:
    assert units.is_share(unit) is share


def test_check_compatible() -> None:
    units.check_compatible("permille", "percent", element="x")
    units.check_compatible("crime", "report", element="x")
    with pytest.raises(UnitError, match="x"):
        units.check_compatible("count", "percent", element="x")
    with pytest.raises(UnitError):
        units.check_compatible("percent", "count", element="x")
    with pytest.raises(UnitError):
        units.check_compatible("report", "inhabitant", element="x")


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("percent", (0, 100)),
        ("dimensionless", (0, 1)),
        ("mark", (1, 10)),
        ("report", (0, math.inf)),
        ("report / thousand_inhabitants", (0, math.inf)),
        ("fte", (0, math.inf)),
        ("EUR", None),
    ],
)
def test_valid_range(unit: str, expected: tuple[float, float] | None) -> None:
    assert units.valid_range(unit) == expected


@pytest.mark.parametrize("bad", ["meldingenn", "", "€", "3 +", 7, None])
def test_unknown_units_refused(bad: object) -> None:
    with pytest.raises(UnitError) as info:
        units.to_unit(bad, element="indicator 'x'")
    assert info.value.element == "indicator 'x'"


FAST_PATH_UNITS = [
    "percent",
    "dimensionless",
    "permille",
    "mark",
    "report",
    "EUR",
    "crime / inhabitant",
]


@given(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.sampled_from(FAST_PATH_UNITS),
)
def test_the_fast_quantity_is_the_quantity_pint_makes(magnitude: float, name: str) -> None:
    unit = units.to_unit(name)
    made, expected = units._quantity(magnitude, unit), Q(magnitude, unit)
    assert type(made) is type(expected)
    assert repr(made) == repr(expected)
    assert made.units == expected.units
    same = made.magnitude == expected.magnitude
    assert same or (math.isnan(made.magnitude) and math.isnan(expected.magnitude))
    if math.isfinite(magnitude):
        assert float((made * 2).to(unit).magnitude) == float((expected * 2).to(unit).magnitude)


@given(
    st.floats(-1e300, 1e300, allow_nan=False),
    st.sampled_from(["percent", "dimensionless", "permille", "ppm"]),
)
def test_in_percent_is_what_pint_converts_to(magnitude: float, name: str) -> None:
    assert units.in_percent(magnitude, name) == Q(magnitude, name).m_as("percent")


@pytest.mark.parametrize("name", ["mark", "report", "EUR"])
def test_in_percent_refuses_what_is_no_share(name: str) -> None:
    with pytest.raises(UnitError, match=name):
        units.in_percent(1.0, name)


# --------------------------------------------------------------------------- pint's disk cache


def _fresh(code: str, cache: str | None) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh process, with PROGMON_PINT_CACHE set to ``cache`` (None: unset)."""
    env = {k: v for k, v in os.environ.items() if k != units.CACHE_ENV}
    if cache is not None:
        env[units.CACHE_ENV] = cache
    return subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


_CONVERTS = (
    "from progmon import units\n"
    "print(units.Quantity(731, 'report / thousand_inhabitants').to('report / inhabitant').m,"
    " units.Quantity(3, 'percent').to('dimensionless').m, units.registry.cache_folder)\n"
)


def test_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for off in ("off", "OFF", "0", "no", "false", "", " "):
        monkeypatch.setenv(units.CACHE_ENV, off)
        assert units.cache_folder() is None
    monkeypatch.setenv(units.CACHE_ENV, "~/elsewhere")
    assert units.cache_folder() == Path("~/elsewhere").expanduser()
    monkeypatch.delenv(units.CACHE_ENV)
    default = units.cache_folder()
    # A user's cache folder, pint's own: never inside the repository.
    assert default is not None
    assert default.name == "pint"
    assert Path(__file__).parent.parent.resolve() not in default.resolve().parents


def test_the_cache_is_written_once_and_read_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = _fresh(_CONVERTS, str(folder))
    assert first.returncode == 0, first.stderr
    written = sorted(folder.glob("*.pickle"))
    assert written  # pint kept what it parsed
    second = _fresh(_CONVERTS, str(folder))
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert f"0.731 0.03 {folder}" in second.stdout
    assert sorted(folder.glob("*.pickle")) == written
    # Without the cache, the same registry.
    uncached = _fresh(_CONVERTS, "off")
    assert uncached.stdout.split()[:2] == first.stdout.split()[:2]
    assert uncached.stdout.split()[2] == "None"


@pytest.mark.parametrize("where", ["not-a-folder", "broken"])
def test_a_cache_that_cannot_be_used_is_no_error(tmp_path: Path, where: str) -> None:
    if where == "not-a-folder":
        (tmp_path / "file").write_text("not a folder", encoding="utf-8")
        folder = tmp_path / "file" / "cache"  # cannot be made: its parent is a file
    else:
        folder = tmp_path / "cache"
        assert _fresh(_CONVERTS, str(folder)).returncode == 0
        for cached in folder.glob("*.pickle"):
            cached.write_bytes(b"\x80 truncated")
    done = _fresh(_CONVERTS, str(folder))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.split()[:3] == ["0.731", "0.03", "None"]


def test_a_registry_the_caller_set_is_kept() -> None:
    code = (
        "import pint\n"
        "mine = pint.UnitRegistry()\n"
        "pint.set_application_registry(mine)\n"
        "from progmon import units\n"
        "print(units.registry.get() is mine, units.Quantity(2, 'crime').m)\n"
    )
    done = _fresh(code, None)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "2"]
