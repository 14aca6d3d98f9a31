"""Flat OpenDocument sources (.fods, .fodt, .fodp) for LibreOffice to convert,
and the labels of what they hold.

Each writer returns (xml, labels) where a label is {"type","value","norm","loc"}:
loc is what the format tells about the place (sheet and cell of a
spreadsheet, slide of a presentation, page of a PDF); empty for word
processor documents, whose findings carry no location.
"""

from xml.sax.saxutils import escape

from records import V

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

# A bold character style: a value split around it becomes two runs
# (<w:r> in docx, <r> rich text in xlsx shared strings, <a:r> in pptx).
STYLES = """<office:automatic-styles>
  <number:date-style style:name="N1"><number:year number:style="long"/><number:text>/</number:text>
   <number:month number:style="long"/><number:text>/</number:text><number:day number:style="long"/></number:date-style>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
  <style:page-layout style:name="pm1"><style:header-style/><style:footer-style/></style:page-layout>
 </office:automatic-styles>"""


def label(v, loc=None):
    return {"type": v.typ, "value": v.text, "norm": v.norm, "loc": dict(loc or {})}


def runs(line, labels, loc=None):
    """Paragraph content of a line: split values in two runs, the second bold."""
    out = []
    for x in line:
        if isinstance(x, V):
            labels.append(label(x, loc))
            if x.split:
                a, b = x.halves()
                out.append(f'{escape(a)}<text:span text:style-name="B">{escape(b)}</text:span>')
            else:
                out.append(escape(x.text))
        else:
            out.append(escape(x))
    return "".join(out)


def column_name(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def table_cell(x, number_ok):
    """A spreadsheet cell. Values Excel would keep exactly may be numbers
    (a 12-digit My Number, a 3-digit code) and dates may be date cells; a
    16-digit card would be rounded to 15 significant digits as a number,
    so cards are always text cells, as careful exports write them."""
    if isinstance(x, V):
        digits = x.text.isascii() and x.text.isdigit() and not x.text.startswith("0")
        if number_ok and x.typ in ("my_number", "card_security_code") and digits:
            return f'<table:table-cell office:value-type="float" office:value="{x.text}"/>'
        if number_ok and x.typ == "phone" and x.text.isascii() and "-" in x.text:
            # a formula's string result (<f> and <v t="str"> in xlsx)
            a, b = x.text.rsplit("-", 1)
            return (f'<table:table-cell table:formula="of:=&quot;{a}-&quot;&amp;&quot;{b}&quot;" '
                    f'office:value-type="string" office:string-value="{x.text}"><text:p>{x.text}</text:p></table:table-cell>')
        if number_ok and x.typ == "birth_date" and "/" in x.text:
            iso = x.norm
            return f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{iso}"/>'
        if x.split:
            a, b = x.halves()
            body = f'{escape(a)}<text:span text:style-name="B">{escape(b)}</text:span>'
        else:
            body = escape(x.text)
    else:
        body = escape(x).replace("\n", "</text:p><text:p>")  # a line break in the cell (Alt+Enter)
    return f'<table:table-cell office:value-type="string"><text:p>{body}</text:p></table:table-cell>'


def spreadsheet(sheets):
    """sheets: [(name, title or None, header or None, [row cells])]. A row is a
    list of cells; a cell is a str, a V, or a list of pieces (a line)."""
    labels, out = [], []
    for name, title, header, rows in sheets:
        out.append(f'<table:table table:name="{escape(name)}">')
        r = 0

        def row(cells, number_ok):
            nonlocal r
            r += 1
            xs = []
            for c, x in enumerate(cells):
                loc = {"sheet": name, "cell": f"{column_name(c)}{r}"}
                if isinstance(x, list):
                    xs.append(f'<table:table-cell office:value-type="string"><text:p>{runs(x, labels, loc)}</text:p></table:table-cell>')
                    continue
                if isinstance(x, int):  # a number cell, as typed into a spreadsheet
                    xs.append(f'<table:table-cell office:value-type="float" office:value="{x}"/>')
                    continue
                if isinstance(x, V):
                    labels.append(label(x, loc))
                xs.append(table_cell(x, number_ok))
            out.append("<table:table-row>" + "".join(xs) + "</table:table-row>")

        if title:  # a title line, or a row of group headings over the header
            row(title if isinstance(title, list) else [title], False)
        if header:
            row(header, False)
        for i, cells in enumerate(rows):
            row(cells, number_ok=header is not None and i % 2 == 1)
        out.append("</table:table>")
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
           f'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">{STYLES}'
           f'<office:body><office:spreadsheet>{"".join(out)}</office:spreadsheet></office:body></office:document>\n')
    return xml, labels


