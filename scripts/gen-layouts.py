#!/usr/bin/env python3
"""Generate src/core/layouts/generated.ts from the real RMI templates.

Usage: python3 scripts/gen-layouts.py [TEMPLATES_DIR]   (default: ../shared/templates)

Anchors are found through each template's hidden language sheet "L", whose rows key every label cell
("Declaration" + "B8") to its text in every display language. We match the *English* column, so the result
does not depend on the language the workbook happens to be saved in, and never on cached label text.
Standard library only. The output is data: one base layout per family and, per later version, the keys
that differ from the previous version (a small override).
"""
import json, os, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
M = '{%s}' % NS['m']


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split(a1):
    m = re.match(r'^\$?([A-Z]+)\$?(\d+)$', a1 or '')
    if not m:
        return None, -1
    return m.group(1), int(m.group(2))


class Book:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        names = self.z.namelist()
        self.ss = []
        if 'xl/sharedStrings.xml' in names:
            t = ET.fromstring(self.z.read('xl/sharedStrings.xml'))
            for si in t.findall('m:si', NS):
                self.ss.append(''.join(x.text or '' for x in si.iter(M + 't') if not _in_rph(si, x)))
        wb = ET.fromstring(self.z.read('xl/workbook.xml'))
        rels = ET.fromstring(self.z.read('xl/_rels/workbook.xml.rels'))
        rmap = {r.get('Id'): r.get('Target') for r in rels}
        self.sheet_order = []
        self.sheet_state = {}
        self.targets = {}
        for s in wb.find('m:sheets', NS):
            t = rmap[s.get('{%s}id' % NS['r'])].lstrip('/')
            if not t.startswith('xl/'):
                t = 'xl/' + t
            self.sheet_order.append(s.get('name'))
            self.sheet_state[s.get('name')] = s.get('state') or 'visible'
            self.targets[s.get('name')] = t
        self.defined = []
        dn = wb.find('m:definedNames', NS)
        if dn is not None:
            for d in dn:
                self.defined.append((d.get('name'), d.get('localSheetId'), d.text or ''))
        self._cells = {}
        self._xml = {}

    def xml(self, sheet):
        if sheet not in self._xml:
            self._xml[sheet] = ET.fromstring(self.z.read(self.targets[sheet]))
        return self._xml[sheet]

    def cells(self, sheet):
        """{A1: (value, formula_or_None)}"""
        if sheet in self._cells:
            return self._cells[sheet]
        out = {}
        for c in self.xml(sheet).iter(M + 'c'):
            r = c.get('r'); ty = c.get('t')
            f = c.find('m:f', NS); v = c.find('m:v', NS)
            val = v.text if v is not None else None
            if ty == 's' and val is not None:
                val = self.ss[int(val)]
            elif ty == 'inlineStr':
                val = ''.join(x.text or '' for x in c.iter(M + 't'))
            out[r] = (val, (f.text or '') if f is not None else None)
        self._cells[sheet] = out
        return out

    def value(self, sheet, a1):
        return self.cells(sheet).get(a1, (None, False))[0]

    def has_formula(self, sheet, a1):
        return self.cells(sheet).get(a1, (None, None))[1] is not None

    def validations(self, sheet):
        out = []
        x = self.xml(sheet)
        for dv in x.iter(M + 'dataValidation'):
            f1 = dv.find('m:formula1', NS)
            out.append((dv.get('sqref') or '', dv.get('type'), f1.text if f1 is not None else None))
        return out


def col_letters(n):
    s = ''
    while n > 0:
        n, m = divmod(n - 1, 26)
        s = chr(65 + m) + s
    return s


def normalise_list_value(v):
    # the 100% option is stored as the number 1 formatted as a percentage
    return '100%' if v.strip() in ('1', '1.0') else v.strip()


def _in_rph(si, node):
    for rph in si.iter(M + 'rPh'):
        for t in rph.iter(M + 't'):
            if t is node:
                return True
    return False


