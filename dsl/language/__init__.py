"""The language stage: plan text -> parse tree -> model -> checks, with located diagnostics."""
