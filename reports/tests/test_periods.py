import datetime

import pytest

from reports import periods

D = datetime.date


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, (D(2026, 11, 1), D(2026, 11, 30), "month")),
        ({"periode": "2026-02"}, (D(2026, 2, 1), D(2026, 2, 28), "month")),
        ({"periode": "2026-Q3"}, (D(2026, 7, 1), D(2026, 9, 30), "quarter")),
        ({"periode": "2025"}, (D(2025, 1, 1), D(2025, 12, 31), "year")),
        ({"dari": "2026-03-05", "sampai": "2026-03-18"}, (D(2026, 3, 5), D(2026, 3, 18), "custom")),
        ({"dari": "2026-04-01", "sampai": "2026-06-30"}, (D(2026, 4, 1), D(2026, 6, 30), "quarter")),
    ],
)
def test_it_reads_months_quarters_years_and_ranges(params, expected):
    p = periods.from_params(params, today=D(2026, 12, 4))
    assert (p.date_from, p.date_to, p.kind) == expected


@pytest.mark.parametrize(
    "params",
    [{"periode": "2026-13"}, {"periode": "kemarin"}, {"dari": "2026-05-01", "sampai": "2026-04-01"}, {"dari": "x"}],
)
def test_it_refuses_periods_it_cannot_read(params):
    with pytest.raises(periods.PeriodError):
        periods.from_params(params, today=D(2026, 12, 4))


def test_the_previous_period_lines_up_with_its_kind():
    assert periods.month(D(2026, 3, 9)).previous() == periods.month(D(2026, 2, 1))
    assert periods.quarter(D(2026, 1, 9)).previous() == periods.quarter(D(2025, 10, 1))
    assert periods.year(2026).previous() == periods.year(2025)
    custom = periods.parse_range("2026-03-05", "2026-03-18")
    assert (custom.previous().date_from, custom.previous().date_to) == (D(2026, 2, 19), D(2026, 3, 4))


def test_labels_are_plain_words():
    assert periods.month(D(2026, 8, 1)).label() == "Agustus 2026"
    assert periods.quarter(D(2026, 8, 1)).label() == "Triwulan 3 2026"