def english_labels(book):
    """{(sheet, cellkey): english text} from the hidden L sheet."""
    cells = book.cells('L')
    header = {}
    rows = {}
    for a1, (val, _) in cells.items():
        col, row = split(a1)
        if row == 1:
            header[col] = val
        else:
            rows.setdefault(row, {})[col] = val
    eng = next(c for c, v in header.items() if v == 'English')
    langs = [header[c] for c in sorted(header, key=col_index) if col_index(c) >= col_index(eng)]
    out = {}
    for row, d in rows.items():
        if d.get('B') and d.get('C'):
            out[(d['B'], d['C'])] = (d.get(eng) or '').strip()
    return out, langs


QUESTION_TOPICS = [
    (r'intentionally added', 'intentional'),
    (r'remain in the product', 'remains'),
    (r'covered countries', 'covered-countries'),
    (r'conflict-affected and high-risk|Conflict-Affected and High-Risk', 'cahra'),
    (r'recycled or scrap', 'recycled'),
    (r'percentage of relevant suppliers', 'response-rate'),
    (r'identified all of the smelters', 'all-identified'),
    (r'all applicable smelter', 'all-reported'),
]

COMPANY_TOPICS = [
    (r'policy publicly available on your website', 'policy-public'),
    (r'publicly available cobalt sourcing policy', 'policy'),
    (r'established a responsible minerals sourcing policy', 'policy'),
    (r'policy cover', 'policy-scope'),
    (r'implemented due diligence measures', 'due-diligence'),
    (r'require suppliers to exercise due diligence', 'supplier-due-diligence'),
    (r'require your direct suppliers to source', 'require-validated'),
    (r'conduct .*survey', 'survey'),
    (r'review due diligence information', 'review'),
    (r'corrective action', 'corrective-action'),
    (r'annual conflict minerals disclosure|required to file', 'annual-filing'),
    (r'grievance', 'grievance'),
    (r'report publicly|publicly report', 'public-report'),
]

COMPANY_FIELDS = [
    ('companyName', r'^Company Name'),
    ('declarationScope', r'^Declaration Scope'),
    ('scopeDescription', r'^Description of Scope:$'),
    ('companyId', r'^Company Unique ID:'),
    ('companyIdAuthority', r'^Company Unique ID Authority'),
    ('address', r'^Address'),
    ('contactName', r'^Contact Name'),
    ('contactEmail', r'^Email\s*[–-]\s*Contact'),
    ('contactPhone', r'^Phone\s*[–-]\s*Contact'),
    ('authorizerName', r'^Authorizer'),
    ('authorizerTitle', r'^Title\s*[–-]\s*Authorizer'),
    ('authorizerEmail', r'^Email\s*[–-]\s*Authorizer'),
    ('authorizerPhone', r'^Phone\s*[–-]\s*Authorizer'),
    ('effectiveDate', r'^Effective Date'),
]

SMELTER_COLS = [
    ('typedId', r'^Smelter Identification Number Input'),
    ('metal', r'^Metal'),
    ('lookup', r'^Smelter Look-?up'),
    ('name', r'^Smelter Name'),
    ('country', r'^Smelter Country|Smelter Facility Location: Country'),
    ('id', r'^Smelter Identification$'),
    ('source', r'^Source of Smelter Identification'),
    ('street', r'^Smelter Street'),
    ('city', r'^Smelter City'),
    ('state', r'State ?/ ?Province'),
    ('contactName', r'^Smelter Contact Name'),
    ('contactEmail', r'^Smelter Contact Email'),
    ('nextSteps', r'^Proposed next steps'),
    ('mineName', r'^Name of Mine'),
    ('mineCountry', r'^Location \(Country\) of Mine'),
    ('recycled', r'100%.*recycled|recycled or scrap sources\?'),
    ('comments', r'^Comments'),
]

