"""The documentation builds, links and renders: nitpicky Sphinx, every public name, formulas.

The docs are built once per session into a temporary folder, as ``make docs``
builds them: warnings are errors, and ``docs/conf.py`` is nitpicky, so a
cross-reference that does not resolve fails the build. The built pages are
then opened in headless Chromium from the file system, as a reader without
network would open them.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from browser import console, run

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PUBLIC_MODULES = (
    "progmon",
    "progmon.assessment",
    "progmon.methods",
    "progmon.trend",
    "progmon.units",
    "progmon.errors",
    "progmon.io",
    "progmon.tables",
    "progmon.ranking",
    "progmon.bbv",
    "progmon.report",
    "progmon.cli",
)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "html"
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", DOCS, out],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out


def test_the_docs_module_list_is_the_tests() -> None:
    # docs/conf.py names the public modules for its aliases; the tests check the same list.
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    listed = re.search(r"public_modules = \[(.*?)\]", conf, re.DOTALL)
    assert listed
    assert tuple(re.findall(r'"([\w.]+)"', listed[1])) == PUBLIC_MODULES


def test_every_public_name_has_a_reference_entry(built: Path) -> None:
    with (built / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    entries = {name for objects in inventory.values() for name in objects}
    public = [
        f"{module}.{name}"
        for module in PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
    ]
    assert len(public) > 100
    assert [name for name in public if name not in entries] == []
    for module in PUBLIC_MODULES:
        assert module in inventory["py:module"]


# Written into a copy of a page: measures what the reader sees.
_READ_PAGE = """<script>
window.addEventListener('load', () => {
  const prose = document.querySelector('article').cloneNode(true);
  prose.querySelectorAll('pre, code, script, style').forEach(e => e.remove());
  const formulas = [...document.querySelectorAll('article math')].map(m => {
    const box = m.getBoundingClientRect();
    return [box.width, box.height];
  });
  const img = [...document.querySelectorAll('article img')].map(i => i.naturalWidth);
  const out = document.createElement('pre');
  out.id = 'progmon-read';
  out.textContent = JSON.stringify({text: prose.innerText, formulas: formulas, images: img});
  document.body.appendChild(out);
});
</script>"""


def _read(built: Path, page: str, tmp_path: Path) -> dict[str, object]:
    original = built / page
    # The copy sits beside the page, so that its stylesheets and images load as the page's do.
    copy = original.with_name(f"read-{original.name}")
    copy.write_text(
        original.read_text(encoding="utf-8").replace("</body>", f"{_READ_PAGE}</body>"),
        encoding="utf-8",
    )
    done = run(
        tmp_path / "profile",
        "--virtual-time-budget=5000",
        "--window-size=1280,2000",
        "--dump-dom",
        copy.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert console(done.stderr) == []
    found = re.search(r'<pre id="progmon-read">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, "the reading script did not run"
    text = found[1].replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    result: dict[str, object] = json.loads(text.replace("&amp;", "&"))
    return result


@pytest.mark.parametrize("page", ["explanation/methods.html", "explanation/trend.html"])
def test_formulas_render_offline(built: Path, page: str, tmp_path: Path) -> None:
    read = _read(built, page, tmp_path)
    text = str(read["text"])
    assert "$" not in text
    assert re.findall(r"\\[A-Za-z]+", text) == []  # no \frac, \sqrt, \operatorname ...
    formulas = read["formulas"]
    assert isinstance(formulas, list)
    assert len(formulas) > 20
    assert all(width > 0 and height > 0 for width, height in formulas)


def test_landing_page_says_what_it_is_and_how_to_install(built: Path, tmp_path: Path) -> None:
    read = _read(built, "index.html", tmp_path)
    text = str(read["text"])
    assert "progmon-nl" in text
    page = re.sub(r"<[^>]+>", "", (built / "index.html").read_text(encoding="utf-8"))
    assert "make demo" in page
    assert "pip install -e '.[plot]'" in page.replace("&#39;", "'")
    images = read["images"]
    assert isinstance(images, list)
    assert images
    assert all(isinstance(width, int) and width > 0 for width in images)
