"""Structural validation against the shipped JSON Schemas (Draft 7).

Owns loading ``schema/scenario.schema.json`` (and ``schema/note.schema.json`` for
learning notes, checked the same way) and turning schema violations into
coded diagnostics with positions and "did you mean" hints. A compiled validator
(fastjsonschema) answers the common case, a valid file, in a fraction of the
parse time; only a file that fails it is walked by ``jsonschema`` to list every
error. Semantic rules the schema cannot express live in ``checks``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema

from game.content.diagnostics import Diagnostic, did_you_mean, make, plain_text_hint
from game.content.yaml_strict import Document

_TYPE_WORDS = {
    "id": {
        "integer": "bilangan bulat",
        "string": "teks",
        "boolean": "true/false",
        "object": "peta (kunci: nilai)",
        "array": "daftar",
        "text": "teks atau {id: ..., en: ...}",
    },
    "en": {
        "integer": "an integer",
        "string": "a string",
        "boolean": "true/false",
        "object": "a mapping (key: value)",
        "array": "a list",
        "text": "a text or {id: ..., en: ...}",
    },
}


@cache
def schema(name: str = "scenario") -> dict[str, Any]:
    """A schema as shipped with the package: ``scenario`` or ``note``."""
    source = resources.files("game.content").joinpath(f"schema/{name}.schema.json")
    loaded: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


@cache
def _fast_validator(name: str = "scenario") -> Callable[[Any], Any]:
    validate: Callable[[Any], Any] = fastjsonschema.compile(schema(name))
    return validate


def _is_integer(checker: Any, instance: Any) -> bool:
    """An int, never a float: JSON Schema would accept 5.0 as an integer, scenarios do not."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _full_validator(name: str = "scenario") -> Any:
    # imported only to explain a file that fails the fast check (a large import at start-up)
    import jsonschema

    type_checker = jsonschema.Draft7Validator.TYPE_CHECKER.redefine("integer", _is_integer)
    strict = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft7Validator, type_checker=type_checker
    )
    return strict(schema(name))


def _has_float(value: Any) -> bool:
    """Whether ``value`` holds a float anywhere (no scenario field takes one)."""
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_float(item) for item in value)
    return False


