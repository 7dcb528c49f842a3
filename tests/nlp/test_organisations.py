from storyline.nlp.organisations import is_intergovernmental


def test_is_intergovernmental_knows_full_names_and_acronyms():
    assert is_intergovernmental(["the United Nations"])
    assert is_intergovernmental(["NATO"])
    assert is_intergovernmental(["International Atomic Energy Agency"])


def test_is_intergovernmental_reads_a_name_that_begins_with_an_organisation():
    assert is_intergovernmental(["U.N. peacekeepers"])
    assert is_intergovernmental(["EU's foreign policy chief"])


def test_is_intergovernmental_rejects_lowercase_acronyms_and_other_bodies():
    assert not is_intergovernmental(["who"])
    assert not is_intergovernmental(["Amnesty International"])
    assert not is_intergovernmental(["Sunday Times"])
    assert not is_intergovernmental(["Kim Jong Un"])