MINE_COLS = [
    ('metal', r'^Metal'),
    ('smelterName', r'^Name of Smelter'),
    ('mineName', r'^Mine Facility \(Site\) Name|^Mine.*Name$'),
    ('mineId', r'^Mine Identification'),
    ('mineIdSource', r'^Source of Mine'),
    ('country', r'Country'),
    ('street', r'Street'),
    ('city', r'City'),
    ('state', r'State ?/ ?Province'),
    ('contactName', r'Contact Name'),
    ('contactEmail', r'Contact Email'),
    ('nextSteps', r'^Proposed next steps'),
    ('comments', r'^Comments'),
]

PRODUCT_COLS = [
    ('number', r'^(Responder )?Product Number|Manufacturer.s Product Number|^Responder Product Number'),
    ('name', r'^(Responder )?Product Name|Manufacturer.s Product Name'),
    ('requesterNumber', r'^Requester Product Number'),
    ('requesterName', r'^Requester Product Name'),
    ('comments', r'^Comments'),
]

LOOKUP_COLS = {'A': 'metal', 'B': 'lookupName', 'C': 'standardName', 'D': 'country', 'E': 'id', 'F': 'source',
               'G': 'street', 'H': 'city', 'I': 'state'}


def header_columns(labels, sheet, row, spec):
    found = {}
    items = sorted(((split(c)[0], t) for (s, c), t in labels.items() if s == sheet and re.match(r'^[A-Z]+%d$' % row, c)),
                   key=lambda x: col_index(x[0]))
    for key, pat in spec:
        for col, text in items:
            if col in found.values():
                continue
            if re.search(pat, text or '', re.I):
                found[key] = col
                break
    return found


def parse_version(text):
    m = re.match(r'\s*Revision\s+([0-9.]+)\s*(.*)', text or '', re.S)
    if not m:
        return None, None
    return m.group(1), m.group(2).strip()


MONTHS = {m: i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                                            'September', 'October', 'November', 'December'])}


def iso_date(text):
    m = re.match(r'([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})', text or '')
    if not m or m.group(1) not in MONTHS:
        return None
    return '%04d-%02d-%02d' % (int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))


def label_rows(book, sheet, first):
    """Rows below the header that hold template text (a formula reading the language sheet), e.g. the copyright."""
    rows = set()
    for a1, (val, ftext) in book.cells(sheet).items():
        c, r = split(a1)
        if r >= first and ftext and re.search(r"\bL!", ftext):
            rows.add(r)
    return sorted(rows)


def last_prepared_row(book, sheet, col, first):
    last = first
    skip = set(label_rows(book, sheet, first))
    for a1, (val, has_f) in book.cells(sheet).items():
        c, r = split(a1)
        if c == col and r >= first and r not in skip and (has_f is not None or val is not None):
            last = max(last, r)
    return last


def family_of(book, labels):
    title = labels.get(('Declaration', 'D2'), '') or (book.value('Declaration', 'D2') or '')
    m = re.search(r'\((CMRT|EMRT|CRT|AMRT)\)', title)
    if not m:
        raise SystemExit('cannot tell the family of the template: %r' % title)
    return m.group(1)


