"""The mailing round as a library: crash and resume, rate limit, SMTP settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy

import pytest
from mailkit import make_workspace, renderers

from formgen.errors import MailError
from formgen.mailing import MailTemplate
from formgen.mailrun import (
    DraftWriter,
    RoundSettings,
    plan_round,
    prefill_from,
    round_targets,
    run_round,
)
from formgen.messages import date_text
from formgen.recipients import Recipient
from formgen.sendlog import Delivery, SendLog
from formgen.smtp import RateLimiter, SmtpSettings

PEOPLE = [
    Recipient(f"i{n}", name, f"i{n}@example.org", ("psychotherapie",), "duesseldorf")
    for n, name in enumerate(["Jörg Weiß", "Ольга Петренко", "Şule Yılmaz"], 1)
]


class Crash(Exception):
    """Stands for the process being killed between preparing and delivering."""


class CrashingDrafts(DraftWriter):
    def __init__(self, directory, crash_on: str) -> None:
        super().__init__(directory)
        self.crash_on = crash_on

    def deliver(self, recipient, msg, log, base):
        if recipient.id == self.crash_on:
            raise Crash
        return super().deliver(recipient, msg, log, base)


def test_crash_after_preparing_resumes_with_the_same_form(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    settings = RoundSettings(round="r1", formats=("pdf",), deadline=dt.date(2026, 12, 1))
    kwargs = {
        "schema": ws.schema(),
        "renderers": renderers(),
        "prefill": prefill_from(lambda _: None),
    }
    plan = plan_round(PEOPLE, SendLog(ws.root).deliveries(), settings, "drafts")
    with pytest.raises(Crash):
        run_round(ws, plan, settings, CrashingDrafts(tmp_path / "out", "i2"), **kwargs)
    log = SendLog(ws.root)
    state = {d.institution_id: d for d in log.deliveries()}
    assert state["i1"].drafted_at and not state["i2"].delivered and state["i2"].prepared_at
    prepared_i2 = state["i2"].instance_ids

    plan = plan_round(PEOPLE, log.deliveries(), settings, "drafts")
    assert [r.id for r in plan.todo] == ["i2", "i3"] and list(plan.reuse) == ["i2"]
    report = run_round(ws, plan, settings, DraftWriter(tmp_path / "out"), **kwargs)
    assert [o.status for o in report.outcomes] == ["drafted", "drafted"]
    assert report.outcomes[0].instance_ids == prepared_i2  # the form made before the crash
    prepared = [e for e in log.events() if e["event"] == "prepared"]
    assert [e["institution_id"] for e in prepared] == ["i1", "i2", "i3"]  # nothing made twice


@pytest.mark.parametrize(
    ("change", "reused"),
    [
        ({}, True),  # the same command again: the same forms
        ({"deadline": dt.date(2027, 1, 15)}, True),  # a later day's default deadline
        ({"deadline": dt.date(2027, 1, 15), "deadline_given": True}, False),
        ({"lang": "en"}, False),
        ({"formats": ("pdf", "docx")}, False),
    ],
)
def test_forms_prepared_but_never_delivered_are_made_again_when_the_round_changed(
    tmp_path, change, reused
):
    """A round that could not deliver (the SMTP server was down) is run again with another
    --deadline, --lang or --format: the mail must carry forms made that way, not the old ones."""
    ws = make_workspace(tmp_path / "ws")
    first = RoundSettings(round="r1", formats=("pdf",), deadline=dt.date(2026, 12, 1))
    kwargs = {
        "schema": ws.schema(),
        "renderers": renderers(),
        "prefill": prefill_from(lambda _: None),
    }
    plan = plan_round(PEOPLE[:1], [], first, "drafts")
    with pytest.raises(Crash):
        run_round(ws, plan, first, CrashingDrafts(tmp_path / "out", "i1"), **kwargs)
    again = dataclasses.replace(first, **change)
    plan = plan_round(PEOPLE[:1], SendLog(ws.root).deliveries(), again, "drafts")
    assert (list(plan.reuse) == ["i1"]) is reused
    report = run_round(ws, plan, again, DraftWriter(tmp_path / "out"), **kwargs)
    (draft,) = (tmp_path / "out").glob("*.eml")
    msg = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    names = sorted(a.get_filename() for a in msg.iter_attachments())
    assert [n.rsplit(".", 1)[1] for n in names] == sorted(again.formats), names
    deadline = again.deadline if again.deadline_given or not reused else first.deadline
    assert date_text(deadline, again.lang) in (msg.get_body(("plain",)).get_content())
    assert report.count("drafted") == 1


def test_a_bounced_mail_goes_again_where_the_one_rule_allows_and_never_after_a_return(tmp_path):
    """plan_round does not judge an address: the one rule of every round (round_targets,
    register_recipients) has taken one that bounced away before, unless a coordinator vouched
    for it since or --force, and a second check here would skip what those let through."""
    ws = make_workspace(tmp_path / "ws")
    settings = RoundSettings(round="r1", formats=("pdf",), deadline=dt.date(2026, 12, 1))
    log = SendLog(ws.root)
    log.append(
        "prepared", round="r1", institution_id="i1", email="i1@example.org", instance_ids=["AAA"]
    )
    log.append("sent", round="r1", institution_id="i1", email="i1@example.org", message_id="<m>")
    log.append(
        "failed", round="r1", institution_id="i1", bounce=True, permanent=True,
        error="550 5.1.1 user unknown",
    )  # fmt: skip
    deliveries = log.deliveries()

    def targets(listed: list[Recipient]) -> list[Recipient]:
        return round_targets(
            "invitation", listed, deliveries, None, dt.date.today(), round_name="r1"
        ).recipients

    (dead,) = targets(PEOPLE[:1])
    assert (dead.email, dead.given_email, dead.dead_email) == ("", "i1@example.org", True)
    assert "i1@example.org bounced (550 5.1.1 user unknown) in round r1" in dead.email_problem
    plan = plan_round([dead], deliveries, settings, "send")
    assert plan.todo == [] and plan.without_email == [dead]
    moved = [dataclasses.replace(PEOPLE[0], email="neu@example.org")]
    assert targets(moved) == moved
    assert plan_round(moved, deliveries, settings, "send").todo == moved
    # the same address, as the one rule leaves it when vouched for (or --force): mailed again
    assert plan_round(PEOPLE[:1], deliveries, settings, "send").todo == PEOPLE[:1]
    came_back = plan_round(moved, deliveries, settings, "send", returned={"AAA"})
    assert came_back.todo == [] and came_back.skipped[0].reason == (
        "its form came back, although a mail to it bounced"
    )


def test_a_changed_prepared_file_is_made_again(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    settings = RoundSettings(round="r1", formats=("pdf",))
    kwargs = {
        "schema": ws.schema(),
        "renderers": renderers(),
        "prefill": prefill_from(lambda _: None),
    }
    plan = plan_round(PEOPLE[:1], [], settings, "drafts")
    with pytest.raises(Crash):
        run_round(ws, plan, settings, CrashingDrafts(tmp_path / "out", "i1"), **kwargs)
    (pdf,) = (ws.forms_dir / "mail" / "r1").iterdir()
    pdf.write_bytes(b"%PDF-1.7 changed by hand")
    plan = plan_round(PEOPLE[:1], SendLog(ws.root).deliveries(), settings, "drafts")
    report = run_round(ws, plan, settings, DraftWriter(tmp_path / "out"), **kwargs)
    assert report.outcomes[0].status == "drafted"
    assert len([e for e in SendLog(ws.root).events() if e["event"] == "prepared"]) == 2


def test_damaged_log_line_is_skipped_and_reported(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    log = SendLog(ws.root)
    log.append("prepared", round="r", institution_id="a", instance_ids=["X"], files=[])
    with open(log.path, "a", encoding="utf-8") as fh:
        fh.write('{"event": "sent", "round": "r", "instit')  # a crash mid-write
    assert [d.institution_id for d in log.deliveries()] == ["a"]
    assert log.damaged_lines == [2]


def test_rate_limiter_spaces_mails_evenly():
    now = [0.0]
    slept = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    limiter = RateLimiter(30, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        limiter.wait()
    assert slept == [2.0, 2.0, 2.0]
    now[0] += 10  # a slow server: no extra wait
    limiter.wait()
    assert slept == [2.0, 2.0, 2.0]


@pytest.mark.parametrize(
    ("smtp", "message"),
    [
        ({}, r"no \[smtp\] settings; add"),
        ({"host": "mail.example.org", "security": "tls"}, "security = 'tls'; use starttls or ssl"),
        (
            {"host": "mail.example.org", "security": "none"},
            "only allowed for a relay on this machine",
        ),
        ({"host": "mail.example.org", "port": "x"}, "port, rate and timeout must be numbers"),
        ({"host": "mail.example.org", "port": 70000}, "port 70000 is not a port number"),
    ],
)
def test_smtp_settings_mistakes_say_how_to_fix(smtp, message):
    with pytest.raises(MailError, match=message):
        SmtpSettings.from_config({"smtp": smtp} if smtp else {}, "ws/workspace.toml")


def test_smtp_settings_defaults():
    s = SmtpSettings.from_config(
        {"smtp": {"host": "mail.example.org", "security": "ssl", "user": "u"}}
    )
    assert (s.port, s.rate, s.password_env) == (465, 30.0, "FORMGEN_SMTP_PASSWORD")
    assert SmtpSettings.from_config({"smtp": {"host": "h"}}).port == 587


def test_a_form_that_cannot_be_made_does_not_stop_the_batch(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    real = renderers()["pdf"]

    def render(schema, request, identity):
        if request.record.id == "i2":
            raise MailError("i2: the register holds a value the form cannot show")
        return real(schema, request, identity)

    settings = RoundSettings(round="r1", formats=("pdf",))
    plan = plan_round(PEOPLE, [], settings, "drafts")
    report = run_round(
        ws,
        plan,
        settings,
        DraftWriter(tmp_path / "out"),
        schema=ws.schema(),
        renderers={"pdf": render},
        prefill=prefill_from(lambda _: None),
    )
    assert [(o.recipient.id, o.status) for o in report.outcomes] == [
        ("i1", "drafted"),
        ("i2", "error"),
        ("i3", "drafted"),
    ]
    assert "cannot show" in report.outcomes[1].detail
    # the next run makes only i2
    again = plan_round(PEOPLE, SendLog(ws.root).deliveries(), settings, "drafts")
    assert [r.id for r in again.todo] == ["i2"]


def delivered(round_name: str, lang: str, on: str = "2026-10-01") -> Delivery:
    """A mail of ``round_name`` to i1 in ``lang``, written as a draft ``on`` that day."""
    return Delivery(
        round_name,
        "i1",
        lang=lang,
        files=({"path": f"forms/mail/{round_name}/i1.pdf"},),
        drafted_at=f"{on}T10:00:00+01:00",
    )


@pytest.mark.parametrize(
    ("log_lang", "change", "lang"),
    [
        ("en", {}, "en"),  # English mail, English reminder
        ("en", {"lang": "de", "lang_given": True}, "de"),  # --lang decides
        ("en", {"template": MailTemplate("Betreff", "Guten Tag {name}")}, "de"),  # one own text
        ("fr", {}, "de"),  # a language formgen writes no mail in: the round's
    ],
)
def test_the_language_carries_over_unless_the_coordinator_chose(log_lang, change, lang):
    settings = dataclasses.replace(RoundSettings(round="reminder", lang="de"), **change)
    plan = plan_round(PEOPLE[:1], [delivered("invitation", log_lang)], settings, "drafts")
    assert plan.lang_of("i1", settings) == lang


def test_the_latest_earlier_mail_gives_the_language_and_a_rerun_reuses_its_forms(tmp_path):
    """Invited in German, then asked for an update in English: the reminder is English; a
    reminder round broken off after preparing resumes with the English form it made."""
    ws = make_workspace(tmp_path / "ws")
    log = [delivered("update-1", "en", "2026-10-20"), delivered("invitation-2026", "de")]
    settings = RoundSettings(
        round="reminder-1", kind="reminder", lang="de", deadline=dt.date(2026, 12, 1)
    )
    kwargs = {
        "schema": ws.schema(),
        "renderers": renderers(),
        "prefill": prefill_from(lambda _: None),
    }
    plan = plan_round(PEOPLE[:1], log, settings, "drafts")
    with pytest.raises(Crash):
        run_round(ws, plan, settings, CrashingDrafts(tmp_path / "out", "i1"), **kwargs)
    (prepared,) = SendLog(ws.root).deliveries()
    assert prepared.lang == "en"
    plan = plan_round(PEOPLE[:1], [*log, prepared], settings, "drafts")
    assert list(plan.reuse) == ["i1"]
    report = run_round(ws, plan, settings, DraftWriter(tmp_path / "out"), **kwargs)
    assert report.outcomes[0].instance_ids == prepared.instance_ids
    (draft,) = (tmp_path / "out").glob("*.eml")
    msg = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    assert str(msg["Subject"]).startswith("Reminder:")
    assert "2026-12-01" in msg.get_body(("plain",)).get_content()


def test_the_order_of_the_log_decides_whether_a_form_counts_as_not_made():
    """The log's times are to the second: a form not made counts until the delivery's next
    event (whatever its time), and a 550 before it still shows that address dead."""
    from formgen.sendlog import deliveries_from
    from formgen.tracking import institution_status

    base = {"round": "r1", "institution_id": "i1", "at": "2026-11-23T10:00:00+01:00"}
    not_mailed = {**base, "event": "not_mailed", "reason": "no_email", "email": ""}
    not_made = {**base, "event": "not_made", "email": "neu@example.org", "error": "region 'x'"}
    prepared = {**base, "event": "prepared", "instance_ids": ["f1"], "email": "alt@example.org"}
    put_off = {**base, "event": "failed", "error": "451 later", "permanent": False}
    refused = {**base, "event": "failed", "error": "550 unknown", "permanent": True}
    (d,) = deliveries_from([not_mailed, not_made])
    assert d.not_made and not d.not_mailed
    (d,) = deliveries_from([not_made, not_mailed])
    assert d.not_mailed and not d.not_made
    (d,) = deliveries_from([not_made, prepared, put_off])
    assert not d.not_made and d.failures
    (d,) = deliveries_from([prepared, refused, not_made])
    assert (d.not_made, d.not_made_error) == (True, "region 'x'")
    status = institution_status([d], None, dt.date(2026, 11, 23))["i1"]
    assert (status.state, status.not_made) == ("not_made", [d])
    assert status.dead("alt@example.org") is d
