#!/usr/bin/env python3
"""Parse every `.sql` script `migrate convert --dialect ...` wrote under a folder with sqlglot.

    python3 scripts/parse-sql.py FOLDER

Each `NAME.DIALECT.sql` is parsed whole (comments and all) in its dialect (T-SQL for SQL Server
and Sybase ASE); a script of comments alone gets a closing `SELECT 1;` so that a broken comment
still shows. Prints each script that does not parse with sqlglot's message, then
`checked N failed M`; exits 1 when one fails. Used by hand (with scripts/verify-mutants.py's
written mutants, issue 5 closing notes), not by the test suite, which checks the corpus' scripts
(SQLGlotCorpusTests).
"""
import glob, os, sys

import sqlglot
from sqlglot.errors import ErrorLevel

names = {'sqlserver': 'tsql', 'sybase': 'tsql'}
folder = sys.argv[1]
checked = failed = 0
for path in sorted(glob.glob(os.path.join(folder, '**', '*.sql'), recursive=True)):
    dialect = path.rsplit('.', 2)[-2]
    # Read as bytes decoded without newline translation: a carriage return must reach sqlglot.
    text = open(path, encoding='utf-8', errors='replace', newline='').read()
    if ';\n' not in text:
        text += 'SELECT 1;\n'
    checked += 1
    try:
        trees = sqlglot.parse(text, read=names.get(dialect, dialect), error_level=ErrorLevel.RAISE)
        if not trees or any(tree is None for tree in trees):
            raise ValueError('no statement')
    except Exception as error:
        failed += 1
        print(f'{path}: {str(error)[:300]}')
print(f'checked {checked} failed {failed}')
sys.exit(1 if failed else 0)