def declaration_layout(book, labels, family):
    decl = {(c): t for (s, c), t in labels.items() if s == 'Declaration'}
    rows = sorted({split(c)[1] for c in decl if re.match(r'^B\d+$', c)})
    company = {}
    for key, pat in COMPANY_FIELDS:
        for r in rows:
            t = decl.get('B%d' % r) or ''
            if re.search(pat, t):
                company[key] = 'D%d' % r
                break
        if key not in company:
            raise SystemExit('%s: no label for %s' % (family, key))
    qheads = []
    cheads = []
    for r in rows:
        t = decl.get('B%d' % r) or ''
        m = re.match(r'^(\d+)\)\s*(.*)', t, re.S)
        if m:
            qheads.append((r, int(m.group(1)), m.group(2)))
        m = re.match(r'^([A-K])\.\s+(.*)', t, re.S)
        if m and int(company['effectiveDate'][1:]) < r:
            cheads.append((r, m.group(1), m.group(2)))
    heads = sorted([h[0] for h in qheads] + [h[0] for h in cheads])
    cells = book.cells('Declaration')
    # the answer and comment columns from the "Answer"/"Comments" labels on the first question row
    first_q = qheads[0][0]
    answer_col = next((split(c)[0] for c, t in decl.items() if split(c)[1] == first_q and t == 'Answer'), 'D')
    comment_col = next((split(c)[0] for c, t in decl.items() if split(c)[1] == first_q and t.startswith('Comment')), 'G')
    last_row = max(split(a)[1] for a in cells)

    def slot_rows(head):
        nxt = min([h for h in heads if h > head] + [last_row + 1])
        out = []
        for r in range(head + 1, nxt):
            v = cells.get('B%d' % r)
            if v is None:
                if out:
                    break
                continue
            val, ftext = v
            if ftext is not None and 'Click here' in ftext:
                break
            if ftext is None and (val is None or val == ''):
                if out:
                    break
                continue
            if decl.get('B%d' % r, '').startswith(('Answer the', 'Question')):
                break
            out.append(r)
        return out

    # fixed metals (CMRT/CRT) come from the first question's rows
    minerals = []
    sel_row = next((split(c)[1] for c, t in decl.items() if re.match(r'^B\d+$', c) and re.match(r'^(Select|Enter) Minerals', t)), None)
    # CMRT, CRT and EMRT 1.x print one row per metal; EMRT 2.x and AMRT follow the supplier's selection
    fixed = sel_row is None and family != 'AMRT'
    questions = []
    for i, (r, num, text) in enumerate(qheads):
        srows = slot_rows(r)
        if i == 0 and fixed:
            for sr in srows:
                name = (decl.get('B%d' % sr) or '').replace('(*)', '').strip()
                if name:
                    minerals.append(name)
        if fixed:
            srows = srows[:len(minerals)]
        topic = next((t for p, t in QUESTION_TOPICS if re.search(p, text)), None)
        if topic is None:
            raise SystemExit('%s: unknown question topic: %r' % (family, text[:80]))
        questions.append({'number': num, 'topic': topic, 'headerRow': r, 'slots': [
            {'metal': minerals[k] if fixed and k < len(minerals) else None, 'slot': k,
             'answerCell': '%s%d' % (answer_col, sr), 'commentCell': '%s%d' % (comment_col, sr)}
            for k, sr in enumerate(srows)]})
    cqs = []
    for (r, cid, text) in cheads:
        srows = slot_rows(r)
        topic = next((t for p, t in COMPANY_TOPICS if re.search(p, text, re.I)), None)
        if topic is None:
            topic = 'other'
        if fixed:
            srows = srows[:len(minerals)]
        if srows:
            for k, sr in enumerate(srows):
                cqs.append({'id': cid, 'topic': topic, 'slot': k, 'metal': minerals[k] if fixed else None,
                            'answerCell': '%s%d' % (answer_col, sr), 'commentCell': '%s%d' % (comment_col, sr)})
        else:
            cqs.append({'id': cid, 'topic': topic, 'answerCell': '%s%d' % (answer_col, r),
                        'commentCell': '%s%d' % (comment_col, r)})
    # mineral selection (EMRT 2.x, AMRT): the validated input cells on the "Select Minerals" rows
    selection = []
    other_cells = []
    if sel_row:
        merged_tail = set()
        for mc in book.xml('Declaration').iter(M + 'mergeCell'):
            a, _, z = (mc.get('ref') or '').partition(':')
            if z:
                (ca, ra), (cz, rz) = split(a), split(z)
                for r in range(ra, rz + 1):
                    for ci in range(col_index(ca), col_index(cz) + 1):
                        if (r, ci) != (ra, col_index(ca)):
                            merged_tail.add('%s%d' % (col_letters(ci), r))
        for sqref, typ, f1 in book.validations('Declaration'):
            for part in sqref.split():
                a, _, z = part.partition(':')
                (ca, ra) = split(a)
                (cz, rz) = split(z) if z else (ca, ra)
                for r in range(ra, rz + 1):
                    for ci in range(col_index(ca), col_index(cz) + 1):
                        cell = '%s%d' % (col_letters(ci), r)
                        if cell in merged_tail or ci <= 2:
                            continue
                        if r in (sel_row, sel_row + 1) and typ == 'list':
                            selection.append(cell)
                        elif family == 'AMRT' and r in (sel_row + 3, sel_row + 4):
                            other_cells.append(cell)
        if not selection:
            # free-text entry (AMRT 1.2): the unmerged cells of the two entry rows, columns D to I
            for r in (sel_row, sel_row + 1):
                for ci in range(col_index('D'), col_index('I') + 1):
                    cell = '%s%d' % (col_letters(ci), r)
                    if cell not in merged_tail:
                        selection.append(cell)
        selection.sort(key=lambda a: (split(a)[1], col_index(split(a)[0])))
        other_cells.sort(key=lambda a: (split(a)[1], col_index(split(a)[0])))
    if not fixed:
        # the minerals a family can report: the selection list values, else the smelter-list metal list
        minerals = family_minerals(book, family)
    return {
        'sheet': 'Declaration', 'versionCell': 'J3', 'languageCell': 'D3', 'company': company,
        'mineralSelectionCells': selection, 'otherMineralCells': other_cells, 'minerals': minerals,
        'questions': questions, 'companyQuestions': cqs,
    }


