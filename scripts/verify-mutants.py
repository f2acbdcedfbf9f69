#!/usr/bin/env python3
"""Verify mutated corpus exports: exports the tests have not seen.

    python3 scripts/verify-mutants.py MIGRATE OUT COUNT|FIRST-LAST [CORPUS] [-- VERIFY OPTIONS...]

For seeds 0..COUNT-1 (or FIRST..LAST), picks a PowerCenter export of CORPUS (default ../shared/corpus/powercenter),
applies one to four random edits (a literal in an expression becomes a boundary value, `+` becomes
`*`, `-` becomes `+`, a comparison changes, IIF becomes DECODE(TRUE, ...), a datatype, precision or
scale changes, a string literal becomes '', ' ', 'é' or an invalid date, a join type, lookup policy,
case sensitivity, distinct, sorted ports or sorted input changes, a group-by port stops being one,
a sorter's or joiner's NULL order, a sequence's values, a rank's top/bottom or count, the update
strategy, the session's row treatment or high precision changes, a connector is removed, a default
value, an aggregate function, a field's nullability or key, or a filter condition changes, a port's
bare expression is wrapped in a function, AND and OR swap, a string, rounding or trimming function
becomes another, a whole literal becomes a fraction, or a date format changes), writes it under OUT
and runs
`MIGRATE verify FILE --engines native,sqlite --generate 30 --seed S` (options after `--` replace
`--engines native,sqlite`, for example `-- --engines native,sqlite,postgres --connections FILE
--postgres NAME`). Prints every mutant whose
verdict is DIFFER or whose run crashed (the file is kept), each problem a SQL engine reported for
a FAILED mutant (a native failure only means the mutant is not a valid mapping), then the count of
each verdict (a
mutant the importer rejects has no verdict: its exit status is counted; when no mutant gives one,
the options are wrong: the first such output is printed and the exit status is 1). The
same seeds give the same mutants. Used by hand (issue 5 closing notes), not by the test suite.

With `-` for MIGRATE the mutants are only written and kept, for other checks: for example
`migrate convert OUT --out CONVERTED --dialect teradata,...` and then
`python3 scripts/parse-sql.py CONVERTED` (every script parses in its dialect with sqlglot).
"""
import glob, os, random, re, subprocess, sys

arguments, extra = (sys.argv[1:], [])
if '--' in arguments:
    split = arguments.index('--')
    arguments, extra = arguments[:split], arguments[split + 1:]
migrate, out = arguments[0], arguments[1]
first, last = (int(part) for part in arguments[2].split('-')) if '-' in arguments[2] else (0, int(arguments[2]) - 1)
corpus = arguments[3] if len(arguments) > 3 else os.path.join(os.path.dirname(__file__), '../../shared/corpus/powercenter')
engines = extra if extra else ['--engines', 'native,sqlite']
files = sorted(glob.glob(os.path.join(corpus, '*')))
if not files:
    sys.exit(f'no exports in {corpus}')
os.makedirs(out, exist_ok=True)

def literal(m, r):
    return m.group(0)[:m.start(2) - m.start(0)] + r.choice(['2147483647', '0', '-1', '99999999', '3000000'])

