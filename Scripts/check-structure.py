#!/usr/bin/env python3
"""make lint's structural checks: what swift-format cannot see.

  1. The platform's C library is imported in one shim file per module (a file in a
     `Platform/` folder): no `#if canImport(Glibc)` and no `import Glibc` anywhere else.
  2. No function, initializer, subscript or computed property in Sources/ is longer than 60
     lines, signature and braces included (generated tables, `+Generated.swift`, are exempt).
  3. A catalog function is defined in one file: no string literal anywhere else in Sources/
     (framework presets aside) is exactly its canonical name, so no code tests a function's
     name (words that are also parameter names or choices, such as `threshold`, are exempt).

Usage: python3 Scripts/check-structure.py   (from anywhere; exits 1 and lists every finding)
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 60


def tracked_swift_files():
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.swift"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [path for path in listing.splitlines() if os.path.exists(os.path.join(ROOT, path))]


def is_shim(path):
    return "/Platform/" in path


def blank_out(source):
    """The source with comments and string literals replaced by spaces (newlines kept), and
    the string literals found: [(line, text)]."""
    out = []
    literals = []
    i, n, line = 0, len(source), 1

    def keep_newlines(text):
        return "".join(c if c == "\n" else " " for c in text)

    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            j = n if j < 0 else j
            out.append(keep_newlines(source[i:j]))
            i = j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(keep_newlines(source[i:j]))
            line += source.count("\n", i, j)
            i = j
        elif c == '"' or (c == "#" and re.match(r'#+"', source[i:])):
            hashes = len(re.match(r'#*', source[i:]).group(0))
            start = i + hashes
            triple = source.startswith('"""', start)
            quote = '"""' if triple else '"'
            close = quote + "#" * hashes
            j = start + len(quote)
            text = []
            depth = 0
            while j < n:
                if depth == 0 and source.startswith(close, j):
                    break
                if source[j] == "\\" and hashes == 0:
                    if source.startswith("\\(", j):
                        depth += 1
                        j += 2
                        continue
                    text.append(source[j:j + 2])
                    j += 2
                    continue
                if depth > 0 and source[j] == "(":
                    depth += 1
                elif depth > 0 and source[j] == ")":
                    depth -= 1
                text.append(source[j])
                j += 1
            j = min(n, j + len(close))
            literals.append((line, "".join(text)))
            out.append(keep_newlines(source[i:j]))
            line += source.count("\n", i, j)
            i = j
        else:
            if c == "\n":
                line += 1
            out.append(c)
            i += 1
    return "".join(out), literals


DECLARATION = re.compile(
    r"\b(func\s+[^\s(<]+|init[?!]?(?=\s*[(<])|subscript(?=\s*[(<])|deinit(?=\s*\{)"
    r"|(?:get|set|didSet|willSet)(?=\s*\{)|var\s+\w+(?=\s*:[^=\n{]+\{))")


def long_bodies(path, code):
    """(line, name, length) for every declaration whose body runs over LIMIT lines."""
    findings = []
    for match in DECLARATION.finditer(code):
        start = match.start()
        # The body's opening brace: the first '{' after the signature at parenthesis depth 0.
        depth = 0
        j = match.end()
        while j < len(code):
            ch = code[j]
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif ch == "{" and depth == 0:
                break
            elif ch in ";}" and depth == 0:
                j = -1
                break
            j += 1
        if j < 0 or j >= len(code):
            continue
        braces = 0
        k = j
        while k < len(code):
            if code[k] == "{":
                braces += 1
            elif code[k] == "}":
                braces -= 1
                if braces == 0:
                    break
            k += 1
        first = code.count("\n", 0, start) + 1
        last = code.count("\n", 0, k) + 1
        if last - first + 1 > LIMIT:
            findings.append((first, match.group(1).split()[-1], last - first + 1))
    return findings


def catalog_names(files):
    """{normalised name: defining file} for the catalog's canonical names, and the words its
    parameters use (their names and choices: softplus' `threshold`, gelu's `tanh`), which may
    appear anywhere."""
    names, words = {}, set()
    entry = re.compile(r'CatalogEntry\(\s*name:\s*"([^"]+)"')
    parameter = re.compile(r'Parameter\.(?:real|choice)\(\s*"([^"]+)"(?:[^\[\n]*\[([^\]]*)\])?')
    for path in files:
        if not path.startswith("Sources/ActivationCore/"):
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            source = f.read()
        for match in entry.finditer(source):
            names[normalise(match.group(1))] = path
        for match in parameter.finditer(source):
            words.add(normalise(match.group(1)))
            words.update(normalise(w) for w in re.findall(r'"([^"]+)"', match.group(2) or ""))
    return names, words


def normalise(name):
    return re.sub(r"[_\- ]", "", name.lower())


def main():
    os.chdir(ROOT)
    files = tracked_swift_files()
    problems = []
    names, words = catalog_names(files)
    for path in files:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        code, literals = blank_out(source)
        if not is_shim(path):
            for number, text in enumerate(code.splitlines(), 1):
                if re.search(r"canImport\((Glibc|Darwin|Musl)\)|^\s*import\s+(Glibc|Darwin|Musl)\b", text):
                    problems.append(f"{path}:{number}: the C library is imported outside a Platform/ shim")
        if not path.startswith("Sources/"):
            continue
        if not path.endswith("+Generated.swift"):
            for line, name, length in long_bodies(path, code):
                problems.append(f"{path}:{line}: {name} is {length} lines long (at most {LIMIT})")
        if "/Presets/" in path:
            continue
        for line, text in literals:
            key = normalise(text)
            owner = names.get(key) if re.fullmatch(r"[A-Za-z0-9_\- ]+", text) and key not in words else None
            if owner and owner != path:
                problems.append(f"{path}:{line}: \"{text}\" names a catalog function defined in {owner}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-structure: {len(problems)} findings", file=sys.stderr)
        return 1
    print(f"check-structure: {len(files)} files, {len(names)} catalog names: no findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
