"""What every process shares: settings, the chat-turn protocol, i18n and the urgency rules.

It sits below the gateway, the actions and the NLU components, which depend on it and on
the services directory but never on each other (the layer contracts in pyproject.toml).
"""
