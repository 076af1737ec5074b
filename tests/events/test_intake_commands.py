"""manage.py read_report and score_intake: the reader for batches and for measurement."""

import json
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command

BASE = Path(__file__).resolve().parents[2]
DEVSET = BASE / "events" / "intake" / "devset"
# The schema agreed for proposals, kept with the reader.
SCHEMA = BASE / "events" / "intake" / "schema.json"
pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("report", sorted(DEVSET.glob("*.txt")), ids=lambda path: path.stem)
def test_read_report_prints_json_in_the_agreed_schema(report):
    data = json.loads(run("read_report", str(report), "--json", "--published", "2025-11-08"))

    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    for name, evidence in data["evidence"].items():
        # Target countries and schemes keep their evidence by code and name.
        if name not in ("target_countries", "schemes"):
            assert 0 < evidence["confidence"] <= 1
            assert all(0 <= a < b <= len(report.read_text()) for a, b in evidence["spans"])


def test_read_report_summary_names_the_chief_guest():
    seed = next(DEVSET.glob("seed_000_*.txt"))

    out = run("read_report", str(seed))

    assert "Figure msmes: 300 (more_than)" in out
    assert "Person: नरेंद्र जीना (" in out and "chief_guest, valedictory" in out


def test_read_report_refuses_a_report_in_another_language(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Отчёт о выставке в Пуне: более 300 компаний.", encoding="utf-8")

    with pytest.raises(CommandError, match="not in English, Hindi, Marathi or Persian"):
        run("read_report", str(report), "--json")


def test_read_report_refuses_a_binary_file(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")

    with pytest.raises(CommandError, match="Cannot read"):
        run("read_report", str(report))


def test_score_intake_prints_a_table_of_every_field():
    out = run("score_intake", str(DEVSET))

    lines = out.splitlines()
    assert lines[0].split("|")[1:5] == [
        " field            ",
        " precision ",
        " recall ",
        " F1 / rate  ",
    ]
    rows = {line.split("|")[1].strip(): line for line in lines if line.startswith("|")}
    for name in ("figures", "target_countries", "organisers", "people", "kind", "start_date"):
        assert name in rows
    assert "13 reports; reading time mean" in out
    # Mean reading time stays under a second a report.
    mean = float(out.split("reading time mean ")[1].split(" s")[0])
    assert mean < 1


def test_score_intake_needs_gold_annotations(tmp_path):
    with pytest.raises(CommandError, match="No gold annotations"):
        run("score_intake", str(tmp_path))
