"""Read the writers' Markdown files with cmark-gfm, a C implementation of CommonMark, not Python-Markdown.

Files ending in .md, .markdown, .mkd and .mdown are read by this plugin once "cmark_reader" is in PLUGINS.

What the writers can use:

- The metadata header, exactly as before: `Key: value` lines, indented continuation lines, an optional
  `---` fence, up to the first blank line. Summary (and any other FORMATTED_FIELDS) is Markdown.
- CommonMark (https://spec.commonmark.org/): paragraphs, headings, emphasis, lists, block quotes, code
  spans, indented and fenced code, links, images, `<https://…>` links, hard line breaks, and raw HTML,
  which is passed through unchanged.
- From GitHub Flavored Markdown: tables (`| a | b |` with a `|---|:-:|` line; alignment is written as a
  style attribute) and strikethrough with two tildes (`~~gone~~`). A single tilde stays a tilde ("~5 min").
  Bare URLs and e-mail addresses are NOT made into links, as before: write `<https://…>` or `[text](…)`.
- Footnotes: `text[^1]` and `[^1]: the note.` The notes are listed in a `<section class="footnotes">`
  at the end of the text (Python-Markdown wrote a `<div class="footnote">`).
- Pelican's links to other content: `{filename}`, `{static}`, `{attach}`, `{category}`, `{tag}`,
  `{author}` and `{index}`, in links and images.
- Fenced code with a language Pygments knows (```` ```python ````) is highlighted with Pygments, in the same
  `<div class="highlight">` markup as before. Code without a language, or with an unknown one, is plain
  `<pre><code>` (an unknown language stays in its `language-…` class); Python-Markdown guessed a language
  and wrapped it in `<div class="highlight">`.

What is not supported, and shows as plain text (a warning names the file and line): attribute lists
(`{: .class}`, `{#id}`), abbreviations (`*[HTML]: …`), definition lists (`: definition`) and
`markdown="1"` inside HTML. Write the element as raw HTML instead.
"""

from .cmark_reader import CmarkReader, register

__all__ = ["CmarkReader", "register"]
