"""The whole review as one document: HTML for print, and a PDF printed by headless Chromium.

The document is a cover, a table of contents and every programme's review
page as a chapter, each starting on a new page; the page numbers are CSS
``@page`` margin boxes (``counter(page)``), the charts stay SVG and so
vectors in the PDF. Chromium cannot put the page a link points to into the
text (CSS ``target-counter``), so the contents' page numbers are counted
first: every chapter is printed alone once, its pages counted, and then
the whole document is printed with them.

Chromium is found on the ``PATH`` (``chromium``, ``chromium-browser``,
``google-chrome``) or named by the environment variable
``PROGMON_CHROMIUM``; without it the PDF review fails with one line saying
how to install it.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import markupsafe

from progmon._write import write_bytes
from progmon.errors import ProgmonError

from ._format import Formatter
from ._site import ProgrammeSite, Progress, build_sites, prefix_ids, site_label

__all__ = ["PdfRendererMissing", "chromium", "document_html", "write_pdf"]

_NAMES: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--generate-pdf-document-outline",
)
_PAGE: Final = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_TIMEOUT: Final = 180


class PdfRendererMissing(ProgmonError, ImportError):
    """The PDF review needs headless Chromium, which is not installed."""


def chromium() -> str:
    """The Chromium that prints the PDF: ``PROGMON_CHROMIUM``, else the first on the PATH.

    Raises:
        PdfRendererMissing: there is none.

    Example:
        >>> Path(chromium()).name.startswith(("chromium", "google-chrome"))
        True
    """
    named = os.environ.get("PROGMON_CHROMIUM")
    if named:
        return named
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfRendererMissing(
        "the PDF review is printed by headless Chromium: install it "
        "(sudo apt-get install chromium) or name it in PROGMON_CHROMIUM",
        element="report",
    )


def css_string(text: str) -> markupsafe.Markup:
    r"""``text`` as the inside of a CSS string: every character but letters, digits, space escaped.

    Example:
        >>> print(css_string('Programma\'s "A" </style>'))
        Programma\000027s \000022A\000022 \00003C\00002Fstyle\00003E
    """
    escaped = "".join(
        c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):06X}" for c in text
    )
    return markupsafe.Markup(escaped)  # noqa: S704  # nothing but [A-Za-z0-9 ] and escapes


def document_html(
    review: Any,
    fmt: Formatter,
    assessments: Sequence[Any],
    sites: Sequence[ProgrammeSite],
    *,
    pages: Sequence[str] | None = None,
    only: int | None = None,
) -> str:
    """The review as one HTML document: cover, contents and a chapter per programme.

    ``pages`` are the page numbers the contents show (none: blank);
    ``only`` renders the one chapter (its number from 1) alone, to count its pages.
    """
    from ._templates import render_site_page

    chapters = [s for s in sites if only is None or s.number == only]
    fragments = [prefix_ids(s.main, f"c{s.number}-") for s in chapters]
    html = render_site_page(
        "document",
        lang=fmt.lang,
        S={key: site_label(key, fmt) for key in ("page", "contents", "as_of", "method_name")},
        review=review,
        version=sites[0].view.version,
        style=sites[0].style,
        programmes=chapters,
        fragments=fragments,
        pages=list(pages) if pages is not None else [""] * len(chapters),
        year=fmt.year(int(assessments[0].as_of)),
        method=sites[0].view.method,
        description=[p.strip() for p in review.description.split("\n\n") if p.strip()],
        footer_text=css_string(review.title),
    )
    if only is not None:  # the chapter alone: no cover, no contents
        start = html.index('<section class="cover-page">')
        end = html.index(f'<section class="chapter" id="chapter-{only}">')
        html = html[:start] + html[end:]
    return html


def _print(browser: str, html: str, folder: Path, name: str) -> bytes:
    page = folder / f"{name}.html"
    out = folder / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    try:
        done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
            [
                browser,
                *_FLAGS,
                f"--user-data-dir={folder / f'profile-{name}'}",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ProgmonError(f"Chromium could not print the PDF: {e}", element="report") from e
    if done.returncode != 0 or not out.is_file():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ProgmonError(
            f"Chromium could not print the PDF (exit {done.returncode}): {last}", element="report"
        )
    return out.read_bytes()


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF that Chromium printed (its page objects).

    Example:
        >>> page_count(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>")
        2
    """
    return len(_PAGE.findall(pdf))


def write_pdf(
    review: Any,
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Print ``review`` (a :class:`progmon.Review`) to one PDF at ``path``, atomically.

    Raises:
        PdfRendererMissing: Chromium is not installed.
        ProgmonError: Chromium fails.
        ProgmonFileError: the file cannot be written, or is an input.
    """
    from progmon._write import refuse_inputs

    target = refuse_inputs(path, review.files, element="PDF file")
    browser = chromium()
    fmt = Formatter(lang or review.language)
    assessments, sites = build_sites(review, fmt, progress=progress)
    total = len(sites) + 1
    with tempfile.TemporaryDirectory(prefix="progmon-pdf-") as tmp:
        folder = Path(tmp)
        front = document_html(review, fmt, assessments, sites, pages=["0"] * len(sites))
        front = front[: front.index('<section class="chapter"')] + "</main>\n</body>\n</html>\n"
        jobs = {"front": front}
        jobs.update(
            {
                f"chapter-{s.number}": document_html(review, fmt, assessments, sites, only=s.number)
                for s in sites
            }
        )
        counts: dict[str, int] = {}
        workers = min(4, os.cpu_count() or 1)
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_print, browser, html, folder, n): n for n, html in jobs.items()}
            for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
                counts[futures[future]] = page_count(future.result())
                if progress is not None:
                    progress(done, total + 1, "PDF")
        pages = []
        next_page = counts["front"] + 1
        for s in sites:
            pages.append(str(next_page) if all(counts.values()) else "")
            next_page += counts[f"chapter-{s.number}"]
        html = document_html(review, fmt, assessments, sites, pages=pages)
        data = _print(browser, html, folder, "review")
        if progress is not None:
            progress(total + 1, total + 1, "PDF")
    return write_bytes(target, data, element="PDF file", inputs=review.files)
