"""The pseudonym vault: the mapping from (scope, label, number) to the real value."""
