#!/usr/bin/python3
"""Extract the "Checker" sheet logic of RMI reporting templates into JSON.

Usage:
    /usr/bin/python3 scripts/extract-checker.py [TEMPLATE.xlsx | DIR]... [-o docs/checker-spec.json]
        [--markdown tables.md]   # the per-version row tables of docs/checker.md

With no template argument it reads every *.xlsx in ../shared/templates (relative
to the repository root), i.e. /work/shared/templates.

Only the Python standard library is used (zipfile + xml.etree).  The templates
are read, never written.

For every template the output lists:
  * family / version / display language as stored in the file,
  * every Checker row that has a formula in column H (the "incomplete" flag),
    except the total row, with the A/B/D/F/G/H cells: formula text (shared
    formulas expanded to the cell's own text, relative references shifted), the
    constant when the cell holds a constant, and the value cached by Excel,
  * the total: the SUM row in column H and the display cell (D2-type) that
    shows it,
  * the defined names the Checker formulas use (sheet-local names of the
    Checker sheet take precedence over workbook names, as in Excel),
  * the cells outside the Checker that the B/F/G formulas read ("inputs" and
    "dependencies"): for single cells the cached value / formula, for ranges
    the formula of the first cell (helper columns such as 'Smelter List'!AB5).
"""
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS_M = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
NS = {'m': NS_M, 'r': NS_R}


# ---------------------------------------------------------------- A1 helpers
def col2num(col):
    n = 0
    for ch in col.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def num2col(n):
    s = ''
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    m = re.match(r'^([A-Z]+)(\d+)$', ref)
    return m.group(1), int(m.group(2))


# ------------------------------------------------------ formula tokenising
# A reference token: optional sheet prefix, then a cell, a cell range, a
# column range or a row range.  Strings are skipped by the scanner.
SHEET_RE = r"(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!"
CELL_RE = r'\$?[A-Z]{1,3}\$?\d{1,7}'
COLR_RE = r'\$?[A-Z]{1,3}:\$?[A-Z]{1,3}'
ROWR_RE = r'\$?\d{1,7}:\$?\d{1,7}'
REF_RE = re.compile(
    r'(?P<sheet>(?:\[\d+\])?' + SHEET_RE + r')?'
    r'(?P<ref>' + CELL_RE + r'(?::' + CELL_RE + r')?|' + COLR_RE + r'|' + ROWR_RE + r')'
    r'(?![A-Za-z0-9_(!.])')


