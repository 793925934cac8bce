"""The public surface: every public name exists, says what it is with an example, imports light."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

from test_docs import PUBLIC_MODULES


def _public() -> list[tuple[str, str, object]]:
    found = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        found.extend((module_name, name, getattr(module, name)) for name in module.__all__)
    return found


def test_all_lists_no_name_twice_and_only_names_that_exist() -> None:
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        assert len(set(module.__all__)) == len(module.__all__), module_name
        assert all(hasattr(module, name) for name in module.__all__), module_name


@pytest.mark.parametrize(
    ("module_name", "name", "obj"),
    [
        item
        for item in _public()
        # Classes and functions of progmon's own; pint's Quantity and Unit document themselves.
        if (inspect.isclass(item[2]) or inspect.isfunction(item[2]))
        and getattr(item[2], "__module__", "").startswith("progmon")
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_public_classes_and_functions_have_a_docstring_with_an_example(
    module_name: str, name: str, obj: object
) -> None:
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{module_name}.{name} has no docstring"
    assert ">>> " in doc, f"{module_name}.{name} has no example"


def test_import_loads_nothing_heavy() -> None:
    # A programme that is only loaded or checked pays for none of these. pint imports
    # dask and xarray where they are installed (the scale extra), and dask brings jinja2,
    # so they are hidden here as on a machine without that extra; pint also imports the
    # top of scipy, which is not counted.
    code = (
        "import sys\n"
        "sys.modules.update(dask=None, xarray=None)\n"
        "import progmon\n"
        "heavy = ('matplotlib', 'jinja2', 'scipy.special', 'scipy.stats', 'pandas')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_the_function_assess_is_not_shadowed_by_a_module() -> None:
    import progmon

    assert inspect.isfunction(progmon.assess)
    assert inspect.ismodule(progmon.assessment)
    assert "progmon.assess" not in sys.modules