def text_document(paragraphs, header=None, footer=None, comment=None, footnote=None, table=None,
                  textbox=None, page_per=None):
    """A letter: paragraphs (lines), a header and footer line, a comment and a
    footnote attached to the first paragraph, and a table (header row +
    rows), and a text box anchored to the first paragraph. page_per=N starts a new page every N paragraphs and labels
    values with their page."""
    labels = []
    loc_of = (lambda i: {"page": i // page_per + 1}) if page_per else (lambda i: {})
    body = []
    for i, line in enumerate(paragraphs):
        style = ' text:style-name="PB"' if page_per and i and i % page_per == 0 else ""
        extra = ""
        if i == 0 and comment:
            extra += ("<office:annotation><dc:creator>確認者</dc:creator>"
                      f"<text:p>{runs(comment, labels, loc_of(i))}</text:p></office:annotation>")
        if i == 0 and footnote:
            extra += ('<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                      f"<text:note-body><text:p>{runs(footnote, labels, loc_of(i))}</text:p></text:note-body></text:note>")
        if i == 0 and textbox:
            extra += ('<draw:frame text:anchor-type="paragraph" svg:width="9cm" svg:height="1.5cm">'
                      f"<draw:text-box><text:p>{runs(textbox, labels, loc_of(i))}</text:p></draw:text-box></draw:frame>")
        body.append(f"<text:p{style}>{runs(line, labels, loc_of(i))}{extra}</text:p>")
    if table:
        head, rows = table
        loc = loc_of(len(paragraphs) - 1)  # the table follows the last paragraph
        cells = lambda xs: "".join(f'<table:table-cell office:value-type="string"><text:p>{runs([x], labels, loc)}</text:p></table:table-cell>'
                                   for x in xs)
        body.append(f'<table:table table:name="表1"><table:table-column table:number-columns-repeated="{len(head)}"/>'
                    + "".join(f"<table:table-row>{cells(r)}</table:table-row>" for r in [head] + rows)
                    + "</table:table>")
    master = ""
    if header or footer:
        hf = ""
        if header:
            hf += f"<style:header><text:p>{runs(header, labels)}</text:p></style:header>"
        if footer:
            hf += f"<style:footer><text:p>{runs(footer, labels)}</text:p></style:footer>"
        master = (f'<office:master-styles><style:master-page style:name="Standard" '
                  f'style:page-layout-name="pm1">{hf}</style:master-page></office:master-styles>')
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
           f'office:mimetype="application/vnd.oasis.opendocument.text">{STYLES}{master}'
           f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>\n')
    return xml, labels


def presentation(slides):
    """slides: [(title, [lines], [note lines])]; findings carry "slide N" or
    "slide N notes" as their sheet."""
    labels, pages = [], []
    for n, (title, lines, notes) in enumerate(slides, 1):
        loc = {"sheet": f"slide {n}"}
        body = "".join(f"<text:p>{runs(l, labels, loc)}</text:p>" for l in lines)
        note = "".join(f"<text:p>{runs(l, labels, dict(sheet=f'slide {n} notes'))}</text:p>" for l in notes)
        pages.append(
            f'<draw:page draw:name="page{n}">'
            f'<draw:frame svg:x="1cm" svg:y="1cm" svg:width="24cm" svg:height="2cm"><draw:text-box>'
            f"<text:p>{escape(title)}</text:p></draw:text-box></draw:frame>"
            f'<draw:frame svg:x="1cm" svg:y="4cm" svg:width="24cm" svg:height="14cm"><draw:text-box>{body}'
            f"</draw:text-box></draw:frame>"
            + (f'<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" '
               f'svg:width="17cm" svg:height="10cm"><draw:text-box>{note}</draw:text-box></draw:frame>'
               f"</presentation:notes>" if notes else "")
            + "</draw:page>")
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
           f'office:mimetype="application/vnd.oasis.opendocument.presentation">'
           f'<office:body><office:presentation>{"".join(pages)}</office:presentation></office:body></office:document>\n')
    return xml, labels
