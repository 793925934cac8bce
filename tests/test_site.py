"""The whole review as a site, a PDF, one HTML document and Markdown."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pypdf
import pytest

import progmon
from progmon import Ambition, Goal, Indicator, Level, Measurement, Programme, tables
from progmon.cli import main
from progmon.errors import ProgmonFileError, ValidationError
from progmon.report import render_whole, write_whole
from progmon.review import Review

ROOT = Path(__file__).parent.parent
REVIEW = ROOT / "examples" / "review.toml"
DOWNLOADS = ("data/figures.csv", "data/status.csv", "data/rollup.csv", "data/review.xlsx")


@pytest.fixture(scope="module")
def review() -> Review:
    return progmon.load_review(REVIEW)


@pytest.fixture(scope="module")
def site(review: Review, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_whole(review, tmp_path_factory.mktemp("site") / "site", format="site")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_has_an_index_a_page_per_programme_and_per_indicator(
    site: Path, review: Review
) -> None:
    indicators = sum(len(list(top.walk())) for p in review.programmes for top in p.indicators())
    pages = _pages(site)
    assert len(pages) == 1 + len(review.programmes) + indicators
    assert (site / "veiligheid" / "index.html").is_file()
    assert (site / "veiligheid" / "woonoverlast-burengerucht.html").is_file()  # a component
    index = (site / "index.html").read_text(encoding="utf-8")
    for programme in review.programmes:
        assert programme.name.replace("'", "&#39;") in index
    # Every status by symbol and words, not only by colour.
    assert '<span class="sym" aria-hidden="true">▲</span> Op koers</span>' in index
    assert "verzonnen demonstraties" in index


def test_every_page_is_self_contained_and_links_the_downloads(site: Path) -> None:
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        assert "default-src 'none'" in html, page
        assert "<script" not in html, page
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), page
        assert "<link" not in html, page
        assert "@media print" in html, page
        for href in re.findall(r'href="([^"#]+)', html):
            assert (page.parent / href).resolve().is_file(), (page, href)
        for download in DOWNLOADS:
            root = "" if page.parent == site else "../"
            assert f'href="{root}{download}"' in html, (page, download)


def test_the_programme_page_is_the_review_page(site: Path, review: Review) -> None:
    from progmon.report import render

    alone = render(review.assess()[0], format="html")
    main_part = alone.split("<main>", 1)[1].split("</main>", 1)[0]
    page = (site / "veiligheid" / "index.html").read_text(encoding="utf-8")
    # The same page, but for the names in its tables, which link to their pages here.
    unlinked = re.sub(
        r'(<th scope="row">(?:<span[^>]*>[^<]*</span> )?)<a href="[^"]+">(.*?)</a>', r"\1\2", page
    )
    assert main_part in unlinked
    assert main_part not in page
    assert 'href="woonoverlast.html"' in page


def test_the_programme_pages_tables_link_every_indicator_to_its_page(
    site: Path, review: Review
) -> None:
    for programme in site.iterdir():
        if not (programme / "index.html").is_file() or programme.name == "data":
            continue
        page = (programme / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r'<th scope="row">(?:<span[^>]*>[^<]*</span> )?<a href="([^"]+)">', page)
        assert rows, programme
        for href in rows:
            assert (programme / href).is_file(), href
    veiligheid = (site / "veiligheid" / "index.html").read_text(encoding="utf-8")
    assert '<a href="woonoverlast.html">Het aantal meldingen van woonoverlast is gedaald</a>' in (
        veiligheid
    )
    # The single page links nothing of the kind: there are no indicator pages beside it.
    single = progmon.report.render(
        progmon.load(ROOT / "examples" / "veiligheid.toml"), format="html"
    )
    assert 'href="woonoverlast.html"' not in single


def test_the_indicator_page_has_its_figures_sources_target_and_numbers(site: Path) -> None:
    page = (site / "veiligheid" / "woonoverlast.html").read_text(encoding="utf-8")
    for year, value in (("2016", "1.089"), ("2017", "1.089"), ("2018", "1.032"), ("2019", "973")):
        assert re.search(rf"<th scope=\"row\">{year}.*?{re.escape(value)} meldingen", page)
    assert page.count("Politie jaarcijfers 2019") >= 4
    assert "lager dan in 2016, in 2022" in page  # the target
    assert "De getallen van de methode" in page
    assert "groeiratio" in page
    assert '<svg class="chart" role="img" aria-label="Verloop van' in page
    assert "De cijfers van de grafiek staan in de tabel" in page  # the chart's text alternative
    assert 'href="woonoverlast-burengerucht.html"' in page


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_the_downloads_rows_equal_the_assessment(site: Path, review: Review) -> None:
    assessments = review.assess()
    expected = {
        "status": (tables.STATUS_COLUMNS, [r for a in assessments for r in tables.status_rows(a)]),
        "rollup": (tables.ROLLUP_COLUMNS, [r for a in assessments for r in tables.rollup_rows(a)]),
        "figures": (
            tables.FIGURE_COLUMNS,
            [r for a in assessments for r in tables.figure_rows(a.programme)],
        ),
    }
    book = openpyxl.load_workbook(site / "data" / "review.xlsx")
    for name, (columns, rows) in expected.items():
        read = _csv(site / "data" / f"{name}.csv")
        assert read[0] == list(columns)
        assert read[1:] == [[tables.csv_cell(row[c]) for c in columns] for row in rows]
        sheet = list(book[name].iter_rows(values_only=True))
        assert list(sheet[0]) == list(columns)
        assert len(sheet) == len(rows) + 1
    status = _csv(site / "data" / "status.csv")
    programmes = {row[0] for row in status[1:]}
    assert programmes == {"veiligheid", "sport-demo", "wonen-demo"}
    woonoverlast = next(r for r in status[1:] if r[3] == "woonoverlast")
    assert woonoverlast[tables.STATUS_COLUMNS.index("status")] == "achieved"


_HOSTILE = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"


def _hostile() -> Review:
    ind = Indicator(
        id="x/../../evil",
        name=f"Ind {_HOSTILE}",
        unit="report",
        measurements=[Measurement(2018, 10), Measurement(2019, 12)],
        target=Level(20),
        description=_HOSTILE,
        note=_HOSTILE,
    )
    programme = Programme(
        id="../p q",
        name=f"Prog {_HOSTILE}",
        organisation=_HOSTILE,
        summary=_HOSTILE,
        ambitions=[
            Ambition(
                title=_HOSTILE,
                goals=[Goal(id="g", statement=_HOSTILE, deadline=2022, indicators=[ind])],
            )
        ],
    )
    other = Programme(id="INDEX", name="Other", ambitions=[Ambition(title="A")])
    return Review(
        title=f"Review {_HOSTILE}",
        organisation=_HOSTILE,
        description=_HOSTILE,
        programmes=[programme, other],
        as_of=2019,
    )


def test_hostile_texts_stay_escaped_in_every_page_and_names_stay_inside(tmp_path: Path) -> None:
    out = write_whole(_hostile(), tmp_path / "site", format="site")
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert all(p.parts[0] == "site" for p in written)
    assert {str(p) for p in written if p.suffix == ".html"} == {
        "site/index.html",
        "site/programma-1/index.html",
        "site/programma-1/indicator-1.html",
        "site/programma-2/index.html",
    }
    for page in _pages(out):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html, page
        assert "<img" not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page
    html = render_whole(_hostile(), format="html")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert "\\00003Cscript\\00003E" in html  # the PDF footer's CSS string: escaped for CSS
    md = render_whole(_hostile(), format="md")
    assert "<script>" not in md
    assert "&lt;script&gt;" in md


def test_the_site_folder_is_refused_when_a_file_and_never_written_out_of(
    tmp_path: Path, review: Review
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("keep", encoding="utf-8")
    with pytest.raises(ProgmonFileError, match="is a file: the site is a folder"):
        write_whole(review, afile, format="site")
    assert afile.read_text(encoding="utf-8") == "keep"
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "veiligheid").symlink_to(outside)
    with pytest.raises(ProgmonFileError, match="is outside the site's folder"):
        write_whole(review, tmp_path / "site", format="site")
    assert list(outside.iterdir()) == []


def test_never_over_an_input(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    precious = site / "index.html"
    precious.write_text("an input", encoding="utf-8")
    almelo = progmon.load(ROOT / "examples" / "veiligheid.toml")
    review = Review(title="R", programmes=[almelo], files=[precious])
    with pytest.raises(ProgmonFileError, match="is one of the inputs"):
        write_whole(review, site, format="site")
    assert precious.read_text(encoding="utf-8") == "an input"
    with pytest.raises(ProgmonFileError, match="is one of the inputs"):
        write_whole(review, precious, format="pdf")


def test_progress_is_reported_per_programme(tmp_path: Path, review: Review) -> None:
    seen: list[tuple[int, int, str]] = []
    write_whole(review, tmp_path / "s", format="site", progress=lambda *a: seen.append(a))
    assert seen[0] == (0, 3, "Programma Veiligheid")
    assert seen[-1] == (3, 3, "")


def test_the_command_writes_a_site_and_says_nothing_more_off_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(REVIEW), "--format", "site", "-o", str(tmp_path / "s")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"progmon: wrote {tmp_path / 's'}\n"
    assert (tmp_path / "s" / "index.html").is_file()
    # A programme file renders as a site too: a review of one programme.
    programme = ROOT / "examples" / "veiligheid.toml"
    assert main(["report", str(programme), "--format", "site", "-o", str(tmp_path / "one")]) == 0
    assert (tmp_path / "one" / "veiligheid" / "woonoverlast.html").is_file()


def test_english(tmp_path: Path, review: Review) -> None:
    out = write_whole(review, tmp_path / "en", format="site", lang="en")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index
    assert "Download the figures" in index
    with pytest.raises(ValidationError, match="report language"):
        write_whole(review, tmp_path / "de", format="site", lang="de")


@pytest.fixture(scope="module")
def pdf(review: Review, tmp_path_factory: pytest.TempPathFactory) -> pypdf.PdfReader:
    path = write_whole(review, tmp_path_factory.mktemp("pdf") / "review.pdf", format="pdf")
    assert path.read_bytes()[:5] == b"%PDF-"
    return pypdf.PdfReader(path)


def test_the_pdf_has_contents_page_numbers_and_a_page_per_chapter(
    pdf: pypdf.PdfReader, review: Review
) -> None:
    texts = [page.extract_text() for page in pdf.pages]
    total = len(texts)
    assert total > 1 + len(review.programmes)
    first = texts[0]
    assert "Midterm Review Programma's 2020" in first
    assert "Inhoud" in first
    starts = []
    for programme in review.programmes:
        line = next(x for x in first.splitlines() if programme.name in x)
        starts.append(int(line.rsplit(" ", 1)[1]))
    assert starts == sorted(starts)
    assert starts[0] == 2
    for programme, start in zip(review.programmes, starts, strict=True):
        page = " ".join(texts[start - 1].split())
        assert programme.name in page, (programme.name, start)
        assert "Samenvatting" in page  # the chapter starts on its own page
        if start > 2:
            assert "Gemaakt met progmon" in texts[start - 2]  # the previous one ended before it
    for number, text in enumerate(texts[1:], start=2):
        assert f"pagina {number} / {total}" in text
    assert "pagina 1 /" not in first  # no number on the cover
    everything = "\n".join(texts)
    assert "Het aantal meldingen van woonoverlast is gedaald" in everything
    assert "Verzonnen demonstratiepanel" in everything


def test_the_pdf_draws_its_charts_as_vectors(pdf: pypdf.PdfReader) -> None:
    assert all(len(page.images) == 0 for page in pdf.pages)
    # The charts' texts are text in the PDF, not pixels.
    assert "projectie" in "\n".join(page.extract_text() for page in pdf.pages)


def test_without_chromium_one_line_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PROGMON_CHROMIUM", raising=False)
    assert main(["report", str(REVIEW), "--format", "pdf", "-o", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "install it (sudo apt-get install chromium)" in err
    assert not (tmp_path / "r.pdf").exists()
