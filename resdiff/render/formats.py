"""Which renderer draws each command's result in each format: one table, read by the command line.

A renderer's module is imported only when its format is asked for, so that a JSON diff never loads
rich, the HTML template or the CI formats. Each entry names the options its renderer takes; the others
a command passes are not its concern (a JSON diff has no --context)."""

from __future__ import annotations

from importlib import import_module

# (command, format) -> (module in resdiff.render, function, the keyword options it takes). The terminal
# formats of diff are its views; check's renderers draw a pair of files or a session (two folders, a
# manifest), as its result says it was asked.
RENDERERS: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {
    ("parse", "terminal"): ("terminal.parse", "document_view", ()),
    ("parse", "json"): ("json_", "stream_document", ()),
    ("diff", "inline"): ("terminal.diff", "diff_view", ("markers", "context", "show_routine", "hide_editorial")),
    ("diff", "side-by-side"): ("terminal.diff", "side_by_side_view",
                               ("markers", "context", "show_routine", "hide_editorial")),
    ("diff", "summary"): ("terminal.diff", "summary_view", ("markers", "hide_editorial")),
    ("diff", "json"): ("json_", "stream_diff", ()),
    ("diff", "markdown"): ("markdown", "render_diff", ("context", "hide_editorial")),
    ("diff", "html"): ("html", "render_diff", ("context", "hide_editorial")),
    ("diff", "docx"): ("docx", "render_diff", ("hide_editorial",)),
    ("diff", "pdf"): ("pdf", "render_diff", ("context", "hide_editorial")),
    ("series", "terminal"): ("terminal.series", "series_view", ("markers", "steps", "show_routine")),
    ("series", "json"): ("json_", "render_series", ("steps",)),
    ("series", "markdown"): ("markdown", "render_series", ("steps",)),
    ("series", "html"): ("html", "render_series", ("steps",)),
    ("blame", "terminal"): ("terminal.series", "blame_view", ()),
    ("blame", "json"): ("json_", "render_blame", ()),
    ("check", "terminal"): ("terminal.check", "check_view", ("fail_on", "max_findings")),
    ("check", "json"): ("json_", "render_check", ("fail_on",)),
    ("check", "junit"): ("ci", "render_junit", ("fail_on",)),
    ("check", "github"): ("ci", "render_github", ("fail_on",)),
    ("check", "sarif"): ("ci", "render_sarif", ("fail_on",)),
    ("check", "html"): ("check_html", "render_check_html", ("fail_on",)),
    ("carry", "terminal"): ("terminal.carry", "carry_view", ()),
    ("carry", "json"): ("json_", "render_carry", ()),
    ("carry", "draft"): ("draft", "render_draft", ()),
    ("carry", "xliff"): ("cat", "render_xliff", ()),
    ("carry", "tmx"): ("cat", "render_tmx", ("segmentation",)),
}


# formats whose renderer needs an optional extra: (command, format) -> (the package, the extra)
EXTRAS = {("diff", "docx"): ("python-docx", "docx")}


def render(command: str, format: str, *result, **options):
    """The result of `command` drawn in `format`: text (JSON, Markdown, HTML, ...), whole or as an iterator
    of its pieces, bytes (DOCX, PDF) or a rich renderable (a terminal view), given the options its
    renderer takes among `options`."""
    module, function, takes = RENDERERS[(command, format)]
    try:
        renderer = getattr(import_module(f"{__package__}.{module}"), function)
    except ImportError as e:
        if (command, format) not in EXTRAS:
            raise
        from ..errors import UsageError

        package, extra = EXTRAS[(command, format)]
        raise UsageError(f"--format {format} needs {package} ({e.name} is missing)",
                         hint=f"pip install 'resdiff[{extra}]'") from None
    return renderer(*result, **{name: options[name] for name in takes})
