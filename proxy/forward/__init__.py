"""HTTPS_PROXY mode: CONNECT handling, TLS interception with sladd's local CA, tunnels and which
targets are intercepted, tunnelled or refused."""
