"""Headless Chromium for the browser tests: find it, run it, read its console.

``make test`` installs Debian's chromium where it is missing; a machine
without it fails the browser tests, on purpose, instead of skipping them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

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
