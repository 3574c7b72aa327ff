"""Merging rule and model spans, and the ``___`` replacement that keeps the layout."""

from __future__ import annotations

import pytest

from cxrbuild.text.deid import PhiSpan, ReportDeidentifier, merge_spans, shift_date
from cxrbuild.text.rules import RuleSpan

REPORT = """                                 FINAL REPORT
 EXAMINATION:  CHEST (PA AND LAT)

 INDICATION:  93 year old woman with cough.

 COMPARISON:  03/12/2012.

 FINDINGS:

 Swan-Ganz catheter tip in the right pulmonary artery.  Kerley B lines.
 Findings discussed with Dr. Hall at 10:15 a.m. on 3/14/2012.

 IMPRESSION:

 No pneumothorax.
"""


def test_layout_is_kept_and_each_span_becomes_three_underscores(rules_only):
    result = rules_only.deidentify(REPORT)
    assert result.text.splitlines() == [
        "                                 FINAL REPORT",
        " EXAMINATION:  CHEST (PA AND LAT)",
        "",
        " INDICATION:  ___ year old woman with cough.",
        "",
        " COMPARISON:  ___.",
        "",
        " FINDINGS:",
        "",
        " Swan-Ganz catheter tip in the right pulmonary artery.  Kerley B lines.",
        " Findings discussed with Dr. ___ at ___ on ___.",
        "",
        " IMPRESSION:",
        "",
        " No pneumothorax.",
    ]
    assert result.text.endswith("\n")


def test_spans_index_the_input_text(rules_only):
    result = rules_only.deidentify(REPORT)
    found = {REPORT[s.start:s.end]: s.label for s in result.spans}
    assert found == {"93": "AGE", "03/12/2012": "DATE", "Hall": "NAME", "10:15 a.m.": "TIME", "3/14/2012": "DATE"}
    # rebuilding the output from the spans gives the same text
    rebuilt, cursor = [], 0
    for span in result.spans:
        rebuilt += [REPORT[cursor:span.start], "___"]
        cursor = span.end
    assert "".join([*rebuilt, REPORT[cursor:]]) == result.text


def test_span_that_cuts_a_word_is_widened_to_the_whole_word():
    text = "Seen by Johnson today."
    assert merge_spans(text, [RuleSpan(9, 12, "NAME", "model")]) == [PhiSpan(8, 15, "NAME")]


def test_span_across_a_line_break_is_split_per_line():
    text = "Lives at 12 Elm Street\n Springfield now."
    spans = merge_spans(text, [RuleSpan(9, 34, "LOCATION", "model")])
    assert [text[s.start:s.end] for s in spans] == ["12 Elm Street", "Springfield"]


def test_overlapping_and_adjacent_spans_of_one_label_merge():
    text = "On March 3, 2012 and 4 pm."
    spans = merge_spans(
        text,
        [RuleSpan(3, 10, "DATE", "a"), RuleSpan(12, 16, "DATE", "b"), RuleSpan(5, 8, "DATE", "c"), RuleSpan(21, 25, "TIME", "d")],
    )
    assert [(text[s.start:s.end], s.label) for s in spans] == [("March 3, 2012", "DATE"), ("4 pm", "TIME")]


def test_existing_underscores_are_never_part_of_a_span():
    text = "Dr. ___ Smith"
    spans = merge_spans(text, [RuleSpan(4, 13, "NAME", "model")])
    assert [text[s.start:s.end] for s in spans] == ["Smith"]


def test_full_dates_are_shifted_when_the_settings_ask_for_it():
    import datetime as dt

    deidentifier = ReportDeidentifier(settings={"use_model": False, "dates": "shift"})
    text = "Compared with 03/12/2012 and March 3, 2011 and March 2011, at 10:15."
    shift = (dt.date(2131, 3, 12) - dt.date(2012, 3, 12)).days  # into the release's years
    prior = dt.date(2011, 3, 3) + dt.timedelta(days=shift)
    result = deidentifier.deidentify(text, day_shift=shift)
    assert result.text == f"Compared with 03/12/2131 and {prior:%B} {prior.day}, {prior.year} and ___, at ___."
    # a prior from long before the index admission would shift below 2100: removed, not released
    old = deidentifier.deidentify("Unchanged since 01/05/1975.", day_shift=shift)
    assert old.text == "Unchanged since ___."
    # without a shift the dates are removed
    assert deidentifier.deidentify(text).text == "Compared with ___ and ___ and ___, at ___."


@pytest.mark.parametrize(
    ("value", "days", "expected"),
    [
        ("2012-03-12", 1, "2012-03-13"),
        ("12/31/99", 1, "01/01/00"),
        ("20120228", 2, "20120301"),
        ("3rd of March 2012", -3, "29th of February 2012"),
        ("MAR 1, 2012", 31, "APR 1, 2012"),
        ("March 2012", 10, None),
    ],
)
def test_shift_date_keeps_the_written_form(value, days, expected):
    assert shift_date(value, days) == expected


def test_unknown_settings_are_refused():
    from cxrbuild.util.errors import CxrbuildError

    with pytest.raises(CxrbuildError, match="unknown key"):
        ReportDeidentifier(settings={"date": "shift"})
