"""The rules stage: model -> SLA rule JSON.

export: the rule JSON and its schema; engine: the deadlines, from that JSON alone;
commands: the `due` and `priority` commands' glue.
"""
