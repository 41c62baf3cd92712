"""reports.periods: labels, Decree 09 cut-offs and deadlines, with every seed's rules."""

from datetime import date
from types import SimpleNamespace

import pytest

from reports import periods as P


def _d(s: str) -> date:
    day, month, year = (int(x) for x in s.split("/"))
    return date(year, month, day)


class TestLabels:
    def test_quarter_labels_use_roman_numerals(self):
        """Quarters are labelled "Quý I/2024" … "Quý IV/2024"."""
        specs = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=25,
                              plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))
        assert [s.label for s in specs] == ["Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024"]

    def test_month_labels(self):
        """Months are labelled "Tháng 3/2024"."""
        specs = P.periods_for(frequency=P.MONTHLY, due_rule=P.DAYS_AFTER_END, due_day=5,
                              plan_start=date(2024, 3, 1), plan_end=date(2024, 4, 30))
        assert [s.label for s in specs] == ["Tháng 3/2024", "Tháng 4/2024"]

    def test_half_nine_months_and_year_labels(self):
        """6-month, 9-month and annual labels as reports write them."""
        kw = dict(due_rule=P.DAYS_AFTER_END, due_day=10, plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))
        assert P.periods_for(frequency=P.HALF_YEAR, **kw)[0].label == "6 tháng đầu năm 2024"
        assert P.periods_for(frequency=P.NINE_MONTHS, **kw)[0].label == "9 tháng năm 2024"
        assert P.periods_for(frequency=P.ANNUAL, **kw)[0].label == "Năm 2024"

    def test_once_label_from_deadline_or_name(self):
        """A one-off report is "Báo cáo ngày dd/mm/yyyy" unless the requirement has a name."""
        kw = dict(frequency=P.ONCE, due_rule=P.FIXED_DATE, due_date=date(2024, 12, 5),
                  plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))
        assert P.periods_for(**kw)[0].label == "Báo cáo ngày 05/12/2024"
        assert P.periods_for(name="Báo cáo kết quả năm 2024", **kw)[0].label == "Báo cáo kết quả năm 2024"


class TestDecree09Windows:
    @pytest.mark.parametrize(
        "frequency,start,end,cutoff",
        [
            (P.MONTHLY, "01/03/2024", "31/03/2024", ("15/02/2024", "14/03/2024")),
            (P.MONTHLY, "01/01/2024", "31/01/2024", ("15/12/2023", "14/01/2024")),
            (P.QUARTERLY, "01/01/2024", "31/03/2024", ("15/12/2023", "14/03/2024")),
            (P.QUARTERLY, "01/04/2024", "30/06/2024", ("15/03/2024", "14/06/2024")),
            (P.QUARTERLY, "01/07/2024", "30/09/2024", ("15/06/2024", "14/09/2024")),
            (P.QUARTERLY, "01/10/2024", "31/12/2024", ("15/09/2024", "14/12/2024")),
            (P.HALF_YEAR, "01/01/2024", "30/06/2024", ("15/12/2023", "14/06/2024")),
            (P.NINE_MONTHS, "01/01/2024", "30/09/2024", ("15/12/2023", "14/09/2024")),
            (P.ANNUAL, "01/01/2024", "31/12/2024", ("15/12/2023", "14/12/2024")),
        ],
    )
    def test_windows(self, frequency, start, end, cutoff):
        """Decree 09: 15th of the month before → 14th of the last month (deadline far enough)."""
        specs = P.periods_for(frequency=frequency, due_rule=P.DAYS_AFTER_END, due_day=20,
                              plan_start=_d(start), plan_end=_d(end))
        assert len(specs) == 1
        assert (specs[0].cutoff_start, specs[0].cutoff_end) == (_d(cutoff[0]), _d(cutoff[1]))
        assert (specs[0].start, specs[0].end) == (_d(start), _d(end))

    def test_calendar_period_rule(self):
        """The 'period' rule covers the calendar period."""
        s = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAYS_AFTER_END, due_day=15, cutoff_rule=P.CUTOFF_PERIOD,
                          plan_start=date(2024, 7, 1), plan_end=date(2024, 9, 30))[0]
        assert (s.cutoff_start, s.cutoff_end) == (date(2024, 7, 1), date(2024, 9, 30))

    def test_up_to_deadline_rule(self):
        """The 'due' rule covers the period's start up to the deadline."""
        s = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=25, cutoff_rule=P.CUTOFF_DUE,
                          plan_start=date(2024, 7, 1), plan_end=date(2024, 9, 30))[0]
        assert (s.cutoff_start, s.cutoff_end) == (date(2024, 7, 1), date(2024, 9, 25))

    def test_cutoff_never_reaches_the_deadline(self):
        """A deadline before the Decree 09 end pulls the cut-off to the day before (nearest date)."""
        s = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=10,
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 3, 31))[0]
        assert s.cutoff_end == date(2024, 3, 9)
        s = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=10, cutoff_rule=P.CUTOFF_PERIOD,
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 3, 31))[0]
        assert s.cutoff_end == date(2024, 3, 9)