def where(path: Iterable[Any]) -> str:
    """A path as writers read it: ``nodes.pagi.choices[0].goto``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"


def check_schema(
    document: Document, file: str, lang: str = "id", name: str = "scenario"
) -> list[Diagnostic]:
    """Diagnostics for every violation of schema ``name`` by ``document`` (empty when valid)."""
    try:
        _fast_validator(name)(document.data)
        if not _has_float(document.data):  # fastjsonschema, too, takes 5.0 for an integer
            return []
    except fastjsonschema.JsonSchemaException:
        pass
    found: list[Diagnostic] = []
    first_error: Any | None = None
    for error in _full_validator(name).iter_errors(document.data):
        first_error = first_error or error
        found.extend(_diagnose(error, document, file, lang))
    if first_error is not None and not found:
        # A refusal this module has no wording for must still be reported, never swallowed.
        found.append(_generic(first_error, document, file, lang))
    unique = {(d.code, d.line, d.col, d.message): d for d in found}
    return sorted(unique.values(), key=lambda d: (d.line, d.col, d.code))


def _diagnose(error: Any, document: Document, file: str, lang: str) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    keyword = str(error.validator)
    fragment: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    expected_value: Any = error.validator_value
    instance: Any = error.instance
    line, col = document.position(path)
    words = _TYPE_WORDS.get(lang, _TYPE_WORDS["id"])
    if keyword == "additionalProperties":
        allowed = list(fragment.get("properties", {}))
        known = set(allowed)
        result = []
        for key in instance:
            if key in known or key.startswith("x-"):
                continue
            result.append(_unknown_key(document, file, lang, path, key, allowed))
        return result
    if keyword == "required":
        missing = [key for key in expected_value if key not in instance]
        return [
            make("SCN012", file, line, col, lang, name=key, where=where(path)) for key in missing
        ]
    if keyword == "anyOf" and _is_text_schema(fragment):
        return _diagnose_text(error, document, file, lang)
    if keyword == "type":
        names = expected_value if isinstance(expected_value, list) else [expected_value]
        return [
            make(
                "SCN011",
                file,
                line,
                col,
                lang,
                where=where(path),
                expected=" / ".join(words.get(str(name), str(name)) for name in names),
                suggestion=plain_text_hint(instance, lang),
            )
        ]
    schema_path = list(error.relative_schema_path)
    if len(schema_path) >= 2 and schema_path[-2] == "propertyNames":
        return _diagnose_name(error, document, file, lang)
    if keyword == "pattern":
        return [make("SCN013", file, line, col, lang, name=error.instance, where=where(path))]
    if keyword in ("minimum", "maximum") and len(path) >= 2 and path[-2] == "score":
        return [make("SCN041", file, line, col, lang, name=path[-1], detail=error.instance)]
    if keyword == "enum" and path and path[0] == "format":
        if type(error.instance) is not int:
            return []  # not an integer at all: the "type" error (SCN011) already says so
        return [make("SCN014", file, line, col, lang, name=error.instance)]
    if keyword == "minItems" and path and path[-1] == "choices":
        return [
            make(
                "SCN022",
                file,
                line,
                col,
                lang,
                name=path[-2],
                detail="choices kosong" if lang == "id" else "choices is empty",
            )
        ]
    return [_generic(error, document, file, lang)]


_DETAILS = {
    "id": {
        "enum": "harus salah satu dari: {value}",
        "minimum": "paling kecil {value}",
        "maximum": "paling besar {value}",
        "minLength": "tidak boleh kosong",
        "minProperties": "tidak boleh kosong",
        "minItems": "tidak boleh kosong",
    },
    "en": {
        "enum": "must be one of: {value}",
        "minimum": "must be at least {value}",
        "maximum": "must be at most {value}",
        "minLength": "must not be empty",
        "minProperties": "must not be empty",
        "minItems": "must not be empty",
    },
}


def _generic(error: Any, document: Document, file: str, lang: str) -> Diagnostic:
    """SCN016 for a value the schema refuses, worded in ``lang`` where we know the keyword."""
    path = tuple(error.absolute_path)
    line, col = document.position(path)
    template = _DETAILS.get(lang, _DETAILS["id"]).get(str(error.validator))
    value: Any = error.validator_value
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    detail = template.format(value=value) if template else error.message
    suggestion = ""
    if error.validator == "enum" and isinstance(error.validator_value, list):
        options = [str(item) for item in error.validator_value]
        suggestion = did_you_mean(str(error.instance).lower(), options, lang) or did_you_mean(
            str(error.instance), options, lang
        )
    return make(
        "SCN016", file, line, col, lang, where=where(path), detail=detail, suggestion=suggestion
    )


def _is_text_schema(fragment: dict[str, Any]) -> bool:
    options = fragment.get("anyOf", [])
    return any(option.get("type") == "string" for option in options)


def _diagnose_text(error: Any, document: Document, file: str, lang: str) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    line, col = document.position(path)
    instance = error.instance
    if not isinstance(instance, dict):
        words = _TYPE_WORDS.get(lang, _TYPE_WORDS["id"])
        return [make("SCN011", file, line, col, lang, where=where(path), expected=words["text"])]
    if "id" not in instance:
        return [make("SCN043", file, line, col, lang, where=where(path))]
    result: list[Diagnostic] = []
    for key, value in instance.items():
        if not isinstance(value, str):
            value_line, value_col = document.position(path + (key,))
            words = _TYPE_WORDS.get(lang, _TYPE_WORDS["id"])
            result.append(
                make(
                    "SCN011",
                    file,
                    value_line,
                    value_col,
                    lang,
                    where=where(path + (key,)),
                    expected=words["string"],
                )
            )
        elif not _is_language_code(key):
            result.append(_unknown_key(document, file, lang, path, key, ["id", "en"]))
    return result


def _is_language_code(key: str) -> bool:
    """The schema's pattern for a TEXT's keys (ASCII: 'id', 'en', 'pt-BR'; 'x-' notes)."""
    return re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?|x-.*", key) is not None


def _unknown_key(
    document: Document, file: str, lang: str, path: tuple[Any, ...], key: str, allowed: list[str]
) -> Diagnostic:
    """SCN010 at the key, with the closest allowed key as a hint."""
    line, col = document.key_position(path + (key,))
    return make(
        "SCN010",
        file,
        line,
        col,
        lang,
        name=key,
        where=where(path),
        suggestion=did_you_mean(key, allowed, lang),
    )


def _diagnose_name(error: Any, document: Document, file: str, lang: str) -> list[Diagnostic]:
    """A bad key in a mapping whose keys are ids, variable names or competencies."""
    path = tuple(error.absolute_path)
    name = error.instance
    key_line, key_col = document.key_position(path + (name,))
    if path and path[-1] == "score":
        from game.core.model import COMPETENCIES

        return [
            make(
                "SCN040",
                file,
                key_line,
                key_col,
                lang,
                name=name,
                suggestion=did_you_mean(str(name), COMPETENCIES, lang),
            )
        ]
    return [make("SCN013", file, key_line, key_col, lang, name=name, where=where(path))]