def family_minerals(book, family):
    """Metals the Smelter Look-up lists (EMRT/AMRT); without a look-up, the Declaration's hidden mineral list."""
    out = []
    if 'Smelter Look-up' not in book.targets:
        cells = book.cells('Declaration')
        values = [(split(a)[1], v) for a, (v, _) in cells.items() if split(a)[0] == 'B' and v]
        values.sort()
        start = next((i for i, (_, v) in enumerate(values) if v == 'Did not survey'), None)
        if start is not None:
            for _, v in values[start + 1:]:
                if v.startswith('Other'):
                    break
                out.append(v)
        return sorted(out)
    for a1, (val, _) in sorted(book.cells('Smelter Look-up').items(), key=lambda x: split(x[0])[1]):
        c, r = split(a1)
        if c == 'A' and r >= 5 and val and re.match(r'^[A-Z][a-z]', val) and val not in out:
            out.append(val)
    return sorted(out)


def table(book, labels, sheet, header_row, spec, first_row, key_col):
    cols = header_columns(labels, sheet, header_row, spec)
    last = last_prepared_row(book, sheet, key_col or 'A', first_row)
    return {'sheet': sheet, 'headerRow': header_row, 'firstRow': first_row, 'lastRow': last, 'columns': cols,
            'labelRows': label_rows(book, sheet, first_row)}


def filter_last_row(book, sheet):
    idx = book.sheet_order.index(sheet)
    for name, local, ref in book.defined:
        if name == '_xlnm._FilterDatabase' and local is not None and int(local) == idx:
            m = re.search(r'\$[A-Z]+\$(\d+)$', ref)
            if m:
                return int(m.group(1))
    return None


def find_header_row(labels, sheet, pattern):
    for (s, c), t in labels.items():
        if s == sheet and re.search(pattern, t or ''):
            return split(c)[1]
    return None