def _scan(formula):
    """Yield ('str'|'ref'|'other', text, match) pieces of a formula."""
    i = 0
    n = len(formula)
    buf = ''
    while i < n:
        ch = formula[i]
        if ch == '"':
            j = i + 1
            while j < n:
                if formula[j] == '"':
                    if j + 1 < n and formula[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            if buf:
                yield ('other', buf, None)
                buf = ''
            yield ('str', formula[i:j + 1], None)
            i = j + 1
            continue
        prev = formula[i - 1] if i > 0 else ''
        if not (prev.isalnum() or prev in '_.$') or prev == '':
            m = REF_RE.match(formula, i)
            if m and not (m.group('sheet') is None and prev == '!'):
                if buf:
                    yield ('other', buf, None)
                    buf = ''
                yield ('ref', m.group(0), m)
                i = m.end()
                continue
        buf += ch
        i += 1
    if buf:
        yield ('other', buf, None)


def _shift_part(part, dr, dc):
    m = re.match(r'^(\$?)([A-Z]{1,3})(\$?)(\d{1,7})$', part)
    if m:
        c = m.group(2)
        r = int(m.group(4))
        if not m.group(1):
            c = num2col(col2num(c) + dc)
        if not m.group(3):
            r = r + dr
        return m.group(1) + c + m.group(3) + str(r)
    m = re.match(r'^(\$?)([A-Z]{1,3})$', part)
    if m:
        return part if m.group(1) else num2col(col2num(m.group(2)) + dc)
    m = re.match(r'^(\$?)(\d{1,7})$', part)
    if m:
        return part if m.group(1) else str(int(m.group(2)) + dr)
    return part


def shift_formula(formula, dr, dc):
    """Translate a shared formula from its master cell by (dr, dc)."""
    out = []
    for kind, text, m in _scan(formula):
        if kind == 'ref':
            sheet = m.group('sheet') or ''
            parts = m.group('ref').split(':')
            out.append(sheet + ':'.join(_shift_part(p, dr, dc) for p in parts))
        else:
            out.append(text)
    return ''.join(out)


def refs_in(formula, default_sheet):
    """List (sheet, ref-without-$) for every reference in a formula."""
    res = []
    for kind, text, m in _scan(formula):
        if kind != 'ref':
            continue
        sheet = m.group('sheet')
        if sheet:
            sheet = re.sub(r'^\[\d+\]', '', sheet[:-1])
            if sheet.startswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
        else:
            sheet = default_sheet
        res.append((sheet, m.group('ref').replace('$', '')))
    return res


def names_in(formula):
    """Identifiers in a formula that are not functions, refs, or booleans."""
    out = []
    for kind, text, m in _scan(formula):
        if kind != 'other':
            continue
        for nm in re.finditer(r"(?<![A-Za-z0-9_.'!\"$])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!'])", text):
            w = nm.group(1)
            if w.upper() in ('TRUE', 'FALSE'):
                continue
            out.append(w)
    return out


# ------------------------------------------------------------ workbook read
class Workbook:
    def __init__(self, path):
        self.path = path
        self.z = zipfile.ZipFile(path)
        self.shared = []
        if 'xl/sharedStrings.xml' in self.z.namelist():
            t = ET.fromstring(self.z.read('xl/sharedStrings.xml'))
            for si in t.findall('m:si', NS):
                # rich text: concatenate <t> of runs, but not phonetic <rPh>
                parts = []
                for child in si:
                    tag = child.tag.split('}')[1]
                    if tag == 't':
                        parts.append(child.text or '')
                    elif tag == 'r':
                        for tt in child.findall('m:t', NS):
                            parts.append(tt.text or '')
                self.shared.append(''.join(parts))
        wb = ET.fromstring(self.z.read('xl/workbook.xml'))
        rels = ET.fromstring(self.z.read('xl/_rels/workbook.xml.rels'))
        rmap = {r.get('Id'): r.get('Target') for r in rels}
        self.sheet_order = []
        self.sheet_files = {}
        for s in wb.find('m:sheets', NS):
            target = rmap[s.get('{%s}id' % NS_R)].lstrip('/')
            if not target.startswith('xl/'):
                target = 'xl/' + target
            self.sheet_order.append(s.get('name'))
            self.sheet_files[s.get('name')] = target
        self.names = []  # (name, localSheetIndex|None, text)
        dn = wb.find('m:definedNames', NS)
        if dn is not None:
            for d in dn:
                lid = d.get('localSheetId')
                self.names.append((d.get('name'), int(lid) if lid is not None else None, d.text or ''))
        self._cells = {}

    def cells(self, sheet):
        """dict ref -> {'t': type, 'v': cached value, 'f': formula text or None}."""
        if sheet in self._cells:
            return self._cells[sheet]
        root = ET.fromstring(self.z.read(self.sheet_files[sheet]))
        cells = {}
        masters = {}
        pending = []
        for c in root.iter('{%s}c' % NS_M):
            r = c.get('r')
            ty = c.get('t')
            v = c.find('m:v', NS)
            val = v.text if v is not None else None
            if ty == 's' and val is not None:
                val = self.shared[int(val)]
            elif ty == 'inlineStr':
                val = ''.join(x.text or '' for x in c.iter('{%s}t' % NS_M))
            elif ty == 'b' and val is not None:
                val = (val == '1')
            elif ty in (None, 'n') and val is not None:
                try:
                    fv = float(val)
                    val = int(fv) if fv.is_integer() else fv
                except ValueError:
                    pass
            f = c.find('m:f', NS)
            entry = {'t': ty or 'n', 'v': val, 'f': None}
            if f is not None:
                ft = f.get('t')
                entry['ftype'] = ft or 'normal'
                if ft == 'shared':
                    si = f.get('si')
                    if f.get('ref') is not None and f.text:
                        masters[si] = (r, f.text)
                        entry['f'] = '=' + f.text
                    elif f.text:
                        entry['f'] = '=' + f.text
                    else:
                        pending.append((r, si))
                else:
                    entry['f'] = '=' + (f.text or '')
                    if ft == 'array':
                        entry['array'] = f.get('ref')
            cells[r] = entry
        for r, si in pending:
            if si not in masters:
                continue
            mref, mtext = masters[si]
            mc, mr = split_ref(mref)
            cc, cr = split_ref(r)
            cells[r]['f'] = '=' + shift_formula(mtext, cr - mr, col2num(cc) - col2num(mc))
            cells[r]['shared_from'] = mref
        self._cells[sheet] = cells
        return cells

    def resolve_name(self, name, sheet):
        idx = self.sheet_order.index(sheet) if sheet in self.sheet_order else None
        glob = None
        for nm, lid, text in self.names:
            if nm.lower() != name.lower():
                continue
            if lid is not None and lid == idx:
                return {'name': nm, 'scope': sheet, 'refersTo': text}
            if lid is None:
                glob = {'name': nm, 'scope': 'workbook', 'refersTo': text}
        return glob


# ------------------------------------------------------------- extraction
def cell_summary(cell):
    if cell is None:
        return None
    out = {}
    if cell.get('f') is not None:
        out['formula'] = cell['f']
        if cell.get('ftype') == 'array':
            out['array'] = True
    else:
        out['constant'] = cell['v']
    out['cached'] = cell['v']
    return out


def detect_identity(wb):
    """Family, version and language from the Revision/Instructions/Declaration sheets."""
    fam = None
    ver = None
    name = os.path.basename(wb.path)
    m = re.search(r'(CMRT|EMRT|CRT|AMRT)_([0-9.]+?)(?:_([a-z]+))?\.xlsx$', name, re.I)
    if m:
        fam, ver = m.group(1).upper(), m.group(2)
    lang = None
    try:
        decl = wb.cells('Declaration')
        lang = decl.get('C4', {}).get('v') or decl.get('P3', {}).get('v')
        p3 = decl.get('P3', {}).get('v')
    except KeyError:
        p3 = None
    return fam, ver, p3


FAMILY_METALS = {
    'CMRT': ['Tantalum', 'Tin', 'Gold', 'Tungsten'],
    'EMRT1': ['Cobalt', 'Mica'],
    'CRT': ['Cobalt'],
}
COMPANY_FIELDS = [
    ('Company Name', 'companyName'), ('Declaration Scope', 'declarationScope'),
    ('Description of Scope', 'scopeDescription'), ('Minerals/Metals in Scope', 'mineralsInScope'),
    ('Other Minerals', 'otherMinerals'), ('Contact Name', 'contactName'), ('Email-Contact', 'contactEmail'),
    ('E-mail-Contact', 'contactEmail'), ('Phone-Contact', 'contactPhone'),
    ("Authorized Company Representative's name", 'authorizerName'), ("Representative's email", 'authorizerEmail'),
    ("Representative's e-mail", 'authorizerEmail'), ("Representative's phone", 'authorizerPhone'),
    ('Date of Completion', 'effectiveDate'),
]


def classify(rows, ck, fam, ver):
    """Add kind / field / question / metal / slot / item to every row.

    The question number comes from the section header row above ("1) ...", A column),
    the company-question letter from the row's own A text ("A. ..."), the metal from
    the English link text in column D ("... for Tantalum") for the fixed-metal
    families, and the slot (1-based position in the section) for EMRT 2.x / AMRT,
    whose minerals are the ones selected on the Declaration."""
    metals_key = 'EMRT1' if fam == 'EMRT' and ver.startswith('1') else fam
    fixed = FAMILY_METALS.get(metals_key)
    section = None
    slot = 0
    by_row = {r['row']: r for r in rows}
    last = max(by_row) if by_row else 0
    for rr in range(4, last + 1):
        a = ck.get('A%d' % rr, {}).get('v')
        a = a.strip() if isinstance(a, str) else ''
        m = re.match(r'^(\d)\)', a)
        if m:
            section = ('q', int(m.group(1)))
            slot = 0
        elif a in ('Product List',):
            section = ('product', None)
        elif a.startswith('Smelter List') and rr not in by_row:
            section = ('smelter', None)
            slot = 0
        row = by_row.get(rr)
        if row is None:
            continue
        d = (row.get('D', {}) or {}).get('formula') or ''
        b = (row.get('B', {}) or {}).get('formula') or ''
        row_a = a
        kind = None
        info = {}
        mlet = re.match(r'^([A-K])\.\s', row_a)
        is_comment = bool(re.match(r'^=Declaration!G\d+$', b))
        if 'Smelter not listed' in row_a:
            kind = 'smelterNotListed'
        elif row_a == 'Product List' or 'Product List tab' in d:
            kind = 'productList'
        elif 'smelter information' in d or row_a.startswith('Smelter List') or (section and section[0] == 'smelter'):
            kind = 'smelterList'
            mm = re.search(r'Smelter List\s*-\s*(\w+)', row_a)
            if mm:
                info['metal'] = mm.group(1)
            else:
                slot += 1
                info['slot'] = slot
        elif is_comment:
            kind = 'comment'
        elif mlet:
            kind = 'companyQuestion'
            info['question'] = mlet.group(1)
        elif section and section[0] == 'q' and re.search(r'question \d', d):
            kind = 'question'
            info['question'] = section[1]
            mm = re.search(r'question \d+ for ([A-Z][a-z]+)"', d)
            if fixed and mm:
                info['metal'] = mm.group(1)
            else:
                slot += 1
                info['slot'] = slot
        elif re.search(r'question \(([A-K])\)', d) and section and section[0] == 'q':
            # per-mineral part of a company question (EMRT question C)
            kind = 'companyQuestion'
            info['question'] = re.search(r'question \(([A-K])\)', d).group(1)
        elif not b and not (row.get('F') or {}).get('formula') and not (row.get('G') or {}).get('formula') \
                and (row.get('F') or {}).get('constant') is None:
            kind = 'header'
        elif '#REF!' in ((row.get('H') or {}).get('formula') or ''):
            kind = 'broken'
        else:
            for text, key in COMPANY_FIELDS:
                if text in d:
                    kind = 'company'
                    info['field'] = key
                    break
        if kind is None and re.search(r'question \(([A-K])\)', d):
            kind = 'companyQuestion'
            info['question'] = re.search(r'question \(([A-K])\)', d).group(1)
        row['kind'] = kind or 'other'
        row.update(info)
        if fixed and info.get('metal') and info['metal'] not in fixed:
            row['stub'] = True  # a leftover row for a metal the family does not cover
    # the per-mineral rows of a company question (EMRT "C"): number them, name the metal when fixed
    counts = {}
    for row in rows:
        if row['kind'] == 'companyQuestion':
            counts.setdefault(row['question'], []).append(row)
    for q, rs in counts.items():
        if len(rs) > 1:
            for i, row in enumerate(rs):
                if fixed and i < len(fixed):
                    row['metal'] = fixed[i]
                else:
                    row['slot'] = i + 1
    return rows


def item_key(row):
    """The item name a review tool would use for the row."""
    kind = row['kind']
    if kind in ('header', 'broken'):
        return None
    if kind == 'productList':
        return 'Product List'
    if kind == 'smelterNotListed':
        return 'Smelter List:not-listed'
    if kind == 'smelterList':
        return 'Smelter List:%s' % (row.get('metal') or 'slot%d' % row.get('slot', 0))
    if kind == 'company' and row.get('field') == 'mineralsInScope':
        return 'Declaration!D12:I13'
    if kind == 'company' and row.get('field') == 'otherMinerals':
        return 'Declaration!D15:I16'
    ins = row.get('inputs') or []
    if ins:
        # EMRT/CRT question E/G: "Other format" answers are read from the comment (G) cell
        d_ins = [i for i in ins if re.match(r'^Declaration!D\d+$', i)]
        return d_ins[0] if d_ins else ins[0]
    return None


def extract(path):
    wb = Workbook(path)
    ck = wb.cells('Checker')
    rows = sorted({split_ref(r)[1] for r in ck})

    def get(col, row):
        return ck.get('%s%d' % (col, row))

    # total: the display cell near the top (D2 in every known version) is
    # =IF(Hn=0,"0",Hn); Hn is the SUM row.  Fall back to the last =SUM(H..) cell.
    total_row = None
    total_display = None
    for ref, c in sorted(ck.items(), key=lambda kv: (split_ref(kv[0])[1], col2num(split_ref(kv[0])[0]))):
        if split_ref(ref)[1] > 3 or not c.get('f'):
            continue
        m = re.match(r'^=IF\(\$?H\$?(\d+)=0,', c['f'].replace(' ', ''), re.I)
        if m:
            total_row = int(m.group(1))
            total_display = {'cell': ref, 'formula': c['f'], 'cached': c['v']}
            break
    if total_row is None:
        for r in rows:
            h = get('H', r)
            if h and h.get('f') and re.match(r'^=SUM\(', h['f'], re.I) and re.search(r'H\$?\d+:\$?H', h['f']):
                total_row = r
    summed = set()
    if total_row is not None and get('H', total_row) and get('H', total_row).get('f'):
        for a, b in re.findall(r'\$?H\$?(\d+):\$?H\$?(\d+)', get('H', total_row)['f']):
            summed.update(range(int(a), int(b) + 1))
    out_rows = []
    used_names = {}
    deps = {}
    for r in rows:
        h = get('H', r)
        if not h or h.get('f') is None or r == total_row:
            continue
        row = {'row': r}
        for col in 'ABDFGH':
            cs = cell_summary(get(col, r))
            if cs is not None:
                row[col] = cs
        # the input(s) this row checks: the non-Checker refs of B's formula
        b = get('B', r)
        inputs = []
        if b and b.get('f'):
            for sheet, ref in refs_in(b['f'], 'Checker'):
                if sheet != 'Checker':
                    inputs.append('%s!%s' % (sheet, ref))
        row['inputs'] = inputs
        row['inTotal'] = r in summed
        # other Checker cells that F/G/H read (e.g. the K column in AMRT and CRT)
        helpers = {}
        todo = [get(col, r) for col in 'FGH']
        while todo:
            c = todo.pop()
            if not c or not c.get('f'):
                continue
            for sheet, ref in refs_in(c['f'], 'Checker'):
                if sheet != 'Checker' or ':' in ref:
                    continue
                col, rr = split_ref(ref)
                if col in 'ABCDEFGH' and len(col) == 1:
                    continue
                if ref in helpers:
                    continue
                hc = ck.get(ref)
                helpers[ref] = cell_summary(hc) if hc else None
                todo.append(hc)
        if helpers:
            row['helpers'] = helpers
        for col in ['B', 'F', 'G', 'H'] + sorted(helpers):
            c = get(col, r) if len(col) == 1 else ck.get(col)
            if not c or not c.get('f'):
                continue
            for nm in names_in(c['f']):
                if nm in used_names:
                    continue
                res = wb.resolve_name(nm, 'Checker')
                if res is not None:
                    used_names[nm] = res
            for sheet, ref in refs_in(c['f'], 'Checker'):
                if sheet != 'Checker':
                    deps.setdefault((sheet, ref), set()).add(r)
        out_rows.append(row)
    # dependency details
    dep_out = []
    for (sheet, ref), users in sorted(deps.items()):
        d = {'sheet': sheet, 'ref': ref, 'usedByRows': sorted(users)}
        if sheet in wb.sheet_files:
            cells = wb.cells(sheet)
            first = ref.split(':')[0]
            if re.match(r'^[A-Z]+\d+$', first):
                c = cells.get(first)
                if c is not None:
                    d['first'] = dict(cell=first, **cell_summary(c))
                if ':' in ref and re.match(r'^[A-Z]+\d+$', ref.split(':')[1]):
                    c1, r1 = split_ref(first)
                    c2, r2 = split_ref(ref.split(':')[1])
                    # formula of the last cell too (helper columns run the whole range)
                    c = cells.get(ref.split(':')[1])
                    if c is not None:
                        d['last'] = dict(cell=ref.split(':')[1], **cell_summary(c))
            elif re.match(r'^[A-Z]+:[A-Z]+$', ref):
                d['note'] = 'whole column'
        else:
            d['note'] = 'sheet not in workbook'
        dep_out.append(d)
    # helper columns behind named ranges (e.g. SmelterIdetifiedForMetal -> 'Smelter List'!B5:B2504)
    for nm, res in used_names.items():
        for sheet, ref in refs_in(res['refersTo'], None):
            if sheet and sheet in wb.sheet_files and re.match(r'^[A-Z]+\d+:[A-Z]+\d+$', ref):
                cells = wb.cells(sheet)
                first = ref.split(':')[0]
                c = cells.get(first)
                if c is not None:
                    res['first'] = dict(cell=first, **cell_summary(c))
    fam, ver, p3 = detect_identity(wb)
    classify(out_rows, ck, fam, ver or '')
    for row in out_rows:
        row['item'] = item_key(row)
    return {
        'file': os.path.basename(path),
        'family': fam,
        'version': ver,
        'languageCell': {'cell': 'Declaration!P3', 'value': p3},
        'sheets': wb.sheet_order,
        'checkerRowCount': len(out_rows),
        'total': {'sumRow': total_row,
                  'sumFormula': get('H', total_row)['f'] if total_row else None,
                  'sumCached': get('H', total_row)['v'] if total_row else None,
                  'display': total_display},
        'rows': out_rows,
        'names': used_names,
        'dependencies': dep_out,
    }


def version_key(spec):
    fam_order = {'CMRT': 0, 'EMRT': 1, 'CRT': 2, 'AMRT': 3}
    v = spec.get('version') or ''
    parts = [int(x) for x in re.findall(r'\d+', v)]
    # 6.01 < 6.1 < 6.22: compare as decimal fractions of the minor part
    key = []
    if parts:
        key.append(parts[0])
        if len(parts) > 1:
            key.append(float('0.' + v.split('.', 1)[1].replace('.', '')))
    return (fam_order.get(spec.get('family'), 9), key, spec['file'])


# ------------------------------------------------------------- markdown
def _row_name(r):
    if r is None:
        return '?'
    k = r['kind']
    who = r.get('metal') or ('slot %d' % r['slot'] if r.get('slot') else '')
    if k == 'question':
        return 'Q%s %s' % (r['question'], who)
    if k == 'companyQuestion':
        return 'Q%s%s' % (r['question'], (' ' + who) if who else '')
    if k == 'company':
        return r.get('field', 'company')
    if k == 'smelterList':
        return 'smelters %s' % who
    return k


def _conds(expr, rows):
    """'B$14="No"' -> ('Q1 Tantalum', 'No')."""
    out = []
    for ref, val in re.findall(r'\$?([A-Z]+\$?\d+)\s*(?:=|<>)\s*("[^"]*"|0)', expr):
        col, rr = split_ref(ref.replace('$', ''))
        out.append((col, rr, val.strip('"')))
    return out


def meaning(col, cell, row, rows):
    if cell is None:
        return 'never (empty)' if col == 'F' else ''
    f = cell.get('formula')
    if f is None:
        c = cell.get('constant')
        if col == 'F':
            return 'always' if c == 1 else ('never (F empty)' if c is None else 'F = %r' % c)
        return '' if c is None else repr(c)
    g = f.replace('$', '')
    byn = {r['row']: r for r in rows}

    def nm(ref):
        c, n = split_ref(ref)
        if c == 'F':
            return '%s (row %d) necessary' % (_row_name(byn.get(n)), n)
        if c == 'B':
            return 'answer %s' % _row_name(byn.get(n))
        if c == 'A':
            return 'mineral of slot (A%d)' % n
        return ref
    m = re.match(r'^=F(\d+)$', g)
    if m:
        return 'as row %s: %s' % (m.group(1), _row_name(byn.get(int(m.group(1)))))
    m = re.match(r'^=F(\d+)\*F(\d+)$', g)
    if m:
        return 'rows %s and %s both necessary' % m.groups()
    if col == 'H':
        if re.match(r'^=F%d\*G%d$' % (row, row), g):
            return 'F×G'
        if 'IF(A%d="",0,G%d)' % (row, row) in g:
            return 'G when the slot has a mineral'
        if '#REF!' in g:
            return 'broken (#REF!)'
        if 'COUNTIF(SmelterIdetifiedForMetal' in g:
            return 'Q1 or Q2 "Yes" and no row with this metal in Smelter List!B, times K (K = IF(H15>0,1,0): Q1 still incomplete)'
        return 'see formula'
    if 'Declaration!P9' in g and 'Declaration!Q9' in g:
        return 'scope is not "A. Company", not "B. Product (or List of Products)", not blank'
    if re.match(r'^=IF\(B5=Declaration!Q9,1,0\)$', g):
        return 'scope = "B. Product (or List of Products)"'
    m = re.match(r'^=IF\(SUM\(F(\d+):F(\d+)\)=0,0,1\)$', g)
    if m:
        return 'any of rows %s-%s necessary (a metal is in scope at Q3)' % m.groups()
    m = re.match(r'^=IF\(AND\(F(\d+)=1,B(\d+)="Yes"\),1,0\)$', g)
    if m:
        return 'row %s necessary and answered "Yes"' % m.group(1)
    m = re.match(r'^=IF\(A(\d+)(<>""|="")', g)
    if m and g.count('"') <= 4:
        return 'the slot has a mineral (A%s not empty)' % m.group(1)
    if "COUNTIF(Declaration!D12:I13" in g:
        if col == 'F':
            return 'a mineral selection (Declaration!D12:I13) is "Other [specify below]"'
        return 'as many non-empty cells in D15:I16 as "Other [specify below]" selections'
    if 'COUNTIF(\'Smelter List\'!' in g and 'Smelter not listed' in g.replace('Not Listed', 'not listed') and col == 'F':
        return 'some Smelter List!C is "Smelter not listed"'
    m = re.match(r'^=IF\((?:OR\()?(.*?)\)?,0,1\)$', g)
    if col == 'F' and m and '=' in m.group(1):
        conds = _conds(m.group(1), rows)
        parts = {}
        for c, n, v in conds:
            key = ('slot empty (A%d)' % n) if c == 'A' else nm('%s%d' % (c, n))
            parts.setdefault(key, []).append(v or '""')
        return 'unless ' + ' or '.join('%s in {%s}' % (k, ', '.join(vs)) if not k.startswith('slot') else k
                                      for k, vs in parts.items())
    if col == 'G':
        if re.match(r'^=IF\(B\d+=0,1,0\)$', g):
            return 'incomplete while B = 0 (input empty or numeric 0)'
        if 'SEARCH("@"' in g:
            return 'complete when the input contains "@"'
        if 'LEN(B' in g:
            return 'complete when the text has 2+ characters'
        if "Product List'!B6" in g:
            return "complete when 'Product List'!B6 is not empty"
        if 'Declaration!B' in g and '<>""' in g:
            return 'complete when a mineral is selected (first slot label not empty)'
        m = re.search(r'COUNTIF\(SmelterIdetifiedForMetal,"(\w+)"\)>0,COUNTIF\(\'Smelter List\'!(AB\d+:AB\d+),"\w+\?\*"\)', g)
        if m:
            return ('complete when a Smelter List row has metal (B) "%s" and some %s (=B&C) starts with "%s" plus 1+ characters'
                    % (m.group(1), m.group(2), m.group(1)))
        m = re.search(r'COUNTIF\(SmelterIdetifiedForMetal,A(\d+)\)>0,COUNTIF\(\'Smelter List\'!(AB\d+:AB\d+),A\d+\)', g)
        if m:
            return ('complete when a Smelter List row has metal (B) = A%s and some %s (=IF(C="","",B)) = A%s'
                    % (m.group(1), m.group(2), m.group(1)))
        m = re.match(r'^=IF\(K(\d+)<1,1,0\)$', g)
        if m:
            return ('complete when K%s >= 1 (Smelter List rows whose helper column is mineral&"+", i.e. metal = this '
                    'mineral and neither name nor country ISBLANK)' % m.group(1))
        if 'SUMPRODUCT' in g:
            return 'incomplete when a "Smelter not listed" row has D (name) or E (country) empty'
        m = re.match(r"^=SUM\('Smelter List'!(X\d+:X\d+)\)$", g)
        if m:
            return 'number of "Smelter not listed" rows with D or E empty (%s)' % m.group(1)
        if 'COUNTIF(\'Smelter List\'!C5:C' in g:
            return 'leftover (unused)'
    return 'see formula'


def _fmt(cell):
    if cell is None:
        return ''
    if cell.get('formula') is not None:
        return '`%s`' % cell['formula'].replace('|', '\\|')
    return '' if cell.get('constant') is None else '`%s`' % cell['constant']


def markdown(specs):
    groups = []
    for sp in specs:
        sig = json.dumps([(r['row'], (r.get('B') or {}).get('formula'), (r.get('F') or {}).get('formula'),
                           (r.get('F') or {}).get('constant'), (r.get('G') or {}).get('formula'),
                           (r.get('H') or {}).get('formula'), sorted((r.get('helpers') or {}).items()) and
                           json.dumps(r.get('helpers'), sort_keys=True)) for r in sp['rows']])
        for g in groups:
            if g[0] == sig:
                g[1].append(sp)
                break
        else:
            groups.append((sig, [sp]))
    out = []
    for sig, sps in groups:
        sp = sps[0]
        names = ', '.join('%s %s' % (x['family'], x['version'] + (' (en)' if '_en' in x['file'] else '')) for x in sps)
        out.append('### %s\n' % names)
        out.append('Files: %s. Total: `%s` in %s = `%s`.\n' % (
            ', '.join(x['file'] for x in sps), sp['total']['display']['formula'], 'H%d' % sp['total']['sumRow'],
            sp['total']['sumFormula']))
        out.append('| row | item | in total | input (B) | necessary (F) | meaning | complete? (G) | meaning | H |')
        out.append('|---|---|---|---|---|---|---|---|---|')
        for r in sp['rows']:
            helpers = r.get('helpers') or {}
            hnote = ''.join('<br>%s: `%s`' % (k, (v or {}).get('formula', '')) for k, v in sorted(helpers.items()))
            out.append('| %d | %s | %s | %s | %s | %s | %s | %s%s | %s |' % (
                r['row'], r.get('item') or ('(%s)' % r['kind']), 'yes' if r['inTotal'] else '**no**',
                _fmt(r.get('B')), _fmt(r.get('F')), meaning('F', r.get('F'), r['row'], sp['rows']),
                _fmt(r.get('G')), meaning('G', r.get('G'), r['row'], sp['rows']), hnote,
                '' if re.match(r'^=F%d\*G%d$' % (r['row'], r['row']), (r.get('H') or {}).get('formula') or '')
                else _fmt(r.get('H')) + ' ' + meaning('H', r.get('H'), r['row'], sp['rows'])))
        out.append('')
    return '\n'.join(out)


def main(argv):
    out_path = None
    md_path = None
    inputs = []
    i = 0
    while i < len(argv):
        if argv[i] in ('-o', '--output'):
            out_path = argv[i + 1]
            i += 2
            continue
        if argv[i] == '--markdown':
            md_path = argv[i + 1]
            i += 2
            continue
        inputs.append(argv[i])
        i += 1
    if not inputs:
        here = os.path.dirname(os.path.abspath(__file__))
        inputs = [os.path.normpath(os.path.join(here, '..', '..', 'shared', 'templates'))]
    files = []
    for p in inputs:
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.lower().endswith('.xlsx')]
        else:
            files.append(p)
    specs = [extract(f) for f in files]
    specs.sort(key=version_key)
    doc = {
        'generatedBy': 'scripts/extract-checker.py',
        'note': 'Checker sheet rows of the RMI templates, read from the files; formulas are the '
                'cell formulas with shared formulas expanded. H = F*G marks an incomplete required field.',
        'templates': specs,
    }
    if md_path:
        with open(md_path, 'w', encoding='utf-8') as fh:
            fh.write(markdown(specs) + '\n')
        if not out_path:
            return
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    if out_path:
        with open(out_path, 'w', encoding='utf-8') as fh:
            fh.write(text + '\n')
    else:
        sys.stdout.write(text + '\n')


if __name__ == '__main__':
    main(sys.argv[1:])
