"""The executive summary PDF: the key figures are in its text, and it fetches nothing from outside."""

import subprocess

import pytest
from django.core.management import CommandError, call_command

from reports import pdf
from reports.actions import render_summary_pdf
from reports.periods import parse_range

from .conftest import NOVEMBER

pytestmark = pytest.mark.django_db


def pdf_text(data, tmp_path):
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pdf_holds_the_key_figures_in_indonesian(surveyed, tmp_path):
    # Dispenduk 30 x (3,3,2,4,3,3,4,3,3) and Polresta 10 x 4s: NRR U3 = (60 + 40) / 40 = 2.5.
    data = render_summary_pdf(surveyed, parse_range(*NOVEMBER))
    assert data.startswith(b"%PDF") and len(data) < 1024 * 1024
    text = pdf_text(data, tmp_path)
    assert "November 2026" in text
    assert "Oktober 2026" in text  # compared with the month before
    assert "40 responden" in text
    assert "U3 Waktu penyelesaian (nilai 2,50 dari 4)" in text
    assert "IKM = (NRR U1 + … + NRR U9) × 1/9 × 25" in text
    assert "tidak berfungsi" in text  # the broken channel finding
    assert "Temuan dan rekomendasi" in text and "Lampiran" in text


def test_the_pdf_speaks_english(surveyed, tmp_path):
    text = pdf_text(render_summary_pdf(surveyed, parse_range(*NOVEMBER), "en"), tmp_path)
    assert "Findings and recommendations" in text
    assert "40 respondents" in text
    assert "Temuan" not in text


def test_the_command_writes_the_pdf(surveyed, tmp_path, capsys):
    out = tmp_path / "ringkasan.pdf"
    call_command("summary_pdf", "taman", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert "KB in" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args", [["--from", "2026-11-31", "--to", "2026-12-01"], ["--from", "2026-12-01", "--to", "2026-11-01"]]
)
def test_the_command_refuses_bad_dates(surveyed, tmp_path, args):
    with pytest.raises(CommandError):
        call_command("summary_pdf", "taman", *args, "--out", str(tmp_path / "x.pdf"))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/secret",
        "file:///etc/passwd",
        f"{pdf.BASE_URL}etc/passwd",
        f"{pdf.BASE_URL}static/../../pyproject.toml",
        "https://report.invalid.evil.example/static/css/report.css",
    ],
)
def test_the_pdf_renderer_fetches_nothing_but_our_static_files(url):
    with pytest.raises(ValueError):
        pdf.StaticOnlyFetcher().fetch(url)
    assert pdf.StaticOnlyFetcher().fetch(f"{pdf.BASE_URL}static/css/report.css").read().startswith(b"/*")


def test_markup_pointing_outside_is_not_fetched(tmp_path):
    html = '<p>ok</p><img src="file:///etc/passwd"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    assert pdf.html_to_pdf(html).startswith(b"%PDF")