class TestSeed001:
    """Ngọc Hồi 2023–2025: quarterly before day 25 of the last month, 6-month 15/06, annual 15/12."""

    plan = dict(plan_start=date(2023, 1, 1), plan_end=date(2025, 12, 31))

    def test_quarterly_deadlines(self):
        specs = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=25, **self.plan)
        assert len(specs) == 12
        assert [s.due_date for s in specs[4:8]] == [date(2024, 3, 25), date(2024, 6, 25), date(2024, 9, 25), date(2024, 12, 25)]
        assert specs[0].cutoff_start == date(2022, 12, 15) and specs[0].cutoff_end == date(2023, 3, 14)

    def test_half_year_deadline(self):
        specs = P.periods_for(frequency=P.HALF_YEAR, due_rule=P.DAY_MONTH, due_day=15, due_month=6, **self.plan)
        assert [s.due_date for s in specs] == [date(2023, 6, 15), date(2024, 6, 15), date(2025, 6, 15)]
        assert specs[1].cutoff_end == date(2024, 6, 14)

    def test_annual_deadline(self):
        specs = P.periods_for(frequency=P.ANNUAL, due_rule=P.DAY_MONTH, due_day=15, due_month=12, **self.plan)
        assert [(s.label, s.due_date) for s in specs] == [
            ("Năm 2023", date(2023, 12, 15)), ("Năm 2024", date(2024, 12, 15)), ("Năm 2025", date(2025, 12, 15))
        ]
        assert (specs[1].cutoff_start, specs[1].cutoff_end) == (date(2023, 12, 15), date(2024, 12, 14))


class TestSeed002:
    """Sơn Hà 2024: units report before 05/12/2024; Phòng TC-KH consolidates before 10/12/2024."""

    def test_one_off_reports(self):
        kw = dict(frequency=P.ONCE, due_rule=P.FIXED_DATE, plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))
        units = P.periods_for(due_date=date(2024, 12, 5), **kw)[0]
        district = P.periods_for(due_date=date(2024, 12, 10), **kw)[0]
        assert (units.label, units.due_date, units.start, units.end) == (
            "Báo cáo ngày 05/12/2024", date(2024, 12, 5), date(2024, 1, 1), date(2024, 12, 5))
        assert units.cutoff_end == date(2024, 12, 4)
        assert district.due_date == date(2024, 12, 10) and district.end == date(2024, 12, 10)

    def test_one_off_days_after_plan_end(self):
        """A one-off 'N days after the end' report covers the whole plan."""
        s = P.periods_for(frequency=P.ONCE, due_rule=P.DAYS_AFTER_END, due_day=15,
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))[0]
        assert (s.start, s.end, s.due_date) == (date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 15))


class TestSeed003:
    """Đồng Tháp 2021–2025: 6-month report on 20/05, annual on 20/11."""

    plan = dict(plan_start=date(2021, 1, 1), plan_end=date(2025, 12, 31))

    def test_six_month_on_20_may(self):
        specs = P.periods_for(frequency=P.HALF_YEAR, due_rule=P.DAY_MONTH, due_day=20, due_month=5, **self.plan)
        assert [s.due_date for s in specs] == [date(y, 5, 20) for y in range(2021, 2026)]
        # Decree 09 would run to 14/06, after the deadline: the nearest date is 19/05.
        assert (specs[0].cutoff_start, specs[0].cutoff_end) == (date(2020, 12, 15), date(2021, 5, 19))

    def test_annual_on_20_november(self):
        specs = P.periods_for(frequency=P.ANNUAL, due_rule=P.DAY_MONTH, due_day=20, due_month=11, **self.plan)
        assert [s.due_date for s in specs] == [date(y, 11, 20) for y in range(2021, 2026)]
        assert specs[-1].cutoff_end == date(2025, 11, 19)


