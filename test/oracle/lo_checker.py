#!/usr/bin/python3
"""LibreOffice recalculation oracle for the "Checker" sheet of RMI templates.

Run with the Debian python that has UNO (python3-uno):

    /usr/bin/python3 test/oracle/lo_checker.py --jobs jobs.json [--out results.jsonl]

Input (file or "-" for stdin): a JSON array of jobs, {"jobs": [...]}, or one
job per line (JSON lines).  A job:

    {"id": "any",                              # echoed back
     "template": "/abs/path/RMI_CMRT_6.5.xlsx",
     "writes": [{"sheet": "Declaration", "cell": "D8", "value": "Acme"},   # string -> setString
                {"sheet": "Declaration", "cell": "D22", "value": 45000},  # number -> setValue
                {"sheet": "Declaration", "cell": "D9", "value": null},    # null -> clear contents
                {"sheet": "X", "cell": "A1", "formula": "=1+1"}],          # LibreOffice API grammar
     "read": [{"sheet": "Declaration", "cell": "B30"}],                    # optional extra cells
     "fresh": false}                                                       # optional: reload the file

Writing over a formula cell replaces the formula (that is what a user typing
does).  Sheet and workbook protection is removed from the private copy of the
template that LibreOffice loads (the templates are protected with a password
hash, so XProtectable.unprotect("") cannot do it).

Output: one JSON line per job on stdout (or --out):

    {"id": ..., "ok": true, "template": "RMI_CMRT_6.5.xlsx",
     "total": 52,                 # what the Checker shows in its total cell (D2)
     "totalCell": "D2", "totalText": "52", "sumRow": 70, "sumFormula": "=SUM(H4:H69)",
     "rows": [{"row": 4, "ref": "=Declaration!D8", "F": 1, "G": 1, "H": 1}, ...],
     "reads": {"Declaration!B30": "Cobalt(*)"},
     "seconds": 0.41}

F/G/H are numbers, strings, null (empty cell) or an error text such as "#REF!".
"rows" holds every Checker row with a formula in column H, except the SUM row.
On failure: {"id": ..., "ok": false, "error": "..."}.  A summary (jobs, seconds,
jobs per second, loads) is printed to stderr as one JSON line starting with
"lo_checker stats:".

Modes: by default ("reuse") each template is loaded once and kept open; before
a job's writes the original contents of every written cell are saved and they
are put back after the job, and every job ends with a full calculateAll().
"--mode fresh" (or "fresh": true in a job) loads the template anew for the
job, exactly as a user opening the file would, at about 1.5 s more per job.

Exit codes: 0 all jobs ran (individual jobs may still report ok=false),
2 bad arguments/input, 3 UNO (python3-uno) missing, 4 LibreOffice did not start.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

SOFFICE_DEFAULT = '/usr/bin/soffice'


def _import_uno():
    try:
        import uno  # noqa: F401
        return True
    except ImportError:
        pass
    for p in ('/usr/lib/python3/dist-packages', '/usr/lib/libreoffice/program'):
        if os.path.isdir(p) and p not in sys.path:
            sys.path.append(p)
    try:
        import uno  # noqa: F401
        return True
    except Exception:
        return False


if not _import_uno():
    # A pyenv/venv python without UNO: re-run under the Debian python once.
    debian = '/usr/bin/python3'
    if (os.path.exists(debian) and os.path.realpath(sys.executable) != os.path.realpath(debian)
            and not os.environ.get('LO_CHECKER_NO_REEXEC')):
        os.environ['LO_CHECKER_NO_REEXEC'] = '1'
        os.execv(debian, [debian] + sys.argv)
    sys.stderr.write('lo_checker: the Python module "uno" is not available to %s.\n'
                     'Install LibreOffice Calc and python3-uno (Debian: apt-get install '
                     'libreoffice-calc-nogui python3-uno) and run this script with /usr/bin/python3.\n'
                     % sys.executable)
    sys.exit(3)

import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402

CLEAR_CONTENT = 1 | 2 | 4 | 16  # VALUE | DATETIME | STRING | FORMULA


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def log(msg):
    sys.stderr.write('lo_checker: %s\n' % msg)
    sys.stderr.flush()


# ------------------------------------------------------------------ soffice
class Office:
    def __init__(self, soffice, startup_timeout, connect=None, profile=None):
        self.soffice = soffice
        self.startup_timeout = startup_timeout
        self.connect = connect
        self.proc = None
        self.own_profile = profile is None
        self.profile = profile or tempfile.mkdtemp(prefix='lo_checker_profile_')
        self.ctx = None
        self.desktop = None
        self.port = None

    def start(self):
        if self.connect:
            host, port = self.connect.rsplit(':', 1)
            self._resolve(host, int(port), self.startup_timeout)
            return
        if not os.path.exists(self.soffice):
            raise RuntimeError('soffice not found at %s' % self.soffice)
        s = socket.socket()
        s.bind(('127.0.0.1', 0))
        self.port = s.getsockname()[1]
        s.close()
        args = [self.soffice, '--headless', '--invisible', '--nologo', '--norestore',
                '--nodefault', '--nolockcheck', '--nofirststartwizard',
                '-env:UserInstallation=' + uno.systemPathToFileUrl(self.profile),
                '--accept=socket,host=127.0.0.1,port=%d;urp;' % self.port]
        # own process group: the /usr/bin/soffice shell script starts soffice.bin
        # as a child, and killing the group ends both.
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self._resolve('127.0.0.1', self.port, self.startup_timeout)

    def _resolve(self, host, port, timeout):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        url = 'uno:socket,host=%s,port=%d;urp;StarOffice.ComponentContext' % (host, port)
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            if self.proc is not None and self.proc.poll() is not None and self.proc.returncode != 0:
                raise RuntimeError('soffice exited with code %s' % self.proc.returncode)
            try:
                self.ctx = resolver.resolve(url)
                self.desktop = self.ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', self.ctx)
                return
            except Exception as e:  # NoConnectException while starting
                last = e
                time.sleep(0.25)
        raise RuntimeError('could not connect to soffice on %s:%d within %ss (%s)' % (host, port, timeout, last))

    def kill(self):
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=10)
        except Exception:
            pass
        self.proc = None
        self.ctx = None
        self.desktop = None

    def stop(self):
        if self.proc is not None:
            try:
                if self.desktop is not None:
                    self.desktop.terminate()
            except Exception:
                pass  # terminate() drops the bridge: DisposedException is normal
            try:
                self.proc.wait(timeout=15)
            except Exception:
                pass
            self.kill()
        if self.own_profile:
            shutil.rmtree(self.profile, ignore_errors=True)


# ------------------------------------------------------------- templates
def unprotected_copy(src, dst):
    """Copy an xlsx, dropping <sheetProtection/> and <workbookProtection/>."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/workbook.xml' or re.match(r'xl/worksheets/[^/]+\.xml$', item.filename):
                text = data.decode('utf-8')
                text = re.sub(r'<sheetProtection\b[^>]*/>', '', text)
                text = re.sub(r'<workbookProtection\b[^>]*/>', '', text)
                data = text.encode('utf-8')
            zout.writestr(item, data)


