"""KPIs from tables: column roles from real header wording, ids, targets, kinds and what
happens when a KPI is missed."""

from __future__ import annotations

from kindlint.model.facts import Consequence, KpiKind

KPI_TABLE = """# Schedule 3 Key Performance Indicators

| KPI | Measure | Target | Consequence |
|---|---|---|---|
| KPI 1 | Visits started within 15 minutes of the scheduled time | 95% | Service credit of 2% |
| KPI 2 | People who say staff treat them with kindness | 90% | Review meeting |
| KPI 3 | Number of assessments completed each month | 120 | Deduction from monthly payment |
| KPI 4 | Calls answered within 30 seconds | 98% | Repeated failure is a material default |
"""


def test_kpi_table_rows_become_kpis(facts_of):
    kpis = facts_of(KPI_TABLE).kpis
    assert [k.id for k in kpis] == ["KPI 1", "KPI 2", "KPI 3", "KPI 4"]
    assert kpis[0].name == "Visits started within 15 minutes of the scheduled time"
    assert [str(k.target) if k.target else None for k in kpis] == [
        ">= 95%", ">= 90%", None, ">= 98%"]
    assert [k.kind for k in kpis] == [KpiKind.TIMELINESS, KpiKind.EXPERIENCE, KpiKind.VOLUME,
                                      KpiKind.TIMELINESS]
    assert [k.consequence for k in kpis] == [Consequence.SERVICE_CREDIT, Consequence.REVIEW,
                                             Consequence.DEDUCTION, Consequence.DEFAULT]
    assert [k.consequence.is_penalty for k in kpis] == [True, False, True, True]
    assert all(k.source == "table" for k in kpis)
    first = kpis[0].location
    assert (first.table, first.row, first.clause_path) == (1, 2, ("Schedule 3",))


def test_prose_kpis_with_numbered_labels(facts_of):
    kpis = facts_of("# Performance\n\n"
                    "KPI 1: 95% of visits start within 15 minutes of the planned time.\n\n"
                    "KPI 2: People who feel listened to, target 90%, reviewed quarterly.\n").kpis
    assert [(k.id, k.source) for k in kpis] == [("KPI 1", "prose"), ("KPI 2", "prose")]
    assert kpis[0].kind is KpiKind.TIMELINESS and kpis[1].kind is KpiKind.EXPERIENCE


def test_price_and_weighting_tables_are_not_kpis(facts_of):
    facts = facts_of("# Pricing\n\n| Item | Price | Target date |\n|---|---|---|\n"
                     "| Visit | £18.50 | April |\n| Night | £95 | May |\n\n"
                     "# Evaluation\n\n| Criterion | Weighting |\n|---|---|\n"
                     "| Quality | 60% |\n| Price | 40% |\n")
    assert facts.kpis == ()
