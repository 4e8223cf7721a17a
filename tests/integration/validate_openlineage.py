#!/usr/bin/env python3
"""Validates OpenLineage events (JSON lines) against the OpenLineage JSON schemas.

usage: validate_openlineage.py SPEC_DIR CUSTOM_FACETS_DIR EVENTS.jsonl

SPEC_DIR holds OpenLineage.json and facets/*.json (tests/data/openlineage/spec); each facet
of an event (run, job, dataset, input and output facets) is validated against the schema of
its own file, found by the facet's key; a facet no schema describes is an error. Schemas
refer to each other by their $id URLs, resolved from the local files only.

Exit 0: every event is valid; 1: some are not (each error is printed with its line);
77: jsonschema (Debian's python3-jsonschema, draft 2020-12) is not available.
"""
import json
import pathlib
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator, RefResolver
except ImportError as e:  # pragma: no cover
    print(f"SKIP: jsonschema is not available ({e})")
    sys.exit(77)


def load_schemas(*dirs):
    store, by_key = {}, {}
    for d in dirs:
        for path in sorted(pathlib.Path(d).rglob("*.json")):
            schema = json.loads(path.read_text())
            store[schema["$id"]] = schema
            for key in schema.get("properties", {}):
                by_key[key] = schema
    return store, by_key


def main():
    spec_dir, custom_dir, events_file = sys.argv[1:4]
    store, by_key = load_schemas(spec_dir, custom_dir)
    core = store["https://openlineage.io/spec/2-0-2/OpenLineage.json"]
    resolver = RefResolver.from_schema(core, store=store)
    checker = jsonschema.FormatChecker()
    if "date-time" not in checker.checkers:  # rfc3339-validator is not packaged for Debian 12
        rfc3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

        @checker.checks("date-time")
        def is_date_time(value):
            return not isinstance(value, str) or bool(rfc3339.match(value))
    if "uri" not in checker.checkers:
        print("note: python3-rfc3987 is not installed, so 'uri' formats are not checked")
    event_schema = {"$ref": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}
    errors = 0
    checked = {"events": 0, "facets": 0}

    def report(line, where, error):
        nonlocal errors
        errors += 1
        path = "/".join(str(p) for p in error.absolute_path)
        print(f"line {line}: {where}{'/' + path if path else ''}: {error.message}")

    def check_facets(line, where, facets):
        if not isinstance(facets, dict):
            return
        for key, value in facets.items():
            schema = by_key.get(key)
            if schema is None:
                nonlocal errors
                errors += 1
                print(f"line {line}: {where}/{key}: no schema describes this facet")
                continue
            checked["facets"] += 1
            v = Draft202012Validator(schema, resolver=RefResolver.from_schema(schema, store=store), format_checker=checker)
            for error in v.iter_errors({key: value}):
                report(line, where, error)

    validator = Draft202012Validator(event_schema, resolver=resolver, format_checker=checker)
    lines = pathlib.Path(events_file).read_text().splitlines()
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            event = json.loads(text)
        except json.JSONDecodeError as e:
            errors += 1
            print(f"line {number}: not JSON: {e}")
            continue
        checked["events"] += 1
        for error in validator.iter_errors(event):
            report(number, "event", error)
        check_facets(number, "run.facets", event.get("run", {}).get("facets"))
        check_facets(number, "job.facets", event.get("job", {}).get("facets"))
        for side in ("inputs", "outputs"):
            for i, ds in enumerate(event.get(side, [])):
                check_facets(number, f"{side}[{i}].facets", ds.get("facets"))
                check_facets(number, f"{side}[{i}].inputFacets", ds.get("inputFacets"))
                check_facets(number, f"{side}[{i}].outputFacets", ds.get("outputFacets"))
    print(f"checked {checked['events']} events and {checked['facets']} facets: {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
