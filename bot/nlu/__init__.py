"""Custom NLU components for Rasa's pipeline (bot/config.yml) and the rules they apply.

The rules are plain functions with no Rasa imports, so the gateway can apply the
same urgency rules when Rasa is down, and each rule can be unit-tested on its own.
"""
