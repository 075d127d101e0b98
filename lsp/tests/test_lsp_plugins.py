"""A plugin that raises is a `plugin-error` diagnostic, never the end of the server.

The suite's deliberately broken plugin (`tests/fixtures/broken-plugin`: a
module that fails to import, hooks that raise or return garbage, a check that
divides by zero) is installed with uv into a folder of its own, which the
server finds on its PYTHONPATH through the plugin's entry points, as it would
find any installed plugin.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import pytest_asyncio
from lsprotocol import types

from lsp_client import EXAMPLES, REPO, Document, RecordingClient, config, server_env, start

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("lsp_plugins")



@pytest.fixture(scope="module")
def broken_plugin(tmp_path_factory):
    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        pytest.fail("uv is needed to install the broken plugin (the README's commands install it)")
    target = tmp_path_factory.mktemp("broken-plugin")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "UV_PROJECT"))}
    installed = subprocess.run(
        [uv, "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(REPO / "tests" / "fixtures" / "broken-plugin")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    return target


@pytest_asyncio.fixture
async def broken_client(broken_plugin):
    client = await config(server_env(PYTHONPATH=str(broken_plugin))).start()
    await start(client)
    yield client
    await client.shutdown_session()
    await client.stop()


@pytest.mark.asyncio
async def test_a_plugin_that_raises_is_a_plugin_error_and_the_server_carries_on(broken_client: RecordingClient):
    client = broken_client
    document, diagnostics = await Document.open(client, EXAMPLES / "nwda.toml")
    errors = [d.message for d in diagnostics if d.code == "plugin-error"]
    assert any("check broken/explodes" in m and "ZeroDivisionError" in m for m in errors)
    assert any("ImportError: this plugin needs a module that is not installed" in m for m in errors)
    assert any("RuntimeError: the framework's database is unreachable" in m for m in errors)
    assert "shares-sum" in {d.code for d in diagnostics}  # the other checks still ran

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=document.uri),
            position=document.position("share = 24", delta=1),
        )
    )
    assert hover is not None and "shares-sum" in hover.contents.value  # still answering

    version = document.change(document.text.replace("share = 24\n", "share = 25\n", 1))
    after = await client.diagnostics_of(document.uri, version)
    assert "shares-sum" not in {d.code for d in after}
    assert any(d.code == "plugin-error" for d in after)
