"""A hub service: routers nested across modules with options at every level."""
