"""The Rasa project: config.yml, domain/, endpoints.yml, credentials.yml and the custom
NLU components (bot/nlu). Nothing else lives here; see CONTRIBUTING.md for the map."""
