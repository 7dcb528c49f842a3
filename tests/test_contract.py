from storyline.contract import contract_errors
from storyline.records import Analysis


def test_contract_example_analysis_is_valid(peace_talks: Analysis) -> None:
    assert contract_errors(peace_talks.to_dict()) == []


def test_contract_round_trips_through_from_dict(peace_talks: Analysis) -> None:
    data = peace_talks.to_dict()
    assert Analysis.from_dict(data).to_dict() == data


def test_contract_reports_broken_offsets(peace_talks: Analysis) -> None:
    data = peace_talks.to_dict()
    data["entities"][0]["mentions"][0]["start"] += 1
    errors = contract_errors(data)
    assert len(errors) == 1 and errors[0].startswith("entities/e1/mentions")


def test_contract_reports_schema_violations(peace_talks: Analysis) -> None:
    data = peace_talks.to_dict()
    data["quotes"] = [{"id": "q1", "kind": "rumour"}]
    assert any(error.startswith("quotes/0") for error in contract_errors(data))


def test_a_1_0_analysis_without_article_warnings_still_validates_and_reads(peace_talks: Analysis) -> None:
    data = peace_talks.to_dict()
    data["schema_version"] = "1.0"
    del data["article"]["warnings"]
    assert contract_errors(data) == []
    assert Analysis.from_dict(data).article.warnings == []
