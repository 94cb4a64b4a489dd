"""Package data, not code: the gettext catalogs of the site's own words, shipped as dsl.site.locales."""
