"""Process tooling and measurement: the launcher, Rasa's server entry point, the evaluation,
benchmark, profile, soak and scrubber measurement. Nothing in the product imports it."""
