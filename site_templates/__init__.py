"""Package data, not code: the Jinja page templates and site assets, shipped as dsl.site.templates."""
