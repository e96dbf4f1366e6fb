"""How fast formgen mails: messages built and sent per second against a real SMTP server.

Run by hand (not a test):  python bench/bench_mail.py [N]

Three figures, each the median of several runs:
* build + send: MIME messages with a ~180 KB PDF attached, sent over one SMTP connection to an
  aiosmtpd server on 127.0.0.1 (no rate limit) — the cost of formgen's part of sending;
* build + write drafts: the same messages as .eml drafts;
* full round: ``run_round`` with the real PDF generator (render, store, log, send) per institution.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from mailkit import Inbox, make_workspace, renderers, smtp_server

from formgen.forms import FormRequest, new_identity
from formgen.mailing import as_draft, build_message, shipped_template
from formgen.mailrun import (
    RoundSettings,
    SmtpSender,
    plan_round,
    prefill_from,
    run_round,
    smtp_settings,
)
from formgen.recipients import Recipient
from formgen.smtp import RateLimiter, SmtpTransport

NAMES = ["Jörg Weiß", "Ольга Петренко", "Şule Yılmaz", "Poradnia Łódź", "مركز الاستشارة"]


def main(n: int = 40, repeats: int = 5) -> None:
    people = [
        Recipient(
            f"i{k}", f"{NAMES[k % 5]} {k}", f"i{k}@example.org", ("psychotherapie",), "duesseldorf"
        )
        for k in range(n)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inbox = Inbox()
        with smtp_server(inbox) as server:
            ws = make_workspace(root / "ws", server.port)
            schema = ws.schema()
            render = renderers()["pdf"]
            # one real form per institution, made once (not timed here)
            forms = {}
            for r in people:
                req = FormRequest("institution", r.categories, r.record())
                forms[r.id] = render(schema, req, new_identity(schema, req, ws.secret))
            size = statistics.median(len(f.data) for f in forms.values())
            template = shipped_template("invitation", "de")
            settings = smtp_settings(ws)

            def build(r: Recipient):
                return build_message(
                    recipient=r,
                    forms=[forms[r.id]],
                    template=template,
                    titles=schema.mail_titles("de"),
                    sender=ws.sender,
                    centre=ws.centre_name,
                    deadline=dt.date(2026, 12, 15),
                )

            send_rates, draft_rates = [], []
            for _ in range(repeats):
                t = SmtpTransport(settings)
                start = time.perf_counter()
                for r in people:
                    assert t.send(build(r)) == "250 accepted"
                t.close()
                send_rates.append(n / (time.perf_counter() - start))
                start = time.perf_counter()
                out = root / f"drafts{_}"
                out.mkdir()
                for r in people:
                    (out / f"{r.id}.eml").write_bytes(as_draft(build(r)))
                draft_rates.append(n / (time.perf_counter() - start))
            assert len(inbox.messages) == n * repeats

            round_rates = []
            for k in range(3):
                rs = RoundSettings(round=f"bench{k}", formats=("pdf",))
                plan = plan_round(people, [], rs, "send")
                t = SmtpTransport(settings)
                start = time.perf_counter()
                report = run_round(
                    ws,
                    plan,
                    rs,
                    SmtpSender(t, RateLimiter(0)),
                    schema=schema,
                    renderers={"pdf": render},
                    prefill=prefill_from(lambda _i: None),
                )
                round_rates.append(n / (time.perf_counter() - start))
                t.close()
                assert report.count("sent") == n
    print(f"{n} institutions, PDF attachment median {size / 1024:.0f} KB, {repeats} runs")
    print(f"build + send (SMTP, 127.0.0.1):   median {statistics.median(send_rates):6.1f} mails/s")
    print(f"build + write .eml drafts:        median {statistics.median(draft_rates):6.1f} mails/s")
    print(
        f"full round (render PDF + log + send): median {statistics.median(round_rates):6.1f} mails/s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
