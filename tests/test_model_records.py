"""The records of the model and of the results behave as frozen dataclasses would (fields, a changed
copy, pickling, repr, ==, hash, no assignment), though they are plain classes written in model.py and
results.py: @dataclass would generate their methods at every start and import inspect behind it
(bench/cli_startup.py measures what that saves)."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff import config, model, records, results

CLASSES = [model.Metadata, model.Footnote, model.Paragraph, model.ParseWarning, model.Document, model.Change,
           model.DocumentDiff, results.Finding, results.Pair, results.CheckResult, results.DocumentFinding,
           results.SessionResult, results.Lineage, results.Series, results.BlameClause, results.BlameParagraph,
           results.Update, results.Carried, results.CarriedNote, results.CarryResult, config.Config, config.UserRule]
MUTABLE = {results.SessionResult}  # the session fills it in as its pairs are checked
ROOT = Path(__file__).resolve().parent.parent


def _fields(cls) -> tuple[str, ...]:
    return tuple(cls.__annotations__)


@pytest.fixture
def unchecked(monkeypatch):
    """The records' own checks of their values switched off: any value may stand in any field."""
    for cls in CLASSES:
        if "__post_init__" in cls.__dict__:
            monkeypatch.setattr(cls, "__post_init__", lambda self: None)


