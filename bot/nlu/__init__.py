"""Custom NLU components for Rasa's pipeline (bot/config.yml) and the rules only they apply.

The urgency rules they share with the gateway live below both, in `common`.
"""
