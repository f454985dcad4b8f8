"""Schemathesis hooks for tests/tools/schemathesis.sh.

tus sends file bytes as `application/offset+octet-stream`: the same raw bytes as
`application/octet-stream`, under the name the protocol gives them.
"""

import schemathesis

schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