class TestEdges:
    def test_day_31_in_short_months(self):
        """Day 31 of the last month is clamped: 30/06, 30/09, 31/03, 31/12."""
        specs = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=31,
                              plan_start=date(2025, 1, 1), plan_end=date(2025, 12, 31))
        assert [s.due_date for s in specs] == [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)]

    def test_day_30_in_february_leap_and_common(self):
        """Monthly day 30 falls on 29/02 in a leap year and 28/02 otherwise."""
        for year, expected in ((2024, 29), (2023, 28), (2100, 28), (2000, 29)):
            specs = P.periods_for(frequency=P.MONTHLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=30,
                                  plan_start=date(year, 2, 1), plan_end=date(year, 2, 28))
            assert specs[0].due_date == date(year, 2, expected)

    def test_29_february_each_year(self):
        """A fixed 29/02 deadline each year falls back to 28/02 in common years."""
        specs = P.periods_for(frequency=P.ANNUAL, due_rule=P.DAY_MONTH, due_day=29, due_month=2,
                              plan_start=date(2023, 1, 1), plan_end=date(2024, 12, 31))
        assert [s.due_date for s in specs] == [date(2023, 2, 28), date(2024, 2, 29)]

    def test_days_after_end_crosses_the_year(self):
        """Q4 + 20 days is in January of the next year; monthly December + 10 days too."""
        s = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAYS_AFTER_END, due_day=20,
                          plan_start=date(2024, 10, 1), plan_end=date(2024, 12, 31))[0]
        assert s.due_date == date(2025, 1, 20)
        assert (s.cutoff_start, s.cutoff_end) == (date(2024, 9, 15), date(2024, 12, 14))

    def test_january_window_starts_in_previous_year(self):
        """The Decree 09 window of January starts on 15/12 of the previous year."""
        assert P.decree09_window(date(2025, 1, 1), date(2025, 1, 31)) == (date(2024, 12, 15), date(2025, 1, 14))

    def test_plan_starting_mid_quarter_includes_that_quarter(self):
        """A plan from 15/08/2025 gets Q3/2025 (overlapping) through Q4/2026."""
        specs = P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH, due_day=25,
                              plan_start=date(2025, 8, 15), plan_end=date(2026, 12, 31))
        assert specs[0].label == "Quý III/2025" and specs[-1].label == "Quý IV/2026" and len(specs) == 6

    def test_one_off_fixed_date_before_plan_start_is_clamped(self):
        """A one-off date before the plan starts still yields a valid period (end ≥ start)."""
        s = P.periods_for(frequency=P.ONCE, due_rule=P.FIXED_DATE, due_date=date(2023, 12, 20),
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))[0]
        assert s.start == s.end == date(2024, 1, 1)
        assert s.cutoff_end >= s.cutoff_start

    def test_every_period_is_well_formed(self):
        """For every frequency and rule: end ≥ start, cut-off ordered, cut-off before the deadline."""
        for freq in (P.MONTHLY, P.QUARTERLY, P.HALF_YEAR, P.NINE_MONTHS, P.ANNUAL):
            for rule, kw in ((P.DAY_OF_LAST_MONTH, {"due_day": 31}), (P.DAY_MONTH, {"due_day": 15, "due_month": 12}),
                             (P.DAYS_AFTER_END, {"due_day": 0})):
                for cutoff in (P.CUTOFF_DECREE_09, P.CUTOFF_PERIOD, P.CUTOFF_DUE):
                    for s in P.periods_for(frequency=freq, due_rule=rule, cutoff_rule=cutoff,
                                           plan_start=date(2023, 11, 20), plan_end=date(2025, 2, 10), **kw):
                        assert s.end >= s.start and s.cutoff_end >= s.cutoff_start
                        if cutoff != P.CUTOFF_DUE:
                            assert s.cutoff_end < s.due_date or s.cutoff_end == s.cutoff_start

    def test_missing_rule_values_raise(self):
        """A rule without its day/date raises PeriodRuleError."""
        with pytest.raises(P.PeriodRuleError):
            P.periods_for(frequency=P.QUARTERLY, due_rule=P.DAY_OF_LAST_MONTH,
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))
        with pytest.raises(P.PeriodRuleError):
            P.periods_for(frequency=P.ONCE, due_rule=P.FIXED_DATE,
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))
        with pytest.raises(P.PeriodRuleError):
            P.periods_for(frequency="weekly", due_rule=P.FIXED_DATE,
                          plan_start=date(2024, 1, 1), plan_end=date(2024, 12, 31))

    def test_requirement_like_object(self):
        """periods_for_requirement reads a requirement's attributes (and its plan's dates)."""
        req = SimpleNamespace(frequency="quarterly", due_rule="day_of_last_month", due_day=25, due_month=None,
                              due_date=None, cutoff_rule="decree09", name="",
                              plan=SimpleNamespace(period_start=date(2024, 1, 1), period_end=date(2024, 6, 30)))
        assert [s.due_date for s in P.periods_for_requirement(req)] == [date(2024, 3, 25), date(2024, 6, 25)]
