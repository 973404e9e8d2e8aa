"""A freebie's offer: a `Code` is only handed out behind a sign-up, an `Expires` must be a date, and an offer
that ends within two weeks (or has ended) is pointed out, so that the writer can plan the next one."""

from hub.offer_end import WARN_DAYS_BEFORE, ExpiresError, build_date, ends_soon, has_ended, parse_expires
from hub.problems import Problem


def check_offer(source):
    """The problems that keep a freebie's offer from being built."""
    found = []
    try:
        parse_expires(source.value("expires"))
    except ExpiresError as error:
        found.append(Problem(source.path, source.line_of("expires"), str(error), leaves_out=True))
    if source.value("code") and source.value("gate").lower() != "email":
        found.append(Problem(
            source.path, source.line_of("code"),
            "a Code is only given on the delivery page, behind the sign-up: set `Gate: email`, or remove the Code line",
            leaves_out=True,
        ))
    return found


def offer_reminders(sources, settings):
    """Problems (reminders, not errors: `make check` still passes) of offers ending within WARN_DAYS_BEFORE
    days or already ended, by the build date."""
    today = build_date(settings)
    found = []
    for source in sources:
        try:
            last_day = parse_expires(source.value("expires"))
        except ExpiresError:
            continue  # check_offer names it
        line = source.line_of("expires")
        if has_ended(last_day, today):
            found.append(Problem(
                source.path, line,
                f"the offer ended on {last_day.isoformat()}: its landing page says so and it has left the listings "
                "and the tips; remove the freebie, or give it a new Expires for a new offer",
            ))
        elif ends_soon(last_day, today):
            days = (last_day - today).days
            found.append(Problem(
                source.path, line,
                f"the offer ends on {last_day.isoformat()}, in {days} day(s) (warned {WARN_DAYS_BEFORE} days ahead): "
                "plan what replaces it; the first build after that day shows it as ended",
            ))
    return found
