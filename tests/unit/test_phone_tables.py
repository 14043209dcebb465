"""Tables made phone-readable in the built HTML: empty columns out, cells labelled, the main text first."""

from __future__ import annotations

from bs4 import BeautifulSoup

from medialit.sphinxext.phone_tables import LEAD_CLASS, SCROLL_HINT, STACK_CLASS, phone_tables

STATEMENTS = """<div class="pst-scrollable-table-container"><table class="table"><caption>Statements</caption>
<thead><tr><th>Paragraph</th><th>Speaker</th><th>Stance</th><th>What is stated</th></tr></thead>
<tbody>
<tr><td>P1</td><td>Osmani</td><td></td><td>Mercenaries from Russia's notorious Wagner Group are working with</td></tr>
<tr><td>P16</td><td>Serbia</td><td> </td><td>Wagner has had no role</td></tr>
</tbody>
<tfoot><tr><th colspan="2">Total</th><td>2</td></tr></tfoot></table></div>"""


def parsed(html: str) -> BeautifulSoup:
    return BeautifulSoup(phone_tables(html), "html.parser")


def test_an_empty_column_is_left_out_and_each_cell_is_labelled_with_its_heading() -> None:
    table = parsed(STATEMENTS).find("table")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Paragraph", "Speaker", "What is stated"]
    first = table.tbody.find("tr").find_all("td")
    assert [td["data-label"] for td in first] == ["Paragraph", "Speaker", "What is stated"]
    assert STACK_CLASS in table["class"] and table["role"] == "table"


def test_the_cell_with_the_most_text_leads_the_card() -> None:
    table = parsed(STATEMENTS).find("table")
    assert [LEAD_CLASS in td.get("class", []) for td in table.tbody.find("tr").find_all("td")] == [False, False, True]


def test_a_total_row_spanning_columns_is_labelled_by_the_column_it_ends_in() -> None:
    foot = parsed(STATEMENTS).find("tfoot")
    total_heading, total = foot.find("th"), foot.find("td")
    assert total_heading["data-label"] == "" and total["data-label"] == "What is stated"


def test_a_table_with_merged_rows_keeps_its_scroll_and_says_so() -> None:
    html = """<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>
<tbody><tr><td rowspan="2">x</td><td>y</td><td>z</td></tr><tr><td>y</td><td>z</td></tr></tbody></table>"""
    soup = parsed(html)
    box = soup.find("div", class_="ml-scroll")
    assert box is not None and box["tabindex"] == "0" and box["role"] == "region" and box["aria-label"] == "Table"
    assert box.find_previous_sibling("p").get_text() == SCROLL_HINT
    assert STACK_CLASS not in soup.find("table").get("class", [])


def test_narrow_tables_and_pages_without_tables_are_left_alone() -> None:
    narrow = "<table><thead><tr><th>Term</th><th>Meaning</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
    assert "ml-" not in phone_tables(narrow) and "data-label" not in phone_tables(narrow)
    page = "<p>No table here: <b>x</b></p>"
    assert phone_tables(page) is page


def test_text_in_cells_stays_text() -> None:
    """A heading that holds markup-like text is an attribute value, escaped, never markup."""
    html = (
        "<table><thead><tr><th>&lt;img src=x onerror=alert(1)&gt;</th><th>B</th><th>C</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>"
    )
    out = phone_tables(html)
    assert "<img" not in out and 'data-label="&lt;img src=x onerror=alert(1)&gt;"' in out
