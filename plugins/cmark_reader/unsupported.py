"""Python-Markdown `extra` syntax that cmark lacks: where a body uses it, and what to write instead."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Syntax:
    name: str
    hint: re.Pattern  # searched in "\n" + the whole body; it starts with a literal, so the search is quick
    line: re.Pattern  # finds it in one line
    instead: str


SYNTAXES = (
    Syntax(
        "an attribute list",
        re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}[ \t]*(?:\n|$)"),
        re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}[ \t]*$"),
        'write the element as raw HTML with its attributes, e.g. <h2 id="…" class="…">…</h2>',
    ),
    Syntax(
        "an abbreviation",
        re.compile(r"\n[ ]{0,3}\*\["),
        re.compile(r"^[ ]{0,3}\*\[[^\]\n]+\]:.*$"),
        'write <abbr title="…">…</abbr> where the term is used',
    ),
    Syntax(
        "a definition list",
        re.compile(r"\n[ ]{0,3}:[ \t]+\S"),
        re.compile(r"^[ ]{0,3}:[ \t]+\S.*$"),
        "write it as raw HTML: <dl><dt>term</dt><dd>definition</dd></dl>",
    ),
    Syntax(
        'markdown="1" in HTML',
        re.compile(r"arkdown\s*="),  # a literal start is searched for far quicker than [mM]
        re.compile(r"""<[A-Za-z][^>\n]*\smarkdown\s*=\s*["']?(?:1|block|span)\b[^>\n]*>""", re.I),
        "write the content as HTML, or leave a blank line after the opening tag and before the closing one, "
        "so that the Markdown between them is read",
    ),
)
FENCE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, in the whole file
    syntax: Syntax
    text: str

    def message(self, path):
        return (
            f"{path}:{self.line}: {self.syntax.name} ({self.text.strip()}) is not supported by the Markdown "
            f"reader and would show as plain text; {self.syntax.instead}"
        )


def unsupported(body, first_line):
    """The Findings in `body`, whose first line is line `first_line` of its file; fenced code is skipped."""
    text = "\n" + body
    # nearly every file has none of these, and then its lines are not looked at
    suspected = [syntax for syntax in SYNTAXES if syntax.hint.search(text)]
    if not suspected:
        return []
    findings = []
    fence = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        marker = FENCE.match(line)
        if fence is None and marker:
            fence = marker["fence"]
            continue
        if fence is not None:
            closing = marker and marker["fence"][0] == fence[0] and len(marker["fence"]) >= len(fence)
            if closing and not line.strip().strip(fence[0]):
                fence = None
            continue
        for syntax in suspected:
            match = syntax.line.search(line)
            if match:
                findings.append(Finding(number, syntax, match[0]))
                break
    return findings
