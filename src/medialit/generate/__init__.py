"""Generating a complete course from an article: pages, quiz banks and notebooks."""
