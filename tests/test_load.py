"""sotay.load: the model is built from the check's first pass while the rest of the check (foreign keys,
domain rules) runs in a second process; verified() has the last word, and a build publishes nothing first."""
from __future__ import annotations

import contextlib
import datetime as dt
import signal
import time

import pytest

from conftest import edit_cell
from sotay import load
from sotay.errors import DataError

TODAY = dt.date(2023, 1, 20)


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.delenv("SOTAY_JOBS", raising=False)
    monkeypatch.setattr(load.background.threading, "active_count", lambda: 1)  # see test_background.py
    load.forget()
    yield
    load.forget()


def test_valid_data_gives_its_model_once_the_rest_of_the_check_is_in(mini):
    loading = load.start_loading(mini, TODAY)
    assert loading.model is not None and loading._job.forked  # built before the rules were in
    assert loading.verified() is loading.model
    assert load.load_model(mini, TODAY) is loading.model  # unchanged data: the same model


def test_a_rule_broken_fails_verification_though_the_model_was_built(mini):
    edit_cell(mini / "teams/288.csv", 3, "dissolved_on", "2022-06-30")  # members and reports go on after it
    loading = load.start_loading(mini, TODAY)
    assert loading.model is not None  # every cell is fine: the first pass found nothing
    with pytest.raises(DataError) as caught:
        loading.verified()
    assert "members/288.csv:3:until: (trống): tổ đã giải thể ngày 30/06/2022" in caught.value.report()
    with pytest.raises(DataError):  # asked again (mkdocs serve on unchanged data): the same answer
        loading.verified()


def test_an_unknown_key_that_breaks_the_model_is_told_as_the_data_problem_it_is(mini):
    edit_cell(mini / "members/288.csv", 3, "team_id", "TCN-10507-99")  # no such team: the model cannot place her
    loading = load.start_loading(mini, TODAY)
    with pytest.raises(DataError) as caught:
        loading.verified()
    report = caught.value.report()
    assert "members/288.csv:3:team_id: TCN-10507-99: không có mã này trong bảng" in report
    assert "Traceback" not in report and "KeyError" not in report


def test_a_model_that_fails_on_valid_data_is_a_bug_and_says_so(mini, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in build_model")
    monkeypatch.setattr(load, "build_model", broken)
    loading = load.start_loading(mini, TODAY)
    assert loading.model is None
    with pytest.raises(RuntimeError, match="a bug in build_model"):
        loading.verified()


def test_the_checks_of_authored_pages_run_on_every_call(mini):
    loading = load.start_loading(mini, TODAY)
    loading.verified()
    from sotay.errors import Problem
    refused = [Problem("huong-dan/a.md", 1, 0, "title", "", "thiếu tiêu đề")]
    with pytest.raises(DataError, match="huong-dan/a.md"):
        loading.verified([lambda tables: refused])
    assert loading.verified([lambda tables: []]) is loading.model


def test_with_sotay_jobs_1_the_whole_check_runs_in_this_process(mini, monkeypatch):
    monkeypatch.setenv("SOTAY_JOBS", "1")
    edit_cell(mini / "teams/288.csv", 3, "dissolved_on", "2022-06-30")
    loading = load.start_loading(mini, TODAY)
    assert not loading._job.forked
    with pytest.raises(DataError, match="tổ đã giải thể ngày 30/06/2022"):
        loading.verified()


@contextlib.contextmanager
def _stopped_after(seconds: int):
    def stop(*_):
        raise TimeoutError(f"still walking after {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_loop_in_the_unit_hierarchy_is_told_not_walked_forever(mini):
    """Found in a review: a district whose parent is one of its own communes passes the first pass; the
    model walked the loop forever, before the rule that refuses it had been heard."""
    edit_cell(mini / "units.csv", 3, "parent_id", "10507")  # Thành phố Hải Dương under Phường Cẩm Thượng
    start = time.monotonic()
    with _stopped_after(20):  # the loop, walked, would have gone on for ever
        loading = load.start_loading(mini, TODAY)
    assert time.monotonic() - start < 10
    assert loading.model is None  # refused by the model itself, not built
    with pytest.raises(DataError) as caught:
        loading.verified()
    assert "units.csv:3:parent_id: 10507: đơn vị cấp trên (Phường Cẩm Thượng) là cấp xã" in caught.value.report()


def test_a_loop_of_successors_is_told_not_walked_forever(mini):
    edit_cell(mini / "organisations.csv", 3, "succeeded_by", "so-tttt")  # each the other's successor
    loading = load.start_loading(mini, TODAY)
    assert loading.model is None
    with pytest.raises(DataError, match="quay vòng về chính nó"):
        loading.verified()


def test_loads_of_data_that_changed_keep_only_the_last(mini):
    """mkdocs serve: each edit is new data; what it replaces goes, valid or not (a review: loads of
    invalid data piled up, each holding every table)."""
    for value in ("TCN-10507-97", "TCN-10507-98", "TCN-10507-99"):
        edit_cell(mini / "members/288.csv", 3, "team_id", value)
        with pytest.raises(DataError):
            load.load_model(mini, TODAY)
        assert len(load._cache) == 1


def test_if_the_second_process_dies_the_rest_of_the_check_runs_here(mini, monkeypatch):
    edit_cell(mini / "teams/288.csv", 3, "dissolved_on", "2022-06-30")
    loading = load.start_loading(mini, TODAY)

    def died():
        loading._job._abandon()  # the copy is gone, as if killed
        raise load.background.BackgroundError("the second process stopped without finishing")
    monkeypatch.setattr(loading._job, "result", died)
    with pytest.raises(DataError, match="tổ đã giải thể ngày 30/06/2022"):
        loading.verified()