def _given(cls) -> dict:
    """A value of its own for every field: a field __init__ forgets or swaps shows."""
    return {name: f"{cls.__name__}.{name}" for name in _fields(cls)}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_class_takes_its_fields_in_order_and_sets_each(cls, unchecked):
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == list(_fields(cls)) == list(cls._names)
    kinds = {p.kind for p in params}
    assert kinds == ({inspect.Parameter.KEYWORD_ONLY} if cls in (results.Finding, results.DocumentFinding)
                     else {inspect.Parameter.POSITIONAL_OR_KEYWORD})
    for p in params:  # a default written on the class as well is the same as __init__'s
        if p.name in cls.__dict__ and not isinstance(cls.__dict__[p.name], type(model.Footnote.text)):
            assert cls.__dict__[p.name] == p.default, p.name
    if "__slots__" in cls.__dict__:
        assert cls.__slots__ == cls._names
    values = _given(cls)
    item = cls(**values)
    assert {name: getattr(item, name) for name in values} == values


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_a_record_reads_compares_and_hashes_as_the_dataclass_of_its_fields(cls, unchecked):
    """The same record as @dataclass(frozen=True) would write it, field for field: repr, ==, hash, pickling."""
    reference = dataclasses.make_dataclass(cls.__name__, [(n, cls.__annotations__[n]) for n in _fields(cls)],
                                           frozen=cls not in MUTABLE)
    reference.__qualname__ = cls.__qualname__
    values = _given(cls)
    item, twin = cls(**values), reference(**values)
    assert repr(item) == repr(twin)
    assert item == cls(**values) and not item != cls(**values)
    assert item != twin and item != values  # another class is never equal
    name = _fields(cls)[-1]
    assert item != item.replace(**{name: "other"}) and item.replace() == item
    for copied in (pickle.loads(pickle.dumps(item, protocol=p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)):
        assert copied == item and type(copied) is cls
    assert copy.deepcopy(item) == item
    if cls in MUTABLE:
        with pytest.raises(TypeError):
            hash(item)
        setattr(item, name, "other")
        assert getattr(item, name) == "other"
        return
    assert hash(item) == hash(twin)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(item, name, "other")
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(item, name)
    assert getattr(item, name) == values[name]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_a_changed_copy_keeps_every_other_field(cls, unchecked):
    """record.replace() stands for dataclasses.replace, which does not read a record (not a dataclass)."""
    values = _given(cls)
    item = cls(**values)
    assert model.fields(item) == model.fields(cls) == _fields(cls)
    for name in _fields(cls):
        changed = item.replace(**{name: "other"})
        assert type(changed) is cls and getattr(changed, name) == "other"
        assert {n: getattr(changed, n) for n in values if n != name} == {n: v for n, v in values.items() if n != name}
        assert getattr(item, name) == values[name]  # the record itself is untouched
    with pytest.raises(TypeError):
        item.replace(no_such_field=1)
    assert not dataclasses.is_dataclass(item)


def test_the_checks_of_a_paragraph_and_a_change_still_run():
    with pytest.raises(ValueError, match="unknown paragraph kind"):
        model.Paragraph("PP1", "clause", "text")
    with pytest.raises(ValueError, match="an insertion has new ids only"):
        model.Change(model.INSERTED, ("OP1",), ("OP1",))
    with pytest.raises(ValueError, match="unknown rule"):
        results.Finding(rule="no-such-rule", severity="error", source=None, target=None, message="")
    with pytest.raises(ValueError, match="one entry per version"):
        results.Lineage(("OP1",), (), (), ())
    with pytest.raises(ValueError, match="asked of a pair or a session"):
        results.SessionResult(asked="folder")


def test_the_defaults_of_a_session_result_are_its_own_lists():
    a, b = results.SessionResult(), results.SessionResult()
    a.results.append("x")
    assert b.results == [] and b.findings == [] and b.asked == results.SESSION


def test_the_methods_are_written_in_the_module_not_generated_at_import():
    """@dataclass would exec() generated source for each (file "<string>"): most of the module's import."""
    for cls in CLASSES:
        for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
            code = getattr(getattr(cls, name), "__code__", None)  # (the mutable one keeps object's setattr)
            assert code is None or code.co_filename in (model.__file__, results.__file__, config.__file__,
                                                         records.__file__), (cls.__name__, name)


@pytest.mark.parametrize("args", [["diff", "--format", "json"], ["parse", "--format", "json"], ["parse", "pdf"],
                                  ["check", "-f", "json"]], ids=" ".join)
def test_a_parse_or_a_diff_never_imports_dataclasses(args, tmp_path):
    """dataclasses imports inspect, ast, dis and tokenize: a tenth of a diff's start-up."""
    pair = [str(ROOT / "samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt"), str(ROOT / "samples/A-RES-75-62.zh.txt")]
    argv = [args[0], *(pair if args[0] == "diff" else pair[1:]), *args[1:]]
    if args[0] == "check":  # a session's main process (and its fork server, which imports the same)
        argv = ["check", str(ROOT / "tests/data/A-RES-75-62.en.unofficial.txt"), pair[1], *args[1:]]
    if args[-1] == "pdf":  # a PDF's parse (where typing, too, was imported)
        from layout import write_pdf

        pdf = write_pdf(Path(pair[1]).read_text("utf-8"), tmp_path / "A-RES-75-62.zh.pdf")
        argv = ["parse", str(pdf), "--format", "json"]
    code = ("import runpy, sys\nsys.argv = ['resdiff', *sys.argv[1:]]\ntry:\n    runpy.run_module('resdiff', "
            "run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted({'dataclasses', 'inspect', 'typing'} & set(sys.modules)), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd="/")
    assert run.stdout.startswith("{") and run.stderr.strip().splitlines()[-1] == "[]", run.stderr


def test_a_typed_line_is_a_record_too():
    """blocks.Line, made from records.py as the model's records are (its own checks kept in its __init__)."""
    from resdiff.blocks import FOOTNOTE, Line

    line = Line("1 See A/75/1.", 40, page=2, starts=True, role=FOOTNOTE, marker="1")
    assert repr(line) == ("Line(text='1 See A/75/1.', line=40, page=2, starts=True, role='footnote', marker='1')")
    assert line == Line("1 See A/75/1.", 40, 2, True, FOOTNOTE, "1") and hash(line) == hash(line.replace())
    assert pickle.loads(pickle.dumps(line)) == line and not hasattr(line, "__dict__")
    assert line.replace(line=41) != line and model.fields(line) == ("text", "line", "page", "starts", "role", "marker")
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "other"
    with pytest.raises(ValueError, match="only a footnote line has a marker"):
        line.replace(role="unknown")


SLOTTED = [cls for cls in CLASSES if "__slots__" in cls.__dict__]


@pytest.mark.parametrize("cls", SLOTTED, ids=lambda c: c.__name__)
def test_records_made_again_from_their_rows_are_equal_and_call_no_init(cls, unchecked, monkeypatch):
    """records.rows and from_rows (a session's scratch documents): the same records, every field in its place,
    with no call of __init__ a record; no rows, no records."""
    made = [cls(**{name: f"{value}#{i}" for name, value in _given(cls).items()}) for i in range(3)]
    kept = pickle.loads(pickle.dumps(records.rows(cls, made)))
    assert all(type(row) is tuple for row in kept)
    monkeypatch.setattr(cls, "__init__", lambda self, *a, **k: pytest.fail("__init__ called"))
    again = records.from_rows(cls, kept)
    assert again == made and [type(r) for r in again] == [cls] * 3
    assert [[getattr(r, n) for n in cls._names] for r in again] == [[getattr(r, n) for n in cls._names] for r in made]
    assert records.from_rows(cls, ()) == []
