"""The site stage: model -> page views -> rendered pages -> an atomically published folder."""
