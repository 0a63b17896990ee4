#!/usr/bin/env python3
"""make lint's structural checks: what swift-format cannot see.

  1. The platform's C library is imported in one shim file per module (a file in a
     `Platform/` folder): no `#if canImport(Glibc)` and no `import Glibc` anywhere else.
  2. No function, initializer, subscript or computed property in Sources/ is longer than 60
     lines, signature and braces included (generated tables, `+Generated.swift`, are exempt).
  3. A catalog function is defined in one file: no string literal anywhere else in Sources/
     (framework presets aside) is exactly its canonical name, so no code tests a function's
     name (words that are also parameter names or choices, such as `threshold`, are exempt);
     and a parameter is declared with its typed key (`Parameter.real(.alpha, ...)`).
  4. The libraries speak math, not the tool: no string literal in ActivationCore or
     ActivationPlot names a command-line flag (`--ftz`) or the command (`actplot ...`); and they
     import no Foundation (the standard library and Glibc do: Foundation, linked statically,
     doubles the binary and its start-up relocations).
  5. Subcommands stay thin: each file in ActplotCommand/Subcommands/ is at most 120 lines and
     names no other subcommand's type.
  6. The environment is read once: `getenv` only in a Platform/ shim, and its wrapper
     `POSIX.environment` only where the console's snapshot is taken.

Usage: python3 Scripts/check-structure.py   (from anywhere; exits 1 and lists every finding)
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 60
SUBCOMMANDS = "Sources/ActplotCommand/Subcommands/"
SUBCOMMAND_LIMIT = 120
SNAPSHOT = "Sources/ActplotCommand/Console/ConsoleEnvironment.swift"
LIBRARIES = ("Sources/ActivationCore/", "Sources/ActivationPlot/")


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
    parameters use (their names, from Parameter+Names.swift, and their choices: softplus'
    `threshold`, gelu's `tanh`), which may appear anywhere."""
    names, words = {}, set()
    entry = re.compile(r'CatalogEntry\(\s*name:\s*"([^"]+)"')
    key = re.compile(r'public static let \w+: Self = "([^"]+)"')
    choices = re.compile(r'Parameter\.choice\([^\[\n]*\[([^\]]*)\]')
    for path in files:
        if not path.startswith("Sources/ActivationCore/"):
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            source = f.read()
        for match in entry.finditer(source):
            names[normalise(match.group(1))] = path
        if path.endswith("/Parameter+Names.swift"):
            words.update(normalise(w) for w in key.findall(source))
        for match in choices.finditer(source):
            words.update(normalise(w) for w in re.findall(r'"([^"]+)"', match.group(1)))
    return names, words


def untyped_parameters(path, code):
    """Parameters declared with a name typed as a string instead of a Parameter.Name key."""
    return [
        f"{path}:{code.count(chr(10), 0, m.start()) + 1}: a parameter named by a string; use a "
        "Parameter.Name key (Parameter+Names.swift)"
        for m in re.finditer(r"Parameter\.(?:real|choice)\(\s*(?=[^\s.])", code)
    ]


def normalise(name):
    return re.sub(r"[_\- ]", "", name.lower())


def subcommand_types(files):
    """{type name: defining file} of every subcommand (`struct Eval: ConsoleCommand`)."""
    types = {}
    for path in files:
        if path.startswith(SUBCOMMANDS):
            with open(os.path.join(ROOT, path), encoding="utf-8") as f:
                for match in re.finditer(r"\bstruct\s+(\w+)\s*:", f.read()):
                    types[match.group(1)] = path
    return types


def layering(path, source, code, literals, subcommands):
    """Rules 4 to 6 for one file."""
    problems = []
    if path.startswith(LIBRARIES):
        if re.search(r"^\s*(@_implementationOnly\s+)?import\s+Foundation\b", code, re.MULTILINE):
            problems.append(f"{path}: a library imports Foundation")
        for line, text in literals:
            if re.search(r"(^|[\s(\[`'])--[a-z]", text) or "actplot " in text:
                problems.append(f"{path}:{line}: the library speaks of the command line: \"{text[:60]}\"")
    if path.startswith(SUBCOMMANDS):
        length = source.count("\n")
        if length > SUBCOMMAND_LIMIT:
            problems.append(f"{path}: {length} lines (a subcommand is at most {SUBCOMMAND_LIMIT})")
        for name, owner in subcommands.items():
            if owner != path and re.search(r"\b" + name + r"\b", code):
                problems.append(f"{path}: names the subcommand {name} of {owner}")
    for number, text in enumerate(code.splitlines(), 1):
        if re.search(r"\bgetenv\s*\(", text) and not is_shim(path):
            problems.append(f"{path}:{number}: getenv outside a Platform/ shim")
        if "POSIX.environment(" in text.replace(" ", "") and path != SNAPSHOT:
            problems.append(f"{path}:{number}: the environment is read outside the console's snapshot")
    return problems


def main():
    os.chdir(ROOT)
    files = tracked_swift_files()
    problems = []
    names, words = catalog_names(files)
    subcommands = subcommand_types(files)
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
        problems += layering(path, source, code, literals, subcommands)
        problems += untyped_parameters(path, code)
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
