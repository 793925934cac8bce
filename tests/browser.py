"""Headless Chromium for the browser tests: find it, run it, read its console.

``make test`` installs Debian's chromium where it is missing; a machine
without it fails the browser tests, on purpose, instead of skipping them.
"""

from __future__ import annotations

import html as html_module
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

# Without the networking flags Chromium tries Google's hosts at every start, and a
# machine without network answers with errors on the console.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)


def chromium() -> str:
    """The Chromium on the PATH; the test fails (not skips) without one."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed: run make test, which installs it, or install chromium")


def run(profile: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile in ``profile`` and ``args``."""
    return subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [chromium(), *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def console(stderr: str) -> list[str]:
    """Every message the page wrote to the console (errors, CSP violations, logs)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


# axe-core, the accessibility engine, from the npm registry: installed once into a
# cache folder outside the repository (a fresh clone gets it at its first browser test).
AXE_VERSION = "4.10.3"


def axe_source() -> str:
    """The text of axe-core's ``axe.min.js``; installs it with npm where it is missing."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "progmon-tests" / f"axe-core-{AXE_VERSION}"
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is not installed: the accessibility test installs axe-core with it")
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
            [
                npm,
                "install",
                "--prefix",
                str(folder),
                "--no-audit",
                "--no-fund",
                "--silent",
                f"axe-core@{AXE_VERSION}",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert script.is_file(), done.stdout[-2000:]
    return script.read_text(encoding="utf-8")


_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def probe(
    page: Path, script: str, profile: Path, *, budget: int = 5000, window: str = "1280,2000"
) -> tuple[Any, subprocess.CompletedProcess[str]]:
    """Open a copy of ``page`` beside it that runs ``script``, and read what it reports.

    ``script`` is JavaScript that calls ``report(value)`` once; the value comes
    back as JSON. The page's own CSP stays, with inline scripts allowed.
    """
    html = page.read_text(encoding="utf-8")
    assert _CSP in html, page
    copy = page.with_name(f"{page.stem}.probe.html")
    runner = (
        "<script>function report(value) { const out = document.createElement('pre');"
        " out.id = 'probe-out'; out.textContent = JSON.stringify(value);"
        " document.body.appendChild(out); }\n" + script + "\n</script>"
    )
    copy.write_text(
        html.replace(_CSP, f"{_CSP}; script-src 'unsafe-inline'").replace(
            "</body>", f"{runner}\n</body>"
        ),
        encoding="utf-8",
    )
    try:
        done = run(
            profile,
            f"--virtual-time-budget={budget}",
            f"--window-size={window}",
            "--dump-dom",
            copy.as_uri(),
            timeout=120,
        )
    finally:
        copy.unlink()
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="probe-out">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"the probe did not report on {page}: {done.stderr[-2000:]}"
    return json.loads(html_module.unescape(found[1])), done
