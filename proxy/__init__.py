"""sladd: the proxy service, in packages along a request's path.

:data:`LAYERS` lists the packages and loose modules lowest first; a module imports only its
own layer and those below it (``tests/proxy/test_layers.py`` reads every import to check it,
and that there is no import cycle).
"""

LAYERS = (
    "proxy.support",
    "proxy.vault",
    "proxy.detection",
    "proxy.scrub",
    "proxy.audit",
    "proxy.providers",
    "proxy.settings",
    "proxy.review",
    "proxy.build",
    "proxy.routes",
    "proxy.access",
    "proxy.forward",
    "proxy.http",
    "proxy.cli",
)
"""sladd's layers, lowest first: helpers with no sladd concept in them; the vault; detection;
the I/O-free scrub core; the redaction log; the providers' wire formats; settings; the review
page and feedback; building the detector and scrubber from settings; the route table; proxy
keys; HTTPS_PROXY mode; the HTTP app; the command line."""
