"""KL309: a short contract term for a relational service."""

from kindlint.model.facts import length_of
from kindlint.model.findings import SUBJECT_TERM, Severity


def check(ctx):
    term = ctx.facts.term
    if term is None or term.initial_years is None or not ctx.relational:
        return
    total = term.total_years or term.initial_years
    if total <= float(ctx.options["warn-at-years"]):
        severity = Severity.WARNING
    elif term.initial_years < float(ctx.options["min-years"]):
        severity = Severity.INFO
    else:
        return
    number, unit = length_of(total)
    plural = "" if number == "1" else "s"
    extension = f" ({number} {unit}{plural} with extensions)" if term.extension_years else ""
    yield ctx.at(term.evidence, severity=severity, subject=SUBJECT_TERM,
                 initial=_length(term.initial_years), extension=extension)


def _length(years: float) -> str:
    """The initial term as read aloud: "A 2-year", and part years in months: "A 9-month"."""
    number, unit = length_of(years)
    article = "An" if number.startswith("8") or number in ("11", "18") else "A"
    return f"{article} {number}-{unit}"
