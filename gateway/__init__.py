"""The public face of the stack: chat API, widget files and health (FastAPI)."""
