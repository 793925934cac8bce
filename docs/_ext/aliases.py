"""Every public name of progmon links to its description, under each name it is exported by.

``progmon.Status`` is also ``progmon.assessment.Status``, and ``progmon.load``
is ``progmon.io.load``. The reference describes such an object once; this
extension makes the other public names aliases of that description, so that
each resolves in a cross-reference and is listed in ``objects.inv``.
"""

from __future__ import annotations

import importlib
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains.python import ObjectEntry, PythonDomain
from sphinx.environment import BuildEnvironment


def _add_aliases(app: Sphinx, env: BuildEnvironment) -> None:
    domain = env.domains["py"]
    assert isinstance(domain, PythonDomain)
    public = [importlib.import_module(name) for name in app.config.public_modules]
    # Each exported object, under every public name it has.
    names: dict[int, list[str]] = {}
    for module in public:
        for name in module.__all__:
            names.setdefault(id(getattr(module, name)), []).append(f"{module.__name__}.{name}")
    for same in names.values():
        described = next((n for n in same if n in domain.objects), None)
        if described is None:
            continue
        entry = domain.objects[described]
        for name in same:
            if name not in domain.objects:
                domain.objects[name] = ObjectEntry(
                    entry.docname, entry.node_id, entry.objtype, aliased=True
                )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("public_modules", [], "env")
    app.connect("env-check-consistency", _add_aliases)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
