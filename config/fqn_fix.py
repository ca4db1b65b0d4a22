#!/usr/bin/env python3
"""Turns inline fully qualified class names in code into imports (the Checkstyle rule in
config/checkstyle.xml forbids them). Skips a name whose simple name would clash with an import, a
type declared in the file or a class of the same package. Usage: config/fqn_fix.py FILE..."""
import os
import re
import sys

FQN = re.compile(r'(?<![\w."@/*{])((?:java|javax|jakarta|dev\.chatcore|io\.undertow|com\.fasterxml|com\.mongodb|org\.bson)'
                 r'(?:\.[a-z]\w*)+)\.([A-Z]\w*)')
IMPORT = re.compile(r'^import\s+(static\s+)?([\w.]+)\s*;', re.M)


def code_spans(text):
    """Yields (start, end) of the parts of text outside comments and string/char literals."""
    i, n, start = 0, len(text), 0
    while i < n:
        c = text[i]
        if text.startswith('//', i) or text.startswith('/*', i) or c in '"\'':
            yield start, i
            if text.startswith('//', i):
                j = text.find('\n', i)
                i = n if j < 0 else j
            elif text.startswith('/*', i):
                j = text.find('*/', i + 2)
                i = n if j < 0 else j + 2
            elif text.startswith('"""', i):
                j = text.find('"""', i + 3)
                i = n if j < 0 else j + 3
            else:
                j = i + 1
                while j < n and text[j] != c:
                    j += 2 if text[j] == '\\' else 1
                i = j + 1
            start = i
        else:
            i += 1
    yield start, n


def fix(path):
    text = open(path, encoding='utf-8').read()
    imports = {m.group(2) for m in IMPORT.finditer(text) if not m.group(1)}
    simple = {name.rsplit('.', 1)[1]: name for name in imports}
    declared = set(re.findall(r'\b(?:class|interface|record|enum)\s+([A-Z]\w*)', text))
    pkg = re.search(r'^package\s+([\w.]+);', text, re.M)
    here = os.path.dirname(path)
    body_start = max((m.end() for m in IMPORT.finditer(text)), default=pkg.end() if pkg else 0)
    added, out, last = set(), [], 0
    for start, end in code_spans(text):
        start = max(start, body_start)
        if start >= end:
            continue
        for m in FQN.finditer(text, start, end):
            full, name = m.group(1) + '.' + m.group(2), m.group(2)
            if pkg and m.group(1) == pkg.group(1):
                ok = True
            elif simple.get(name, full) != full or name in declared or os.path.exists(os.path.join(here, name + '.java')):
                continue
            else:
                ok = True
                if full not in imports:
                    added.add(full)
                    simple[name] = full
            out.append(text[last:m.start()])
            out.append(name)
            last = m.end()
    out.append(text[last:])
    if last == 0:
        return False
    text = ''.join(out)
    if added:
        lines = ''.join('import %s;\n' % a for a in sorted(added))
        m = list(IMPORT.finditer(text))
        at = m[-1].end() + 1 if m else pkg.end() + 1
        text = text[:at] + ('' if m else '\n') + lines + text[at:]
    open(path, 'w', encoding='utf-8').write(text)
    return True


changed = [p for p in sys.argv[1:] if fix(p)]
print('%d files changed' % len(changed))
