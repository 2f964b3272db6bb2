"""Report sections are small functions registered for a kind of page.

A section for a new mart is one function in a module of `spaser.report.sections`:

    @section("filiale", "Publication DECP", requires=("marts.fct_decp_compliance",))
    def decp(data: ReportData, scope: str | None) -> str | None:
        rows = data.query("select * from marts.fct_decp_compliance where filiale_code = ?", [scope])
        return render("decp.html.j2", rows=rows)

It shows on every page of that kind, in registration order (a lower `order` first:
the scoreboard takes 0 to open the page, the rest keep the default), when the
relations it requires exist in the published database; returning None leaves it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from spaser import formats

GROUP_PAGE, FILIALE_PAGE, DELIVERY_PAGE = "group", "filiale", "delivery"
TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Section:
    page: str
    title: str
    render: Callable[..., str | None]
    requires: tuple[str, ...] = ()
    order: int = 50


SECTIONS: list[Section] = []


def section(page: str, title: str, requires: tuple[str, ...] = (), order: int = 50):
    def register(function):
        SECTIONS.append(Section(page, title, function, requires, order))
        SECTIONS.sort(key=lambda s: s.order)  # stable: registration order within an order
        return function

    return register


environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters.update(
    figure=formats.figure,
    target=formats.target,
    day=formats.day,
    integer=formats.integer,
    number=formats.number,
)


def render(template: str, **context) -> str:
    return environment.get_template(template).render(**context)
