"""`intl plugins`: which plugins are installed, what they provide, which failed."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plugins",
        help="list installed plugins, their versions and hooks, and any that failed",
        description="List the plugins found through the 'intl_sdk' entry point group: distribution, "
        "version, the hooks each implements and what it provides; and those that failed to load "
        "(exit status 1 if any did).",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from intl_sdk.display import printable
    from intl_sdk.plugins import installed_plugins

    plugins = installed_plugins().resolve()
    provided = {plugin.name: plugins.provided_by(plugin.name) for plugin in plugins.loaded}
    if args.format == "json":
        print(
            json.dumps(
                {
                    "plugins": [
                        {
                            "name": p.name,
                            "distribution": p.distribution,
                            "version": p.version,
                            "hooks": p.hooks,
                            "provides": provided[p.name],
                        }
                        for p in plugins.loaded
                    ],
                    "failures": [
                        {"name": f.plugin, "distribution": f.distribution, "stage": f.stage, "message": f.message}
                        for f in plugins.failures
                    ],
                },
                indent=2,
            )
        )
        return 1 if plugins.failures else 0
    if not plugins.loaded and not plugins.failures:
        print("No plugins installed. A plugin adds a policy framework: e.g. pip install intl-corallia")
    for plugin in plugins.loaded:
        print(f"{printable(plugin.name)}  ({printable(plugin.distribution)} {printable(plugin.version)})")
        print(f"  hooks: {', '.join(plugin.hooks) or '(none)'}")
        for hook, keys in provided[plugin.name].items():
            print(f"  {hook.replace('_', ' ')}: {printable(', '.join(keys))}")
    if plugins.failures:
        print("\nFailed to load:")
        for failure in plugins.failures:
            print(f"  {printable(str(failure))}")
    return 1 if plugins.failures else 0