def api_formula_to_excel(f):
    """'=IF($B$14="Yes";$Declaration.D32;0)' -> '=IF($B$14="Yes",Declaration!D32,0)'."""
    if not f or not f.startswith('='):
        return f
    out = []
    i = 0
    n = len(f)
    while i < n:
        ch = f[i]
        if ch == '"':
            j = i + 1
            while j < n:
                if f[j] == '"':
                    if j + 1 < n and f[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            out.append(f[i:j + 1])
            i = j + 1
            continue
        m = re.compile(r"\$?('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)\.(?=\$?[A-Z]{1,3}(?:\$?\d|:))").match(f, i)
        prev = f[i - 1] if i else ''
        if m and not (prev.isalnum() or prev in '_.'):
            out.append(m.group(1) + '!')
            i = m.end()
            continue
        out.append(',' if ch == ';' else ch)
        i += 1
    return ''.join(out)


def _cell_value(data, error_text):
    if error_text is not None:
        return error_text
    if isinstance(data, float):
        return int(data) if data.is_integer() else data
    if data == '':
        return None
    return data


class Checker:
    """Reads the Checker sheet of an open document."""

    def __init__(self, doc):
        self.doc = doc
        self.sheet = doc.Sheets.getByName('Checker')
        cur = self.sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        self.last_row = min(cur.getRangeAddress().EndRow + 1, 2000)
        rng = self.sheet.getCellRangeByName('A1:H%d' % self.last_row)
        formulas = rng.getFormulaArray()
        self.h_rows = []
        self.refs = {}
        self.total_cell = None
        self.sum_row = None
        for r in range(1, 4):
            for c, f in enumerate(formulas[r - 1]):
                m = re.match(r'^=IF\(\$?H\$?(\d+)=0[;,]', f.replace(' ', ''), re.I)
                if m and self.total_cell is None:
                    self.total_cell = '%s%d' % (chr(65 + c), r)
                    self.sum_row = int(m.group(1))
        for r in range(1, self.last_row + 1):
            h = formulas[r - 1][7]
            if isinstance(h, str) and h.startswith('='):
                if self.sum_row is None and re.match(r'^=SUM\(', h, re.I):
                    continue
                self.h_rows.append(r)
                b = formulas[r - 1][1]
                self.refs[r] = api_formula_to_excel(b) if isinstance(b, str) and b.startswith('=') else (b or '')
        if self.sum_row is not None and self.sum_row in self.h_rows:
            self.h_rows.remove(self.sum_row)
        self.sum_formula = api_formula_to_excel(formulas[self.sum_row - 1][7]) if self.sum_row else None

    def read(self):
        data = self.sheet.getCellRangeByName('A1:H%d' % self.last_row).getDataArray()
        errors = {}
        try:
            from com.sun.star.sheet.FormulaResult import ERROR as FR_ERROR
        except Exception:
            FR_ERROR = 4
        err_ranges = self.sheet.getCellRangeByName('A1:H%d' % self.last_row).queryFormulaCells(FR_ERROR)
        for addr in err_ranges.getRangeAddresses():
            for r in range(addr.StartRow, addr.EndRow + 1):
                for c in range(addr.StartColumn, addr.EndColumn + 1):
                    errors[(r + 1, c)] = self.sheet.getCellByPosition(c, r).getString()
        rows = []
        for r in self.h_rows:
            line = data[r - 1]
            rows.append({'row': r, 'ref': self.refs[r],
                         'F': _cell_value(line[5], errors.get((r, 5))),
                         'G': _cell_value(line[6], errors.get((r, 6))),
                         'H': _cell_value(line[7], errors.get((r, 7)))})
        out = {'rows': rows}
        if self.total_cell:
            cell = self.sheet.getCellRangeByName(self.total_cell)
            text = cell.getString()
            out['totalCell'] = self.total_cell
            out['totalText'] = text
            try:
                out['total'] = int(float(text))
            except ValueError:
                out['total'] = None
        if self.sum_row:
            out['sumRow'] = self.sum_row
            out['sumFormula'] = self.sum_formula
            out['sumValue'] = _cell_value(data[self.sum_row - 1][7], errors.get((self.sum_row, 7)))
        return out


# ------------------------------------------------------------------ runner
class Runner:
    def __init__(self, office, mode, recalc, job_timeout, workdir):
        self.office = office
        self.mode = mode
        self.recalc = recalc
        self.job_timeout = job_timeout
        self.workdir = workdir
        self.copies = {}   # template path -> unprotected copy
        self.docs = {}     # template path -> (doc, Checker)
        self.loads = 0
        self.load_seconds = 0.0
        self.calc_seconds = 0.0
        self.write_seconds = 0.0
        self.read_seconds = 0.0
        self.restore_seconds = 0.0
        self.restarts = 0

    def copy_of(self, template):
        if template not in self.copies:
            dst = os.path.join(self.workdir, '%d_%s' % (len(self.copies), os.path.basename(template)))
            unprotected_copy(template, dst)
            self.copies[template] = dst
        return self.copies[template]

    def load(self, template):
        url = uno.systemPathToFileUrl(self.copy_of(template))
        t = time.time()
        doc = self.office.desktop.loadComponentFromURL(url, '_blank', 0, (pv('Hidden', True), pv('MacroExecutionMode', 0)))
        if doc is None:
            raise RuntimeError('LibreOffice could not load %s' % template)
        self.loads += 1
        self.load_seconds += time.time() - t
        for i in range(doc.Sheets.getCount()):
            sh = doc.Sheets.getByIndex(i)
            if sh.isProtected():
                try:
                    sh.unprotect('')
                except Exception:
                    pass
        # In 'full' mode the writes and restores run with automatic calculation
        # off (each write would otherwise recalculate the volatile OFFSET/INDIRECT
        # cells); calculateAll() then recalculates everything once.
        doc.enableAutomaticCalculation(self.recalc == 'auto')
        try:
            doc.UndoManager.lock()  # no undo records for our writes
            doc.lockControllers()   # no view updates
        except Exception:
            pass
        return doc, Checker(doc)

    def close_all(self):
        for doc, _ in self.docs.values():
            try:
                doc.close(True)
            except Exception:
                pass
        self.docs = {}

    def _resolve_cell(self, doc, w):
        sheet = doc.Sheets.getByName(w['sheet'])
        return sheet.getCellRangeByName(w['cell'])

    @staticmethod
    def _snapshot(cell):
        from com.sun.star.table.CellContentType import EMPTY, VALUE, TEXT, FORMULA
        t = cell.getType()
        if t == FORMULA:
            arr = cell.getArrayFormula()
            if arr:
                cur = cell.getSpreadsheet().createCursorByRange(cell)
                cur.collapseToCurrentArray()
                return ('array', cur.getRangeAddress(), arr)
            return ('formula', cell.getFormula())
        if t == VALUE:
            return ('value', cell.getValue())
        if t == TEXT:
            return ('text', cell.getString())
        return ('empty',)

    @staticmethod
    def _clear_array(cell):
        if cell.getType().value == 'FORMULA' and cell.getArrayFormula():
            cur = cell.getSpreadsheet().createCursorByRange(cell)
            cur.collapseToCurrentArray()
            cur.setArrayFormula('')

    @staticmethod
    def _apply(cell, w):
        if 'formula' in w:
            cell.setFormula(w['formula'])
            return
        v = w.get('value')
        if v is None:
            cell.clearContents(CLEAR_CONTENT)
        elif isinstance(v, bool):
            cell.setFormula('=TRUE()' if v else '=FALSE()')
        elif isinstance(v, (int, float)):
            cell.setValue(float(v))
        else:
            cell.setString(str(v))

    @staticmethod
    def _restore(doc, sheet_name, cell, snap):
        kind = snap[0]
        if kind == 'array':
            sheet = doc.Sheets.getByName(sheet_name)
            a = snap[1]
            rng = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
            Runner._clear_array(cell)
            rng.clearContents(CLEAR_CONTENT)
            rng.setArrayFormula(snap[2])
        else:
            Runner._clear_array(cell)
            if kind == 'formula':
                cell.setFormula(snap[1])
            elif kind == 'value':
                cell.setValue(snap[1])
            elif kind == 'text':
                cell.setString(snap[1])
            else:
                cell.clearContents(CLEAR_CONTENT)

    def run_job(self, job):
        template = job['template']
        if not os.path.isfile(template):
            raise RuntimeError('template not found: %s' % template)
        fresh = self.mode == 'fresh' or job.get('fresh')
        if fresh:
            doc, ck = self.load(template)
            owned = True
        else:
            if template not in self.docs:
                self.docs[template] = self.load(template)
            doc, ck = self.docs[template]
            owned = False
        snaps = []
        tw = time.time()
        try:
            for w in job.get('writes', []):
                cell = self._resolve_cell(doc, w)
                if not owned:
                    snaps.append((w['sheet'], cell, self._snapshot(cell)))
                self._clear_array(cell)
                self._apply(cell, w)
            t = time.time()
            self.write_seconds += t - tw
            if self.recalc == 'full':
                doc.calculateAll()
            elif self.recalc == 'dirty':
                doc.calculate()
            # 'auto': automatic calculation only (what LibreOffice does while a user types)
            tr = time.time()
            self.calc_seconds += tr - t
            out = ck.read()
            reads = {}
            for rd in job.get('read', []):
                c = self._resolve_cell(doc, rd)
                if c.getError():
                    reads['%s!%s' % (rd['sheet'], rd['cell'])] = c.getString()
                elif c.getType().value in ('TEXT',) or (c.getType().value == 'FORMULA' and
                                                       c.FormulaResultType2 == 2):
                    reads['%s!%s' % (rd['sheet'], rd['cell'])] = c.getString()
                elif c.getType().value == 'EMPTY':
                    reads['%s!%s' % (rd['sheet'], rd['cell'])] = None
                else:
                    reads['%s!%s' % (rd['sheet'], rd['cell'])] = _cell_value(c.getValue(), None)
            if reads:
                out['reads'] = reads
            self.read_seconds += time.time() - tr
            return out
        finally:
            if owned:
                try:
                    doc.close(True)
                except Exception:
                    pass
            else:
                trs = time.time()
                for sheet_name, cell, snap in reversed(snaps):
                    try:
                        self._restore(doc, sheet_name, cell, snap)
                    except Exception:
                        # cannot restore: drop the document so the next job reloads it
                        self.docs.pop(template, None)
                        try:
                            doc.close(True)
                        except Exception:
                            pass
                        break
                self.restore_seconds += time.time() - trs

    def run(self, jobs, emit):
        done = 0
        for idx, job in enumerate(jobs):
            jid = job.get('id', idx)
            t = time.time()
            timer = None
            timed_out = threading.Event()
            if self.office.desktop is None:
                try:
                    self.restarts += 1
                    self.office.start()
                except Exception as e:
                    emit({'id': jid, 'ok': False, 'template': os.path.basename(job.get('template', '')),
                          'error': 'LibreOffice did not restart: %s' % e, 'seconds': round(time.time() - t, 3)})
                    self.office.kill()
                    continue
            if self.job_timeout and self.office.proc is not None:
                def on_timeout():
                    timed_out.set()
                    self.office.kill()
                timer = threading.Timer(self.job_timeout, on_timeout)
                timer.daemon = True
                timer.start()
            try:
                res = self.run_job(job)
                res = dict({'id': jid, 'ok': True, 'template': os.path.basename(job['template'])}, **res)
            except Exception as e:
                msg = 'timeout after %ss' % self.job_timeout if timed_out.is_set() else '%s: %s' % (type(e).__name__, e)
                res = {'id': jid, 'ok': False, 'template': os.path.basename(job.get('template', '')), 'error': msg}
                if timed_out.is_set() or 'Disposed' in type(e).__name__ or 'RuntimeException' in type(e).__name__:
                    # the office is gone or unusable: restart it for the next job
                    self.docs = {}
                    self.office.kill()
            finally:
                if timer is not None:
                    timer.cancel()
            res['seconds'] = round(time.time() - t, 3)
            emit(res)
            done += 1
        return len(jobs)


def run_workers(args, jobs, emit):
    """Split the jobs by template over N child processes (one soffice each)."""
    groups = {}
    for i, j in enumerate(jobs):
        groups.setdefault(j['template'], []).append(i)
    bins = [[] for _ in range(args.workers)]
    for tpl, idxs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        min(bins, key=len).extend(idxs)
    tmp = tempfile.mkdtemp(prefix='lo_checker_workers_')
    procs = []
    try:
        for k, idxs in enumerate(bins):
            if not idxs:
                continue
            jp = os.path.join(tmp, 'jobs%d.json' % k)
            op = os.path.join(tmp, 'out%d.jsonl' % k)
            with open(jp, 'w', encoding='utf-8') as fh:
                json.dump([dict(jobs[i], id=i) for i in idxs], fh)
            cmd = [sys.executable, os.path.abspath(__file__), '--jobs', jp, '--out', op, '--workers', '1',
                   '--mode', args.mode, '--recalc', args.recalc, '--soffice', args.soffice,
                   '--startup-timeout', str(args.startup_timeout), '--job-timeout', str(args.job_timeout)]
            procs.append((subprocess.Popen(cmd, stderr=subprocess.PIPE), op, idxs))
        results = {}
        stats = []
        code = 0
        for p, op, idxs in procs:
            _, err = p.communicate()
            for line in err.decode('utf-8', 'replace').splitlines():
                if line.startswith('lo_checker stats: '):
                    stats.append(json.loads(line[len('lo_checker stats: '):]))
                elif line.strip():
                    sys.stderr.write(line + '\n')
            if p.returncode != 0:
                code = p.returncode
            if os.path.exists(op):
                for line in open(op, encoding='utf-8'):
                    r = json.loads(line)
                    results[r['id']] = r
        for i, j in enumerate(jobs):
            r = results.get(i) or {'ok': False, 'template': os.path.basename(j['template']),
                                   'error': 'worker failed (exit %s)' % code}
            r['id'] = j.get('id', i)
            emit(r)
        return code, stats
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_jobs(path):
    text = sys.stdin.read() if path in (None, '-') else open(path, encoding='utf-8').read()
    text = text.strip()
    if not text:
        return []
    try:
        data = json.loads(text)
        if isinstance(data, dict) and 'jobs' in data:
            data = data['jobs']
        if isinstance(data, dict):
            data = [data]
        return data
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def main(argv):
    ap = argparse.ArgumentParser(description='Recalculate RMI templates in LibreOffice and read the Checker sheet.')
    ap.add_argument('--jobs', default='-', help='jobs JSON file, "-" for stdin (default)')
    ap.add_argument('--out', default=None, help='write JSON lines here instead of stdout')
    ap.add_argument('--mode', choices=('reuse', 'fresh'), default='reuse',
                    help='reuse: load each template once and restore written cells after each job (default); '
                         'fresh: load the template for every job')
    ap.add_argument('--recalc', choices=('full', 'dirty', 'auto'), default='full',
                    help='full: calculateAll() after the writes (default); dirty: calculate(); '
                         'auto: no explicit recalculation, only automatic calculation')
    ap.add_argument('--soffice', default=os.environ.get('LO_CHECKER_SOFFICE', SOFFICE_DEFAULT))
    ap.add_argument('--connect', default=None, help='HOST:PORT of a running soffice (it is left running)')
    ap.add_argument('--profile', default=None, help='LibreOffice user profile dir (default: a fresh temp dir)')
    ap.add_argument('--startup-timeout', type=float, default=90.0)
    ap.add_argument('--job-timeout', type=float, default=120.0, help='seconds per job before soffice is killed')
    ap.add_argument('--workers', type=int, default=1,
                    help='run N soffice processes in parallel, the jobs split by template (default 1)')
    args = ap.parse_args(argv)

    try:
        jobs = read_jobs(args.jobs)
    except Exception as e:
        log('cannot read jobs: %s' % e)
        return 2
    for j in jobs:
        if not isinstance(j, dict) or 'template' not in j:
            log('every job needs a "template": %r' % (j,))
            return 2

    out = open(args.out, 'w', encoding='utf-8') if args.out else sys.stdout

    def emit(res):
        out.write(json.dumps(res, ensure_ascii=False) + '\n')
        out.flush()

    if args.workers > 1 and not args.connect and len({j['template'] for j in jobs}) > 1:
        t0 = time.time()
        code, stats = run_workers(args, jobs, emit)
        elapsed = time.time() - t0
        total = {'jobs': len(jobs), 'seconds': round(elapsed, 2),
                 'jobsPerSecond': round(len(jobs) / elapsed, 2) if elapsed > 0 else None,
                 'workers': args.workers, 'perWorker': stats}
        sys.stderr.write('lo_checker stats: %s\n' % json.dumps(total))
        if args.out:
            out.close()
        return code

    workdir = tempfile.mkdtemp(prefix='lo_checker_work_')
    office = Office(args.soffice, args.startup_timeout, connect=args.connect, profile=args.profile)
    t0 = time.time()
    runner = None
    try:
        try:
            office.start()
        except Exception as e:
            log('LibreOffice did not start: %s' % e)
            office.kill()
            return 4
        startup = time.time() - t0
        runner = Runner(office, args.mode, args.recalc, args.job_timeout, workdir)
        t1 = time.time()
        n = runner.run(jobs, emit)
        elapsed = time.time() - t1
        stats = {'jobs': n, 'startupSeconds': round(startup, 2), 'seconds': round(elapsed, 2),
                 'jobsPerSecond': round(n / elapsed, 2) if elapsed > 0 else None,
                 'loads': runner.loads, 'loadSeconds': round(runner.load_seconds, 2),
                 'writeSeconds': round(runner.write_seconds, 2), 'calcSeconds': round(runner.calc_seconds, 2),
                 'readSeconds': round(runner.read_seconds, 2), 'restoreSeconds': round(runner.restore_seconds, 2),
                 'restarts': runner.restarts,
                 'mode': args.mode, 'recalc': args.recalc}
        sys.stderr.write('lo_checker stats: %s\n' % json.dumps(stats))
        return 0
    finally:
        if runner is not None:
            runner.close_all()
        if not args.connect:
            office.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        if args.out:
            out.close()


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
