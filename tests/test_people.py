"""People and numbers: grouping, ages by grammar, counts, names, and the facts file."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import findings

import checker
from checker.engine import analyse
from checker.source import InputError, read_text
from checker.source.known import load_facts

SEED = "seeds/kim-jong-un-leaves-beijing.txt"


def people(text: str, date: str = "2024-06-05"):
    return analyse(read_text(text), publication_date_given=dt.date.fromisoformat(date)).facts.people


def test_people_sharing_a_surname_are_kept_apart():
    p = people("Tomas Reyes, 42, and his brother Mateo Reyes, 39, pulled her out. "
               "Reyes said it was nothing.")
    names = sorted(x.name for x in p.persons if x.first)
    assert names == ["Mateo Reyes", "Tomas Reyes"]
    ages = {p.person(a.person).name: a.age for a in p.ages}
    assert ages == {"Tomas Reyes": 42, "Mateo Reyes": 39}
    bare = [n for n in p.names if n.text == "Reyes" and not n.full_name]
    assert all(n.person is None for n in bare)  # which Reyes? nobody guesses


def test_a_short_name_joins_only_someone_already_introduced():
    p = people("Kim Jong Un left Beijing. Kim's tour came after his birthday. "
               "Duyeon Kim, an analyst, said Kim wanted peace.")
    kim = next(x for x in p.persons if x.name == "Kim Jong Un")
    first_kim = next(n for n in p.names if n.text == "Kim" and not n.full_name)
    assert first_kim.person == kim.id


@pytest.mark.parametrize(("text", "date"), [
    (("Sébastien Morel was appointed head coach. Morel, born in 1980, played 200 games. "
     "He guided Montauban to promotion. \"We attack,\" the 51-year-old said."), "2023-09-26"),
    ("The singer Ana Duarte (44) spoke first. Later Duarte, aged 41, sang.", "2024-05-01"),
    ("Harold Benn, who was born on 2 May 1950, has died aged 70. He died on Friday.",
     "2024-05-20"),
    ("Ines Varga celebrated her 90th birthday on Sunday. Born in 1930, she still swims.",
     "2024-06-11"),
])
def test_age_mismatch_in_other_words(text, date):
    assert findings(text, date, rule="age-mismatch")


@pytest.mark.parametrize(("text", "date"), [
    ("Ana Duarte, 44, spoke first. Duarte moved to Lisbon at the age of seven.", "2024-05-01"),
    ("Derek Ashworth, born on 3 March 1941, retired in 2006. He has died aged 83.",
     "2024-04-17"),
    (("Margaret Ellison, born on 29 February 1948, is turning 76. Her grandson Josh, who was "
     "born on 29 February, in 2004, turns 20 today."), "2024-02-29"),
    (("At Wimbledon last July, the then 35-year-old Adaeze Okonjo reached the quarter-finals. "
     "Okonjo, who turned 36 on Saturday, was born in February 1988."), "2024-02-20"),
])
def test_consistent_ages_pass(text, date):
    assert not findings(text, date, rule="age-mismatch")


@pytest.mark.parametrize(("text", "flag"), [
    ("Nine miners were trapped underground. Rescuers reached the 10 trapped miners at dawn.",
     True),
    ("Two climbers died on the ridge. The three climbers had set out at dawn.", True),
    (("Two people were killed in the crash, and a third died later in hospital. The toll now "
     "stands at three people."), False),
    ("Five councillors voted for the plan and four against. Five harbours are affected.",
     False),
    ("The 24 teams play in four groups; the top 12 teams go through.", False),
])
def test_counts(text, flag):
    assert bool(findings(text, "2024-05-01", rule="number-conflict")) is flag


@pytest.mark.parametrize(("text", "flag"), [
    (("Councillor Brendan Quilty proposed the motion. Quilty said it was overdue, and Quillty "
     "later added that the vote was close."), True),
    ("Dr Sunita Raman led the study. Dr Ramen said the results were clear.", True),
    ("Anna Berg and her colleague Tom Bergh wrote the report. Bergh said it was late.", False),
    ("Shares in Indonesia Air fell. The Indonesian carrier said demand was weak.", False),
])
def test_name_variants(text, flag):
    assert bool(findings(text, "2024-05-01", rule="name-variant")) is flag


def test_facts_file_adds_exactly_one_finding_to_the_seed(root, monkeypatch):
    monkeypatch.chdir(root)
    plain = checker.check_file(SEED).findings
    with_facts = checker.check_file(SEED, facts="seeds/facts.toml").findings
    added = [f for f in with_facts if f not in plain]
    assert len(with_facts) == len(plain) + 1 and len(added) == 1
    (f,) = added
    assert f.rule == "age-mismatch" and "seeds/facts.toml" in f.message
    assert "born on 8 January 1984" in f.message and "not 35" in f.message


def test_bad_facts_files_say_what_is_wrong(tmp_path):
    bad = tmp_path / "facts.toml"
    bad.write_text('[[person]]\nname = "A"\nbirth = 1984-01-08\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown key"):
        load_facts(bad)
    with pytest.raises(InputError, match="no such facts file"):
        load_facts(tmp_path / "missing.toml")


def test_counts_before_an_explained_update_do_not_conflict_with_counts_after_it():
    text = ("Three people were killed in the blast on Monday. Police named the four victims. "
            "The death toll later rose to six. The six victims were buried on Friday.")
    found = findings(text, "2024-05-10", rule="number-conflict")
    assert [text[f.span.start:f.span.end] for f in found] == ["four"]


def test_superscript_and_other_digit_signs_are_not_counts():
    """'²'.isdigit() is true but int('²') fails: such signs must not crash the counts."""
    import checker

    report = checker.check_text("B\x85² people were hurt. The ³ victims went home.",
                                publication_date="2024-01-01")
    assert [f.rule for f in report.findings] == []


def test_a_birthday_in_a_known_month_gives_one_age():
    """Born in 1985 and 'turned 37 in June' of 2024: the age reached is 39, exactly."""
    import checker

    (finding,) = checker.check_text("Coach Mike Macdonald, who turned 37 in June, was born "
                                    "in 1985.", publication_date="2024-09-09").findings
    assert finding.rule == "age-mismatch" and "so was 39 in June 2024" in finding.message


def test_the_last_word_of_another_name_is_not_an_earlier_person():
    """'Nima Nuru Sherpa, 58' (which the tagger calls a place) is not 'Pemba Sherpa'."""
    import checker

    text = ("The dead included a 34-year-old guide, Pemba Sherpa, who had climbed Everest "
            "11 times. Its president, Nima Nuru Sherpa, 58, said the mountain had changed.")
    assert checker.check_text(text, publication_date="2024-10-18").findings == []
