"""Load, validate and render the certification guide's YAML content.

Plain Python with no MkDocs imports: ``main.py`` at the repository root is the only glue.
"""
