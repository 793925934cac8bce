"""Make the screenshots of docs/howto/whole-review.md: the site of examples/review.toml.

Run from the repository: .venv/bin/python docs/_static/screenshots.py
It writes docs/_static/site-index.png and docs/_static/site-indicator.png with
headless Chromium (as tests/browser.py runs it).
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

import progmon
from progmon.report import write_whole

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
)


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    with tempfile.TemporaryDirectory() as tmp:
        site = write_whole(
            progmon.load_review(ROOT / "examples" / "review.toml"),
            Path(tmp) / "site",
            format="site",
        )
        for page, name, height in (
            ("index.html", "site-index.png", 1100),
            ("veiligheid/woonoverlast.html", "site-indicator.png", 1250),
        ):
            subprocess.run(  # noqa: S603  # fixed arguments
                [
                    browser,
                    *FLAGS,
                    f"--user-data-dir={Path(tmp) / 'profile'}",
                    f"--window-size=1100,{height}",
                    f"--screenshot={HERE / name}",
                    (site / page).as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )


if __name__ == "__main__":
    main()
