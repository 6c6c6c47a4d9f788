#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Polling helpers."""
from __future__ import annotations

import asyncio


async def poll(n: int) -> None:
    for _ in range(n):
        await asyncio.sleep(1)
