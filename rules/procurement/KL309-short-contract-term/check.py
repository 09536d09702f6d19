"""KL309: a short contract term for a relational service."""

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
    extension = f" ({total:g} years with extensions)" if term.extension_years else ""
    yield ctx.at(term.evidence, severity=severity, subject=SUBJECT_TERM,
                 initial=f"{term.initial_years:g}", extension=extension)