edits = [
    (r'EXPRESSION ="([^"]*?)\b(\d+)\b', literal),
    (r'EXPRESSION ="([^"]*?) \+ ', lambda m, r: m.group(0).replace(' + ', ' * ', 1)),
    (r'EXPRESSION ="([^"]*?) - ', lambda m, r: m.group(0).replace(' - ', ' + ', 1)),
    (r'DATATYPE ="integer"', lambda m, r: 'DATATYPE ="' + r.choice(['bigint', 'small integer', 'decimal', 'double', 'string']) + '"'),
    (r'PRECISION ="(\d+)"', lambda m, r: 'PRECISION ="' + r.choice(['1', '5', '15', '16', '28', '38']) + '"'),
    (r'SCALE ="(\d+)"', lambda m, r: 'SCALE ="' + r.choice(['0', '2', '9']) + '"'),
    (r'EXPRESSION ="([^"]*?)\bIIF\(', lambda m, r: m.group(0)[:-4] + 'DECODE(TRUE, '),
    (r'&apos;[^&]*&apos;', lambda m, r: r.choice(['&apos;&apos;', '&apos; &apos;', '&apos;é&apos;', '&apos;2024-02-30&apos;'])),
    (r'VALUE ="(Normal Join|Master Outer Join|Detail Outer Join|Full Outer Join)"',
     lambda m, r: 'VALUE ="' + r.choice(['Normal Join', 'Master Outer Join', 'Detail Outer Join', 'Full Outer Join']) + '"'),
    (r'NAME ="Select Distinct" VALUE ="NO"', lambda m, r: 'NAME ="Select Distinct" VALUE ="YES"'),
    (r'NAME ="Number Of Sorted Ports" VALUE ="0"', lambda m, r: 'NAME ="Number Of Sorted Ports" VALUE ="' + r.choice(['1', '2']) + '"'),
    (r'NAME ="Case Sensitive String Comparison" VALUE ="(YES|NO)"',
     lambda m, r: 'NAME ="Case Sensitive String Comparison" VALUE ="' + r.choice(['YES', 'NO']) + '"'),
    (r'NAME ="Lookup policy on multiple match" VALUE ="[^"]*"',
     lambda m, r: 'NAME ="Lookup policy on multiple match" VALUE ="' + r.choice(['Use First Value', 'Use Last Value', 'Use Any Value', 'Report Error']) + '"'),
    (r'(EXPRESSION|VALUE) ="[^"]*?( &gt; | = | &lt; )', lambda m, r: m.group(0)[:-len(m.group(2))] + r.choice([' &gt;= ', ' &lt;&gt; ', ' &lt;= '])),
    (r'NAME ="Sorted Input" VALUE ="NO"', lambda m, r: 'NAME ="Sorted Input" VALUE ="YES"'),
    (r'EXPRESSIONTYPE ="GROUPBY"', lambda m, r: 'EXPRESSIONTYPE ="GENERAL"'),
    (r'NAME ="Null Treated Low" VALUE ="[^"]*"', lambda m, r: 'NAME ="Null Treated Low" VALUE ="' + r.choice(['YES', 'NO']) + '"'),
    (r'NAME ="Distinct" VALUE ="[^"]*"', lambda m, r: 'NAME ="Distinct" VALUE ="' + r.choice(['YES', 'NO']) + '"'),
    (r'NAME ="Case Sensitive" VALUE ="[^"]*"', lambda m, r: 'NAME ="Case Sensitive" VALUE ="' + r.choice(['YES', 'NO']) + '"'),
    (r'NAME ="Current Value" VALUE ="[^"]*"', lambda m, r: 'NAME ="Current Value" VALUE ="' + r.choice(['1', '0', '-5', '2147483646', '9223372036854775806']) + '"'),
    (r'NAME ="Increment By" VALUE ="[^"]*"', lambda m, r: 'NAME ="Increment By" VALUE ="' + r.choice(['1', '2', '1000']) + '"'),
    (r'NAME ="End Value" VALUE ="[^"]*"', lambda m, r: 'NAME ="End Value" VALUE ="' + r.choice(['3', '10', '2147483647', '9223372036854775807']) + '"'),
    (r'NAME ="Cycle" VALUE ="[^"]*"', lambda m, r: 'NAME ="Cycle" VALUE ="' + r.choice(['YES', 'NO']) + '"'),
    (r'NAME ="Top/Bottom" VALUE ="[^"]*"', lambda m, r: 'NAME ="Top/Bottom" VALUE ="' + r.choice(['Top', 'Bottom']) + '"'),
    (r'NAME ="Number of Ranks" VALUE ="[^"]*"', lambda m, r: 'NAME ="Number of Ranks" VALUE ="' + r.choice(['1', '2', '5']) + '"'),
    (r'NAME ="Null ordering in master" VALUE ="[^"]*"', lambda m, r: 'NAME ="Null ordering in master" VALUE ="' + r.choice(['Null is Highest Value', 'Null is Lowest Value']) + '"'),
    (r'NAME ="Null ordering in detail" VALUE ="[^"]*"', lambda m, r: 'NAME ="Null ordering in detail" VALUE ="' + r.choice(['Null is Highest Value', 'Null is Lowest Value']) + '"'),
    (r'NAME ="Treat source rows as" VALUE ="[^"]*"', lambda m, r: 'NAME ="Treat source rows as" VALUE ="' + r.choice(['Insert', 'Update', 'Delete', 'Data driven']) + '"'),
    (r'NAME ="Enable high precision" VALUE ="[^"]*"', lambda m, r: 'NAME ="Enable high precision" VALUE ="' + r.choice(['YES', 'NO']) + '"'),
    (r'NAME ="Update Strategy Expression" VALUE ="[^"]*"', lambda m, r: 'NAME ="Update Strategy Expression" VALUE ="' + r.choice(['DD_INSERT', 'DD_UPDATE', 'DD_DELETE', 'DD_REJECT', 'IIF(ISNULL(1), DD_INSERT, DD_UPDATE)']) + '"'),
    # A port loses its connector: unconnected inputs, defaults, Source Qualifier ports nobody reads.
    (r'<CONNECTOR [^>]*/>', lambda m, r: ''),
    (r'DEFAULTVALUE ="[^"]*"', lambda m, r: 'DEFAULTVALUE ="' + r.choice(['', '0', '-1', '&apos;X&apos;', 'NULL', 'ERROR(&apos;bad&apos;)']) + '"'),
    (r'EXPRESSION ="([^"]*?)\b(SUM|MAX|MIN|AVG|COUNT)\(', lambda m, r: m.group(0)[:-len(m.group(2)) - 1] + r.choice(['SUM', 'MAX', 'MIN', 'AVG', 'COUNT', 'FIRST', 'LAST']) + '('),
    (r'NULLABLE ="(NULL|NOTNULL)"', lambda m, r: 'NULLABLE ="' + r.choice(['NULL', 'NOTNULL']) + '"'),
    (r'KEYTYPE ="(NOT A KEY|PRIMARY KEY)"', lambda m, r: 'KEYTYPE ="' + r.choice(['NOT A KEY', 'PRIMARY KEY']) + '"'),
    (r'NAME ="Filter Condition" VALUE ="[^"]*"', lambda m, r: 'NAME ="Filter Condition" VALUE ="' + r.choice(['TRUE', 'FALSE', 'NULL', '1', '0']) + '"'),
    (r'EXPRESSION ="([A-Za-z_][A-Za-z0-9_]*)"', lambda m, r: 'EXPRESSION ="' + r.choice(['LTRIM(RTRIM(%s))', 'TO_CHAR(%s)', 'IIF(ISNULL(%s), NULL, %s)', 'UPPER(%s)', 'LENGTH(%s)', 'TO_INTEGER(%s)', 'TO_DECIMAL(%s, 2)']).replace('%s', m.group(1)) + '"'),
    (r'(EXPRESSION|VALUE) ="[^"]*? (AND|OR) ', lambda m, r: m.group(0)[:-len(m.group(2)) - 1] + ('OR ' if m.group(2) == 'AND' else 'AND ')),
    (r'EXPRESSION ="[^"]*?\b(LTRIM|RTRIM|UPPER|LOWER|ROUND|TRUNC)\(', lambda m, r: m.group(0)[:-len(m.group(1)) - 1] + r.choice(['LTRIM', 'RTRIM', 'UPPER', 'LOWER', 'ROUND', 'TRUNC']) + '('),
    (r'EXPRESSION ="([^"]*?[(, ])(\d+)\b(?![.\d])', lambda m, r: m.group(0)[:m.start(2) - m.start(0)] + r.choice(['2.5', '-0.5', '0.125', '1000000.75'])),
    (r'&apos;(YYYY|MM|DD)[^&]*&apos;', lambda m, r: r.choice(['&apos;MM/DD/YYYY&apos;', '&apos;DD-MON-YYYY&apos;', '&apos;YYYYMMDD HH24:MI:SS&apos;', '&apos;YYYY-MM-DD&apos;'])),
]
verdicts = {}
# The output of the first mutant that gave no verdict, shown when no mutant gives one: then the
# options, not the mutants, are wrong (an engine or connections file `migrate verify` rejects).
first_without_verdict = None
for seed in range(first, last + 1):
    r = random.Random(seed)
    source = r.choice(files)
    text = open(source, encoding='utf-8', errors='surrogateescape').read()
    for _ in range(r.randint(1, 4)):
        pattern, edit = r.choice(edits)
        matches = list(re.finditer(pattern, text))
        if matches:
            m = r.choice(matches)
            text = text[:m.start()] + edit(m, r) + text[m.end():]
    path = os.path.join(out, f'mutant{seed}.xml')
    open(path, 'w', encoding='utf-8', errors='surrogateescape').write(text)
    if migrate == '-':
        continue
    run = subprocess.run([migrate, 'verify', path] + engines + ['--generate', '30', '--seed', str(seed % 3 + 1)],
                         capture_output=True, text=True, timeout=300)
    found = re.findall(r': (AGREE|DIFFER|PARTIAL|NOT-PUSHED-DOWN|FAILED) \(', run.stdout + run.stderr)
    crashed = run.returncode not in (0, 1, 2) or 'Fatal error' in run.stderr
    if not found and not crashed:
        found = [f'no verdict (exit {run.returncode})']
        if first_without_verdict is None:
            first_without_verdict = (seed, (run.stdout + run.stderr)[-1500:])
    for verdict in found + (['CRASH'] if crashed else []):
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    if 'FAILED' in found:
        # A native failure is the mutant being refused (an invalid export); a failure on a SQL
        # engine is worth reading (so far: a NULL or a repeated key reaching a constrained column).
        for line in (run.stdout + run.stderr).splitlines():
            if 'problem:' in line and 'problem: native:' not in line:
                print(f'mutant {seed} FAILED on SQL: {line.strip()[:300]}')
    if crashed or 'DIFFER' in found:
        print(f'mutant {seed} of {os.path.basename(source)}: exit {run.returncode}, {found}')
        print((run.stdout + run.stderr)[-1500:])
    else:
        os.remove(path)
if migrate == '-':
    sys.exit(f'wrote {last - first + 1} mutants to {out}')
print(verdicts)
if first_without_verdict and all(key.startswith('no verdict') for key in verdicts):
    seed, output = first_without_verdict
    sys.exit(f'no mutant gave a verdict: check the options; mutant {seed} printed:\n{output}')
