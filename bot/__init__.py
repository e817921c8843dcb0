"""The bot: Rasa's config and domain (config.yml, domain/, endpoints.yml), the gateway,
and the launcher that starts the whole stack."""
