"""The Rasa project: config.yml, domain/, endpoints.yml, credentials.yml, the custom NLU
components (bot/nlu) and the command that serves it (rasa_server.py: Rasa's own CLI with
two measured fixes). See CONTRIBUTING.md for the map."""
