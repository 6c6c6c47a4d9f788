import os

# A maintenance script run by hand or in CI, not part of the deployed app.
token = os.getenv("GITHUB_TOKEN")
assert token
