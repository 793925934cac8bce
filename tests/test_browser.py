"""The HTML review in a real browser: headless Chromium.

The report must load without a single console message (the page's own
Content-Security-Policy turns any external resource into one), every chart
must have a size on the page, and a screenshot is kept as a test artifact
(artifacts/review.png). ``make test`` installs Chromium (Debian's
``chromium``) where it is missing; a machine without it fails here, on
purpose, instead of skipping.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from browser import console, run
from progmon.report import render

ROOT = Path(__file__).parent.parent
ARTIFACTS = ROOT / "artifacts"
sys.path.insert(0, str(ROOT / "examples"))
import veiligheid  # noqa: E402

# Written into the test copy only: the report itself has no scripts.
_MEASURE = """<script>
const sizes = [...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  return {label: svg.getAttribute('aria-label'), width: box.width, height: box.height};
});
const out = document.createElement('pre');
out.id = 'svg-sizes';
out.textContent = JSON.stringify(sizes);
document.body.appendChild(out);
const wide = [...document.querySelectorAll('.scroll')]
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => box.querySelector('td') ? box.querySelector('td').textContent.trim() : '?');
const overflow = document.createElement('pre');
overflow.id = 'overflowing';
overflow.textContent = JSON.stringify(wide);
document.body.appendChild(overflow);
</script>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    html = render(veiligheid.programme(), format="html", lang="nl", as_of=2020)
    path = tmp_path_factory.mktemp("review") / "review.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_the_charts_have_a_size_the_tables_fit_and_no_console_messages(
    page: Path, tmp_path: Path
) -> None:
    html = page.read_text(encoding="utf-8")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert csp in html
    test_copy = tmp_path / "measured.html"
    test_copy.write_text(
        html.replace(csp, f"{csp}; script-src 'unsafe-inline'").replace(
            "</body>", f"{_MEASURE}\n</body>"
        ),
        encoding="utf-8",
    )
    done = run(
        tmp_path / "profile",
        "--virtual-time-budget=2000",
        "--window-size=1280,4000",
        "--dump-dom",
        test_copy.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert console(done.stderr) == []
    found = re.search(r'<pre id="svg-sizes">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, "the measuring script did not run"
    sizes = json.loads(found[1].replace("&quot;", '"').replace("&amp;", "&"))
    assert len(sizes) == html.count('<svg class="chart"') == 10
    for size in sizes:
        assert size["width"] > 250, size
        assert size["height"] > 100, size
        # The viewBox keeps matplotlib's proportions (6.4 x 3.0 inches).
        assert size["width"] / size["height"] == pytest.approx(6.4 / 3.0, rel=0.05)
    # On a laptop-wide window no table needs a scroll bar: long notes wrap.
    wide = re.search(r'<pre id="overflowing">(.*?)</pre>', done.stdout, re.DOTALL)
    assert wide, "the measuring script did not run"
    assert json.loads(wide[1].replace("&quot;", '"').replace("&amp;", "&")) == []


def test_screenshot_of_the_report(page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review.png"
    shot.unlink(missing_ok=True)
    done = run(
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,4000",
        page.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    # The report as it is, with its own CSP: no console message either.
    assert console(done.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 4000)
    assert len(data) > 50_000  # a page with text and charts, not a blank one
