import os

from setuptools import setup

# Packaging reads the environment at build time: not the app's configuration.
IS_LIGHT_BUILD = os.environ.get("APP_LIGHT_BUILD") == "1"

setup(name="app", version=os.getenv("APP_VERSION", "0.1.0"))