def layout_of(path):
    book = Book(path)
    labels, langs = english_labels(book)
    family = family_of(book, labels)
    version_text = book.value('Declaration', 'J3')
    version, date_text = parse_version(version_text)
    lay = {'family': family, 'version': version, 'releaseDate': iso_date(date_text),
           'sheets': book.sheet_order, 'languages': langs}
    lay['declaration'] = declaration_layout(book, labels, family)
    sh = find_header_row(labels, 'Smelter List', r'^Smelter Look-?up') or 4
    lay['smelterList'] = table(book, labels, 'Smelter List', sh, SMELTER_COLS, sh + 1, None)
    # prepared rows: the formula-bearing range of column F (resolved ID)
    lay['smelterList']['lastRow'] = max(filter_last_row(book, 'Smelter List') or 0, last_prepared_row(
        book, 'Smelter List', lay['smelterList']['columns'].get('id', 'F'), sh + 1))
    ph = find_header_row(labels, 'Product List', r'Product Number') or 5
    lay['productList'] = table(book, labels, 'Product List', ph, PRODUCT_COLS, ph + 1, 'B')
    if 'Mine List' in book.targets:
        mh = find_header_row(labels, 'Mine List', r'Mine Facility|Mine Identification') or 4
        lay['mineList'] = table(book, labels, 'Mine List', mh, MINE_COLS, mh + 1, 'N')
    if 'Smelter Look-up' in book.targets:
        lay['lookup'] = {'sheet': 'Smelter Look-up', 'headerRow': 4, 'firstRow': 5,
                         'lastRow': last_prepared_row(book, 'Smelter Look-up', 'E', 5),
                         'columns': {v: k for k, v in LOOKUP_COLS.items()}}
    for key in ('id', 'metal', 'name', 'country'):
        if key not in lay['smelterList']['columns']:
            raise SystemExit('%s %s: smelter list column %s not found' % (family, version, key))
    return lay


def diff(base, new):
    """Keys of `new` that differ from `base` (objects recursively, arrays and scalars whole)."""
    out = {}
    for k, v in new.items():
        b = base.get(k) if isinstance(base, dict) else None
        if isinstance(v, dict) and isinstance(b, dict):
            d = diff(b, v)
            if d:
                out[k] = d
        elif v != b:
            out[k] = v
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'templates')
    layouts = {}
    languages = set()
    for name in sorted(os.listdir(tdir)):
        if not name.endswith('.xlsx'):
            continue
        lay = layout_of(os.path.join(tdir, name))
        languages.update(lay.pop('languages'))
        key = (lay['family'], lay['version'])
        if key in layouts:
            d = diff(layouts[key][1], lay)
            if d:
                print('warning: %s differs from %s (%s %s): %s' % (name, layouts[key][0], *key, json.dumps(d)[:300]), file=sys.stderr)
            continue
        layouts[key] = (name, lay)
    fams = {}
    for (fam, ver), (name, lay) in sorted(layouts.items(), key=lambda kv: (kv[0][0], float(kv[0][1]))):
        fams.setdefault(fam, []).append((name, lay))
    out = []
    for fam, items in fams.items():
        base_name, base = items[0]
        out.append({'family': fam, 'base': base, 'from': base_name, 'overrides': []})
        prev = base
        for name, lay in items[1:]:
            d = diff(prev, lay)
            d['version'] = lay['version']
            out[-1]['overrides'].append({'from': name, 'override': d})
            prev = lay
    target = os.path.join(root, 'src', 'core', 'layouts', 'generated.ts')
    with open(target, 'w', encoding='utf-8') as f:
        f.write('// GENERATED by scripts/gen-layouts.py from the RMI templates. Do not edit by hand.\n')
        f.write('// Each family has a base layout (its earliest version) and, per later version, only what changed.\n')
        f.write("import type { GeneratedFamily } from './types';\n\n")
        f.write('export const LANGUAGES: readonly string[] = %s;\n\n' % json.dumps(sorted(languages), ensure_ascii=False))
        f.write('export const GENERATED: readonly GeneratedFamily[] = %s;\n' % json.dumps(out, indent=1, ensure_ascii=False))
    print('wrote %s: %s' % (target, ', '.join('%s %s' % k for k in sorted(layouts))))


if __name__ == '__main__':
    main()
