"""Procurement facts the extract stage finds: KPIs, award criteria, term, payment, visits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kindlint.model.document import Location


class KpiKind(StrEnum):
    """What a KPI measures."""

    OUTPUT = "output"
    TIMELINESS = "timeliness"
    VOLUME = "volume"
    COST = "cost"
    EXPERIENCE = "experience"
    OUTCOME = "outcome"
    RELATIONSHIP = "relationship"

    @property
    def asks_people(self) -> bool:
        """True for KPIs that ask people what they experience."""
        return self is KpiKind.EXPERIENCE


class Consequence(StrEnum):
    """What happens when a KPI is missed."""

    SERVICE_CREDIT = "service-credit"
    DEDUCTION = "deduction"
    DEFAULT = "default"
    TERMINATION = "termination"
    REVIEW = "review"
    NONE = "none"

    @property
    def is_penalty(self) -> bool:
        return self in (Consequence.SERVICE_CREDIT, Consequence.DEDUCTION, Consequence.DEFAULT,
                        Consequence.TERMINATION)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words that decided a fact, and where they are."""

    text: str
    location: Location
    block: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A KPI target such as ``>= 95 %`` or ``<= 15 minutes``."""

    value: float
    unit: str
    comparator: str
    text: str

    def __str__(self) -> str:
        value = f"{self.value:g}"
        unit = self.unit if self.unit == "%" else f" {self.unit}"
        return f"{self.comparator} {value}{unit}".strip()

    @property
    def words(self) -> str:
        """The target as a sentence says it: "at least 95%", "at most 15 minutes"."""
        value = f"{self.value:g}"
        unit = self.unit if self.unit == "%" else "" if self.unit == "count" else f" {self.unit}"
        said = _COMPARATOR_WORDS.get(self.comparator, self.comparator)
        return f"{said} {value}{unit}".strip()


_COMPARATOR_WORDS = {">=": "at least", "<=": "at most", ">": "more than", "<": "less than",
                     "=": ""}


@dataclass(frozen=True, slots=True)
class Kpi:
    """One key performance indicator from a table or from prose."""

    id: str | None
    name: str
    measure: str
    target: Target | None
    period: str | None
    consequence: Consequence
    consequence_text: str
    kind: KpiKind
    location: Location
    block: int | None = None
    source: str = "table"  # "table" or "prose"

    @property
    def label(self) -> str:
        return self.id or self.name[:40]


@dataclass(frozen=True, slots=True)
class AwardCriterion:
    """A price, quality or social-value criterion with its weight."""

    name: str
    kind: str  # "price", "quality", "social-value" or "other"
    weight: float | None
    text: str
    location: Location
    block: int | None = None
    parent: str | None = None
    pass_fail: bool = False


@dataclass(frozen=True, slots=True)
class WeightingScheme:
    """One set of award criteria that add up together (one table, or one passage of prose)."""

    criteria: tuple[AwardCriterion, ...]

    def weight_of(self, kind: str) -> float | None:
        weights = [c.weight for c in self.criteria
                   if c.kind == kind and c.parent is None and c.weight is not None]
        return sum(weights) if weights else None

    @property
    def price_weight(self) -> float | None:
        return self.weight_of("price")

    @property
    def quality_weight(self) -> float | None:
        return self.weight_of("quality")

    @property
    def social_value_weight(self) -> float | None:
        """Social value weight, whether a criterion of its own or inside quality."""
        weights = [c.weight for c in self.criteria
                   if c.kind == "social-value" and c.weight is not None]
        return sum(weights) if weights else None

    @property
    def total(self) -> float | None:
        weights = [c.weight for c in self.criteria if c.parent is None and c.weight is not None]
        return sum(weights) if weights else None

    @property
    def sums_to_100(self) -> bool | None:
        total = self.total
        return None if total is None else abs(total - 100) < 0.5


@dataclass(frozen=True, slots=True)
class AwardBasis:
    """How a contract will be awarded: weighting schemes and price-only or quality-led words."""

    schemes: tuple[WeightingScheme, ...] = ()
    lowest_price: Evidence | None = None  # "lowest price", "price only", "cheapest"
    quality_led: Evidence | None = None  # "technical more important than price", MEAT

    @property
    def criteria(self) -> tuple[AwardCriterion, ...]:
        return tuple(c for scheme in self.schemes for c in scheme.criteria)


@dataclass(frozen=True, slots=True)
class ContractTerm:
    """The length of a contract, in years."""

    initial_years: float | None
    extension_years: float | None
    evidence: Evidence

    @property
    def total_years(self) -> float | None:
        if self.initial_years is None:
            return None
        return self.initial_years + (self.extension_years or 0)


def length_of(years: float) -> tuple[str, str]:
    """A length as people say it: (number, unit), whole years or else months ("9", "month")."""
    months = round(years * 12)
    if years == int(years) or abs(years * 12 - months) > 0.1:
        return f"{years:g}", "year"
    return str(months), "month"


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount, a duration or a percentage found in the text, with its evidence."""

    value: float
    unit: str  # "GBP/hour", "minutes", "%"...
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class PaymentModel:
    """A way of paying for the service the text asks for (hourly, per minute, by results…)."""

    kind: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the extract stage found in one document."""

    document_kind: str | None = None
    kind_evidence: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    domain_evidence: tuple[tuple[str, int], ...] = ()
    kpis: tuple[Kpi, ...] = ()
    award: AwardBasis = field(default_factory=AwardBasis)
    term: ContractTerm | None = None
    payment_models: tuple[PaymentModel, ...] = ()
    visit_lengths: tuple[Amount, ...] = ()
    hourly_rates: tuple[Amount, ...] = ()
    price_reductions: tuple[Amount, ...] = ()

    @property
    def payment_kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.kind for p in self.payment_models))

    @property
    def relational(self) -> bool:
        """A service about people and relationships: its main domain is relational (or health
        with a relational domain beside it, as in mental health supported accommodation), or
        no domain could be told (a single sentence, a short extract)."""
        from kindlint.extract.domain import RELATIONAL_DOMAINS

        if not self.domains:
            return True
        main = self.domains[0]
        return main in RELATIONAL_DOMAINS or (
            main == "health" and any(d in RELATIONAL_DOMAINS for d in self.domains))

    @property
    def for_people(self) -> bool:
        """A service for people, health included: not only buildings, IT or goods."""
        return not self.domains or any(d != "other" for d in self.domains)
