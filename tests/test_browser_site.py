"""The review's site in a real browser: links followed, charts sized, nothing fetched, axe-core.

The site of examples/review.toml is opened from the file system in headless
Chromium: the index, a programme page reached by its link, and an indicator
page reached by the programme page's link. No page may write to the console
(its CSP turns any external resource into a message), request anything
outside the site, or have a serious or critical accessibility violation
(axe-core, installed from the npm registry by tests/browser.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import progmon
from browser import axe_source, console, probe
from progmon.report import write_whole

ROOT = Path(__file__).parent.parent

_LOOK = """
window.addEventListener('load', () => {
  const charts = [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    return {label: svg.getAttribute('aria-label'), width: box.width, height: box.height};
  });
  report({
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    resources: performance.getEntriesByType('resource').map(e => e.name),
    charts,
    title: document.title,
  });
});
"""

_AXE = """
window.addEventListener('load', () => {
  axe.run(document, {resultTypes: ['violations']}).then(result => report(
    result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                 target: v.nodes[0] && v.nodes[0].target}))
  ), error => report({error: String(error)}));
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    review = progmon.load_review(ROOT / "examples" / "review.toml")
    return write_whole(review, tmp_path_factory.mktemp("site") / "site", format="site")


def _look(page: Path, profile: Path) -> dict[str, object]:
    found, done = probe(page, _LOOK, profile)
    assert console(done.stderr) == [], page
    return found


def _inside(url: str, root: Path) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "file" and Path(unquote(parsed.path)).is_relative_to(root)


def test_index_programme_and_indicator_pages_by_their_links(site: Path, tmp_path: Path) -> None:
    index = _look(site / "index.html", tmp_path / "p1")
    links = [str(u) for u in index["links"]]  # type: ignore[attr-defined]
    assert all(_inside(u.split("#")[0], site) for u in links), links
    programme_url = next(u for u in links if u.endswith("veiligheid/index.html"))
    assert any(u.endswith("data/review.xlsx") for u in links)
    assert index["resources"] == []

    programme_page = Path(unquote(urlparse(programme_url).path))
    programme = _look(programme_page, tmp_path / "p2")
    assert programme["title"].startswith("Programma Veiligheid")  # type: ignore[attr-defined]
    charts = programme["charts"]
    assert len(charts) == 10  # type: ignore[arg-type]
    for chart in charts:  # type: ignore[attr-defined]
        assert chart["width"] > 250, chart
        assert chart["height"] > 100, chart
    indicator_url = next(
        str(u)
        for u in programme["links"]
        if str(u).endswith("/woonoverlast.html")  # type: ignore[attr-defined]
    )
    assert all(_inside(str(u).split("#")[0], site) for u in programme["links"])  # type: ignore[attr-defined]
    assert programme["resources"] == []

    indicator = _look(Path(unquote(urlparse(indicator_url).path)), tmp_path / "p3")
    (chart,) = indicator["charts"]  # type: ignore[misc]
    assert chart["width"] > 250
    assert chart["height"] > 100
    assert "woonoverlast" in chart["label"]
    back = [str(u) for u in indicator["links"]]  # type: ignore[attr-defined]
    assert any(u.endswith("veiligheid/index.html#ind-woonoverlast") for u in back)
    assert any(u.endswith("woonoverlast-burengerucht.html") for u in back)  # its components
    assert indicator["resources"] == []


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "veiligheid/index.html",
        "veiligheid/woonoverlast.html",
        "veiligheid/verward-gedrag-politiecel.html",
        "sport-demo/beweegrichtlijn.html",
    ],
)
def test_no_serious_accessibility_violations(site: Path, tmp_path: Path, page: str) -> None:
    script = axe_source() + "\n" + _AXE
    violations, done = probe(site / page, script, tmp_path / "profile", budget=20000)
    assert not isinstance(violations, dict), violations
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == [], serious
    assert console(done.stderr) == []
