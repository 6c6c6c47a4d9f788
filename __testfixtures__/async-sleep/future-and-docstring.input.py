#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Polling helpers."""
from __future__ import annotations

from time import sleep


async def poll(n: int) -> None:
    for _ in range(n):
        sleep(1)
