"""The aiohttp app in front of the providers: request checks, scopes, query policy, one exchange
(scrub, forward, restore) and the one upstream client."""
