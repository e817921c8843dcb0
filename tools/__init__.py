"""Process tooling and measurement: the launcher, the evaluation, benchmark, profile, soak
and scrubber measurement. Nothing in the product imports it, and no deployment runs it."""
