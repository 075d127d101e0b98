"""`python -m intl_sdk` runs the `intl` command line."""

from intl_sdk.cli import entry

entry()
