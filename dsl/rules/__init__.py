"""The rules stage: model -> SLA rule JSON (with its schema), and the deadline engine that reads only that JSON."""
